"""What follows unauthorised absence: above all a holiday without leave (luxe verzuim), also truancy.

The assistant states the frame (melding, warning or proces-verbaal, who sets the fine) and never promises
an amount: the prosecutor decides, and the often-quoted 100 euros per child per day is a rule of thumb.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Peil, Reden, Toegestaan
from rules.feittypen import SCHOOLDAGEN_PER_JAAR, Geheel, Getal, JaNee

ONDERWERP = "luxe_verzuim_gevolgen"


class VerzuimSoort(str, Enum):
    VAKANTIE = "vakantie"  # luxe verzuim
    SPIJBELEN = "spijbelen"  # truancy


class GevolgenFeiten(BaseModel):
    """The absence the user asks about; missing facts only make the answer more general."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    soort: VerzuimSoort = VerzuimSoort.VAKANTIE
    dagen: Getal | None = Field(default=None, gt=0, le=SCHOOLDAGEN_PER_JAAR)
    eerste_keer: JaNee | None = None
    school_heeft_gewaarschuwd: JaNee = False
    rond_religieuze_feestdag: JaNee = False
    leeftijd: Geheel | None = Field(default=None, ge=4, le=25)


def beoordeel_gevolgen(feiten: GevolgenFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """The consequences the rules attach to this absence, with the reasons for each. The school's duty to
    report a holiday without leave rests on DUO's practice (cited as such), not on an article of law."""
    p = Peil(rules, peildatum)
    waarschuwing_dagen = p.getal("luxe_waarschuwing_max_dagen")
    redenen: list[Reden] = []
    if feiten.soort is VerzuimSoort.VAKANTIE:
        plicht = p.reden("luxe_ongeoorloofd")
        redenen += [plicht, p.reden("luxe_melding")]
        kort = feiten.dagen is not None and feiten.dagen <= waarschuwing_dagen
        direct = feiten.school_heeft_gewaarschuwd or feiten.rond_religieuze_feestdag
        # Without a number of days both routes are possible, so both are explained.
        if feiten.dagen is None or (kort and feiten.eerste_keer is not False and not direct):
            redenen.append(p.reden("luxe_waarschuwing", dagen=waarschuwing_dagen))
        if not kort:
            redenen.append(p.reden("luxe_pv", dagen=waarschuwing_dagen))
        redenen.append(p.reden("luxe_direct_pv"))
    else:
        plicht = p.reden("spijbelen_aanpak")
        redenen.append(plicht)
        halt = p.getal("halt_vanaf_leeftijd")
        if feiten.leeftijd is None or feiten.leeftijd >= halt:
            redenen.append(p.reden("spijbelen_halt", leeftijd=halt))
    straf = p.reden("luxe_boete")
    redenen += [straf, p.reden("luxe_strafbeschikking")]
    # Nobody can permit the absence afterwards; the school must report a holiday without leave (DUO).
    return Besluit(onderwerp=ONDERWERP, grondslag=(plicht, straf), toegestaan=Toegestaan.NEE,
                   beslisser=Beslisser.NIEMAND, meldplicht=feiten.soort is VerzuimSoort.VAKANTIE or None,
                   meldrecht=True, redenen=tuple(redenen))
