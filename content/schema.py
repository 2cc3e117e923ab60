"""Pydantic schema of the rule content.

Every value carries its source, and whether that source is the law itself or local policy, because the
assistant must word policy as "meestal / in veel gemeenten" and unverified values with reserve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.errors import BuitenGeldigheid, OnbekendeParameter

if TYPE_CHECKING:
    from content.kalender_schema import KalenderBestand
    from content.regio_schema import GemeentenBestand, RegioBestand, RegioProfiel

LEERPLICHTWET_BWB_ID = "BWBR0002628"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class BronSoort(str, Enum):
    """Whether a value rests on the statute or on municipal/school practice."""

    WET = "wet"
    BELEID = "beleid"


class Bron(_Strict):
    """Citation of one value: which law or page, which article and lid, and whether it was really read."""

    soort: BronSoort
    titel: str = Field(min_length=3)
    bwb_id: str | None = None
    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    url: str | None = Field(default=None, pattern=r"^https?://")
    # A document without a public address, such as a municipal annual report kept in the project.
    document: str | None = None
    geverifieerd: bool
    opmerking: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Bron:
        if self.soort is BronSoort.WET and (not self.bwb_id or not self.artikel or not self.url):
            raise ValueError("a source of kind 'wet' needs bwb_id, artikel and url")
        if not self.url and not self.document:
            raise ValueError("a source needs a url or a document")
        return self

    def citeer(self) -> str:
        """Short citation such as 'art. 13a lid 2 Leerplichtwet 1969'."""
        if self.artikel is None:
            return self.titel
        deel = f"art. {self.artikel}"
        if self.onderdeel:
            deel += f" onder {self.onderdeel}"
        if self.lid:
            deel += f" lid {self.lid}"
        return f"{deel} {self.titel}"


class Waarde(_Strict):
    """One value of a parameter, in force from geldig_vanaf up to and including geldig_tot."""

    waarde: int | float | bool | str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = None

    @model_validator(mode="after")
    def _period(self) -> Waarde:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_vanaf:
            raise ValueError("geldig_tot lies before geldig_vanaf")
        return self

    def geldt_op(self, peildatum: dt.date) -> bool:
        return self.geldig_vanaf <= peildatum and (self.geldig_tot is None or peildatum <= self.geldig_tot)


class Parameter(_Strict):
    """A named number or flag the rules use, with its history of values and its source."""

    omschrijving: str
    eenheid: str | None = None
    bron: Bron
    waarden: tuple[Waarde, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Parameter:
        """Values follow each other in time and never overlap, so a peildatum picks at most one."""
        for eerder, later in zip(self.waarden, self.waarden[1:], strict=False):
            if later.geldig_vanaf <= eerder.geldig_vanaf:
                raise ValueError("waarden must be ordered by geldig_vanaf")
            if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_vanaf:
                raise ValueError(f"value from {eerder.geldig_vanaf} overlaps the value from {later.geldig_vanaf}")
        return self

    def op(self, peildatum: dt.date) -> int | float | bool | str:
        """The value in force on peildatum; raises BuitenGeldigheid when none is."""
        for waarde in self.waarden:
            if waarde.geldt_op(peildatum):
                return waarde.waarde
        raise BuitenGeldigheid(f"no value in force on {peildatum.isoformat()}")


class Uitleg(_Strict):
    """A reason or explanation the assistant can show, in Dutch and English, with its source."""

    nl: str
    en: str
    bron: Bron

    def tekst(self, taal: Literal["nl", "en"]) -> str:
        return self.en if taal == "en" else self.nl


class ContentBestand(_Strict):
    """One YAML file of content."""

    laatst_gecontroleerd: dt.date
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    uitleg: dict[str, Uitleg] = Field(default_factory=dict)


class RuleSet:
    """The whole loaded content, immutable, handed to rules/ as an argument."""

    __slots__ = (
        "_parameters", "_uitleg", "gemeente_aliassen", "gemeenten", "kalenders", "laatst_gecontroleerd", "regios",
    )

    def __init__(
        self,
        bestanden: dict[str, ContentBestand],
        regios: Mapping[str, RegioBestand] | None = None,
        kalenders: Mapping[str, KalenderBestand] | None = None,
        gemeenten: Mapping[str, GemeentenBestand] | None = None,
    ) -> None:
        parameters: dict[str, Parameter] = {}
        uitleg: dict[str, Uitleg] = {}
        for naam, bestand in bestanden.items():
            for sleutel, parameter in bestand.parameters.items():
                if sleutel in parameters:
                    raise ValueError(f"parameter {sleutel!r} is defined twice (again in {naam})")
                parameters[sleutel] = parameter
            for sleutel, tekst in bestand.uitleg.items():
                if sleutel in uitleg:
                    raise ValueError(f"uitleg {sleutel!r} is defined twice (again in {naam})")
                uitleg[sleutel] = tekst
        self._parameters = MappingProxyType(parameters)
        self._uitleg = MappingProxyType(uitleg)
        regio_bestanden = dict(regios or {})
        self.regios: tuple[RegioProfiel, ...] = tuple(b.regio for b in regio_bestanden.values())
        for profiel in self.regios:
            onbekend = set(profiel.beleid) - set(parameters)
            if onbekend:
                raise ValueError(f"regional profile {profiel.id} overrides unknown parameters: {sorted(onbekend)}")
        ids = [r.id for r in self.regios]
        if len(ids) != len(set(ids)):
            raise ValueError(f"regional profile ids are not unique: {sorted(ids)}")
        kalender_bestanden = dict(kalenders or {})
        self.kalenders: tuple[KalenderBestand, ...] = tuple(kalender_bestanden.values())
        gecontroleerd = {naam: b.laatst_gecontroleerd for naam, b in bestanden.items()}
        gecontroleerd.update({naam: b.laatst_gecontroleerd for naam, b in regio_bestanden.items()})
        gecontroleerd.update({naam: b.laatst_gecontroleerd for naam, b in kalender_bestanden.items()})
        gemeente_bestanden = dict(gemeenten or {})
        self.gemeenten: frozenset[str] = frozenset(
            naam for bestand in gemeente_bestanden.values() for naam in bestand.gemeenten
        )
        self.gemeente_aliassen: Mapping[str, str] = MappingProxyType(
            {alias: naam for bestand in gemeente_bestanden.values() for alias, naam in bestand.aliassen.items()}
        )
        gecontroleerd.update({naam: b.laatst_gecontroleerd for naam, b in gemeente_bestanden.items()})
        self.laatst_gecontroleerd = MappingProxyType(gecontroleerd)

    def parameter_sleutels(self) -> tuple[str, ...]:
        return tuple(sorted(self._parameters))

    def uitleg_sleutels(self) -> tuple[str, ...]:
        return tuple(sorted(self._uitleg))

    def parameter(self, sleutel: str) -> Parameter:
        try:
            return self._parameters[sleutel]
        except KeyError:
            raise OnbekendeParameter(sleutel) from None

    def waarde(self, sleutel: str, peildatum: dt.date) -> int | float | bool | str:
        return self.parameter(sleutel).op(peildatum)

    def getal(self, sleutel: str, peildatum: dt.date) -> int:
        waarde = self.waarde(sleutel, peildatum)
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            raise OnbekendeParameter(f"{sleutel} is not a whole number")
        return waarde

    def uitleg(self, sleutel: str) -> Uitleg:
        try:
            return self._uitleg[sleutel]
        except KeyError:
            raise OnbekendeParameter(sleutel) from None
