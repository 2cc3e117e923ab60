"""The decision as it crosses a process boundary: what the action server attaches to a reply and keeps in the
`laatste_besluit` slot, and what the pipeline, the queue, the consulent's summary, the evaluation and "Waarom?"
read back. Serialised once (`als_json`), read back typed (`lees`); the top-level keys are those of the evaluation
contract, the keys of a reason are English too."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from content.schema import BronSoort
from rules.besluit import Beslisser, Besluit, Parameterwaarde, Reden, Toegestaan


class RedenData(BaseModel):
    """One reason or next step: the key of its text with the values filled in, its source, and the peildatum
    whose version of the text it states."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    explanation: str  # the content key of the reason's text
    parameters: dict[str, Parameterwaarde] = {}
    citation: str
    url: str | None = None
    version: dt.date | None = None  # the consolidation the text was read from
    kind: BronSoort
    verified: bool
    reference_date: dt.date  # the peildatum
    due: dt.date | None = None  # for a next step: the date it must be done by

    @classmethod
    def van(cls, reden: Reden) -> RedenData:
        return cls(explanation=reden.uitleg, parameters=reden.parameters, citation=reden.bron.citeer(),
                   url=reden.bron.url, version=reden.bron.versie, kind=reden.bron.soort,
                   verified=reden.bron.geverifieerd, reference_date=reden.peildatum, due=reden.uiterlijk)


class BesluitData(BaseModel):
    """The outcome of a rule for the facts given, as data: never a grant or refusal by the assistant itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str
    allowed: Toegestaan | None = None
    decider: Beslisser | None = None
    legal_basis: str = ""
    max_days: int | None = None
    must_report: bool | None = None
    may_report: bool | None = None
    deadline: dt.date | None = None
    missing_facts: tuple[str, ...] = ()
    reasons: tuple[RedenData, ...] = ()
    grounds: tuple[str, ...] = ()  # the explanations of the reasons that decided it
    next_steps: tuple[RedenData, ...] = ()
    uncertainties: tuple[str, ...] = ()

    @classmethod
    def van(cls, besluit: Besluit) -> BesluitData:
        return cls(
            topic=besluit.onderwerp, allowed=besluit.toegestaan, decider=besluit.beslisser,
            legal_basis=besluit.rechtsgrond, max_days=besluit.max_dagen, must_report=besluit.meldplicht,
            may_report=besluit.meldrecht, deadline=besluit.termijn, missing_facts=besluit.ontbrekende_feiten,
            reasons=tuple(RedenData.van(r) for r in besluit.redenen),
            grounds=tuple(r.uitleg for r in besluit.grondslag),
            next_steps=tuple(RedenData.van(r) for r in besluit.volgende_stappen),
            uncertainties=tuple(r.uitleg for r in besluit.onzekerheden),
        )

    @classmethod
    def lees(cls, data: Any) -> BesluitData | None:
        """A decision read back from its JSON form; None for anything else (no decision, or one stored by an
        older version whose form no longer validates — then there is simply no decision to refer to)."""
        if not isinstance(data, dict):
            return None
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None

    def als_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @property
    def zegt_geen_toestemming(self) -> bool:
        return self.allowed in (Toegestaan.NIET_NODIG, Toegestaan.JA) or \
            self.decider is Beslisser.GEEN_TOESTEMMING_NODIG
