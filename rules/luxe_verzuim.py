"""What follows unauthorised absence: above all a holiday without leave (luxe verzuim), also truancy.

The assistant states the frame (melding, warning or proces-verbaal, who sets the fine) and never promises
an amount: the prosecutor decides, and the often-quoted 100 euros per child per day is a rule of thumb.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Reden, Toegestaan, reden

ONDERWERP = "luxe_verzuim_gevolgen"
RECHTSGROND = "art. 2, 21 en 26 Leerplichtwet 1969"


class VerzuimSoort(str, Enum):
    VAKANTIE = "vakantie"  # luxe verzuim
    SPIJBELEN = "spijbelen"  # truancy


class GevolgenFeiten(BaseModel):
    """The absence the user asks about; missing facts only make the answer more general."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    soort: VerzuimSoort = VerzuimSoort.VAKANTIE
    dagen: float | None = Field(default=None, gt=0, le=200)
    eerste_keer: bool | None = None
    school_heeft_gewaarschuwd: bool = False
    rond_religieuze_feestdag: bool = False
    leeftijd: int | None = Field(default=None, ge=4, le=25)


def beoordeel_gevolgen(feiten: GevolgenFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """The consequences the rules attach to this absence, with the reasons for each."""
    waarschuwing_dagen = rules.getal("luxe_waarschuwing_max_dagen", peildatum)
    redenen: list[Reden] = []
    if feiten.soort is VerzuimSoort.VAKANTIE:
        redenen += [reden(rules, "luxe_ongeoorloofd"), reden(rules, "luxe_melding")]
        kort = feiten.dagen is not None and feiten.dagen <= waarschuwing_dagen
        direct = feiten.school_heeft_gewaarschuwd or feiten.rond_religieuze_feestdag
        # Without a number of days both routes are possible, so both are explained.
        if feiten.dagen is None or (kort and feiten.eerste_keer is not False and not direct):
            redenen.append(reden(rules, "luxe_waarschuwing", dagen=waarschuwing_dagen))
        if not kort:
            redenen.append(reden(rules, "luxe_pv", dagen=waarschuwing_dagen))
        redenen.append(reden(rules, "luxe_direct_pv"))
    else:
        redenen.append(reden(rules, "spijbelen_aanpak"))
        halt = rules.getal("halt_vanaf_leeftijd", peildatum)
        if feiten.leeftijd is None or feiten.leeftijd >= halt:
            redenen.append(reden(rules, "spijbelen_halt", leeftijd=halt))
    redenen += [reden(rules, "luxe_boete"), reden(rules, "luxe_strafbeschikking")]
    # Nobody can permit the absence afterwards; the school must report it.
    return Besluit(onderwerp=ONDERWERP, rechtsgrond=RECHTSGROND, toegestaan=Toegestaan.NEE,
                   beslisser=Beslisser.NIEMAND, meldplicht=feiten.soort is VerzuimSoort.VAKANTIE or None,
                   meldrecht=True, redenen=tuple(redenen))
