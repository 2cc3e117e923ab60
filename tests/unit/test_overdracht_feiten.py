"""The hand-off summary carries the facts the user gave, per case, so the consulent need not ask them again."""

from __future__ import annotations

from bot.consulent import samenvatting_tekst
from bot.wachtrij_dienst import feiten_per_zaak
from store.models_wachtrij import Ticket, TicketStatus

DOSSIER = {
    "zaken": [
        {"nummer": 1, "onderwerp": "verlof_vakantie_13a", "feiten": {
            "aantal_schooldagen": {"waarde": 5, "herkomst": "gezegd", "beurt": 1, "zoals_gezegd": "een week"},
            "beroep_maakt_schoolvakanties_onmogelijk": {"waarde": True, "herkomst": "gezegd", "beurt": 1}}},
        {"nummer": 2, "onderwerp": "verlof_gewichtige_omstandigheden", "feiten": {
            "omstandigheid": {"waarde": "overlijden", "herkomst": "gezegd", "beurt": 3},
            "aantal_schooldagen": {"waarde": 4, "herkomst": "gezegd", "beurt": 3}}},
    ],
    "gedeeld": {"woongemeente": {"waarde": "Zwolle", "herkomst": "gezegd", "beurt": 2}},
}


def test_each_case_keeps_its_own_facts_in_the_users_words() -> None:
    assert feiten_per_zaak(DOSSIER) == {
        "leerling": {"woongemeente": "Zwolle"},
        "verlof_vakantie_13a": {"aantal_schooldagen": "een week", "beroep_maakt_schoolvakanties_onmogelijk": True},
        "verlof_gewichtige_omstandigheden": {"omstandigheid": "overlijden", "aantal_schooldagen": 4},
    }
    assert feiten_per_zaak({}) == {}


def test_the_summary_shows_the_facts_per_case() -> None:
    ticket = Ticket(id=7, team="ijssel-vecht", rol="ouder", onderwerp="bezwaar", status=TicketStatus.WACHTEND,
                    prioriteit=0, samenvatting={"reden": "gevraagd", "feiten": feiten_per_zaak(DOSSIER)})
    tekst = samenvatting_tekst(ticket)
    # In the consulent's words (issue 15, point 6), not internal labels: the topic as the topic buttons name it.
    assert "Feiten (Vakantie buiten de schoolvakanties): aantal schooldagen een week" in tekst
    assert "Feiten (Verlof voor een bijzondere gebeurtenis): omstandigheid overlijden, aantal schooldagen 4" in tekst
    assert "Feiten (over de leerling): woongemeente Zwolle" in tekst
    assert "Onderwerp: Bezwaar tegen een besluit (zelf om een consulent gevraagd)" in tekst
    assert "Wie: ouder of jongere" in tekst


def test_the_summary_says_the_decision_and_the_contact_in_words_and_never_none() -> None:
    besluit = {"topic": "verlof_gewichtige_omstandigheden", "allowed": "conditional",
               "decider": "leerplichtambtenaar", "legal_basis": "art. 14 lid 3", "max_days": None, "must_report": None}
    ticket = Ticket(id=8, team="ijssel-vecht", rol="school", onderwerp="handoff_mens", status=TicketStatus.WACHTEND,
                    prioriteit=1, samenvatting={"reden": "zorgelijk", "besluit": besluit, "school": "De Wegwijzer",
                                                "gemeente": "Zwolle"},
                    contact={"soort": "telefoon", "waarde": "06 12345678"})
    tekst = samenvatting_tekst(ticket)
    assert "Wat de regels zeggen: hangt af van de beslisser of bewijs; de leerplichtambtenaar (art. 14 lid 3)" in tekst
    assert "Contact: telefoon 06 12345678" in tekst
    assert "Wie: school van De Wegwijzer, gemeente Zwolle" in tekst
    assert "None" not in tekst
    assert "{" not in tekst
    leeg = Ticket(id=9, team="ijssel-vecht", rol="ouder", onderwerp="handoff_mens", status=TicketStatus.WACHTEND,
                  prioriteit=0, samenvatting={"besluit": {"topic": "handoff_mens", "allowed": None, "decider": None}})
    assert "de regels beslissen hier niets zonder meer feiten" in samenvatting_tekst(leeg)


def test_the_summary_names_the_urgency_signals_in_words() -> None:
    ticket = Ticket(id=10, team="ijssel-vecht", rol="ouder", onderwerp="verlof_vakantie_13a",
                    status=TicketStatus.WACHTEND, prioriteit=1,
                    samenvatting={"reden": "gevraagd", "signalen": ["vertrek_binnenkort", "zorgen_thuis"]})
    tekst = samenvatting_tekst(ticket)
    assert "Spoed: vertrek binnen enkele dagen, zorgen over de thuissituatie" in tekst
    assert "vertrek_binnenkort" not in tekst
