"""Bezwaar against a refused leave request: to whoever decided, in writing, within six weeks."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, model_validator

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Peil, Reden
from rules.feittypen import Datum, Gebeurd

ONDERWERP = "bezwaar"


class Beslissing(str, Enum):
    SCHOOLHOOFD = "schoolhoofd"
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar"


_WIE = {Beslissing.SCHOOLHOOFD: "de directeur van de school",
        Beslissing.LEERPLICHTAMBTENAAR: "de leerplichtambtenaar (de gemeente)"}


class Verlof(str, Enum):
    """The leave the refused request was for, when the user said: it names the article decided on."""

    VAKANTIE_13A = "13a"
    GEWICHTIG_14 = "14"


class BezwaarFeiten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    beslist_door: Beslissing = Beslissing.SCHOOLHOOFD
    verlof: Verlof | None = None
    besluit_verstuurd_op: Gebeurd | None = None
    vertrekdatum: Datum | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> BezwaarFeiten:
        if self.besluit_verstuurd_op and self.vertrekdatum and self.vertrekdatum < self.besluit_verstuurd_op:
            raise ValueError("vertrekdatum: the departure lies before the decision was sent")
        return self


def beoordeel_bezwaar(feiten: BezwaarFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """To whom, how and by when to object, and what to do when departure is near."""
    p = Peil(rules, peildatum)
    weken = p.getal("bezwaar_termijn_weken")
    # The leerplichtambtenaar decides only on art. 14 leave of more than ten days.
    verlof = Verlof.GEWICHTIG_14 if feiten.beslist_door is Beslissing.LEERPLICHTAMBTENAAR else feiten.verlof
    over = (p.reden(f"bezwaar_over_{verlof.value}"),) if verlof else ()
    grondslag = (p.reden("bezwaar_wie", wie=_WIE[feiten.beslist_door]), *over,
                 p.reden("bezwaar_termijn", weken=weken))
    redenen: list[Reden] = list(grondslag)
    termijn = None
    if feiten.besluit_verstuurd_op is not None:
        termijn = feiten.besluit_verstuurd_op + dt.timedelta(weeks=weken)
        sleutel = "bezwaar_te_laat" if termijn < peildatum else "bezwaar_uiterlijk"
        redenen.append(p.reden(sleutel, uiterlijk=termijn.isoformat()))
    if feiten.vertrekdatum is None or feiten.vertrekdatum - peildatum <= dt.timedelta(weeks=weken):
        redenen += [p.reden("bezwaar_spoed"), p.reden("bezwaar_schorst_niet")]
    redenen.append(p.reden("bezwaar_beroep"))
    beslisser = Beslisser(feiten.beslist_door.value)
    return Besluit(onderwerp=ONDERWERP, grondslag=grondslag, beslisser=beslisser, termijn=termijn,
                   redenen=tuple(redenen), volgende_stappen=(p.stap("bezwaar_inhoud", termijn),))
