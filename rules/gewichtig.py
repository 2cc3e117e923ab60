"""Verlof wegens andere gewichtige omstandigheden (art. 11 onder g jo. 14 Leerplichtwet 1969).

Up to ten school days per school year, added up over all art. 14 requests, the head decides; beyond that
the leerplichtambtenaar of the home municipality, after hearing the head. Days of art. 13a holiday leave are
a separate count and are not added. The typical days per reason are municipal guidance, not law, and are
worded as such. Degrees of kinship follow art. 1:3 BW: "neef"/"nicht" is a nephew or niece (3rd degree) or a
cousin (4th degree), so the rule asks which; foster relations are no kinship at all, so the degree lists do
not apply and the head judges the event.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.schema import RuleSet
from content.woorden import relaties
from rules.besluit import Beleid, Beslisser, Besluit, Peil, Reden, Toegestaan, uniek
from rules.feittypen import SCHOOLDAGEN_PER_JAAR, Geheel, JaNee, Tekst

ONDERWERP = "verlof_gewichtige_omstandigheden"


class Omstandigheid(str, Enum):
    BRUILOFT = "bruiloft"
    OVERLIJDEN = "overlijden"
    ERNSTIGE_ZIEKTE = "ernstige_ziekte"
    VERHUIZING = "verhuizing"
    JUBILEUM = "jubileum"
    WETTELIJKE_VERPLICHTING = "wettelijke_verplichting"
    # Commonly refused reasons:
    FAMILIEBEZOEK = "familiebezoek"
    VAKANTIE = "vakantie"
    GOEDKOPER = "goedkoper"
    BROERS_ZUSSEN_VRIJ = "broers_zussen_vrij"
    VERJAARDAG = "verjaardag"
    ANDERS = "anders"


_GEWEIGERD = {Omstandigheid.FAMILIEBEZOEK, Omstandigheid.VAKANTIE, Omstandigheid.GOEDKOPER,
              Omstandigheid.BROERS_ZUSSEN_VRIJ, Omstandigheid.VERJAARDAG}

# Degree of kinship seen from the pupil (Burgerlijk Wetboek art. 1:3); in-laws (a step-parent married to a
# parent, a brother- or sister-in-law) count in the same degree as blood relatives. The words and degrees are
# content (content/data/woorden/relaties.yaml).
GRAAD_VAN_RELATIE: dict[str, int] = {naam: r.graad for naam, r in relaties().graad.items()}
# "neef"/"nicht": the child of a brother or sister (3rd degree) or of an uncle or aunt (4th degree).
NEEF_NICHT = frozenset(relaties().neef_nicht)
GRAAD_NEEF_NICHT = {"broer_zus": 3, "oom_tante": 4}
# Foster care creates no kinship under art. 1:3 BW (only adoption counts as a birth): no degree applies.
PLEEG = frozenset(relaties().pleeg)


class GewichtigFeiten(BaseModel):
    """What is known about the request; None means the user has not told us yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    omstandigheid: Omstandigheid | None = None
    graad: Geheel | None = Field(default=None, ge=1, le=6)
    relatie: Tekst | None = None  # as the pupil would say it: "oom", "oma", "neef", "pleegvader"
    neef_nicht_via: Literal["broer_zus", "oom_tante"] | None = None  # whose child the neef or nicht is
    in_buitenland: JaNee | None = None
    ver_weg: JaNee = False
    aantal_schooldagen: Geheel | None = Field(default=None, ge=1, le=SCHOOLDAGEN_PER_JAAR)
    # Days of art. 14 leave already granted this school year; art. 13a holiday leave is a separate count.
    eerder_verleend_dit_schooljaar: Geheel = Field(default=0, ge=0, le=SCHOOLDAGEN_PER_JAAR)
    achteraf: JaNee = False
    dagen_na_verhindering: Geheel | None = Field(default=None, ge=0, le=365)
    woongemeente: Tekst | None = None  # regional policy (e.g. the kinship degree for weddings) follows it

    @model_validator(mode="after")
    def _relatie_bekend(self) -> GewichtigFeiten:
        if self.relatie is not None and self.relatie_naam not in {*GRAAD_VAN_RELATIE, *NEEF_NICHT, *PLEEG}:
            raise ValueError(f"relatie: unknown relation {self.relatie[:40]!r}")
        return self

    @model_validator(mode="after")
    def _binnen_een_schooljaar(self) -> GewichtigFeiten:
        if self.eerder_verleend_dit_schooljaar + (self.aantal_schooldagen or 0) > SCHOOLDAGEN_PER_JAAR:
            raise ValueError("aantal_schooldagen: with the days granted before, more than a school year has")
        return self

    @property
    def relatie_naam(self) -> str:
        return (self.relatie or "").strip().lower()

    @property
    def pleeg(self) -> bool:
        return self.relatie_naam in PLEEG

    @property
    def neef_of_nicht_onbekend(self) -> bool:
        """A neef or nicht of whom we do not know whose child they are (3rd or 4th degree)."""
        return self.graad is None and self.relatie_naam in NEEF_NICHT and self.neef_nicht_via is None

    @property
    def verwantschapsgraad(self) -> int | None:
        if self.graad is not None:
            return self.graad
        if self.relatie_naam in NEEF_NICHT and self.neef_nicht_via:
            return GRAAD_NEEF_NICHT[self.neef_nicht_via]
        return GRAAD_VAN_RELATIE.get(self.relatie_naam)


def _typisch_maximum(feiten: GewichtigFeiten, p: Peil) -> tuple[int | None, Reden | None, Reden | None]:
    """The usual maximum for this reason (policy) with the reason that states it, or a reason why it usually
    falls outside the rule. A region's own value is cited by the region's source."""
    graad = feiten.verwantschapsgraad
    soort = feiten.omstandigheid
    gebruikt: list[Beleid] = []

    def getal(sleutel: str) -> int:
        # Every usual maximum is policy, so a region's profile may set its own value.
        beleid = p.beleid(sleutel, feiten.woongemeente)
        gebruikt.append(beleid)
        return int(beleid.waarde)

    def typisch(sleutel: str) -> tuple[int, Reden, None]:
        dagen = getal(sleutel)
        regionaal = next((b for b in gebruikt if b.profiel is not None), gebruikt[-1])
        return dagen, p.beleid_reden("gewichtig_typisch_maximum", regionaal, dagen=dagen), None

    def te_ver(max_graad: int) -> tuple[None, None, Reden]:
        regionaal = next((b for b in gebruikt if b.profiel is not None), gebruikt[-1] if gebruikt else None)
        if regionaal is None:
            return None, None, p.reden("gewichtig_graad_te_ver", graad=graad or 0, max_graad=max_graad)
        return None, None, p.beleid_reden("gewichtig_graad_te_ver", regionaal, graad=graad or 0,
                                          max_graad=max_graad)

    if soort is Omstandigheid.BRUILOFT:
        max_graad = getal("gewichtig_bruiloft_max_graad")
        if graad is not None and graad > max_graad:
            return te_ver(max_graad)
        if feiten.in_buitenland:
            return typisch("gewichtig_bruiloft_dagen_buitenland")
        return typisch("gewichtig_bruiloft_dagen_ver" if feiten.ver_weg else "gewichtig_bruiloft_dagen")
    if soort is Omstandigheid.OVERLIJDEN:
        if graad is not None and graad > 4:
            return te_ver(4)
        if feiten.in_buitenland:
            return typisch("gewichtig_overlijden_dagen_buitenland")
        if graad is None:
            return None, None, None
        sleutel = {1: "graad1", 2: "graad2"}.get(graad, "graad34")
        return typisch(f"gewichtig_overlijden_dagen_{sleutel}")
    if soort is Omstandigheid.ERNSTIGE_ZIEKTE:
        max_graad = getal("gewichtig_ziekte_max_graad")
        if graad is not None and graad > max_graad:
            return te_ver(max_graad)
        return typisch("gewichtig_ziekte_dagen")
    vast = {
        Omstandigheid.VERHUIZING: "gewichtig_verhuizing_dagen",
        Omstandigheid.JUBILEUM: "gewichtig_jubileum_dagen",
        Omstandigheid.WETTELIJKE_VERPLICHTING: "gewichtig_wettelijke_verplichting_dagen",
    }
    if soort in vast:
        return typisch(vast[soort])
    return None, None, None


def beoordeel_gewichtig(feiten: GewichtigFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """Who decides on this request, what is usual for the reason, and what to submit."""
    p = Peil(rules, peildatum)
    max_hoofd = p.getal("gewichtig_max_dagen_hoofd")
    achteraf_dagen = p.getal("gewichtig_achteraf_dagen")
    aanvragen = p.stap("gewichtig_aanvragen", None)

    def besluit(toegestaan: Toegestaan, beslisser: Beslisser, max_dagen: int | None, grondslag: tuple[Reden, ...],
                *redenen: Reden, ontbrekend: tuple[str, ...] = ()) -> Besluit:
        return Besluit(onderwerp=ONDERWERP, grondslag=grondslag, toegestaan=toegestaan, beslisser=beslisser,
                       max_dagen=max_dagen, redenen=uniek(*grondslag, *redenen), volgende_stappen=(aanvragen,),
                       ontbrekende_feiten=ontbrekend)

    te_laat = feiten.dagen_na_verhindering is not None and feiten.dagen_na_verhindering > achteraf_dagen
    if feiten.achteraf and te_laat:
        return besluit(Toegestaan.NEE, Beslisser.NIEMAND, None,
                       (p.reden("gewichtig_achteraf_te_laat", dagen=achteraf_dagen),))

    totaal = feiten.eerder_verleend_dit_schooljaar + (feiten.aantal_schooldagen or 0)
    if totaal > max_hoofd:
        beslisser = Beslisser.LEERPLICHTAMBTENAAR
        wie = p.reden("gewichtig_beslisser_lpa", max=max_hoofd, totaal=totaal)
    elif feiten.aantal_schooldagen is None:
        # No number of days given: the rule, without a count the user never said.
        beslisser = Beslisser.SCHOOLHOOFD
        wie = p.reden("gewichtig_beslisser_hoofd", max=max_hoofd)
    else:
        beslisser = Beslisser.SCHOOLHOOFD
        wie = p.reden("gewichtig_beslisser_hoofd_totaal", max=max_hoofd, totaal=totaal)

    algemeen = p.reden("gewichtig_algemeen")
    redenen: list[Reden] = [algemeen, wie]
    # Absence that has begun without leave asked (a sudden death, say): lid 2 is what the family needs now.
    achteraf = (p.reden("gewichtig_achteraf", dagen=achteraf_dagen),) if feiten.achteraf else ()
    redenen.extend(achteraf)
    if feiten.omstandigheid in _GEWEIGERD:
        return besluit(Toegestaan.NEE, beslisser, None, (p.reden("gewichtig_geweigerd"), algemeen), *redenen)
    if feiten.pleeg:
        # No degree applies: the head weighs the event as any other circumstance.
        redenen.insert(1, p.reden("gewichtig_pleeg"))
    elif feiten.neef_of_nicht_onbekend:
        redenen.insert(1, p.reden("gewichtig_neef_nicht"))

    typisch, reden_typisch, buiten_regel = (None, None, None) if feiten.pleeg else _typisch_maximum(feiten, p)
    if buiten_regel is not None:
        return besluit(Toegestaan.NEE, beslisser, None, (buiten_regel, algemeen), *redenen,
                       p.reden("gewichtig_graden"))
    if reden_typisch is not None:
        redenen.append(reden_typisch)
    graad_nodig = feiten.omstandigheid in {Omstandigheid.BRUILOFT, Omstandigheid.OVERLIJDEN,
                                           Omstandigheid.ERNSTIGE_ZIEKTE}
    ontbrekend = tuple(
        naam for naam, ontbreekt in (
            ("omstandigheid", feiten.omstandigheid is None),
            ("relatie", graad_nodig and not feiten.pleeg and feiten.verwantschapsgraad is None),
            ("aantal_schooldagen", feiten.aantal_schooldagen is None),
        ) if ontbreekt
    )
    # A usual maximum for the reason (policy) is tighter than the head's legal cap of ten days.
    if typisch is not None:
        max_dagen: int | None = typisch
    else:
        max_dagen = max_hoofd if beslisser is Beslisser.SCHOOLHOOFD else None
    return besluit(Toegestaan.VOORWAARDELIJK, beslisser, max_dagen, (wie, *achteraf), *redenen, ontbrekend=ontbrekend)
