"""The other input readers of invoer/: hours, ages and dates of birth, short answers, contact details, names."""

from __future__ import annotations

import datetime as dt

import pytest

from invoer import antwoorden
from invoer.contact import emailadres, telefoonnummer
from invoer.getallen import getal_of_woord, telling
from invoer.leeftijd import geboortedatum, geboortedatum_als_antwoord, leeftijd, leeftijd_op
from invoer.namen import naam_sleutel
from invoer.uren import (
    MAX_UREN_PER_SCHOOLDAG,
    max_uren,
    per,
    plausibel,
    totaal,
    uren,
    uren_in_periode,
    weekdagen,
    weken,
    weken_in,
)

NU = dt.date(2026, 11, 30)
MAANDAG, VRIJDAG = dt.date(2026, 11, 2), dt.date(2026, 11, 13)  # two school weeks: 10 weekdays


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("12 uur", 12.0), ("14 ongeoorloofde uren", 14.0), ("11 unexcused hours", 11.0), ("zes uur", 6.0),
    ("2,5 uur", 2.5), ("3 hrs", 3.0), ("geen idee", None), ("3 weken", None),
])
def test_hours(tekst: str, verwacht: float | None) -> None:
    assert uren(tekst) == verwacht


@pytest.mark.parametrize(("tekst", "verwacht"), [("3 weken", 3.0), ("drie lesweken", 3.0), ("2 wks", 2.0),
                                                 ("12 uur", None)])
def test_weeks(tekst: str, verwacht: float | None) -> None:
    assert weken(tekst) == verwacht


def test_hours_per_day_or_week_count_over_the_period() -> None:
    assert weekdagen(MAANDAG, VRIJDAG) == 10
    assert weken_in(MAANDAG, VRIJDAG) == 2
    assert per("3 uur per dag") == "dag"
    assert per("4 uur elke week") == "week"
    assert per("12 uur") is None
    assert uren_in_periode(3, "dag", MAANDAG, VRIJDAG) == 30
    assert uren_in_periode(4, "week", MAANDAG, VRIJDAG) == 8
    assert uren_in_periode(12, None, MAANDAG, VRIJDAG) == 12


def test_one_plausibility_policy_for_hours_missed() -> None:
    assert max_uren(10) == 10 * MAX_UREN_PER_SCHOOLDAG
    assert plausibel(80, 10)
    assert not plausibel(81, 10)
    assert plausibel(400)
    assert not plausibel(401)
    assert not plausibel(-1)


@pytest.mark.parametrize(("tekst", "eenheid_nodig", "verwacht"), [
    ("elke maandag en dinsdag, dat is samen ongeveer 11 uur", True, 11.0),
    ("er komen nog 4 uur bij, dus 18", False, 18.0),
    ("er komen nog 4 uur bij, dus 18", True, None),
    ("in total 20 hours", True, 20.0),
    ("het zijn hele dagen, dus zo'n 5,5 uur per dag", False, None),  # a rate, no total
    ("samen 3 weken weg", False, None),  # weeks, no hours
])
def test_a_total_the_user_worked_out(tekst: str, eenheid_nodig: bool, verwacht: float | None) -> None:
    gevonden = totaal(tekst, eenheid_nodig=eenheid_nodig)
    assert (gevonden[0] if gevonden else None) == verwacht


def test_numbers_in_digits_and_words() -> None:
    assert telling("drie") == 3
    assert telling("12") == 12
    assert getal_of_woord("dagen", "we willen vijf dagen weg") == 5
    assert getal_of_woord("dagen", "10,5 dagen") == 10.5


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("mijn zoon van 8", 8), ("ze is 15 jaar", 15), ("she's 4", 4), ("hij is zeventien", 17), ("al 3 jaar", None),
    ("3 jaar geleden", None), ("onze zoon (16)", 16),
])
def test_an_age(tekst: str, verwacht: int | None) -> None:
    assert leeftijd(tekst) == verwacht


def test_a_date_of_birth_and_the_age_it_gives() -> None:
    assert geboortedatum("geboren op 14-03-2012", NU) == dt.date(2012, 3, 14)
    assert geboortedatum("born 3 April 2011", NU) == dt.date(2011, 4, 3)
    assert geboortedatum("14-03-2012", NU) is None  # without "geboren": not said to be a birth
    assert geboortedatum_als_antwoord("op 14 maart 2012", NU) == dt.date(2012, 3, 14)
    assert geboortedatum_als_antwoord("14 maart", NU) is None  # no year: no date of birth
    assert leeftijd_op(dt.date(2012, 3, 14), NU) == 14
    assert leeftijd_op(dt.date(2012, 12, 1), NU) == 13


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("ja", True), ("Ja, klopt", True), ("yes please", True), ("idd", True), ("nee", False), ("No.", False),
    ("nope", False), ("misschien", None), ("jawel hoor", True), ("nergens", None),
])
def test_yes_and_no(tekst: str, verwacht: bool | None) -> None:
    assert antwoorden.ja_nee(tekst) == verwacht


def test_a_question_s_own_answer_words_count_as_yes_or_no() -> None:
    assert antwoorden.ja_nee("aaneengesloten", extra_ja="aaneengesloten") is True
    assert antwoorden.ja_nee("losse dagen", extra_nee="losse") is False
    assert antwoorden.ja_nee("losse dagen") is None


def test_stop_go_on_and_change() -> None:
    assert all(antwoorden.is_stop(t) for t in ("stop", "/stop", "Annuleren", "cancel", "afbreken a.u.b."))
    assert not antwoorden.is_stop("stoplicht")
    assert not antwoorden.is_stop("ik wil niet stoppen")
    assert antwoorden.is_stop("/stop", alleen_stop=True)
    assert not antwoorden.is_stop("annuleer de aanvraag", alleen_stop=True)
    assert all(antwoorden.gaat_door(t) for t in ("ja", "verder", "versturen", "ok", "Oké", "send"))
    assert not antwoorden.gaat_door("nee")
    assert not antwoorden.gaat_door("later")
    assert antwoorden.wil_wijzigen("wijzig de datum")
    assert antwoorden.wil_wijzigen("the phone number is wrong, change it")
    assert antwoorden.wil_wijzigen("de klas klopt niet")
    assert not antwoorden.wil_wijzigen("klopt")


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("0612345678", "06 12345678"), ("+31 6 12345678", "06 12345678"), ("020-1234567", "020 123 4567"),
    ("+32 470 12 34 56", "+32 470 12 34 56"), ("12345", None), ("bel me", None),
])
def test_a_phone_number(tekst: str, verwacht: str | None) -> None:
    assert telefoonnummer(tekst) == verwacht


def test_an_email_address() -> None:
    assert emailadres(" Juf.Anna@School.nl ") == "Juf.Anna@school.nl"
    assert emailadres("juf anna at school") is None
    assert emailadres("anna@") is None


def test_a_municipality_name_key() -> None:
    assert naam_sleutel("Gemeente 's-Hertogenbosch") == naam_sleutel("s Hertogenbosch") == "s hertogenbosch"
    assert naam_sleutel("Bergen (NH.)") == "bergen"
    assert naam_sleutel("Súdwest-Fryslân") == "sudwest fryslan"
