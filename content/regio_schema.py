"""Schema of the regional profiles: which leerplicht team serves which municipality, and local policy."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.schema import Bron, Waarde, opeenvolgend


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Vakantieregio(str, Enum):
    NOORD = "noord"
    MIDDEN = "midden"
    ZUID = "zuid"


class Taak(str, Enum):
    """What a team does for the young people of a municipality."""

    LEERPLICHT = "leerplicht"  # pupils up to the end of leerplicht (5-16)
    KWALIFICATIEPLICHT = "kwalificatieplicht"  # 16-18 without a startkwalificatie
    MBO = "mbo"  # only students enrolled at an mbo (e.g. a regional mbo arrangement)
    RMC = "rmc"  # no longer leer- or kwalificatieplichtig, under 27, without a startkwalificatie


class Gemeente(_Strict):
    """A municipality a team serves, by its current name, with the tasks it does there."""

    naam: str
    vakantieregio: Vakantieregio
    vakantieregio_bron: Bron
    taken: tuple[Taak, ...] = Field(min_length=1)
    oude_namen: tuple[str, ...] = ()


class Kantoortijden(_Strict):
    """When the team answers. No source gives these: an administrator sets them (aanname: true)."""

    dagen: tuple[int, ...] = Field(description="ISO weekdays, 1 = Monday")
    van: dt.time
    tot: dt.time
    aanname: bool
    opmerking: str | None = None


class BeleidsWaarde(_Strict):
    """A local value that replaces the national policy parameter of the same name in its periods; outside
    them the national value applies. The parameter must be declared regionaal (never a value of the law)."""

    bron: Bron
    waarden: tuple[Waarde, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> BeleidsWaarde:
        opeenvolgend(self.waarden, "waarden")
        return self

    def op(self, peildatum: dt.date) -> Waarde | None:
        return next((w for w in self.waarden if w.geldt_op(peildatum)), None)


class Tekst(_Strict):
    nl: str
    en: str
    bron: Bron


class RegioProfiel(_Strict):
    """One leerplicht team: its name, the municipalities it serves and what it does differently."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    team: str
    omschrijving: str
    bron: Bron
    gemeenten: tuple[Gemeente, ...]
    kantoortijden: Kantoortijden
    beleid: dict[str, BeleidsWaarde] = Field(default_factory=dict)
    overig_verzuim_melden: Tekst
    contact: Tekst | None = None
    landelijk: bool = False

    @model_validator(mode="after")
    def _landelijk_has_no_municipalities(self) -> RegioProfiel:
        if self.landelijk and self.gemeenten:
            raise ValueError("the national default profile covers no named municipalities")
        if not self.landelijk and not self.gemeenten:
            raise ValueError("a regional profile needs at least one municipality")
        return self


class RegioBestand(_Strict):
    laatst_gecontroleerd: dt.date
    regio: RegioProfiel


class GemeentenBestand(_Strict):
    """The list of all Dutch municipalities, so a typo is asked about instead of silently treated as a
    municipality outside the five regions."""

    laatst_gecontroleerd: dt.date
    bron: Bron
    aliassen: dict[str, str] = Field(default_factory=dict)
    gemeenten: tuple[str, ...] = Field(min_length=300)

    @model_validator(mode="after")
    def _aliassen_bestaan(self) -> GemeentenBestand:
        onbekend = set(self.aliassen.values()) - set(self.gemeenten)
        if onbekend:
            raise ValueError(f"aliassen point to unknown municipalities: {sorted(onbekend)}")
        return self
