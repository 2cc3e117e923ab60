"""Dates and periods as people really type them (issue 15, point 2): one reader for the assistant and the melding.

"Today" is fixed at Monday 30 November 2026. A date without a year is the nearest one on the side asked: the past
for a melding about absence, the future for a request for leave.
"""

from __future__ import annotations

import datetime as dt

import pytest

from content.loader import default_rule_set
from content.regio_schema import Vakantieregio
from invoer.datums import (
    MAANDEN,
    MAANDNAMEN,
    datums_in,
    lees_dag,
    lees_datum,
    lees_periode,
    maand_van,
    periode_in,
    rond_vakantie,
)

NU = dt.date(2026, 11, 30)  # a Monday
D = dt.date

# (text, side, expected date)
DATUMS = [
    # every month, Dutch and English, full and abbreviated, read in the past of 30 November 2026
    ("3 januari", "verleden", D(2026, 1, 3)),
    ("3 january", "verleden", D(2026, 1, 3)),
    ("14 februari", "verleden", D(2026, 2, 14)),
    ("February 14th", "verleden", D(2026, 2, 14)),
    ("2 maart", "verleden", D(2026, 3, 2)),
    ("2 mrt", "verleden", D(2026, 3, 2)),
    ("March 2", "verleden", D(2026, 3, 2)),
    ("20 april", "verleden", D(2026, 4, 20)),
    ("5 mei", "verleden", D(2026, 5, 5)),
    ("5th of May", "verleden", D(2026, 5, 5)),
    ("1 juni", "verleden", D(2026, 6, 1)),
    ("June 1st", "verleden", D(2026, 6, 1)),
    ("15 juli", "verleden", D(2026, 7, 15)),
    ("July 15", "verleden", D(2026, 7, 15)),
    ("31 augustus", "verleden", D(2026, 8, 31)),
    ("aug 31", "verleden", D(2026, 8, 31)),
    ("7 september", "verleden", D(2026, 9, 7)),
    ("7 sept", "verleden", D(2026, 9, 7)),
    ("12 oktober", "verleden", D(2026, 10, 12)),
    ("12 okt.", "verleden", D(2026, 10, 12)),
    ("October 12th", "verleden", D(2026, 10, 12)),
    ("3 november", "verleden", D(2026, 11, 3)),
    ("Nov 3", "verleden", D(2026, 11, 3)),
    ("1 december", "verleden", D(2025, 12, 1)),  # in the past: last December
    ("1 december", "toekomst", D(2026, 12, 1)),  # ahead: this December
    ("Dec 1st", "toekomst", D(2026, 12, 1)),
    ("5 januari", "toekomst", D(2027, 1, 5)),  # a January typed in November, ahead: next January
    # digits with dashes, slashes and dots, with and without a year
    ("14-10-2026", "verleden", D(2026, 10, 14)),
    ("14/10/2026", "verleden", D(2026, 10, 14)),
    ("14.10.2026", "verleden", D(2026, 10, 14)),
    ("3-11-26", "verleden", D(2026, 11, 3)),
    ("2026-10-14", "verleden", D(2026, 10, 14)),
    ("3-11", "verleden", D(2026, 11, 3)),  # not November 2014
    ("14/12", "verleden", D(2025, 12, 14)),  # 14 December is still ahead: last year's
    ("14/11", "toekomst", D(2027, 11, 14)),  # 14 November has passed: next year's
    ("8-1", "toekomst", D(2027, 1, 8)),
    ("3 maart 2011", "verleden", D(2011, 3, 3)),
    ("3 March 2011", "verleden", D(2011, 3, 3)),
    ("3-apr-2011", "verleden", D(2011, 4, 3)),
    # a weekday before the date, "op"/"on" before it
    ("vrijdag 11 september", "verleden", D(2026, 9, 11)),
    ("op maandag 31 augustus", "verleden", D(2026, 8, 31)),
    ("on Friday 11 September", "verleden", D(2026, 9, 11)),
    # typos in the month
    ("3 novmber", "verleden", D(2026, 11, 3)),
    ("3 setpember", "verleden", D(2026, 9, 3)),
    ("14 febuari", "verleden", D(2026, 2, 14)),
    ("octber 5", "verleden", D(2026, 10, 5)),
    # relative phrases
    ("vandaag", "verleden", NU),
    ("gisteren", "verleden", D(2026, 11, 29)),
    ("eergisteren", "verleden", D(2026, 11, 28)),
    ("morgen", "toekomst", D(2026, 12, 1)),
    ("vorige week maandag", "verleden", D(2026, 11, 23)),
    ("afgelopen vrijdag", "verleden", D(2026, 11, 27)),
    ("komende vrijdag", "toekomst", D(2026, 12, 4)),
    ("volgende week vrijdag", "toekomst", D(2026, 12, 11)),
    ("twee weken geleden", "verleden", D(2026, 11, 16)),
    ("3 dagen geleden", "verleden", D(2026, 11, 27)),
    ("over twee weken", "toekomst", D(2026, 12, 14)),
    ("last Monday", "verleden", D(2026, 11, 23)),
    ("next Friday", "toekomst", D(2026, 12, 4)),
    ("2 weeks ago", "verleden", D(2026, 11, 16)),
]


@pytest.mark.parametrize(("tekst", "kant", "verwacht"), DATUMS)
def test_a_date_as_people_type_it(tekst: str, kant: str, verwacht: dt.date) -> None:
    assert lees_datum(tekst, NU, kant) == verwacht  # type: ignore[arg-type]


# (text, side, first day, last day)
PERIODES = [
    ("van 1 oktober tot 14 oktober", "verleden", D(2026, 10, 1), D(2026, 10, 14)),
    ("van 1 oktober tot en met 14 oktober", "verleden", D(2026, 10, 1), D(2026, 10, 14)),
    ("1 okt t/m 9 okt", "verleden", D(2026, 10, 1), D(2026, 10, 9)),
    ("1 okt t/m9 okt", "verleden", D(2026, 10, 1), D(2026, 10, 9)),
    ("from 5 October to 16 October", "verleden", D(2026, 10, 5), D(2026, 10, 16)),
    ("from October 5th until October 16th", "verleden", D(2026, 10, 5), D(2026, 10, 16)),
    ("5 - 16 oktober", "verleden", D(2026, 10, 5), D(2026, 10, 16)),
    ("2-20 november", "verleden", D(2026, 11, 2), D(2026, 11, 20)),
    ("van 2 t/m 20 november", "verleden", D(2026, 11, 2), D(2026, 11, 20)),
    ("14-10-2026 tot 28-10-2026", "verleden", D(2026, 10, 14), D(2026, 10, 28)),
    ("14/10/2026 - 28/10/2026", "verleden", D(2026, 10, 14), D(2026, 10, 28)),
    ("3-11 tot 14-11", "verleden", D(2026, 11, 3), D(2026, 11, 14)),
    ("3/11 t/m 14/11", "verleden", D(2026, 11, 3), D(2026, 11, 14)),
    ("tussen 3 en 7 november", "verleden", D(2026, 11, 3), D(2026, 11, 7)),
    ("between 3 and 7 November", "verleden", D(2026, 11, 3), D(2026, 11, 7)),
    ("sinds 1 oktober", "verleden", D(2026, 10, 1), NU),
    ("since 1 October", "verleden", D(2026, 10, 1), NU),
    ("vorige week maandag t/m gisteren", "verleden", D(2026, 11, 23), D(2026, 11, 29)),
    ("van 3 novmber tot 7 novmber", "verleden", D(2026, 11, 3), D(2026, 11, 7)),
    # across the turn of the year
    ("van 28-12 tot 8-1", "verleden", D(2025, 12, 28), D(2026, 1, 8)),
    ("van 15 december t/m 3 januari", "verleden", D(2025, 12, 15), D(2026, 1, 3)),
    ("van 21 december t/m 8 januari", "toekomst", D(2026, 12, 21), D(2027, 1, 8)),
    ("from December 21st to January 8th", "toekomst", D(2026, 12, 21), D(2027, 1, 8)),
    ("28 december t/m 8-1-2027", "toekomst", D(2026, 12, 28), D(2027, 1, 8)),
    # an end in December typed in November is this December
    ("van 20 november tot 3 december", "verleden", D(2026, 11, 20), D(2026, 12, 3)),
    ("van 5 t/m 9 januari", "toekomst", D(2027, 1, 5), D(2027, 1, 9)),
    ("van 1 september 2025 t/m 20 november", "verleden", D(2025, 9, 1), D(2026, 11, 20)),
]


@pytest.mark.parametrize(("tekst", "kant", "eerste", "laatste"), PERIODES)
def test_a_period_as_people_type_it(tekst: str, kant: str, eerste: dt.date, laatste: dt.date) -> None:
    periode = lees_periode(tekst, NU, kant)  # type: ignore[arg-type]
    assert periode is not None
    assert (periode.begin, periode.eind) == (eerste, laatste)


def test_a_period_says_whether_a_year_was_chosen() -> None:
    assert lees_periode("van 15 december t/m 3 januari", NU).jaar_gekozen is True  # type: ignore[union-attr]
    assert lees_periode("14-10-2026 tot 28-10-2026", NU).jaar_gekozen is False  # type: ignore[union-attr]


def test_an_end_before_the_start_is_read_as_typed_for_the_caller_to_refuse() -> None:
    for tekst in ("van 20 t/m 2 november", "20-11-2026 tot 3-11-2026", "van 20 november tot 2 november"):
        periode = lees_periode(tekst, NU)
        assert periode is not None, tekst
        assert not periode.loopt_vooruit, tekst


@pytest.mark.parametrize("tekst", [
    "hallo", "5", "maar", "3 tot 5 dagen", "in de herfstvakantie", "32 januari", "31 februari", "14-13-2026",
    "van maandag", "3 maar", "de 5e", "2 weken", "12 uur", "0612345678", "geboren in 2011",
])
def test_what_is_no_date_or_period_is_not_read(tekst: str) -> None:
    assert lees_datum(tekst, NU) is None
    assert lees_periode(tekst, NU) is None


@pytest.mark.parametrize(("tekst", "periode"), [
    ("Wij willen van woensdag 2 tot en met vrijdag 11 september weg.", (D(2027, 9, 2), D(2027, 9, 11))),
    ("we willen van 21 december t/m 8 januari naar Marokko", (D(2026, 12, 21), D(2027, 1, 8))),
    ("can she be off between 4 and 8 January?", (D(2027, 1, 4), D(2027, 1, 8))),
    ("we gaan 3 tot 5 dagen weg", None),
    ("zij is 3 en 7 maanden oud", None),  # "en" joins two dates only after "tussen"
])
def test_a_period_inside_a_longer_message(tekst: str, periode: tuple[dt.date, dt.date] | None) -> None:
    gevonden = periode_in(tekst, NU)
    assert (None if gevonden is None else (gevonden.begin, gevonden.eind)) == periode


def test_dates_inside_a_longer_message_are_found_in_order() -> None:
    tekst = "niet meer op school sinds 7 september, gemeld op 14-10"
    gevonden = datums_in(tekst, NU)
    assert [(plek, d.datum) for plek, d in gevonden] == [(tekst.index("7 sep"), D(2026, 9, 7)),
                                                          (tekst.index("14-10"), D(2026, 10, 14))]


def test_a_date_of_birth_needs_its_year() -> None:
    assert lees_datum("14-03-2012", NU, jaar_nodig=True) == D(2012, 3, 14)
    assert lees_datum("14-03", NU, jaar_nodig=True) is None
    assert lees_datum("gisteren", NU, jaar_nodig=True) is None


def test_a_date_without_a_year_says_so() -> None:
    zonder, met = lees_dag("3 november", NU), lees_dag("3 november 2026", NU)
    assert zonder is not None
    assert met is not None
    assert zonder.jaar_gegeven is False
    assert met.jaar_gegeven is True


def test_every_month_name_is_known_in_both_languages() -> None:
    for taal in ("nl", "en"):
        for nummer, naam in enumerate(MAANDNAMEN[taal], start=1):
            assert MAANDEN[naam.lower()] == nummer
            assert maand_van(naam) == nummer
    assert maand_van("maar") is None
    assert maand_van("dagen") is None
    assert maand_van("weken") is None


def test_a_day_next_to_a_school_holiday_comes_from_the_school_calendar() -> None:
    kalenders = default_rule_set().kalenders
    # The Christmas holiday has the same dates everywhere: the Monday after it.
    assert rond_vakantie("na de kerstvakantie", NU, kalenders) == D(2027, 1, 4)
    assert rond_vakantie("vlak voor de kerstvakantie", NU, kalenders) == D(2026, 12, 18)
    # The spring holiday differs per region: only with the region.
    assert rond_vakantie("na de voorjaarsvakantie", NU, kalenders) is None
    midden = rond_vakantie("after the spring break", NU, kalenders, Vakantieregio.MIDDEN)
    assert midden is not None
    assert midden.weekday() == 0
    assert midden.year == 2027
    assert rond_vakantie("na de vakantie", NU, kalenders) is None
