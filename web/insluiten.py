"""Which municipality's widget may be embedded where (content/data/web/insluiten.yaml): the allow-list of origins
that becomes the Content-Security-Policy `frame-ancestors` of /embed/{gemeente}, and the municipality's theme.
Validated when the app is created, so a typo stops the start instead of silently refusing a municipality's site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from content.loader import DATA_DIR

INSLUITEN = DATA_DIR / "web" / "insluiten.yaml"
THEMAS = Path(__file__).parent / "static" / "themas"

_LOOPBACK = ("127.0.0.1", "localhost")
_OORSPRONG = re.compile(r"^(?P<schema>https?)://(?P<host>[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)"
                        r"(:(?P<poort>[0-9]{1,5}|\*))?$")


def _oorsprong(waarde: str) -> str:
    """An origin as CSP source expression: scheme, host, optional port; https, except on this machine (http is for
    `make run` and the tests). No path, no wildcard host: a frame-ancestors entry is a whole site, exactly."""
    gevonden = _OORSPRONG.fullmatch(waarde)
    if gevonden is None:
        raise ValueError(f"not an origin like https://www.gemeente.nl: {waarde!r}")
    if gevonden["schema"] == "http" and gevonden["host"] not in _LOOPBACK:
        raise ValueError(f"http:// only for 127.0.0.1 and localhost, else https://: {waarde!r}")
    if gevonden["poort"] == "*" and gevonden["host"] not in _LOOPBACK:
        raise ValueError(f"any port (*) only for 127.0.0.1 and localhost: {waarde!r}")
    if gevonden["poort"] not in (None, "*") and not 0 < int(gevonden["poort"]) < 65536:
        raise ValueError(f"not a port: {waarde!r}")
    return waarde


Oorsprong = Annotated[str, AfterValidator(_oorsprong)]


class InsluitGemeente(BaseModel):
    """One municipality that embeds the widget."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str = Field(min_length=1)
    thema: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")
    oorsprongen: tuple[Oorsprong, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _thema_bestaat(self) -> InsluitGemeente:
        if self.thema == "voorbeeld":
            raise ValueError("the voorbeeld theme is every page's base: leave thema out for it")
        if self.thema is not None:
            bestand = THEMAS / f"{self.thema}.css"
            if not bestand.is_file():
                raise ValueError(f"no theme file web/static/themas/{self.thema}.css")
            if f".{self.thema}-theme {{" not in bestand.read_text(encoding="utf-8"):
                raise ValueError(f"web/static/themas/{self.thema}.css sets no tokens on .{self.thema}-theme")
        return self

    @property
    def frame_ancestors(self) -> str:
        """Our own origin (the demo page) and the municipality's sites."""
        return " ".join(("'self'", *self.oorsprongen))


class Insluiten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    gemeenten: dict[Annotated[str, Field(pattern=r"^[a-z0-9-]+$")], InsluitGemeente] = Field(min_length=1)


def laad_insluiten(pad: Path = INSLUITEN) -> Insluiten:
    with pad.open(encoding="utf-8") as bestand:
        return Insluiten.model_validate(yaml.safe_load(bestand))
