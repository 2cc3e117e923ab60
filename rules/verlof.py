"""Vakantieverlof because of a parent's job (art. 11 onder f jo. 13a Leerplichtwet 1969).

The law lets only the head of the school grant it, once per school year, for at most ten school days, and
never in the first two lesweken. Beyond those limits nobody has the power to grant it: the
leerplichtambtenaar's power for more than ten days exists only for art. 14 (gewichtige omstandigheden).
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.regio_schema import Vakantieregio
from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Parameterwaarde, Peil, Reden, Toegestaan, uniek
from rules.feittypen import SCHOOLDAGEN_PER_JAAR, Datum, Geheel, Getal, JaNee, Tekst
from rules.kalender import MAX_EIGEN_VAKANTIES, Periode, rooster_uit, schooljaar_van

ONDERWERP_13A = "verlof_vakantie_13a"
SCHOOLDAGEN_PER_WEEK = 5


class VakantieReden(str, Enum):
    """Why the family wants to go outside the school holidays, as far as the rules care."""

    BEROEP = "beroep"  # the nature of a parent's job rules out every school holiday
    GOEDKOPER = "goedkoper"  # cheaper trips, off-season offers
    ROOSTER = "rooster"  # the employer's roster, colleagues' leave
    DRUKTE = "drukte"  # traffic, a trip already booked
    GEZIN = "gezin"  # a sibling's other school holidays, a family visit: the family's wish, not the job


_AFWIJZING = {
    VakantieReden.GOEDKOPER: "vakantieverlof_afwijzing_goedkoper",
    VakantieReden.ROOSTER: "vakantieverlof_afwijzing_rooster",
    VakantieReden.DRUKTE: "vakantieverlof_afwijzing_drukte",
    VakantieReden.GEZIN: "vakantieverlof_afwijzing_gezin",
}


class VakantieverlofFeiten(BaseModel):
    """What is known about the request; None means the user has not told us yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    beroep_maakt_schoolvakanties_onmogelijk: JaNee | None = None
    reden: VakantieReden | None = None
    aantal_schooldagen: Geheel | None = Field(default=None, ge=1, le=SCHOOLDAGEN_PER_JAAR)
    van: Datum | None = None  # the leave asked: usually ahead, also asked about afterwards
    tot_en_met: Datum | None = None
    vakantieregio: Vakantieregio | None = None  # of the school, not of the home
    al_eerder_verleend_dit_schooljaar: JaNee | None = None
    in_eerste_lesweken: JaNee | None = None
    kwalificatieplichtig: JaNee = False
    lesdagen_per_week: Getal | None = Field(default=None, gt=0, le=SCHOOLDAGEN_PER_WEEK)
    woongemeente: Tekst | None = None  # a region's own lead time for requests follows it
    # The school's own rooster replaces the regional dates.
    schoolvakanties: tuple[Periode, ...] = Field(default=(), max_length=MAX_EIGEN_VAKANTIES)
    eerste_schooldag: Datum | None = None

    @model_validator(mode="after")
    def _periode(self) -> VakantieverlofFeiten:
        if (self.van is None) != (self.tot_en_met is None):
            raise ValueError("tot_en_met: give both the first and the last day, or neither")
        if self.van and self.tot_en_met:
            if self.tot_en_met < self.van:
                raise ValueError("tot_en_met: the last day lies before the first day")
            if schooljaar_van(self.van) != schooljaar_van(self.tot_en_met):
                raise ValueError("tot_en_met: the period runs across two school years")
        return self


def _uit_kalender(
    feiten: VakantieverlofFeiten, p: Peil, lesweken: int
) -> tuple[int | None, bool | None, str | None]:
    """School days and first-lesweken overlap of the period, when the calendar can tell, and the holiday region
    counted with (None when every region gives the same answer)."""
    if feiten.van is None or feiten.tot_en_met is None:
        return feiten.aantal_schooldagen, feiten.in_eerste_lesweken, None
    kalender = p.kalender({"van": feiten.van, "tot_en_met": feiten.tot_en_met})
    rooster = rooster_uit(feiten.schoolvakanties, feiten.eerste_schooldag)
    regios = [feiten.vakantieregio] if feiten.vakantieregio else list(Vakantieregio)
    uitkomsten = {
        (kalender.schooldagen(feiten.van, feiten.tot_en_met, regio, rooster),
         kalender.raakt_eerste_lesweken(feiten.van, feiten.tot_en_met, regio, lesweken, rooster))
        for regio in regios
    }
    if len(uitkomsten) > 1:  # the answer depends on the holiday region of the school
        return feiten.aantal_schooldagen, feiten.in_eerste_lesweken, None
    dagen, eerste = uitkomsten.pop()
    return dagen, eerste, regios[0].value if len(regios) == 1 else None


def beoordeel_vakantieverlof(feiten: VakantieverlofFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """What art. 13a says about this request on peildatum, and who decides."""
    p = Peil(rules, peildatum)
    max_dagen = p.getal("vakantieverlof_max_dagen")
    lesweken = p.getal("vakantieverlof_uitgesloten_eerste_lesweken")
    termijn = p.beleid("vakantieverlof_aanvraagtermijn_weken", feiten.woongemeente)
    weken = int(termijn.waarde)

    redenen: list[Reden] = []
    if feiten.kwalificatieplichtig and feiten.lesdagen_per_week is not None:
        # Art. 13a lid 2: only a proportional part of the days the young person must attend.
        max_dagen = math.floor(max_dagen * feiten.lesdagen_per_week / SCHOOLDAGEN_PER_WEEK)
        redenen.append(p.reden("vakantieverlof_kwalificatieplicht", max_dagen=max_dagen,
                               lesdagen=_getal(feiten.lesdagen_per_week)))
    dagen, eerste_lesweken, regio = _uit_kalender(feiten, p, lesweken)
    if dagen is not None and feiten.van and feiten.tot_en_met:
        periode: dict[str, Parameterwaarde] = {"van": feiten.van.isoformat(), "tot": feiten.tot_en_met.isoformat(),
                                               "dagen": dagen}
        redenen.append(p.reden("vakantieverlof_telling", regio=regio, **periode) if regio
                       else p.reden("vakantieverlof_telling_alle", **periode))

    def niemand(*grondslag: Reden) -> Besluit:
        return Besluit(onderwerp=ONDERWERP_13A, toegestaan=Toegestaan.NEE, beslisser=Beslisser.NIEMAND,
                       grondslag=grondslag, max_dagen=max_dagen, redenen=uniek(*grondslag, *redenen))

    voorwaarde = p.reden("vakantieverlof_voorwaarde_beroep")
    if feiten.reden in _AFWIJZING:
        return niemand(voorwaarde, p.reden(_AFWIJZING[feiten.reden]))
    if feiten.beroep_maakt_schoolvakanties_onmogelijk is False:
        return niemand(voorwaarde, p.reden("vakantieverlof_geen_beroep"))
    if dagen is not None and dagen > max_dagen:
        return niemand(p.reden("vakantieverlof_te_lang", max_dagen=max_dagen))
    if feiten.al_eerder_verleend_dit_schooljaar:
        return niemand(p.reden("vakantieverlof_al_gehad"))
    if eerste_lesweken:
        return niemand(p.reden("vakantieverlof_eerste_lesweken", lesweken=lesweken))

    beroep_bekend = feiten.beroep_maakt_schoolvakanties_onmogelijk or feiten.reden is VakantieReden.BEROEP
    ontbrekend = []
    if not beroep_bekend:
        ontbrekend.append("beroep_maakt_schoolvakanties_onmogelijk")
    if dagen is None:
        ontbrekend.append("aantal_schooldagen" if feiten.van is None else "vakantieregio")
    stappen: list[Reden] = []
    if feiten.van is not None:
        uiterlijk = feiten.van - dt.timedelta(weeks=weken)
        stappen.append(p.beleid_reden("vakantieverlof_aanvragen_voor", termijn, weken=weken,
                                      uiterlijk=uiterlijk.isoformat()).model_copy(update={"uiterlijk": uiterlijk}))
        if uiterlijk < peildatum:
            redenen.append(p.reden("vakantieverlof_laat", uiterlijk=uiterlijk.isoformat()))
    # Even with every condition met the head still weighs the proof (werkgeversverklaring), so the
    # rules never say more than "conditional": the assistant does not grant anything.
    beslisser = p.reden("vakantieverlof_beslisser_hoofd")
    return Besluit(
        onderwerp=ONDERWERP_13A,
        toegestaan=Toegestaan.VOORWAARDELIJK,
        beslisser=Beslisser.SCHOOLHOOFD,
        grondslag=(voorwaarde, beslisser),
        max_dagen=max_dagen,
        redenen=(
            voorwaarde,
            beslisser,
            p.reden("vakantieverlof_grenzen", max_dagen=max_dagen, lesweken=lesweken),
            *redenen,
            p.beleid_reden("vakantieverlof_aanvragen", termijn, weken=weken),
        ),
        volgende_stappen=tuple(stappen),
        ontbrekende_feiten=tuple(ontbrekend),
    )


def _getal(waarde: float) -> int | str:
    return round(waarde) if math.isclose(waarde, round(waarde)) else f"{waarde:.1f}".replace(".", ",")
