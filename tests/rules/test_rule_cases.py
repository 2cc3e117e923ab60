"""YAML rule cases: each names, in a full sentence, what the law says for some facts, and cites the
article. The runner asks the engine through the same registry as `leerbot regels`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from content import load_rule_set
from rules.besluit import Besluit
from rules.besluit_data import BesluitData
from rules.errors import RegelFout
from rules.registry import ONDERWERPEN, beoordeel

CASES_DIR = Path(__file__).parent / "cases"
RULES = load_rule_set()
DEFAULT_PEILDATUM = dt.date(2026, 3, 2)
_PAYLOAD_KEYS = {"allowed", "decider", "must_report", "may_report", "max_days", "deadline", "legal_basis"}
_ARTIKEL = re.compile(r"^art\. (?P<artikel>[0-9][0-9a-z.:]*)(?: lid (?P<lid>\d+))?(?: onder (?P<onder>[a-z]))?")


def geciteerd(artikel: str, besluit: Besluit) -> bool:
    """Whether the case's article ('art. 14 lid 3', 'art. 11 onder g', 'art. 6:7 Awb') is among the citations of
    the decision's reasons and steps; a lid or onderdeel the case names must match too."""
    gevonden = _ARTIKEL.match(artikel)
    assert gevonden, f"cannot read the article of {artikel!r}"
    for reden in (*besluit.redenen, *besluit.volgende_stappen):
        bron = reden.bron
        if bron.artikel != gevonden["artikel"]:
            continue
        if gevonden["onder"] and bron.onderdeel != gevonden["onder"]:
            continue
        if gevonden["lid"] and bron.lid != gevonden["lid"]:
            continue
        return True
    return False


def _load_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append(pytest.param(data["onderwerp"], case, id=f"{path.stem}: {case['naam']}"))
    return cases


CASES = _load_cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 150


def test_the_citation_check_catches_a_wrong_article() -> None:
    besluit = beoordeel("bezwaar", {}, RULES, DEFAULT_PEILDATUM)
    assert geciteerd("art. 6:7 Awb", besluit)
    assert not geciteerd("art. 13a", besluit)
    assert not geciteerd("art. 6:7 lid 2", besluit)


@pytest.mark.parametrize(("onderwerp", "case"), CASES)
def test_rule_case(onderwerp: str, case: dict[str, Any]) -> None:
    assert onderwerp in ONDERWERPEN
    assert case["naam"].rstrip().endswith("."), "a case is named by a full sentence"
    assert str(case["artikel"]).startswith("art."), "a case cites the article it tests"
    for sleutel in ("redenen", "geen_redenen"):
        for uitleg in case["verwacht"].get(sleutel, []):
            RULES.uitleg_versies(uitleg)  # a misspelt key would make geen_redenen pass for nothing
    peildatum = case.get("peildatum", DEFAULT_PEILDATUM)
    verwacht = case["verwacht"]
    if "fout" in verwacht:
        with pytest.raises(RegelFout) as caught:
            beoordeel(onderwerp, case["feiten"], RULES, peildatum)
        assert caught.value.veld.startswith(verwacht["fout"])
        return
    besluit = beoordeel(onderwerp, case["feiten"], RULES, peildatum)
    citaten = sorted({r.bron.citeer() for r in (*besluit.redenen, *besluit.volgende_stappen)})
    assert geciteerd(str(case["artikel"]), besluit), f"{case['artikel']} is not among the citations {citaten}"
    for reden in (*besluit.redenen, *besluit.volgende_stappen):
        vervallen = [i for i in RULES.ingetrokken if i.raakt(reden.bron, peildatum)]
        assert not vervallen, f"{reden.uitleg} cites {reden.bron.citeer()}, repealed on {vervallen[0].vervallen_per}"
    payload = BesluitData.van(besluit).als_json()
    for key in _PAYLOAD_KEYS & verwacht.keys():
        expected = verwacht[key]
        if isinstance(expected, dt.date):
            expected = expected.isoformat()
        assert payload[key] == expected, f"{key}: {payload[key]!r} != {expected!r}"
    gekregen = {r.uitleg for r in (*besluit.redenen, *besluit.volgende_stappen)}
    for sleutel in verwacht.get("redenen", []):
        assert sleutel in gekregen, f"reason {sleutel} missing from {sorted(gekregen)}"
    for sleutel in verwacht.get("geen_redenen", []):
        assert sleutel not in gekregen
    for feit in verwacht.get("ontbrekend", []):  # the fact the answer must ask for
        assert feit in besluit.ontbrekende_feiten, f"{feit} not asked; missing: {besluit.ontbrekende_feiten}"
