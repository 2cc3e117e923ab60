"""The decision object every rule returns: what the rules say, who decides, why, what to do next, and
what is uncertain. Every reason and step carries its citation, so "waarom?" is answered from it."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from content.schema import Bron, BronSoort, RuleSet


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
    """An ISO date parameter as people write it ('12 februari 2026'); other text unchanged."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        return waarde
    datum = dt.date.fromisoformat(waarde)
    maand = _MAANDEN[taal][datum.month - 1]
    return f"{datum.day} {maand} {datum.year}" if taal == "nl" else f"{maand} {datum.day}, {datum.year}"


class Reden(BaseModel):
    """One reason or next step: the content key of its text, the values filled in, its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    uitleg: str
    parameters: dict[str, Parameterwaarde] = {}
    bron: Bron
    uiterlijk: dt.date | None = None  # for a next step: the date it must be done by

    def tekst(self, rules: RuleSet, taal: Literal["nl", "en"]) -> str:
        waarden = {k: datum_tekst(v, taal) if isinstance(v, str) else v for k, v in self.parameters.items()}
        return rules.uitleg(self.uitleg).tekst(taal).format(**waarden)

    def als_payload(self) -> dict[str, Any]:
        return {
            "uitleg": self.uitleg, "parameters": self.parameters, "citation": self.bron.citeer(),
            "url": self.bron.url, "soort": self.bron.soort.value, "geverifieerd": self.bron.geverifieerd,
            "uiterlijk": self.uiterlijk.isoformat() if self.uiterlijk else None,
        }


def reden(rules: RuleSet, sleutel: str, **parameters: Parameterwaarde) -> Reden:
    """A reason whose source is the source of its explanation in the content."""
    return Reden(uitleg=sleutel, parameters=parameters, bron=rules.uitleg(sleutel).bron)


def stap(rules: RuleSet, sleutel: str, klaar_op: dt.date | None, **parameters: Parameterwaarde) -> Reden:
    """A next step, with the date it must be done by (klaar_op) when there is one."""
    return Reden(uitleg=sleutel, parameters=parameters, bron=rules.uitleg(sleutel).bron, uiterlijk=klaar_op)


class Besluit(BaseModel):
    """The outcome of a rule for the facts given; never a grant or refusal by the assistant itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    onderwerp: str
    rechtsgrond: str
    toegestaan: Toegestaan | None = None
    beslisser: Beslisser | None = None
    max_dagen: int | None = None
    meldplicht: bool | None = None  # must the school report (must_report)
    meldrecht: bool | None = None  # may the school report (may_report)
    termijn: dt.date | None = None  # the deadline that matters most for this decision
    redenen: tuple[Reden, ...]
    volgende_stappen: tuple[Reden, ...] = ()
    ontbrekende_feiten: tuple[str, ...] = ()

    @property
    def onzekerheden(self) -> tuple[Reden, ...]:
        """Reasons and steps whose source could not be verified: the assistant words them with reserve."""
        return tuple(r for r in (*self.redenen, *self.volgende_stappen) if not r.bron.geverifieerd)

    @property
    def rust_op_beleid(self) -> bool:
        return any(r.bron.soort is BronSoort.BELEID for r in self.redenen)

    def als_payload(self) -> dict[str, Any]:
        """The structured form that actions attach to a reply (keys of the evaluation contract)."""
        return {
            "topic": self.onderwerp,
            "allowed": self.toegestaan.value if self.toegestaan else None,
            "decider": self.beslisser.value if self.beslisser else None,
            "legal_basis": self.rechtsgrond,
            "max_days": self.max_dagen,
            "must_report": self.meldplicht,
            "may_report": self.meldrecht,
            "deadline": self.termijn.isoformat() if self.termijn else None,
            "missing_facts": list(self.ontbrekende_feiten),
            "reasons": [r.als_payload() for r in self.redenen],
            "next_steps": [r.als_payload() for r in self.volgende_stappen],
            "uncertainties": [r.uitleg for r in self.onzekerheden],
        }
