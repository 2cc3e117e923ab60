"""Load every YAML file under content/data once into an immutable RuleSet."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from content.errors import ContentValidationError
from content.schema import ContentBestand, RuleSet

DATA_DIR = Path(__file__).parent / "data"


def load_rule_set(data_dir: Path = DATA_DIR) -> RuleSet:
    """Read and validate all content files; any invalid file fails the whole load."""
    bestanden: dict[str, ContentBestand] = {}
    for pad in sorted(data_dir.rglob("*.yaml")):
        naam = str(pad.relative_to(data_dir))
        with pad.open(encoding="utf-8") as handle:
            ruw = yaml.safe_load(handle)
        try:
            bestanden[naam] = ContentBestand.model_validate(ruw)
        except ValidationError as exc:
            raise ContentValidationError(f"{naam}: {exc}") from exc
    if not bestanden:
        raise ContentValidationError(f"no content files in {data_dir}")
    try:
        return RuleSet(bestanden)
    except ValueError as exc:
        raise ContentValidationError(str(exc)) from exc


@lru_cache(maxsize=1)
def default_rule_set() -> RuleSet:
    """The packaged content, loaded once per process (start-up of the action server)."""
    return load_rule_set()
