"""Every text the assistant can show keeps its sentences short: the floor of issue 13 (no sentence over 25
words in an answer) holds for the content itself, not only for the answers the evaluation happens to give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from leerbot.antwoordkwaliteit import MAX_ZIN_WOORDEN, zinnen

CONTENT = Path(__file__).resolve().parents[2] / "content" / "data"
_NIET_GETOOND = frozenset({"bron", "bronnen", "opmerking"})  # sources and notes for editors, not shown


def _teksten(knoop: Any, pad: str) -> Iterator[tuple[str, str]]:
    if isinstance(knoop, dict):
        for sleutel, waarde in knoop.items():
            if sleutel in ("nl", "en") and isinstance(waarde, str):
                yield f"{pad}/{sleutel}", waarde
            elif sleutel not in _NIET_GETOOND:
                yield from _teksten(waarde, f"{pad}/{sleutel}")
    elif isinstance(knoop, list):
        for index, waarde in enumerate(knoop):
            yield from _teksten(waarde, f"{pad}[{index}]")


def test_no_shown_text_has_a_sentence_over_the_limit() -> None:
    bestanden = sorted(CONTENT.rglob("*.yaml"))
    assert len(bestanden) > 10
    te_lang = [f"{pad}: {len(zin.split())} words: {zin}"
               for bestand in bestanden
               for pad, tekst in _teksten(yaml.safe_load(bestand.read_text(encoding="utf-8")), bestand.name)
               for zin in zinnen(tekst) if len(zin.split()) > MAX_ZIN_WOORDEN]
    assert not te_lang, "\n".join(te_lang)
