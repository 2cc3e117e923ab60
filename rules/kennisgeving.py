"""Absence that needs a notification, not permission: illness (art. 12), religious duties (art. 13) and
the first hours of five-year-olds (art. 11a lid 1). More hours for a five-year-old (art. 11a lid 2) do
need the head's permission."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from content.schema import RuleSet
from content.woorden import herken_feest
from rules.besluit import Beslisser, Besluit, Peil, Reden, Toegestaan, uniek
from rules.feittypen import Datum, Gebeurd, Geheel, Getal, JaNee, Tekst


class KennisgevingSoort(str, Enum):
    ZIEKTE = "ziekte"
    GODSDIENST = "godsdienst"
    VIJFJARIGE = "vijfjarige"


_ONDERWERP = {
    KennisgevingSoort.ZIEKTE: "ziekte",
    KennisgevingSoort.GODSDIENST: "godsdienst_feestdag",
    KennisgevingSoort.VIJFJARIGE: "vijfjarige",
}


class KennisgevingFeiten(BaseModel):
    """Which kind of absence, and the dates or hours that matter for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    soort: KennisgevingSoort
    ziek_sinds: Gebeurd | None = None
    gemeld_op: Gebeurd | None = None  # the day the school was told (illness or religious duty)
    in_buitenland: JaNee = False
    feestdag: Tekst | None = None
    datum: Datum | None = None  # the day of the religious duty, often ahead
    aantal_dagen: Geheel | None = Field(default=None, ge=1, le=60)
    uren_per_week: Getal | None = Field(default=None, ge=0, le=40)
    boven_kennisgeving: JaNee = False  # asks about hours beyond those of the notice (art. 11a lid 2), none said
    leeftijd: Geheel | None = Field(default=None, ge=4, le=25)


def beoordeel_kennisgeving(feiten: KennisgevingFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """What the parents must tell whom, and by when; for five-year-olds also who allows more hours."""
    p = Peil(rules, peildatum)
    onderwerp = _ONDERWERP[feiten.soort]
    if feiten.soort is KennisgevingSoort.ZIEKTE:
        return _ziekte(feiten, p, onderwerp)
    if feiten.soort is KennisgevingSoort.GODSDIENST:
        return _godsdienst(feiten, p, onderwerp)
    return _vijfjarige(feiten, p, onderwerp)


def _besluit(onderwerp: str, toegestaan: Toegestaan | None, beslisser: Beslisser | None,
             grondslag: tuple[Reden, ...], *redenen: Reden, max_dagen: int | None = None,
             termijn: dt.date | None = None, ontbrekend: tuple[str, ...] = (), erkend: tuple[str, ...] = ()) -> Besluit:
    return Besluit(onderwerp=onderwerp, grondslag=grondslag, toegestaan=toegestaan, beslisser=beslisser,
                   max_dagen=max_dagen, redenen=uniek(*grondslag, *redenen), termijn=termijn,
                   ontbrekende_feiten=ontbrekend, erkend=erkend)


def _ziekte(feiten: KennisgevingFeiten, p: Peil, onderwerp: str) -> Besluit:
    dagen = p.getal("ziekte_melden_binnen_dagen")
    termijn = feiten.ziek_sinds + dt.timedelta(days=dagen) if feiten.ziek_sinds else None
    grond = p.reden("ziekte_kennisgeving", dagen=dagen)
    redenen: list[Reden] = []
    if termijn is not None:
        redenen.append(p.reden("melden_uiterlijk", uiterlijk=termijn.isoformat()))
    gemeld = feiten.gemeld_op or (p.peildatum if termijn and termijn < p.peildatum else None)
    if termijn is not None and gemeld is not None and gemeld > termijn:
        redenen.append(p.reden("ziekte_te_laat", dagen=dagen))
    redenen.append(p.reden("ziekte_vaak_lang"))
    if feiten.in_buitenland:
        redenen.append(p.reden("ziekte_in_vakantie"))
    return _besluit(onderwerp, Toegestaan.NIET_NODIG, Beslisser.GEEN_TOESTEMMING_NODIG, (grond,), *redenen,
                    termijn=termijn, erkend=("soort",))


def _godsdienst(feiten: KennisgevingFeiten, p: Peil, onderwerp: str) -> Besluit:
    """Art. 13: a notice at least two days before the day itself; a later notice does not meet the
    condition, so the exemption cannot be invoked (the law has no route to accept it afterwards). Only a feast
    on the list of religious feasts is a recognised duty; for any other day the general rule is stated and the
    user asked, never "no permission needed" on a guess."""
    vooraf = p.getal("godsdienst_melden_dagen_vooraf")
    per_feest = p.getal("godsdienst_dagen_per_feest")
    feest = herken_feest(feiten.feestdag or "")
    if feest is not None and feest[1] == "niet_religieus":
        # Art. 13 does not cover it; only the head can give leave for it, under art. 14, as for any other event.
        grond = (p.reden("godsdienst_alleen_religie"), p.reden("godsdienst_verlof_hoofd"))
        return _besluit(onderwerp, Toegestaan.VOORWAARDELIJK, Beslisser.SCHOOLHOOFD, grond,
                        p.reden("godsdienst_niet_religieus"))
    if feest is None:
        melding = p.reden("godsdienst_kennisgeving", dagen=vooraf)
        onbekend = [p.reden("godsdienst_onbekend_feest")] if feiten.feestdag else []
        return _besluit(onderwerp, None, None, (melding,), *onbekend, p.reden("godsdienst_alleen_religie"),
                        ontbrekend=() if onbekend else ("feestdag",))
    termijn = feiten.datum - dt.timedelta(days=vooraf) if feiten.datum else None
    melding = p.reden("godsdienst_kennisgeving", dagen=vooraf)
    if termijn is not None and feiten.gemeld_op is not None and feiten.gemeld_op > termijn:
        te_laat = p.reden("godsdienst_te_laat", gemeld=feiten.gemeld_op.isoformat(), dagen=vooraf,
                          datum=feiten.datum.isoformat() if feiten.datum else "")
        return _besluit(onderwerp, Toegestaan.NEE, Beslisser.NIEMAND, (te_laat,), melding,
                        p.reden("godsdienst_te_laat_praktijk"), termijn=termijn)
    if termijn is not None and feiten.gemeld_op is None and termijn < p.peildatum <= (feiten.datum or termijn):
        # The deadline has passed and we do not know whether the school was told in time: ask, do not say "no".
        voorbij = p.reden("godsdienst_termijn_voorbij", dagen=vooraf, uiterlijk=termijn.isoformat())
        return _besluit(onderwerp, None, None, (melding,), voorbij, p.reden("godsdienst_te_laat_praktijk"),
                        termijn=termijn, ontbrekend=("gemeld_op",))
    redenen = [p.reden("godsdienst_uiterlijk", uiterlijk=termijn.isoformat())] if termijn is not None else []
    redenen.append(p.reden("godsdienst_een_dag", dagen=per_feest))
    if feiten.aantal_dagen is not None and feiten.aantal_dagen > per_feest:
        # More than the usual day is not covered by art. 13; the extra days would need art. 14 leave.
        return _besluit(onderwerp, Toegestaan.NEE, Beslisser.GEEN_TOESTEMMING_NODIG, (melding, redenen[-1]),
                        *redenen, max_dagen=per_feest, termijn=termijn, erkend=("feestdag", "aantal_dagen"))
    return _besluit(onderwerp, Toegestaan.NIET_NODIG, Beslisser.GEEN_TOESTEMMING_NODIG, (melding,), *redenen,
                    max_dagen=per_feest, termijn=termijn, erkend=("feestdag",))


def _vijfjarige(feiten: KennisgevingFeiten, p: Peil, onderwerp: str) -> Besluit:
    vrij = p.getal("vijfjarige_uren_kennisgeving")
    extra = p.getal("vijfjarige_uren_extra_hoofd")
    totaal = vrij + extra
    if feiten.leeftijd is not None and feiten.leeftijd >= 6:
        return _besluit(onderwerp, Toegestaan.NEE, Beslisser.NIEMAND, (p.reden("vijfjarige_zes"),))
    basis = p.reden("vijfjarige_kennisgeving", uren=vrij)
    meer = p.reden("vijfjarige_extra", extra=extra, totaal=totaal)
    uren = feiten.uren_per_week
    if uren is None and feiten.boven_kennisgeving:  # the hours beyond the notice are the head's to allow
        return _besluit(onderwerp, Toegestaan.VOORWAARDELIJK, Beslisser.SCHOOLHOOFD, (meer,), basis)
    if uren is None:  # how many hours decides whether a notice is enough: the rule, and the hours asked
        return _besluit(onderwerp, None, None, (basis, meer), p.reden("vijfjarige_zes"),
                        ontbrekend=("uren_per_week",))
    if uren <= vrij:
        return _besluit(onderwerp, Toegestaan.NIET_NODIG, Beslisser.GEEN_TOESTEMMING_NODIG, (basis,), meer,
                        p.reden("vijfjarige_zes"), erkend=("uren_per_week",))
    if uren <= totaal:
        return _besluit(onderwerp, Toegestaan.VOORWAARDELIJK, Beslisser.SCHOOLHOOFD, (meer,), basis)
    return _besluit(onderwerp, Toegestaan.NEE, Beslisser.NIEMAND, (p.reden("vijfjarige_te_veel", totaal=totaal),),
                    basis)
