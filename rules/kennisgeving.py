"""Absence that needs a notification, not permission: illness (art. 12), religious duties (art. 13) and
the first hours of five-year-olds (art. 11a lid 1). More hours for a five-year-old (art. 11a lid 2) do
need the head's permission."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Reden, Toegestaan, reden

# Festivities without a religious character; they are not covered by art. 13 (practice, see content).
NIET_RELIGIEUS = frozenset({"carnaval", "koningsdag", "sinterklaas", "oud en nieuw", "halloween"})


class KennisgevingSoort(str, Enum):
    ZIEKTE = "ziekte"
    GODSDIENST = "godsdienst"
    VIJFJARIGE = "vijfjarige"


_ONDERWERP = {
    KennisgevingSoort.ZIEKTE: ("ziekte", "art. 11 onder d jo. 12 Leerplichtwet 1969"),
    KennisgevingSoort.GODSDIENST: ("godsdienst_feestdag", "art. 11 onder e jo. 13 Leerplichtwet 1969"),
    KennisgevingSoort.VIJFJARIGE: ("vijfjarige", "art. 11a Leerplichtwet 1969"),
}


class KennisgevingFeiten(BaseModel):
    """Which kind of absence, and the dates or hours that matter for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    soort: KennisgevingSoort
    ziek_sinds: dt.date | None = None
    gemeld_op: dt.date | None = None
    in_buitenland: bool = False
    feestdag: str | None = None
    datum: dt.date | None = None  # the day of the religious duty
    aantal_dagen: int | None = Field(default=None, ge=1, le=60)
    uren_per_week: float | None = Field(default=None, ge=0, le=40)
    leeftijd: int | None = Field(default=None, ge=4, le=25)


def beoordeel_kennisgeving(feiten: KennisgevingFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """What the parents must tell whom, and by when; for five-year-olds also who allows more hours."""
    onderwerp, rechtsgrond = _ONDERWERP[feiten.soort]
    if feiten.soort is KennisgevingSoort.ZIEKTE:
        return _ziekte(feiten, rules, peildatum, onderwerp, rechtsgrond)
    if feiten.soort is KennisgevingSoort.GODSDIENST:
        return _godsdienst(feiten, rules, peildatum, onderwerp, rechtsgrond)
    return _vijfjarige(feiten, rules, peildatum, onderwerp, rechtsgrond)


def _kennisgeving(onderwerp: str, rechtsgrond: str, *redenen: Reden, max_dagen: int | None = None,
                  termijn: dt.date | None = None) -> Besluit:
    return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.NIET_NODIG,
                   beslisser=Beslisser.GEEN_TOESTEMMING_NODIG, max_dagen=max_dagen, redenen=redenen,
                   termijn=termijn)


def _ziekte(feiten: KennisgevingFeiten, rules: RuleSet, peildatum: dt.date, onderwerp: str,
            rechtsgrond: str) -> Besluit:
    dagen = rules.getal("ziekte_melden_binnen_dagen", peildatum)
    termijn = feiten.ziek_sinds + dt.timedelta(days=dagen) if feiten.ziek_sinds else None
    redenen = [reden(rules, "ziekte_kennisgeving", dagen=dagen)]
    if termijn is not None:
        redenen.append(reden(rules, "melden_uiterlijk", uiterlijk=termijn.isoformat()))
    gemeld = feiten.gemeld_op or (peildatum if termijn and termijn < peildatum else None)
    if termijn is not None and gemeld is not None and gemeld > termijn:
        redenen.append(reden(rules, "ziekte_te_laat", dagen=dagen))
    redenen.append(reden(rules, "ziekte_vaak_lang"))
    if feiten.in_buitenland:
        redenen.append(reden(rules, "ziekte_in_vakantie"))
    return _kennisgeving(onderwerp, rechtsgrond, *redenen, termijn=termijn)


def _godsdienst(feiten: KennisgevingFeiten, rules: RuleSet, peildatum: dt.date, onderwerp: str,
                rechtsgrond: str) -> Besluit:
    vooraf = rules.getal("godsdienst_melden_dagen_vooraf", peildatum)
    per_feest = rules.getal("godsdienst_dagen_per_feest", peildatum)
    if feiten.feestdag and feiten.feestdag.strip().lower() in NIET_RELIGIEUS:
        return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.NIEMAND, redenen=(reden(rules, "godsdienst_niet_religieus"),))
    termijn = feiten.datum - dt.timedelta(days=vooraf) if feiten.datum else None
    redenen = [reden(rules, "godsdienst_kennisgeving", dagen=vooraf)]
    if termijn is not None:
        redenen.append(reden(rules, "godsdienst_uiterlijk", uiterlijk=termijn.isoformat()))
    redenen.append(reden(rules, "godsdienst_een_dag", dagen=per_feest))
    if feiten.aantal_dagen is not None and feiten.aantal_dagen > per_feest:
        # More than the usual day is not covered by art. 13; the extra days would need art. 14 leave.
        return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.GEEN_TOESTEMMING_NODIG, max_dagen=per_feest, redenen=tuple(redenen),
                       termijn=termijn)
    return _kennisgeving(onderwerp, rechtsgrond, *redenen, max_dagen=per_feest, termijn=termijn)


def _vijfjarige(feiten: KennisgevingFeiten, rules: RuleSet, peildatum: dt.date, onderwerp: str,
                rechtsgrond: str) -> Besluit:
    vrij = rules.getal("vijfjarige_uren_kennisgeving", peildatum)
    extra = rules.getal("vijfjarige_uren_extra_hoofd", peildatum)
    totaal = vrij + extra
    if feiten.leeftijd is not None and feiten.leeftijd >= 6:
        return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.NIEMAND, redenen=(reden(rules, "vijfjarige_zes"),))
    basis = reden(rules, "vijfjarige_kennisgeving", uren=vrij)
    meer = reden(rules, "vijfjarige_extra", extra=extra, totaal=totaal)
    uren = feiten.uren_per_week
    if uren is None or uren <= vrij:
        return _kennisgeving(onderwerp, rechtsgrond, basis, meer, reden(rules, "vijfjarige_zes"))
    if uren <= totaal:
        return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.VOORWAARDELIJK,
                       beslisser=Beslisser.SCHOOLHOOFD, redenen=(basis, meer))
    return Besluit(onderwerp=onderwerp, rechtsgrond=rechtsgrond, toegestaan=Toegestaan.NEE,
                   beslisser=Beslisser.NIEMAND, redenen=(reden(rules, "vijfjarige_te_veel", totaal=totaal), basis))
