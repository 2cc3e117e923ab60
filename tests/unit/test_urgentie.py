"""The priority of a hand-off from urgency signals in the user's own words and facts."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.urgentie import GEVAAR, GEWOON, URGENT, urgentie

VANDAAG = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("tekst", "rol", "prioriteit", "signaal"), [
    ("Mijn zoon zegt dat hij geslagen wordt", "ouder", GEVAAR, "gevaar"),
    ("Hij zit al drie weken thuis", "ouder", GEVAAR, "lang_thuis"),
    ("We vertrekken morgen naar Marokko, mag dat nog?", "ouder", URGENT, "vertrek_binnenkort"),
    ("Our flight is tomorrow, can she still get leave?", "ouder", URGENT, "vertrek_binnenkort"),
    ("De ouders zijn niet bereikbaar, al twee weken", "school", URGENT, "ouders_onbereikbaar"),
    ("We can't reach the parents at all", "school", URGENT, "ouders_onbereikbaar"),
    ("We maken ons zorgen over de thuissituatie", "school", URGENT, "zorgen_thuis"),
    ("Kan de leerplichtambtenaar een huisbezoek doen?", "school", URGENT, "huisbezoek"),
    ("Mag mijn dochter een dag vrij voor de bruiloft van haar tante?", "ouder", GEWOON, None),
    ("Hoeveel uur verzuim moet ik melden?", "school", GEWOON, None),
])
def test_signals_in_the_users_words(tekst: str, rol: str, prioriteit: int, signaal: str | None) -> None:
    gevonden = urgentie([tekst], rol, {}, VANDAAG)
    assert gevonden.prioriteit == prioriteit
    assert (signaal in gevonden.signalen) if signaal else gevonden.signalen == ()


def test_weeks_at_home_from_a_school_is_no_danger() -> None:
    # A school reports weeks of absence as langdurig verzuim; only a parent saying it is a worrying signal.
    assert urgentie(["Hij zit al drie weken thuis"], "school", {}, VANDAAG).prioriteit == GEWOON


@pytest.mark.parametrize(("datum", "dringend"), [
    ("2026-12-03", True), ("2026-12-08", True), ("2026-12-09", False), ("2026-11-20", False), ("onbekend", False)])
def test_a_departure_date_within_days_from_the_facts(datum: str, dringend: bool) -> None:
    dossier = {"zaken": [{"onderwerp": "verlof_vakantie_13a", "feiten": {"eerste_schooldag": {"waarde": datum}}}]}
    gevonden = urgentie(["Mag mijn zoon mee op vakantie?"], "ouder", dossier, VANDAAG)
    assert ("vertrek_binnenkort" in gevonden.signalen) is dringend
    assert gevonden.prioriteit == (URGENT if dringend else GEWOON)
