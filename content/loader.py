"""Load every YAML file under content/data once into an immutable RuleSet."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from content.errors import ContentValidationError
from content.kalender_schema import KalenderBestand
from content.regio_schema import GemeentenBestand, RegioBestand
from content.schema import ContentBestand, RuleSet, TekstenBestand, WetgevingBestand

DATA_DIR = Path(__file__).parent / "data"


_M = TypeVar("_M", bound=BaseModel)


def _load_dir(data_dir: Path, sub: str, model: type[_M]) -> dict[str, _M]:
    """Every YAML file under data_dir/sub, validated as `model`; any invalid file fails the load."""
    bestanden: dict[str, _M] = {}
    for pad in sorted((data_dir / sub).rglob("*.yaml")):
        naam = str(pad.relative_to(data_dir))
        with pad.open(encoding="utf-8") as handle:
            ruw = yaml.safe_load(handle)
        try:
            bestanden[naam] = model.model_validate(ruw)
        except ValidationError as exc:
            raise ContentValidationError(f"{naam}: {exc}") from exc
    return bestanden


def load_rule_set(data_dir: Path = DATA_DIR) -> RuleSet:
    """Read and validate all content: law and policy (regels/), regional profiles (regio/), school
    holidays (kalender/), municipalities (gemeenten/), facts about the law texts (wetgeving/) and the
    conversation's own texts (teksten/)."""
    regels = _load_dir(data_dir, "regels", ContentBestand)
    if not regels:
        raise ContentValidationError(f"no content files in {data_dir / 'regels'}")
    regios = _load_dir(data_dir, "regio", RegioBestand)
    kalenders = _load_dir(data_dir, "kalender", KalenderBestand)
    gemeenten = _load_dir(data_dir, "gemeenten", GemeentenBestand)
    wetgeving = _load_dir(data_dir, "wetgeving", WetgevingBestand)
    teksten = _load_dir(data_dir, "teksten", TekstenBestand)
    try:
        return RuleSet(regels, regios, kalenders, gemeenten, wetgeving, teksten)
    except ValueError as exc:
        raise ContentValidationError(str(exc)) from exc


@lru_cache(maxsize=1)
def default_rule_set() -> RuleSet:
    """The packaged content, loaded once per process (start-up of the action server)."""
    return load_rule_set()
