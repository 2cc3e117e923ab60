"""The vocabulary the assistant recognises facts by (content/data/woorden/): feasts, kinship terms, events and
places abroad, kinds of school and diplomas, each in one YAML list read by the rules and the fact readers alike, so
a word is recognised the same way everywhere."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from content.errors import ContentValidationError

WOORDEN_DIR = Path(__file__).parent / "data" / "woorden"
Soort = Literal["religieus", "niet_religieus"]
_M = TypeVar("_M", bound=BaseModel)
_K = TypeVar("_K", bound=str)


class Feestdagen(BaseModel):
    """Feasts by name, each with the spellings people use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    religieus: dict[str, tuple[str, ...]]
    niet_religieus: dict[str, tuple[str, ...]]
    anders: dict[str, tuple[str, ...]] = {}  # named, but whether it is a religious duty depends on the family


def geldige_patronen(waarde: dict[_K, tuple[str, ...]]) -> dict[_K, tuple[str, ...]]:
    """A validator: every fragment of every list is a regular expression."""
    for naam, fragmenten in waarde.items():
        for fragment in fragmenten:
            try:
                re.compile(fragment)
            except re.error as exc:
                raise ValueError(f"{naam}: {fragment!r} is no regular expression ({exc})") from exc
    return waarde


class Relatie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    graad: int = Field(ge=1, le=6)
    ook: tuple[str, ...] = ()


class Relaties(BaseModel):
    """Kinship terms with their degree, words whose degree depends on whose child it is, and foster relations."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    graad: dict[str, Relatie]
    neef_nicht: tuple[str, ...]
    # Whose child a neef or nicht is, as regular-expression fragments: it decides the degree.
    neef_nicht_via: dict[Literal["broer_zus", "oom_tante"], tuple[str, ...]] = {}
    pleeg: dict[str, tuple[str, ...]]

    @field_validator("neef_nicht_via")
    @classmethod
    def _via_geldig(cls, waarde: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return geldige_patronen(waarde)

    def woorden(self) -> dict[str, str]:
        """Every word for a relation, lower case, to the name the rules use."""
        paren = {naam: naam for naam in (*self.graad, *self.neef_nicht, *self.pleeg)}
        paren |= {ook.lower(): naam for naam, r in self.graad.items() for ook in r.ook}
        paren |= {ook.lower(): naam for naam, ook_lijst in self.pleeg.items() for ook in ook_lijst}
        return paren


class Gebeurtenissen(BaseModel):
    """Events given as a reason for leave, as regular-expression fragments, and places that make a trip abroad."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    omstandigheden: dict[str, tuple[str, ...]]
    buitenland: tuple[str, ...]
    # Foreign towns and travel by air: they place a trip abroad for the fact readers only; the NLU's regex
    # feature takes just the countries above (a feature of hundreds of towns would weigh on every message).
    buitenland_plaatsen: tuple[str, ...] = ()

    @field_validator("omstandigheden")
    @classmethod
    def _patronen_geldig(cls, waarde: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return geldige_patronen(waarde)


class Onderwijs(BaseModel):
    """Kinds of school and diplomas, as regular-expression fragments, in the order they are tried."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    schooltypes: dict[str, tuple[str, ...]]
    diplomas: dict[str, tuple[str, ...]]

    @field_validator("schooltypes", "diplomas")
    @classmethod
    def _patronen_geldig(cls, waarde: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return geldige_patronen(waarde)


def _lees(model: type[_M], naam: str) -> _M:
    pad = WOORDEN_DIR / naam
    try:
        return model.model_validate(yaml.safe_load(pad.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ContentValidationError(f"{pad.name}: {exc}") from exc


def per_naam(lijsten: dict[_K, tuple[str, ...]]) -> tuple[tuple[_K, re.Pattern[str]], ...]:
    """Per name, in the list's order, one case-insensitive pattern of all its fragments."""
    return tuple((naam, re.compile("|".join(f"(?:{f})" for f in fragmenten), re.IGNORECASE))
                 for naam, fragmenten in lijsten.items())


@lru_cache(maxsize=1)
def relaties() -> Relaties:
    return _lees(Relaties, "relaties.yaml")


@lru_cache(maxsize=1)
def neef_nicht_via_patronen() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per way a neef or nicht is related ("broer_zus", "oom_tante"), one case-insensitive pattern."""
    return per_naam(relaties().neef_nicht_via)


@lru_cache(maxsize=1)
def gebeurtenissen() -> Gebeurtenissen:
    return _lees(Gebeurtenissen, "gebeurtenissen.yaml")


@lru_cache(maxsize=1)
def omstandigheid_patronen() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per event, in the list's order, one case-insensitive pattern of all its fragments."""
    return per_naam(gebeurtenissen().omstandigheden)


@lru_cache(maxsize=1)
def buitenland_patroon() -> re.Pattern[str]:
    lijst = gebeurtenissen()
    return re.compile("|".join((*lijst.buitenland, *lijst.buitenland_plaatsen)), re.IGNORECASE)


@lru_cache(maxsize=1)
def onderwijs() -> Onderwijs:
    return _lees(Onderwijs, "onderwijs.yaml")


@lru_cache(maxsize=1)
def schooltype_patronen() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per kind of school (po, vo, mbo, so), in the list's order, one case-insensitive pattern."""
    return per_naam(onderwijs().schooltypes)


@lru_cache(maxsize=1)
def diploma_patronen() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per diploma, in the list's order, one case-insensitive pattern."""
    return per_naam(onderwijs().diplomas)


@lru_cache(maxsize=1)
def feestdagen() -> Feestdagen:
    return _lees(Feestdagen, "feestdagen.yaml")


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


@lru_cache(maxsize=1)
def _andere_feesten() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<!\w){re.escape(s)}(?!\w)", re.IGNORECASE), naam)
                 for naam, spellingen in feestdagen().anders.items() for s in spellingen)


def noem_feest(tekst: str) -> str | None:
    """A named day whose religious character the list cannot decide (Chinese New Year), by its usual name."""
    return next((naam for patroon, naam in _andere_feesten() if patroon.search(tekst)), None)


def herken_feest(tekst: str) -> tuple[str, Soort] | None:
    """The feast a text names first, by its usual name, and whether it is a religious one; None when it names
    none on the list. "Keti Koti is as important to us as Christmas" is about Keti Koti; at the same place the
    longer spelling wins ("orthodoxe kerst" over "kerst")."""
    beste: tuple[int, str, Soort] | None = None
    for patroon, naam, soort in _patronen():
        gevonden = patroon.search(tekst)
        if gevonden and (beste is None or gevonden.start() < beste[0]):
            beste = (gevonden.start(), naam, soort)
    return (beste[1], beste[2]) if beste else None

