"""Pydantic schema of the rule content.

Every value carries its source, and whether that source is the law itself or local policy, because the
assistant must word policy as "meestal / in veel gemeenten" and unverified values with reserve.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.errors import BuitenGeldigheid, OnbekendeParameter
from content.tekst import plaatshouders

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
    """Citation of one value: which law or page, which article and lid, which consolidation of the law was
    read (its version date), and whether it was really read."""

    soort: BronSoort
    titel: str = Field(min_length=3)
    bwb_id: str | None = None
    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    # The consolidation that was read: the date from which that text is valid on wetten.overheid.nl.
    versie: dt.date | None = None
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
        if self.soort is BronSoort.WET and self.geverifieerd:
            # A law text counts as read only with the consolidation it was read in, linked by its date.
            if self.versie is None:
                raise ValueError(f"a verified law source needs versie (art. {self.artikel})")
            if f"/{self.versie.isoformat()}" not in (self.url or ""):
                raise ValueError(f"the url of art. {self.artikel} must name the version read ({self.versie})")
        return self

    def artikel_deel(self) -> str:
        """'art. 13a lid 2', 'art. 3 lid 1 onder a', 'art. 11 onder g'; the title when no article is named."""
        if self.artikel is None:
            return self.titel
        deel = f"art. {self.artikel}"
        if self.lid:
            deel += f" lid {self.lid}"
        if self.onderdeel:
            deel += f" onder {self.onderdeel}"
        return deel

    def citeer(self) -> str:
        """Short citation such as 'art. 13a lid 2 Leerplichtwet 1969'."""
        return self.titel if self.artikel is None else f"{self.artikel_deel()} {self.titel}"


class Geldigheid(_Strict):
    """A period of validity: from geldig_vanaf up to and including geldig_tot (open when None).

    datum_niet_vastgesteld: the corpus shows only that the change happened between two harvests, so the
    period starts at the first harvest that shows it; the true date may be earlier.
    """

    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = None
    datum_niet_vastgesteld: bool = False

    @model_validator(mode="after")
    def _period(self) -> Geldigheid:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_vanaf:
            raise ValueError("geldig_tot lies before geldig_vanaf")
        return self

    def geldt_op(self, peildatum: dt.date) -> bool:
        return self.geldig_vanaf <= peildatum and (self.geldig_tot is None or peildatum <= self.geldig_tot)


def opeenvolgend(perioden: tuple[Geldigheid, ...], wat: str) -> None:
    """Periods follow each other in time and never overlap, so a peildatum picks at most one."""
    for eerder, later in itertools.pairwise(perioden):
        if later.geldig_vanaf <= eerder.geldig_vanaf:
            raise ValueError(f"{wat} must be ordered by geldig_vanaf")
        if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_vanaf:
            raise ValueError(f"value from {eerder.geldig_vanaf} overlaps the value from {later.geldig_vanaf}")


class Waarde(Geldigheid):
    """One value of a parameter in its period; `bron` when this value was read elsewhere than the
    parameter's own source (an older consolidation for an older value)."""

    waarde: int | float | bool | str
    bron: Bron | None = None


class Parameter(_Strict):
    """A named number or flag the rules use, with its history of values and its source.

    regionaal: a regional profile may set its own value. Only policy may be regional: a region can never
    override the law, and loading fails when one tries.
    """

    omschrijving: str
    eenheid: str | None = None
    bron: Bron
    regionaal: bool = False
    waarden: tuple[Waarde, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Parameter:
        opeenvolgend(self.waarden, "waarden")
        if self.regionaal and self.bron.soort is BronSoort.WET:
            raise ValueError("a parameter resting on the law cannot be regionaal")
        return self

    def _in_kracht(self, peildatum: dt.date) -> Waarde:
        for waarde in self.waarden:
            if waarde.geldt_op(peildatum):
                return waarde
        eerste, laatste = self.waarden[0].geldig_vanaf, self.waarden[-1].geldig_tot
        tot = f"up to {laatste.isoformat()}" if laatste else "onwards"
        raise BuitenGeldigheid(f"no value in force on {peildatum.isoformat()}; covered: {eerste.isoformat()} {tot}")

    def op(self, peildatum: dt.date) -> int | float | bool | str:
        """The value in force on peildatum; raises BuitenGeldigheid when none is."""
        return self._in_kracht(peildatum).waarde

    def bron_op(self, peildatum: dt.date) -> Bron:
        """The source of the value in force on peildatum."""
        return self._in_kracht(peildatum).bron or self.bron


class Uitleg(_Strict):
    """A reason or explanation the assistant can show, in Dutch and English, with its source; valid in a
    period when the law it states changed (then the key lists `versies`)."""

    nl: str
    en: str
    bron: Bron
    geldig_vanaf: dt.date | None = None
    geldig_tot: dt.date | None = None
    datum_niet_vastgesteld: bool = False
    # Shown as one of the few short points under an answer when it applies (a deadline, the usual number of
    # days); every other reason waits behind "Meer over de regels".
    punt: bool = False
    # The fact a text asks for, when it ends in a question, so a plain "ja" or "nee" can answer it.
    vraagt: str | None = None
    # The follow-up questions this text answers (aanvragen, termijn, bewijs, achteraf, broers_zussen, ...).
    aspecten: tuple[str, ...] = ()

    def tekst(self, taal: Literal["nl", "en"]) -> str:
        return self.en if taal == "en" else self.nl

    def geldt_op(self, peildatum: dt.date) -> bool:
        return (self.geldig_vanaf is None or self.geldig_vanaf <= peildatum) and (
            self.geldig_tot is None or peildatum <= self.geldig_tot)


class UitlegVersies(_Strict):
    """Several versions of one explanation, each with its period (geldig_vanaf required)."""

    versies: tuple[Uitleg, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _perioden(self) -> UitlegVersies:
        perioden = tuple(Geldigheid(geldig_vanaf=v.geldig_vanaf, geldig_tot=v.geldig_tot)
                         for v in self.versies if v.geldig_vanaf is not None)
        if len(perioden) != len(self.versies):
            raise ValueError("every version of an explanation needs geldig_vanaf")
        opeenvolgend(perioden, "versies")
        return self


class TaalTekst(_Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @model_validator(mode="after")
    def _zelfde_plaatshouders(self) -> TaalTekst:
        if plaatshouders(self.nl) != plaatshouders(self.en):
            raise ValueError(f"Dutch and English use other placeholders: {self.nl[:40]!r}")
        return self


class GespreksTekst(TaalTekst):
    """A sentence of the conversation itself (not a rule): Dutch and English, and for school staff a wording of
    its own where parents and staff are spoken to differently."""

    school: TaalTekst | None = None

    @model_validator(mode="after")
    def _school_zelfde_plaatshouders(self) -> GespreksTekst:
        if self.school is not None and plaatshouders(self.school.nl) != plaatshouders(self.nl):
            raise ValueError(f"the school wording uses other placeholders: {self.nl[:40]!r}")
        return self

    def voor(self, taal: Literal["nl", "en"], rol: str) -> str:
        bron = self.school if rol == "school" and self.school is not None else self
        return bron.en if taal == "en" else bron.nl


class TekstenBestand(_Strict):
    """The conversation's own texts: answers, questions, follow-up phrasing (one catalogue, two languages)."""

    laatst_gecontroleerd: dt.date
    teksten: dict[str, GespreksTekst]


class Ingetrokken(_Strict):
    """An article (or one lid of it) that the law no longer has from `vervallen_per` on: no statutory
    citation may name it for a later peildatum."""

    bwb_id: str
    titel: str
    artikel: str
    lid: str | None = None
    vervallen_per: dt.date
    datum_niet_vastgesteld: bool = False
    bron: Bron

    def raakt(self, bron: Bron, peildatum: dt.date) -> bool:
        """Whether citing `bron` on peildatum would name this repealed article."""
        if bron.soort is not BronSoort.WET or bron.bwb_id != self.bwb_id or peildatum < self.vervallen_per:
            return False
        if bron.artikel is None or self.artikel not in {a.strip() for a in bron.artikel.split("/")}:
            return False
        return self.lid is None or bron.lid == self.lid


class WetgevingBestand(_Strict):
    """Facts about the law texts themselves: articles repealed, with their dates."""

    laatst_gecontroleerd: dt.date
    ingetrokken: tuple[Ingetrokken, ...] = ()


class ContentBestand(_Strict):
    """One YAML file of content; `bronnen` names the sources the file cites (YAML anchors point at them)."""

    laatst_gecontroleerd: dt.date
    bronnen: dict[str, Bron] = Field(default_factory=dict)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    uitleg: dict[str, Uitleg | UitlegVersies] = Field(default_factory=dict)


def _controleer_regio(bestand: str, profiel: RegioProfiel, parameters: Mapping[str, Parameter]) -> None:
    """A region may set only policy values that are declared regionaal; never a value of the law."""
    for sleutel in sorted(profiel.beleid):
        if sleutel not in parameters:
            raise ValueError(f"{bestand}: region {profiel.id!r} overrides an unknown parameter {sleutel!r}")
        if parameters[sleutel].bron.soort is BronSoort.WET:
            raise ValueError(f"{bestand}: region {profiel.id!r} overrides {sleutel!r}, a value of the law; "
                             "a region can only set local policy")
        if not parameters[sleutel].regionaal:
            raise ValueError(f"{bestand}: region {profiel.id!r} overrides {sleutel!r}, which is not declared "
                             "regionaal: true")


class RuleSet:
    """The whole loaded content, immutable, handed to rules/ as an argument."""

    __slots__ = (
        "_parameters", "_teksten", "_uitleg", "gemeente_aliassen", "gemeenten", "ingetrokken", "kalenders",
        "laatst_gecontroleerd", "regios",
    )

    def __init__(
        self,
        bestanden: dict[str, ContentBestand],
        regios: Mapping[str, RegioBestand] | None = None,
        kalenders: Mapping[str, KalenderBestand] | None = None,
        gemeenten: Mapping[str, GemeentenBestand] | None = None,
        wetgeving: Mapping[str, WetgevingBestand] | None = None,
        teksten: Mapping[str, TekstenBestand] | None = None,
    ) -> None:
        parameters: dict[str, Parameter] = {}
        uitleg: dict[str, tuple[Uitleg, ...]] = {}
        for naam, bestand in bestanden.items():
            for sleutel, parameter in bestand.parameters.items():
                if sleutel in parameters:
                    raise ValueError(f"parameter {sleutel!r} is defined twice (again in {naam})")
                parameters[sleutel] = parameter
            for sleutel, tekst in bestand.uitleg.items():
                if sleutel in uitleg:
                    raise ValueError(f"uitleg {sleutel!r} is defined twice (again in {naam})")
                uitleg[sleutel] = tekst.versies if isinstance(tekst, UitlegVersies) else (tekst,)
        self._parameters = MappingProxyType(parameters)
        self._uitleg = MappingProxyType(uitleg)
        regio_bestanden = dict(regios or {})
        for naam, regio_bestand in regio_bestanden.items():
            _controleer_regio(naam, regio_bestand.regio, parameters)
        self.regios: tuple[RegioProfiel, ...] = tuple(b.regio for b in regio_bestanden.values())
        ids = [r.id for r in self.regios]
        if len(ids) != len(set(ids)):
            raise ValueError(f"regional profile ids are not unique: {sorted(ids)}")
        kalender_bestanden = dict(kalenders or {})
        self.kalenders: tuple[KalenderBestand, ...] = tuple(kalender_bestanden.values())
        gemeente_bestanden = dict(gemeenten or {})
        self.gemeenten: frozenset[str] = frozenset(
            naam for bestand in gemeente_bestanden.values() for naam in bestand.gemeenten
        )
        self.gemeente_aliassen: Mapping[str, str] = MappingProxyType(
            {alias: naam for bestand in gemeente_bestanden.values() for alias, naam in bestand.aliassen.items()}
        )
        tekst_bestanden = dict(teksten or {})
        alle_teksten: dict[str, GespreksTekst] = {}
        for naam, tekst_bestand in tekst_bestanden.items():
            dubbel = set(alle_teksten) & set(tekst_bestand.teksten)
            if dubbel:
                raise ValueError(f"{naam}: texts defined twice: {sorted(dubbel)}")
            alle_teksten.update(tekst_bestand.teksten)
        self._teksten = MappingProxyType(alle_teksten)
        wet_bestanden = dict(wetgeving or {})
        self.ingetrokken: tuple[Ingetrokken, ...] = tuple(i for b in wet_bestanden.values() for i in b.ingetrokken)
        gecontroleerd: dict[str, dt.date] = {}
        for groep in (bestanden, regio_bestanden, kalender_bestanden, gemeente_bestanden, wet_bestanden,
                      tekst_bestanden):
            gecontroleerd.update({naam: b.laatst_gecontroleerd for naam, b in groep.items()})
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

    def uitleg_versies(self, sleutel: str) -> tuple[Uitleg, ...]:
        try:
            return self._uitleg[sleutel]
        except KeyError:
            raise OnbekendeParameter(sleutel) from None

    def uitleg(self, sleutel: str, peildatum: dt.date) -> Uitleg:
        """The explanation as it reads for peildatum; BuitenGeldigheid when no version covers it."""
        for versie in self.uitleg_versies(sleutel):
            if versie.geldt_op(peildatum):
                return versie
        raise BuitenGeldigheid(f"{sleutel}: no text in force on {peildatum.isoformat()}")

    def tekst_sleutels(self) -> tuple[str, ...]:
        return tuple(sorted(self._teksten))

    def gespreks_tekst(self, sleutel: str) -> GespreksTekst:
        try:
            return self._teksten[sleutel]
        except KeyError:
            raise OnbekendeParameter(sleutel) from None

    def bronnen(self) -> list[tuple[str, Bron, dt.date | None]]:
        """Every source in the rule content with where it is used and the last day that use is valid
        (None: still valid), for checks and reports."""
        gevonden: list[tuple[str, Bron, dt.date | None]] = []
        for sleutel, parameter in self._parameters.items():
            for waarde in parameter.waarden:
                gevonden.append((f"parameter {sleutel}", waarde.bron or parameter.bron, waarde.geldig_tot))
        for sleutel, versies in self._uitleg.items():
            gevonden += [(f"uitleg {sleutel}", versie.bron, versie.geldig_tot) for versie in versies]
        for profiel in self.regios:
            for sleutel, regionaal in profiel.beleid.items():
                gevonden.append((f"regio {profiel.id} {sleutel}", regionaal.bron, None))
        return gevonden
