"""The period of a verzuimmelding as schools type it (issue 15, point 2, first part): month names that hold
"to", dates with dashes or slashes, a last day without a year after the first."""

from __future__ import annotations

import datetime as dt

import pytest

from meldingen.velden import lees_periode

NU = dt.date(2026, 11, 30)


@pytest.mark.parametrize(("tekst", "eerste", "laatste"), [
    ("van 1 oktober tot 14 oktober", "2026-10-01", "2026-10-14"),  # "oktober" holds "to"
    ("from 5 October to 16 October", "2026-10-05", "2026-10-16"),
    ("1 okt t/m 9 okt", "2026-10-01", "2026-10-09"),
    ("14-10-2026 tot 28-10-2026", "2026-10-14", "2026-10-28"),  # dashes inside dates
    ("14-10-2026 - 28-10-2026", "2026-10-14", "2026-10-28"),
    ("3-11 tot 14-11", "2026-11-03", "2026-11-14"),  # not November 2014
    ("3/11 t/m 14/11", "2026-11-03", "2026-11-14"),
    ("2-20 november", "2026-11-02", "2026-11-20"),
    ("van 2 t/m 20 november", "2026-11-02", "2026-11-20"),
    ("van 28-12 tot 8-1", "2025-12-28", "2026-01-08"),  # across the turn of the year
    ("van 15 december t/m 3 januari", "2025-12-15", "2026-01-03"),
    ("sinds 1 oktober", "2026-10-01", "2026-11-30"),
])
def test_a_period_as_schools_type_it(tekst: str, eerste: str, laatste: str) -> None:
    assert lees_periode(tekst, NU).waarden == {"eerste_dag": eerste, "laatste_dag": laatste}


def test_a_last_day_without_a_year_is_after_the_first_so_december_typed_in_november_lies_ahead() -> None:
    assert lees_periode("van 20 november tot 3 december", NU).fout == "datum_toekomst"  # not "einde_voor_begin"
    assert lees_periode("van 15 december t/m 3 januari", dt.date(2027, 1, 10)).waarden == {
        "eerste_dag": "2026-12-15", "laatste_dag": "2027-01-03"}


def test_an_end_before_the_start_with_years_given_is_still_refused() -> None:
    assert lees_periode("20-11-2026 tot 3-11-2026", NU).fout == "einde_voor_begin"


def test_a_last_day_earlier_in_the_same_month_is_an_end_before_the_start() -> None:
    assert lees_periode("van 20 t/m 2 november", NU).fout == "einde_voor_begin"
