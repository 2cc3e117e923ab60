"""Vakantieverlof because of a parent's job (art. 11 onder f jo. 13a Leerplichtwet 1969).

The law lets only the head of the school grant it, once per school year, for at most ten school days, and
never in the first two lesweken. Beyond those limits nobody has the power to grant it: the
leerplichtambtenaar's power for more than ten days exists only for art. 14 (gewichtige omstandigheden).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Reden, Toegestaan
from rules.besluit import reden as maak_reden

ONDERWERP_13A = "verlof_vakantie_13a"
RECHTSGROND_13A = "art. 11 onder f jo. 13a Leerplichtwet 1969"


class VakantieverlofFeiten(BaseModel):
    """What is known about the request; None means the user has not told us yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    beroep_maakt_schoolvakanties_onmogelijk: bool | None = None
    aantal_schooldagen: int | None = Field(default=None, ge=1)
    al_eerder_verleend_dit_schooljaar: bool | None = None
    in_eerste_lesweken: bool | None = None


def beoordeel_vakantieverlof(
    feiten: VakantieverlofFeiten, rules: RuleSet, peildatum: dt.date
) -> Besluit:
    """What art. 13a says about this request on peildatum, and who decides."""
    max_dagen = rules.getal("vakantieverlof_max_dagen", peildatum)
    lesweken = rules.getal("vakantieverlof_uitgesloten_eerste_lesweken", peildatum)
    weken = rules.getal("vakantieverlof_aanvraagtermijn_weken", peildatum)

    def reden(sleutel: str, **parameters: int) -> Reden:
        return maak_reden(rules, sleutel, **parameters)

    def niemand(*redenen: Reden) -> Besluit:
        return Besluit(
            onderwerp=ONDERWERP_13A, toegestaan=Toegestaan.NEE, beslisser=Beslisser.NIEMAND,
            rechtsgrond=RECHTSGROND_13A, max_dagen=max_dagen, redenen=redenen,
        )

    voorwaarde = reden("vakantieverlof_voorwaarde_beroep")
    if feiten.beroep_maakt_schoolvakanties_onmogelijk is False:
        return niemand(voorwaarde, reden("vakantieverlof_geen_beroep"))
    if feiten.aantal_schooldagen is not None and feiten.aantal_schooldagen > max_dagen:
        return niemand(reden("vakantieverlof_te_lang", max_dagen=max_dagen))
    if feiten.al_eerder_verleend_dit_schooljaar:
        return niemand(reden("vakantieverlof_al_gehad"))
    if feiten.in_eerste_lesweken:
        return niemand(reden("vakantieverlof_eerste_lesweken", lesweken=lesweken))

    ontbrekend = tuple(
        naam
        for naam, waarde in (
            ("beroep_maakt_schoolvakanties_onmogelijk", feiten.beroep_maakt_schoolvakanties_onmogelijk),
            ("aantal_schooldagen", feiten.aantal_schooldagen),
        )
        if waarde is None
    )
    # Even with every condition met the head still weighs the proof (werkgeversverklaring), so the
    # rules never say more than "conditional": the assistant does not grant anything.
    return Besluit(
        onderwerp=ONDERWERP_13A,
        toegestaan=Toegestaan.VOORWAARDELIJK,
        beslisser=Beslisser.SCHOOLHOOFD,
        rechtsgrond=RECHTSGROND_13A,
        max_dagen=max_dagen,
        redenen=(
            voorwaarde,
            reden("vakantieverlof_beslisser_hoofd"),
            reden("vakantieverlof_grenzen", max_dagen=max_dagen, lesweken=lesweken),
            reden("vakantieverlof_aanvragen", weken=weken),
        ),
        ontbrekende_feiten=ontbrekend,
    )
