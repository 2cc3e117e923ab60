"""The held-out evaluation set stays held out: well-formed, covering every label, and never sharing a run
of 8 words with the training data."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.intents import CANONICAL_LABELS
from leerbot.evaluation import load_cases, user_turns

ROOT = Path(__file__).resolve().parents[2]
CASES = load_cases(ROOT / "tests" / "eval" / "cases.yaml")
RUN = 8


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _training_examples() -> list[str]:
    examples = []
    for path in (ROOT / "nlu" / "data").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.lstrip("- ").strip())
                if line:
                    examples.append(line)
    return examples


def test_set_is_large_and_covers_every_label() -> None:
    assert len(CASES) >= 200
    labels = {case["expected_intent"] for case in CASES}
    assert labels == set(CANONICAL_LABELS)
    assert len({case["id"] for case in CASES}) == len(CASES)


def test_no_eval_message_shares_eight_words_with_the_training_data() -> None:
    training = set().union(*(_runs(example) for example in _training_examples()))
    shared = [
        (case["id"], " ".join(run))
        for case in CASES for message in user_turns(case) for run in _runs(message) if run in training
    ]
    assert shared == []


def test_no_eval_message_is_a_training_example() -> None:
    """Messages shorter than 8 words ("22 uur in 3 weken") are compared whole; only answers of up to three
    words ("ja", "hoi", "drie weken") are common enough to be in both."""
    training = {" ".join(_words(example)) for example in _training_examples()}
    same = [(case["id"], message) for case in CASES for message in user_turns(case)
            if len(_words(message)) > 3 and " ".join(_words(message)) in training]
    assert same == []
