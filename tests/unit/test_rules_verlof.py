"""Art. 11 onder f jo. 13a: who decides, and where the law leaves nobody the power to grant leave."""

from __future__ import annotations

import datetime as dt

import pytest

from content import load_rule_set
from rules.besluit import Beslisser, Toegestaan
from rules.besluit_data import BesluitData
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof

PEILDATUM = dt.date(2026, 3, 2)
RULES = load_rule_set()


def beoordeel(**feiten: object):  # type: ignore[no-untyped-def]
    return beoordeel_vakantieverlof(VakantieverlofFeiten(**feiten), RULES, PEILDATUM)


def test_without_facts_the_general_rule_is_conditional_and_the_head_decides() -> None:
    besluit = beoordeel()
    assert besluit.toegestaan is Toegestaan.VOORWAARDELIJK
    assert besluit.beslisser is Beslisser.SCHOOLHOOFD
    assert besluit.max_dagen == 10
    assert "13a" in besluit.rechtsgrond
    assert set(besluit.ontbrekende_feiten) == {"beroep_maakt_schoolvakanties_onmogelijk", "aantal_schooldagen"}
    citaten = [r.bron.citeer() for r in besluit.redenen]
    assert "art. 11 onder f Leerplichtwet 1969" in citaten


def test_job_condition_met_within_ten_days_is_still_only_conditional() -> None:
    besluit = beoordeel(beroep_maakt_schoolvakanties_onmogelijk=True, aantal_schooldagen=10)
    assert besluit.toegestaan is Toegestaan.VOORWAARDELIJK
    assert besluit.beslisser is Beslisser.SCHOOLHOOFD
    assert besluit.ontbrekende_feiten == ()


@pytest.mark.parametrize(
    ("feiten", "uitleg"),
    [
        ({"beroep_maakt_schoolvakanties_onmogelijk": False}, "vakantieverlof_geen_beroep"),
        ({"beroep_maakt_schoolvakanties_onmogelijk": True, "aantal_schooldagen": 11}, "vakantieverlof_te_lang"),
        ({"aantal_schooldagen": 15}, "vakantieverlof_te_lang"),
        ({"beroep_maakt_schoolvakanties_onmogelijk": True, "al_eerder_verleend_dit_schooljaar": True},
         "vakantieverlof_al_gehad"),
        ({"beroep_maakt_schoolvakanties_onmogelijk": True, "in_eerste_lesweken": True},
         "vakantieverlof_eerste_lesweken"),
    ],
)
def test_beyond_the_law_nobody_can_grant_it(feiten: dict[str, object], uitleg: str) -> None:
    besluit = beoordeel(**feiten)
    assert besluit.toegestaan is Toegestaan.NEE
    assert besluit.beslisser is Beslisser.NIEMAND
    assert uitleg in [r.uitleg for r in besluit.redenen]


def test_more_than_ten_days_never_goes_to_the_leerplichtambtenaar() -> None:
    # The >10 days route to the leerplichtambtenaar exists only in art. 14, not in art. 13a.
    assert beoordeel(aantal_schooldagen=20).beslisser is not Beslisser.LEERPLICHTAMBTENAAR


def test_reasons_render_with_their_parameters_in_both_languages() -> None:
    besluit = beoordeel(aantal_schooldagen=12)
    nl = besluit.redenen[0].tekst(RULES, "nl")
    en = besluit.redenen[0].tekst(RULES, "en")
    assert "10 schooldagen" in nl
    assert "10 school days" in en


def test_payload_uses_the_evaluation_contract_keys() -> None:
    payload = BesluitData.van(beoordeel()).als_json()
    assert payload["allowed"] == "conditional"
    assert payload["decider"] == "schoolhoofd"
    assert payload["max_days"] == 10
    assert payload["legal_basis"] == "art. 11 onder f jo. art. 13a lid 1 Leerplichtwet 1969"
    assert all(r["citation"] and r["url"].startswith("https://") for r in payload["reasons"])
