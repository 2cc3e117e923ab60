"""The school calendar: lesweken, the first two lesweken, school days, working days, own rooster."""

from __future__ import annotations

import datetime as dt

import pytest

from content import load_rule_set
from content.regio_schema import Vakantieregio
from rules.errors import GeenKalender, OngeldigeFeiten
from rules.kalender import Rooster, Schoolkalender, schooljaar_van, werkdagen_na

KALENDER = Schoolkalender(load_rule_set().kalenders)
NOORD, MIDDEN, ZUID = Vakantieregio.NOORD, Vakantieregio.MIDDEN, Vakantieregio.ZUID
D = dt.date


def test_four_school_years_are_loaded() -> None:
    assert KALENDER.schooljaren == ("2024-2025", "2025-2026", "2026-2027", "2027-2028")


@pytest.mark.parametrize(
    ("datum", "schooljaar"),
    [(D(2025, 7, 31), "2024-2025"), (D(2025, 8, 1), "2025-2026"), (D(2026, 1, 15), "2025-2026")],
)
def test_school_year_turns_on_the_first_of_august(datum: dt.date, schooljaar: str) -> None:
    assert schooljaar_van(datum) == schooljaar


def test_first_two_lesweken_follow_the_region_summer_holiday() -> None:
    assert KALENDER.eerste_lesweken("2025-2026", NOORD) == (D(2025, 8, 25), D(2025, 9, 7))
    assert KALENDER.eerste_lesweken("2025-2026", MIDDEN) == (D(2025, 9, 1), D(2025, 9, 14))
    assert KALENDER.eerste_lesweken("2025-2026", ZUID) == (D(2025, 8, 18), D(2025, 8, 31))


def test_the_school_year_2027_2028_follows_the_regions_summer_holiday_of_2027() -> None:
    assert KALENDER.eerste_lesweken("2027-2028", NOORD) == (D(2027, 8, 23), D(2027, 9, 5))
    assert KALENDER.eerste_lesweken("2027-2028", ZUID) == (D(2027, 9, 6), D(2027, 9, 19))
    # 1 March 2028 (a Wednesday): voorjaarsvakantie in midden, a school day in noord.
    assert not KALENDER.is_schooldag(D(2028, 3, 1), MIDDEN)
    assert KALENDER.is_schooldag(D(2028, 3, 1), NOORD)


@pytest.mark.parametrize(
    ("van", "tot", "raakt"),
    [
        (D(2025, 9, 5), D(2025, 9, 12), True),  # ends in the second lesweek (noord)
        (D(2025, 9, 7), D(2025, 9, 7), True),  # the last day (a Sunday) of the second lesweek
        (D(2025, 9, 8), D(2025, 9, 12), False),  # the first day after it
        (D(2025, 8, 18), D(2025, 8, 22), False),  # still summer holiday in noord
    ],
)
def test_range_touching_the_first_two_lesweken(van: dt.date, tot: dt.date, raakt: bool) -> None:
    assert KALENDER.raakt_eerste_lesweken(van, tot, NOORD) is raakt


def test_school_days_skip_holidays_weekends_and_public_holidays() -> None:
    # Midden 2026: meivakantie 25 April - 3 May; 5 May 2026 is no lustrum year, so a school day.
    assert KALENDER.schooldagen(D(2026, 4, 20), D(2026, 5, 8), MIDDEN) == 10
    # Hemelvaart 14 May 2026 is a public holiday.
    assert KALENDER.schooldagen(D(2026, 5, 11), D(2026, 5, 15), MIDDEN) == 4
    assert not KALENDER.is_schooldag(D(2026, 4, 27), NOORD)  # Koningsdag


def test_holiday_weeks_are_no_lesweken() -> None:
    weken = KALENDER.lesweken("2025-2026", NOORD)
    assert D(2025, 10, 20) not in weken  # the herfstvakantie (18-26 October in noord)
    assert D(2025, 10, 13) in weken  # the week before it
    assert D(2025, 10, 27) in weken  # and the week after it
    assert 38 <= len(weken) <= 42


def test_working_days_skip_weekends_and_kings_day() -> None:
    assert werkdagen_na(D(2026, 4, 24), 5) == D(2026, 5, 4)
    assert werkdagen_na(D(2026, 3, 2), 5) == D(2026, 3, 9)


def test_own_rooster_overrides_the_regional_dates() -> None:
    rooster = Rooster(vakanties=((D(2025, 10, 11), D(2025, 10, 19)),), eerste_schooldag=D(2025, 8, 25))
    assert KALENDER.is_schooldag(D(2025, 10, 24), NOORD, rooster)  # regional holiday, not this school's
    assert not KALENDER.is_schooldag(D(2025, 10, 14), NOORD, rooster)


def test_unknown_school_year_raises_a_named_error() -> None:
    with pytest.raises(GeenKalender) as caught:
        KALENDER.schooldagen(D(2030, 1, 7), D(2030, 1, 8), NOORD)
    assert caught.value.veld == "schooljaar"


def test_end_before_start_is_refused() -> None:
    with pytest.raises(OngeldigeFeiten) as caught:
        KALENDER.schooldagen(D(2026, 3, 9), D(2026, 3, 2), NOORD)
    assert caught.value.veld == "tot_en_met"
