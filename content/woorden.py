"""The vocabulary the assistant recognises facts by (content/data/woorden/): one list, read by the rules and the
fact readers alike, so a feast is recognised the same way everywhere."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from content.errors import ContentValidationError

WOORDEN_DIR = Path(__file__).parent / "data" / "woorden"
Soort = Literal["religieus", "niet_religieus"]


class Feestdagen(BaseModel):
    """Feasts by name, each with the spellings people use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    religieus: dict[str, tuple[str, ...]]
    niet_religieus: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def feestdagen(pad: Path = WOORDEN_DIR / "feestdagen.yaml") -> Feestdagen:
    try:
        return Feestdagen.model_validate(yaml.safe_load(pad.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ContentValidationError(f"{pad.name}: {exc}") from exc


@lru_cache(maxsize=1)
def _patronen() -> tuple[tuple[re.Pattern[str], str, Soort], ...]:
    """One whole-word pattern per feast; longer spellings first, so "orthodoxe kerst" wins over "kerst"."""
    lijst = feestdagen()
    groepen: tuple[tuple[Soort, dict[str, tuple[str, ...]]], ...] = (
        ("religieus", lijst.religieus), ("niet_religieus", lijst.niet_religieus))
    paren = [(spelling, naam, soort) for soort, groep in groepen
             for naam, spellingen in groep.items() for spelling in spellingen]
    paren.sort(key=lambda paar: -len(paar[0]))
    return tuple((re.compile(rf"(?<!\w){re.escape(s)}(?!\w)", re.IGNORECASE), naam, soort)
                 for s, naam, soort in paren)


def herken_feest(tekst: str) -> tuple[str, Soort] | None:
    """The feast a text names, by its usual name, and whether it is a religious one; None when it names none
    on the list."""
    for patroon, naam, soort in _patronen():
        if patroon.search(tekst):
            return naam, soort
    return None


def alle_spellingen() -> list[str]:
    """Every spelling on the list, for Rasa's lookup table of the entity `feestdag`."""
    lijst = feestdagen()
    return sorted({s for groep in (lijst.religieus, lijst.niet_religieus) for v in groep.values() for s in v})
