"""Schema of the school calendar: holidays per holiday region and the first school day of a school year."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.regio_schema import Vakantieregio
from content.schema import Bron


class VakantieNaam(str, Enum):
    HERFST = "herfstvakantie"
    KERST = "kerstvakantie"
    VOORJAAR = "voorjaarsvakantie"
    MEI = "meivakantie"
    ZOMER = "zomervakantie"


class Vakantie(BaseModel):
    """One school holiday, first to last day (a Saturday to a Sunday), for one region or all of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: VakantieNaam
    regio: Vakantieregio | None = None  # None: the same dates in every region
    van: dt.date
    tot_en_met: dt.date
    bindend: bool  # the minister sets it (zomer, kerst, mei); otherwise an advisory date
    geverifieerd: bool
    opmerking: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Vakantie:
        if self.tot_en_met < self.van:
            raise ValueError(f"{self.naam.value}: tot_en_met {self.tot_en_met} is before van {self.van}")
        return self

    def geldt_voor(self, regio: Vakantieregio) -> bool:
        return self.regio is None or self.regio is regio

    def bevat(self, datum: dt.date) -> bool:
        return self.van <= datum <= self.tot_en_met


class KalenderBestand(BaseModel):
    """One school year (1 August to 31 July): its holidays and, per region, its first school day."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    laatst_gecontroleerd: dt.date
    schooljaar: str = Field(pattern=r"^\d{4}-\d{4}$")
    bron: Bron
    eerste_schooldag: dict[Vakantieregio, dt.date]
    eerste_schooldag_geverifieerd: bool
    vakanties: tuple[Vakantie, ...]

    @property
    def begin(self) -> dt.date:
        return dt.date(int(self.schooljaar[:4]), 8, 1)

    @property
    def einde(self) -> dt.date:
        return dt.date(int(self.schooljaar[5:]), 7, 31)

    @model_validator(mode="after")
    def _complete_and_consistent(self) -> KalenderBestand:
        if int(self.schooljaar[5:]) != int(self.schooljaar[:4]) + 1:
            raise ValueError(f"schooljaar {self.schooljaar} must span two consecutive years")
        for regio in Vakantieregio:
            eerste = self.eerste_schooldag.get(regio)
            if eerste is None or eerste.isoweekday() != 1:
                raise ValueError(f"eerste_schooldag for {regio.value} must be a Monday")
            for naam in VakantieNaam:
                found = [v for v in self.vakanties if v.naam is naam and v.geldt_voor(regio)]
                if len(found) != 1:
                    raise ValueError(f"{self.schooljaar}: {regio.value} needs exactly one {naam.value}")
        for vakantie in self.vakanties:
            if vakantie.naam is not VakantieNaam.ZOMER and not (self.begin <= vakantie.van <= self.einde):
                raise ValueError(f"{vakantie.naam.value} {vakantie.van} lies outside {self.schooljaar}")
        return self
