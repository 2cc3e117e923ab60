"""Summarise `rasa test nlu --cross-validation` output: overall intent figures and the weakest intents, and keep
the overall figures with the commit they were measured on (docs/nlu-cv.json), so `make eval` can show them.

Usage: python scripts/nlu_cv_summary.py var/nlu-cv [--folds N]   (summary; writes docs/nlu-cv.json)
       python scripts/nlu_cv_summary.py --last                   (one line: the last kept result)
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

KEPT = Path(__file__).resolve().parents[1] / "docs" / "nlu-cv.json"


def _commit() -> str:
    git = shutil.which("git")
    if git is None:
        return "unknown"
    uit = subprocess.run([git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)  # noqa: S603 (fixed arguments)
    return uit.stdout.strip() or "unknown"


def main(folder: Path, folds: int) -> None:
    report = json.loads((folder / "intent_report.json").read_text(encoding="utf-8"))
    overall = report.get("weighted avg", {})
    macro = report.get("macro avg", {})
    print(f"intent accuracy {report.get('accuracy', 0):.3f}, weighted F1 {overall.get('f1-score', 0):.3f}, "
          f"macro F1 {macro.get('f1-score', 0):.3f}")
    per_intent = {k: v for k, v in report.items() if isinstance(v, dict) and "support" in v and "avg" not in k}
    print("| intent | precision | recall | F1 | examples |\n|---|---|---|---|---|")
    for naam, cijfers in sorted(per_intent.items(), key=lambda item: item[1]["f1-score"]):
        print(f"| {naam} | {cijfers['precision']:.2f} | {cijfers['recall']:.2f} | {cijfers['f1-score']:.2f} | "
              f"{cijfers['support']} |")
    _zekerheid(folder)
    KEPT.write_text(json.dumps({
        "commit": _commit(), "date": dt.datetime.now(dt.timezone.utc).date().isoformat(), "folds": folds,
        "intent_accuracy": round(float(report.get("accuracy", 0)), 4),
        "macro_f1": round(float(macro.get("f1-score", 0)), 4),
        "examples": int(macro.get("support", 0)),
    }) + "\n", encoding="utf-8")


def _zekerheid(folder: Path) -> None:
    """How right the held-out predictions are by the classifier's confidence: the evidence for the thresholds
    below which the assistant asks which topic is meant instead of answering (FallbackClassifier)."""
    voorspellingen = [item for naam in ("intent_successes.json", "intent_errors.json") if (folder / naam).exists()
                      for item in json.loads((folder / naam).read_text(encoding="utf-8"))]
    if not voorspellingen:
        return
    print("\n| confidence below | held-out examples | of which right | share of all |\n|---|---|---|---|")
    for grens in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        onder = [v for v in voorspellingen if float(v["intent_prediction"]["confidence"] or 0) < grens]
        goed = sum(1 for v in onder if v["intent_prediction"]["name"] == v["intent"])
        print(f"| {grens} | {len(onder)} | {goed} | {len(onder) / len(voorspellingen):.3f} |")
    terugval = [v for v in voorspellingen if v["intent_prediction"]["name"] == "nlu_fallback"]
    print(f"predicted nlu_fallback (below the current threshold or too close to the second): {len(terugval)}")


def last() -> None:
    if not KEPT.exists():
        print("nlu-cv: no cross-validation kept yet (run `make nlu-cv`)")
        return
    kept = json.loads(KEPT.read_text(encoding="utf-8"))
    print(f"nlu-cv (last run, {kept['folds']} folds, commit {kept['commit']}, {kept['date']}): intent accuracy "
          f"{kept['intent_accuracy']}, macro F1 {kept['macro_f1']}, {kept['examples']} examples")


if __name__ == "__main__":
    if sys.argv[1:] == ["--last"]:
        last()
    else:
        main(Path(sys.argv[1]), int(sys.argv[sys.argv.index("--folds") + 1]) if "--folds" in sys.argv else 5)
