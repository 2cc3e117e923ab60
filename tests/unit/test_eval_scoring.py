"""Scoring rules of shared/spec/eval-cases.md."""

from __future__ import annotations

from typing import Any

import pytest

from leerbot.eval_scoring import (
    article_tokens,
    decision_correct,
    legal_basis_correct,
    macro_f1,
    summarise,
    wrong_not_needed,
)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("art. 11 onder g jo. 14 Leerplichtwet 1969", {"11", "14"}),
        ("art. 21/21a Leerplichtwet 1969", {"21", "21a"}),
        ("artikel 5 onder a", {"5"}),
        ("art. 5a Leerplichtwet 1969", {"5a"}),
        ("artt. 3a, 3b en 15", {"3a", "3b", "15"}),
        ("Leerplichtwet 1969", set()),
        (None, set()),
    ],
)
def test_article_tokens(text: str | None, tokens: set[str]) -> None:
    assert article_tokens(text) == tokens


def test_21a_is_not_21() -> None:
    assert not legal_basis_correct("art. 21a", {"legal_basis": "art. 21 Leerplichtwet 1969"})
    assert legal_basis_correct("art. 21/21a", {"legal_basis": "art. 21 Leerplichtwet 1969"})


def test_decision_scoring_uses_only_expected_keys_and_null_is_wrong() -> None:
    recorded = {"allowed": "conditional", "decider": "schoolhoofd", "max_days": 10, "must_report": None}
    assert decision_correct({"allowed": "conditional", "max_days": 10}, recorded)
    assert not decision_correct({"decider": "leerplichtambtenaar"}, recorded)
    assert not decision_correct({"allowed": "conditional"}, None)
    assert decision_correct({"allowed": False}, {"allowed": "false"})


def test_macro_f1_and_summary() -> None:
    assert macro_f1([("a", "a"), ("b", "b")]) == 1.0
    assert macro_f1([("a", "b")]) == 0.0
    cases: list[dict[str, Any]] = [
        {"id": "1", "expected_intent": "a", "expected_decision": {"allowed": "false", "legal_basis": "art. 13a"}},
        {"id": "2", "expected_intent": "b"},
    ]
    results: list[dict[str, Any]] = [
        {"id": "1", "intent": "a", "decision": {"allowed": "false", "legal_basis": "art. 11 onder f jo. 13a"},
         "echoed": [], "latency_ms": [100.0, 200.0]},
        {"id": "2", "intent": "a", "decision": None, "echoed": ["123"], "latency_ms": [50.0]},
    ]
    summary = summarise(cases, results)
    assert summary["cases"] == 2
    assert summary["intent_accuracy"] == 0.5
    assert summary["decision_cases"] == 1
    assert summary["decision_accuracy"] == 1.0
    assert summary["legal_basis_accuracy"] == 1.0
    assert summary["echo_violations"] == 1
    assert summary["latency_ms_p50"] == 100.0
    assert summary["wrong_not_needed"] == 0


def test_a_wrong_no_permission_needed_or_need_not_report_is_counted() -> None:
    niet_nodig = {"allowed": "not_needed", "decider": "geen_toestemming_nodig"}
    assert wrong_not_needed({"allowed": "conditional", "decider": "schoolhoofd"}, niet_nodig)
    assert wrong_not_needed({"decider": "schoolhoofd"}, {"decider": "geen_toestemming_nodig"})
    assert not wrong_not_needed({"allowed": "not_needed"}, niet_nodig)
    assert not wrong_not_needed({"legal_basis": "art. 13"}, niet_nodig)  # no key of the case says otherwise
    assert not wrong_not_needed({"allowed": "conditional"}, None)
    assert wrong_not_needed({"must_report": True}, {"must_report": False})
    assert not wrong_not_needed({"must_report": False}, {"must_report": False})
    assert not wrong_not_needed({"must_report": True}, {"must_report": None})  # unknown is wrong, not a "no"
    # The notice route on proof: the case itself says nobody needs to grant it.
    assert not wrong_not_needed({"allowed": "conditional", "decider": "geen_toestemming_nodig"}, niet_nodig)
