"""Scoring of evaluation results exactly as shared/spec/eval-cases.md describes, so anyone re-scoring an
--out file gets the same figures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

DECISION_KEYS = ("allowed", "decider", "must_report", "may_report", "max_days")
_ARTICLE = re.compile(r"\d+[a-z]?")


def article_tokens(text: str | None) -> set[str]:
    """Article tokens after 'art.', 'artikel', 'artt.' and 'jo.', including lists like '21/21a';
    '5 onder a' is article 5, '5a' is 5a, and years such as 1969 are not articles."""
    if not text:
        return set()
    tokens: set[str] = set()
    for match in re.finditer(r"\b(?:artt?\.|artikel(?:en)?|jo\.)\s*", text, flags=re.IGNORECASE):
        rest = text[match.end():]
        lijst = re.match(r"\d+[a-z]?(?:\s*(?:/|,|en|t/m)\s*\d+[a-z]?)*", rest)
        if not lijst:
            continue
        for token in _ARTICLE.findall(lijst.group(0)):
            if not (len(token) == 4 and token.isdigit()):  # a year, not an article
                tokens.add(token.lower())
    return tokens


def decision_correct(expected: Mapping[str, Any] | None, recorded: Mapping[str, Any] | None) -> bool:
    """Every expected key among the scored ones equals the recorded value; a missing decision is wrong."""
    if recorded is None:
        return False
    for key in DECISION_KEYS:
        if expected is not None and key in expected:
            want = expected[key]
            got = recorded.get(key)
            if key == "allowed" and (isinstance(want, bool) or isinstance(got, bool)):
                want, got = str(want).lower(), str(got).lower()  # 'true'/'false' may be YAML booleans
            if want != got:
                return False
    return True


def wrong_not_needed(expected: Mapping[str, Any] | None, recorded: Mapping[str, Any] | None) -> bool:
    """The costliest error: the reply says no permission is needed, or that the school need not report, where
    the case expects otherwise (judged on the keys the case sets)."""
    if not expected or not recorded:
        return False
    zegt_vrij = recorded.get("allowed") == "not_needed" or recorded.get("decider") == "geen_toestemming_nodig"
    # A case that itself says no permission is needed (the notice route, `decider: geen_toestemming_nodig`, even
    # with `allowed: conditional` on proof) is no case where a reply saying so is a wrong go-ahead.
    verwacht_vrij = expected.get("allowed") == "not_needed" or expected.get("decider") == "geen_toestemming_nodig"
    if zegt_vrij and not verwacht_vrij and ("allowed" in expected or "decider" in expected):
        return True
    return recorded.get("must_report") is False and "must_report" in expected and expected["must_report"] is not False


def legal_basis_correct(expected: str | None, recorded: Mapping[str, Any] | None) -> bool:
    if recorded is None:
        return False
    return bool(article_tokens(expected) & article_tokens(recorded.get("legal_basis")))


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Macro F1 over the labels that occur as expected or predicted."""
    labels = {label for pair in pairs for label in pair}
    if not labels:
        return 0.0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for expected, predicted in pairs:
        if expected == predicted:
            tp[expected] += 1
        else:
            fp[predicted] += 1
            fn[expected] += 1
    scores = []
    for label in labels:
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        recall = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(cases: Iterable[Mapping[str, Any]], results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary line of `leerbot eval`: accuracy, macro F1, decisions, legal basis, echo, latency."""
    by_id = {r["id"]: r for r in results}
    pairs: list[tuple[str, str]] = []
    decision_cases = decision_given = decisions_right = basis_cases = basis_right = echoes = wrong_no = 0
    latencies: list[float] = []
    for case in cases:
        result = by_id[case["id"]]
        pairs.append((str(case["expected_intent"]), str(result.get("intent"))))
        expected = case.get("expected_decision")
        recorded = result.get("decision")
        if expected is not None:
            decision_cases += 1
            decision_given += recorded is not None
            decisions_right += decision_correct(expected, recorded)
            wrong_no += wrong_not_needed(expected, recorded)
            if "legal_basis" in expected:
                basis_cases += 1
                basis_right += legal_basis_correct(expected["legal_basis"], recorded)
        echoes += len(result.get("echoed") or [])
        latencies.extend(result.get("latency_ms") or [])
    total = len(pairs)
    return {
        "cases": total,
        "intent_accuracy": round(sum(e == p for e, p in pairs) / total, 4) if total else 0.0,
        "intent_macro_f1": round(macro_f1(pairs), 4),
        "decision_cases": decision_cases,
        "decision_given": decision_given,
        "decision_accuracy": round(decisions_right / decision_cases, 4) if decision_cases else 0.0,
        "legal_basis_accuracy": round(basis_right / basis_cases, 4) if basis_cases else 0.0,
        "wrong_not_needed": wrong_no,
        "echo_violations": echoes,
        "latency_ms_p50": round(percentile(latencies, 0.50), 1),
        "latency_ms_p95": round(percentile(latencies, 0.95), 1),
    }


def report_markdown(cases: Sequence[Mapping[str, Any]], results: Sequence[Mapping[str, Any]], top: int = 5) -> str:
    """Confusions between intents and the worst-understood cases, as Markdown for docs/quality.md."""
    by_id = {r["id"]: r for r in results}
    summary = summarise(cases, results)
    lines = ["| figure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.items()]
    confusions: Counter[tuple[str, str]] = Counter()
    worst: list[tuple[float, str, str, str]] = []
    for case in cases:
        result = by_id[case["id"]]
        expected, got = str(case["expected_intent"]), str(result.get("intent"))
        if expected != got:
            confusions[(expected, got)] += 1
            confidence = float(result.get("intent_confidence") or 0.0)
            text = case["text"] if isinstance(case["text"], str) else case["text"][-1]["msg"]
            worst.append((-confidence, case["id"], f"{expected} → {got}", str(text)[:90]))
    lines += ["", "Most frequent confusions (expected → predicted):", "", "| expected | predicted | cases |",
              "|---|---|---|"]
    lines += [f"| {e} | {p} | {n} |" for (e, p), n in confusions.most_common(12)]
    lines += ["", f"The {top} wrong cases the model was most sure about:", "", "| case | confusion | message |",
              "|---|---|---|"]
    lines += [f"| {cid} | {what} | {text} |" for _, cid, what, text in sorted(worst)[:top]]
    return "\n".join(lines)
