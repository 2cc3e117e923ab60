"""The signals that make a hand-off more pressing (content/data/signalen.yaml), compiled once."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from content.errors import ContentValidationError
from content.woorden import geldige_patronen, per_naam

PAD = Path(__file__).parent / "data" / "signalen.yaml"
Signaal = Literal["gevaar", "lang_thuis", "vertrek_binnenkort", "ouders_onbereikbaar", "zorgen_thuis", "huisbezoek"]


class Signalen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bron: str
    vertrek_binnen_dagen: int = Field(ge=1, le=31)  # a departure date this close makes a hand-off pressing
    signalen: dict[Signaal, tuple[str, ...]]

    @field_validator("signalen")
    @classmethod
    def _patronen_geldig(cls, waarde: dict[Signaal, tuple[str, ...]]) -> dict[Signaal, tuple[str, ...]]:
        return geldige_patronen(waarde)


@lru_cache(maxsize=1)
def signalen() -> Signalen:
    try:
        return Signalen.model_validate(yaml.safe_load(PAD.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise ContentValidationError(f"{PAD.name}: {exc}") from exc


@lru_cache(maxsize=1)
def patronen() -> dict[Signaal, re.Pattern[str]]:
    """Per signal one case-insensitive pattern of all its fragments."""
    return dict(per_naam(signalen().signalen))
