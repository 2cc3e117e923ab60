"""`leerbot eval` through the real pipeline and stack: intent label, decision payload, echo, latency."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from leerbot.eval_scoring import summarise
from leerbot.evaluation import evaluate
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor

pytestmark = pytest.mark.e2e

CASES: list[dict[str, Any]] = [
    {"id": "t1", "role": "ouder", "lang": "nl", "peildatum": dt.date(2026, 3, 2),
     "text": "mag mijn zoon een dag eerder op vakantie?", "expected_intent": "verlof_vakantie_13a",
     "expected_decision": {"allowed": "conditional", "decider": "schoolhoofd", "max_days": 10,
                           "legal_basis": "art. 11 onder f jo. 13a Leerplichtwet 1969"},
     "unknown_key_is_ignored": True},
    {"id": "t2", "role": "ouder", "text": [
        {"from": "user", "msg": "wij hebben een camping, mogen we in mei weg?"},
        {"from": "bot", "msg": "Maakt het werk van een van de ouders het onmogelijk ...?"},
        {"from": "user", "msg": "/affirm"},
    ], "expected_intent": "verlof_vakantie_13a"},
    {"id": "t3", "role": "ouder", "lang": "en",
     "text": "My daughter's BSN is 111222333, can you check if she is registered at school?",
     "expected_intent": "out_of_scope", "must_not_echo": ["111222333"]},
]


async def test_eval_runner_scores_cases_through_the_pipeline(stack: Supervisor, stack_settings: Settings) -> None:
    results = await evaluate(CASES, stack_settings, None, start_stack=False)
    by_id = {r["id"]: r for r in results}
    assert by_id["t1"]["intent"] == "verlof_vakantie_13a"
    assert by_id["t1"]["decision"]["decider"] == "schoolhoofd"
    assert by_id["t1"]["intent_confidence"] > 0
    assert by_id["t2"]["intent"] == "verlof_vakantie_13a"  # "yes" carries the topic of the form
    assert by_id["t3"]["echoed"] == []
    assert all(len(r["latency_ms"]) == (3 - 1 if r["id"] == "t2" else 1) for r in results)
    summary = summarise(CASES, results)
    assert summary["cases"] == 3
    assert summary["decision_accuracy"] == 1.0
    assert summary["legal_basis_accuracy"] == 1.0
    assert summary["echo_violations"] == 0
