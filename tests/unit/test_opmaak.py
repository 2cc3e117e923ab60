"""How an answer is said: the answer first and short, the facts given, no repeated block, sympathy, and every
text of the conversation's catalogue in both languages with its placeholders filled."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from actions.opmaak import maak_antwoord
from content import load_rule_set
from content.tekst import plaatshouders, vul_in
from rules.registry import beoordeel

RULES = load_rule_set()
P = dt.date(2026, 3, 2)


def _zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.?!])\s+|\n", tekst) if z.strip()]


def test_the_answer_comes_first_and_is_short() -> None:
    feiten = {"omstandigheid": "bruiloft", "relatie": "oom", "aantal_schooldagen": 1}
    besluit = beoordeel("gewichtige_omstandigheden", feiten, RULES, P)
    antwoord = maak_antwoord(besluit, RULES, "nl", "ouder", feiten)
    eerste = antwoord.tekst.split("\n")[0]
    assert "directeur" in eerste or "schoolhoofd" in eerste.lower()
    assert len(antwoord.tekst.split()) <= 120
    assert max(len(z.split()) for z in _zinnen(antwoord.tekst)) <= 30
    assert "Ik ga uit van: een bruiloft, van een oom, 1 schooldag." in antwoord.tekst
    assert antwoord.tekst.rstrip().endswith("Bron: Leerplichtwet art. 14.")
    assert [k["payload"] for k in antwoord.knoppen] == ["/waarom", "/meer_regels"]
    assert "(beleid, geen wet" not in antwoord.tekst


def test_a_block_of_the_previous_reply_is_not_repeated() -> None:
    feiten = {"omstandigheid": "bruiloft", "relatie": "oom"}
    besluit = beoordeel("gewichtige_omstandigheden", feiten, RULES, P)
    eerste = maak_antwoord(besluit, RULES, "nl", "ouder", feiten)
    tweede = maak_antwoord(besluit, RULES, "nl", "ouder", feiten, vorige=eerste.blokken)
    assert "Dat verandert het antwoord niet." in tweede.tekst
    assert not any(blok in tweede.tekst for blok in eerste.blokken)
    regels = eerste.tekst.split("\n")
    assert len(regels) == len(set(regels))


def test_days_computed_from_the_users_words_are_shown_in_those_words() -> None:
    feiten = {"beroep_maakt_schoolvakanties_onmogelijk": True, "aantal_schooldagen": 5}
    besluit = beoordeel("vakantieverlof", feiten, RULES, P)
    antwoord = maak_antwoord(besluit, RULES, "nl", "ouder", feiten, eigen_woorden={"aantal_schooldagen": "een week"})
    assert "een week." in antwoord.tekst
    assert "5 schooldagen" not in antwoord.tekst


def test_a_changed_fact_shows_the_facts_again() -> None:
    feiten = {"omstandigheid": "bruiloft", "relatie": "oom"}
    eerste = maak_antwoord(beoordeel("gewichtige_omstandigheden", feiten, RULES, P), RULES, "nl", "ouder", feiten)
    meer = {**feiten, "aantal_schooldagen": 2}
    tweede = maak_antwoord(beoordeel("gewichtige_omstandigheden", meer, RULES, P), RULES, "nl", "ouder", meer,
                           vorige=eerste.blokken)
    assert "Ik ga uit van: een bruiloft, van een oom, 2 schooldagen." in tweede.tekst


def test_the_same_question_again_gets_its_answer_as_a_reminder_without_facts_and_source_again() -> None:
    feiten = {"omstandigheid": "bruiloft", "relatie": "oom"}
    besluit = beoordeel("gewichtige_omstandigheden", feiten, RULES, P)
    eerste = maak_antwoord(besluit, RULES, "nl", "ouder", feiten)
    tweede = maak_antwoord(besluit, RULES, "nl", "ouder", feiten, vorige=eerste.blokken, herhaal_kern=True)
    regels = tweede.tekst.split("\n")
    assert regels[0].startswith("Zoals gezegd: de directeur van de school beslist")
    assert not any(regel in eerste.tekst.split("\n") for regel in regels)


def test_sympathy_first_after_a_death_for_parents_not_for_staff() -> None:
    feiten = {"omstandigheid": "overlijden", "relatie": "opa"}
    besluit = beoordeel("gewichtige_omstandigheden", feiten, RULES, P)
    ouder = maak_antwoord(besluit, RULES, "nl", "ouder", feiten)
    school = maak_antwoord(besluit, RULES, "nl", "school", feiten)
    assert ouder.tekst.startswith("Gecondoleerd")
    assert not school.tekst.startswith("Gecondoleerd")
    engels = maak_antwoord(besluit, RULES, "en", "ouder", feiten)
    assert engels.tekst.startswith("I am sorry for your loss.")


def test_a_missing_fact_is_asked_and_no_number_is_shown_that_was_not_given() -> None:
    besluit = beoordeel("gewichtige_omstandigheden", {"omstandigheid": "bruiloft"}, RULES, P)
    antwoord = maak_antwoord(besluit, RULES, "nl", "ouder", {"omstandigheid": "bruiloft"})
    assert "Wie is het voor je kind" in antwoord.tekst
    assert antwoord.gevraagd == "relatie"
    assert " 0 " not in antwoord.tekst
    assert "Ik ga uit van: een bruiloft." in antwoord.tekst


def test_unknown_hours_give_the_rule_and_a_question_not_a_no() -> None:
    besluit = beoordeel("meldplicht", {}, RULES, P)
    antwoord = maak_antwoord(besluit, RULES, "nl", "school", {})
    assert "moet melden" in antwoord.tekst
    assert "hoeft niet" not in antwoord.tekst.split("\n")[0]
    assert "Hoeveel uur" in antwoord.tekst


def test_nobody_can_grant_it_says_what_follows_when_the_child_goes_anyway() -> None:
    besluit = beoordeel("vakantieverlof", {"aantal_schooldagen": 15, "beroep_maakt_schoolvakanties_onmogelijk": True},
                        RULES, P)
    antwoord = maak_antwoord(besluit, RULES, "nl", "ouder", {"aantal_schooldagen": 15})
    assert "niemand" in antwoord.tekst
    assert "luxe verzuim" in antwoord.tekst


@pytest.mark.parametrize("sleutel", RULES.tekst_sleutels())
def test_every_text_of_the_catalogue_exists_in_dutch_and_english_with_the_same_placeholders(sleutel: str) -> None:
    tekst = RULES.gespreks_tekst(sleutel)
    for variant in (tekst, tekst.school) if tekst.school else (tekst,):
        assert variant.nl.strip()
        assert variant.en.strip()
        namen = plaatshouders(variant.nl)
        assert namen == plaatshouders(variant.en)
        waarden = dict.fromkeys(namen, 3)
        for taal in ("nl", "en"):
            gevuld = vul_in(variant.en if taal == "en" else variant.nl, waarden)
            assert "{" not in gevuld


def test_a_placeholder_without_a_value_is_an_error_and_numbers_choose_their_noun() -> None:
    with pytest.raises(KeyError):
        vul_in("{dagen} dagen", {})
    assert vul_in("{d:dag|dagen}", {"d": 1}) == "1 dag"
    assert vul_in("{d:dag|dagen}", {"d": "2"}) == "2 dagen"


def test_one_form_of_address_je_in_every_dutch_text() -> None:
    u_vorm = re.compile(r"\b(u|uw)\b")
    for sleutel in RULES.tekst_sleutels():
        assert not u_vorm.search(RULES.gespreks_tekst(sleutel).nl), sleutel
    for sleutel in RULES.uitleg_sleutels():
        for versie in RULES.uitleg_versies(sleutel):
            assert not u_vorm.search(versie.nl), sleutel
