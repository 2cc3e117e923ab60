"""The decision object every rule returns: what the rules say, who decides, and why (with citations)."""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from content.schema import Bron, RuleSet


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


class Reden(BaseModel):
    """One reason for a decision: the content key of its explanation, the values filled in, its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    uitleg: str
    parameters: dict[str, int] = {}
    bron: Bron

    def tekst(self, rules: RuleSet, taal: Literal["nl", "en"]) -> str:
        return rules.uitleg(self.uitleg).tekst(taal).format(**self.parameters)


class Besluit(BaseModel):
    """The outcome of a rule for the facts given; never a grant or refusal by the assistant itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    onderwerp: str
    toegestaan: Toegestaan
    beslisser: Beslisser
    rechtsgrond: str
    max_dagen: int | None = None
    redenen: tuple[Reden, ...]
    ontbrekende_feiten: tuple[str, ...] = ()

    def als_payload(self) -> dict[str, Any]:
        """The structured form that actions attach to a reply (keys of the evaluation contract)."""
        return {
            "topic": self.onderwerp,
            "allowed": self.toegestaan.value,
            "decider": self.beslisser.value,
            "legal_basis": self.rechtsgrond,
            "max_days": self.max_dagen,
            "missing_facts": list(self.ontbrekende_feiten),
            "reasons": [
                {"uitleg": r.uitleg, "parameters": r.parameters, "citation": r.bron.citeer(),
                 "url": r.bron.url, "soort": r.bron.soort.value, "geverifieerd": r.bron.geverifieerd}
                for r in self.redenen
            ],
        }
