"""Summarise `rasa test nlu --cross-validation` output: overall intent figures and the weakest intents.

Usage: python scripts/nlu_cv_summary.py var/nlu-cv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(folder: Path) -> None:
    report = json.loads((folder / "intent_report.json").read_text(encoding="utf-8"))
    overall = report.get("weighted avg", {})
    print(f"intent accuracy {report.get('accuracy', 0):.3f}, weighted F1 {overall.get('f1-score', 0):.3f}, "
          f"macro F1 {report.get('macro avg', {}).get('f1-score', 0):.3f}")
    per_intent = {k: v for k, v in report.items() if isinstance(v, dict) and "support" in v and "avg" not in k}
    print("| intent | precision | recall | F1 | examples |\n|---|---|---|---|---|")
    for naam, cijfers in sorted(per_intent.items(), key=lambda item: item[1]["f1-score"]):
        print(f"| {naam} | {cijfers['precision']:.2f} | {cijfers['recall']:.2f} | {cijfers['f1-score']:.2f} | "
              f"{cijfers['support']} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
