"""The decision object every rule returns: what the rules say, who decides, why, what to do next, and
what is uncertain. Every reason and step carries its citation, so "waarom?" is answered from it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from content.regio_schema import RegioProfiel
from content.schema import Bron, BronSoort, RuleSet
from content.tekst import vul_in
from rules.kalender import Schoolkalender
from rules.regio import vind_gemeente


class Toegestaan(str, Enum):
    """What the rules say about the request (values as in the evaluation contract)."""

    JA = "true"
    NEE = "false"
    VOORWAARDELIJK = "conditional"
    NIET_NODIG = "not_needed"


class Beslisser(str, Enum):
    """Who has the power to decide (values as in the evaluation contract)."""

    SCHOOLHOOFD = "schoolhoofd"
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar"
    COLLEGE_BW = "college_bw"
    NIEMAND = "niemand"
    GEEN_TOESTEMMING_NODIG = "geen_toestemming_nodig"


Parameterwaarde = int | str

_MAANDEN = {
    "nl": ("januari februari maart april mei juni juli augustus september oktober november december").split(),
    "en": ("January February March April May June July August September October November December").split(),
}


def datum_tekst(waarde: str, taal: Literal["nl", "en"]) -> str:
    """An ISO date parameter as people write it ('12 februari 2026'), a month ('2026-08') as 'augustus 2026';
    other text unchanged."""
    if re.fullmatch(r"\d{4}-\d{2}", waarde):
        return f"{_MAANDEN[taal][int(waarde[5:]) - 1]} {waarde[:4]}"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        return waarde
    datum = dt.date.fromisoformat(waarde)
    maand = _MAANDEN[taal][datum.month - 1]
    return f"{datum.day} {maand} {datum.year}" if taal == "nl" else f"{maand} {datum.day}, {datum.year}"


class Reden(BaseModel):
    """One reason or next step: the content key of its text, the values filled in, its source, and the
    peildatum whose version of the text it states."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    uitleg: str
    parameters: dict[str, Parameterwaarde] = {}
    bron: Bron
    peildatum: dt.date
    uiterlijk: dt.date | None = None  # for a next step: the date it must be done by

    def tekst(self, rules: RuleSet, taal: Literal["nl", "en"]) -> str:
        waarden = {k: datum_tekst(v, taal) if isinstance(v, str) else v for k, v in self.parameters.items()}
        return vul_in(rules.uitleg(self.uitleg, self.peildatum).tekst(taal), waarden)


@dataclass(frozen=True)
class Beleid:
    """A policy value as it applies to a pupil: the region's own when its profile sets one for the
    peildatum (then `profiel` names the region and `bron` is the region's source), else the national one."""

    waarde: int | float | bool | str
    bron: Bron
    profiel: RegioProfiel | None


@dataclass(frozen=True)
class Peil:
    """The content as it applies on one peildatum: values, the version of each text, regional policy.
    Rules build their reasons through it, so every reason states the law of its own date."""

    rules: RuleSet
    peildatum: dt.date

    def getal(self, sleutel: str) -> int:
        return self.rules.getal(sleutel, self.peildatum)

    def kalender(self, datums: Mapping[str, dt.date | None]) -> Schoolkalender:
        """The school calendar, for a rule that counts school days on `datums` (by the field that gave each). The
        peildatum and each date must lie in a school year whose holidays are loaded: a question from a year the
        content does not hold (a peildatum in 2040) is refused, never answered with another year's holidays."""
        kalender = Schoolkalender(self.rules.kalenders)
        for veld, datum in {"peildatum": self.peildatum, **datums}.items():
            if datum is not None:
                kalender.dekt(datum, veld)
        return kalender

    def waarde(self, sleutel: str) -> int | float | bool | str:
        return self.rules.waarde(sleutel, self.peildatum)

    def reden(self, sleutel: str, /, **parameters: Parameterwaarde) -> Reden:
        """A reason whose source is that of its text for the peildatum."""
        return self.reden_met_bron(sleutel, self.rules.uitleg(sleutel, self.peildatum).bron, **parameters)

    def reden_met_bron(self, sleutel: str, bron: Bron, /, **parameters: Parameterwaarde) -> Reden:
        """A reason cited by another source than its text's own (a region's source for a regional value)."""
        return Reden(uitleg=sleutel, parameters=parameters, bron=bron, peildatum=self.peildatum)

    def stap(self, sleutel: str, klaar_op: dt.date | None, /, **parameters: Parameterwaarde) -> Reden:
        """A next step, with the date it must be done by (klaar_op) when there is one."""
        return self.reden(sleutel, **parameters).model_copy(update={"uiterlijk": klaar_op})

    def beleid(self, sleutel: str, woongemeente: str | None) -> Beleid:
        """A policy value for a pupil of `woongemeente`: the region's own when it has one in force."""
        if woongemeente and woongemeente.strip():
            gevonden = vind_gemeente(self.rules, woongemeente)
            regionaal = gevonden[0].beleid.get(sleutel) if gevonden else None
            waarde = regionaal.op(self.peildatum) if regionaal else None
            if gevonden and regionaal and waarde:
                return Beleid(waarde.waarde, waarde.bron or regionaal.bron, gevonden[0])
        parameter = self.rules.parameter(sleutel)
        return Beleid(parameter.op(self.peildatum), parameter.bron_op(self.peildatum), None)

    def beleid_reden(self, sleutel: str, beleid: Beleid, /, **parameters: Parameterwaarde) -> Reden:
        """A reason that states a policy value: a region's value is cited by the region's own source."""
        if beleid.profiel is None:
            return self.reden(sleutel, **parameters)
        return self.reden_met_bron(sleutel, beleid.bron, **parameters)


def uniek(*redenen: Reden) -> tuple[Reden, ...]:
    """The reasons in order, each once (a reason that decided is also listed among the reasons)."""
    gezien: list[Reden] = []
    for r in redenen:
        if r not in gezien:
            gezien.append(r)
    return tuple(gezien)


def rechtsgrond_van(redenen: tuple[Reden, ...]) -> str:
    """The legal basis of a decision from the citations of the reasons that decided it: law articles per
    law ('art. 14 lid 1 jo. art. 14 lid 3 Leerplichtwet 1969'); policy only when no law decided it."""
    per_wet: dict[str, list[str]] = {}
    for r in redenen:
        if r.bron.soort is BronSoort.WET:
            delen = per_wet.setdefault(r.bron.titel, [])
            if r.bron.artikel_deel() not in delen:
                delen.append(r.bron.artikel_deel())
    if per_wet:
        return "; ".join(f"{' jo. '.join(delen)} {titel}" for titel, delen in per_wet.items())
    titels = list(dict.fromkeys(r.bron.titel for r in redenen))
    return "; ".join(titels) + " (beleid, geen wetsartikel)" if titels else ""


class Besluit(BaseModel):
    """The outcome of a rule for the facts given; never a grant or refusal by the assistant itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    onderwerp: str
    # The reasons that decided it; the legal basis is built from their citations.
    grondslag: tuple[Reden, ...]
    toegestaan: Toegestaan | None = None
    beslisser: Beslisser | None = None
    max_dagen: int | None = None
    meldplicht: bool | None = None  # must the school report (must_report)
    meldrecht: bool | None = None  # may the school report (may_report)
    termijn: dt.date | None = None  # the deadline that matters most for this decision
    redenen: tuple[Reden, ...]
    volgende_stappen: tuple[Reden, ...] = ()
    ontbrekende_feiten: tuple[str, ...] = ()
    # The facts the user gave that make a "no permission needed" or "need not report" so. Unknown is not no:
    # such a decision without them is refused here, and the registry checks they were really given.
    erkend: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _nee_alleen_op_feiten(self) -> Besluit:
        if (self.zegt_geen_toestemming or self.meldplicht is False) and not self.erkend:
            raise ValueError("'no permission needed' and 'need not report' need the recognised fact that makes them so")
        return self

    @property
    def zegt_geen_toestemming(self) -> bool:
        """A go-ahead: nobody's permission is needed (a notification at most), or the rules allow it outright."""
        return self.toegestaan in (Toegestaan.NIET_NODIG, Toegestaan.JA) or \
            self.beslisser is Beslisser.GEEN_TOESTEMMING_NODIG

    @model_validator(mode="after")
    def _grondslag_getoond(self) -> Besluit:
        if any(r not in self.redenen and r not in self.volgende_stappen for r in self.grondslag):
            raise ValueError("every reason that decided must be among the reasons shown")
        return self

    @property
    def rechtsgrond(self) -> str:
        return rechtsgrond_van(self.grondslag)

    @property
    def onzekerheden(self) -> tuple[Reden, ...]:
        """Reasons and steps whose source could not be verified: the assistant words them with reserve."""
        return tuple(r for r in (*self.redenen, *self.volgende_stappen) if not r.bron.geverifieerd)

    @property
    def rust_op_beleid(self) -> bool:
        return any(r.bron.soort is BronSoort.BELEID for r in self.redenen)
