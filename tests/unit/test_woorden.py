"""The vocabulary in content/data/woorden/ is the one place words are recognised by: it loads, every word leads
to a name the rules know, and the readers use it."""

from __future__ import annotations

import re

import pytest
import yaml

from actions.feiten import omstandigheid, relatie
from content.lookups import LOOKUPS_PAD, lookups_yaml
from content.woorden import feestdagen, gebeurtenissen, herken_feest, noem_feest, relaties
from rules.gewichtig import GRAAD_VAN_RELATIE, NEEF_NICHT, PLEEG


def test_every_relation_word_leads_to_a_relation_the_rules_know() -> None:
    bekend = {*GRAAD_VAN_RELATIE, *NEEF_NICHT, *PLEEG}
    assert set(relaties().woorden().values()) <= bekend
    assert GRAAD_VAN_RELATIE["opa"] == 2
    assert GRAAD_VAN_RELATIE["volle neef"] == 4


@pytest.mark.parametrize(("tekst", "naam"), [
    ("mijn schoonvader is overleden", "opa"),
    ("my cousin is getting married", "volle neef"),
    ("de bruiloft van haar brother-in-law", "zwager"),
    ("our foster parent is in hospital", "pleegouder"),
    ("babcia jest chora, ze ligt in het ziekenhuis", "oma"),
    ("de bruiloft van mijn neef", "neef"),
])
def test_relations_are_read_from_the_vocabulary(tekst: str, naam: str) -> None:
    assert relatie(tekst, []) == naam


def test_events_are_read_from_the_vocabulary_in_its_order() -> None:
    assert list(gebeurtenissen().omstandigheden)[:2] == ["bruiloft", "overlijden"]
    assert omstandigheid("de düğün van mijn oom") == "bruiloft"
    assert omstandigheid("mijn vrouw heeft het druk") is None  # "vrouw" is no "rouw"


def test_feasts_have_no_spelling_in_both_lists() -> None:
    lijst = feestdagen()
    religieus = {s for v in lijst.religieus.values() for s in v}
    niet = {s for v in lijst.niet_religieus.values() for s in v}
    anders = {s for v in lijst.anders.values() for s in v}
    assert not religieus & niet
    assert not (religieus | niet) & anders
    assert herken_feest("Diwali") == ("Divali", "religieus")
    assert herken_feest("Chinese New Year") is None  # named, but not decided by the list
    # The feast named first is the one asked about; at one place the longer spelling wins.
    assert herken_feest("Keti Koti is for us as important as Christmas") == ("Keti Koti", "niet_religieus")
    assert herken_feest("vrij met orthodoxe kerst?") == ("Kerstmis", "religieus")
    assert noem_feest("Can my kids have a day off for Chinese New Year?") == "Chinees Nieuwjaar"


def test_rasa_lookup_tables_are_generated_from_the_vocabulary() -> None:
    """The committed NLU file is what the vocabulary gives; `leerbot lookups` rewrites it after a change."""
    assert LOOKUPS_PAD.read_text(encoding="utf-8") == lookups_yaml(), "run `leerbot lookups` and retrain"


def test_lookup_tables_hold_the_words_the_rules_read() -> None:
    data = yaml.safe_load(lookups_yaml())
    tabellen = {blok.get("lookup") or blok["regex"]: blok["examples"].splitlines() for blok in data["nlu"]}
    assert "- suikerfeest" in [r.strip() for r in tabellen["feestdag"]]
    assert "- koningsdag" in [r.strip() for r in tabellen["dag_niet_religieus"]]
    assert "- koningsdag" not in [r.strip() for r in tabellen["feestdag"]]
    assert "- schoonvader" in [r.strip() for r in tabellen["relatie"]]
    patroon = re.compile(tabellen["gebeurtenis_overlijden"][0].strip()[2:], re.IGNORECASE)
    assert patroon.search("Mijn opa is OVERLEDEN")
    assert not patroon.search("we overleggen nog")
    assert re.search(tabellen["buitenland"][0].strip()[2:], "naar curaçao", re.IGNORECASE)
