"""Verlof wegens andere gewichtige omstandigheden (art. 11 onder g jo. 14 Leerplichtwet 1969).

Up to ten school days per school year, added up over all requests, the head decides; beyond that the
leerplichtambtenaar of the home municipality, after hearing the head. The typical days per reason are
municipal guidance, not law, and are worded as such.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Reden, Toegestaan, reden, stap
from rules.regio import beleidswaarde

ONDERWERP = "verlof_gewichtige_omstandigheden"
RECHTSGROND = "art. 11 onder g jo. 14 Leerplichtwet 1969"


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

# Degree of kinship seen from the pupil (Burgerlijk Wetboek art. 1:3); in-laws count like blood relatives.
# "neef"/"nicht" is 3rd degree as a child of a brother or sister, 4th as a child of an uncle or aunt.
GRAAD_VAN_RELATIE: dict[str, int] = {
    "vader": 1, "moeder": 1, "ouder": 1, "stiefvader": 1, "stiefmoeder": 1, "pleegouder": 1,
    "opa": 2, "oma": 2, "grootvader": 2, "grootmoeder": 2, "broer": 2, "zus": 2, "zuster": 2,
    "halfbroer": 2, "halfzus": 2, "zwager": 2, "schoonzus": 2,
    "oom": 3, "tante": 3, "overgrootvader": 3, "overgrootmoeder": 3, "overgrootouder": 3,
    "neef": 4, "nicht": 4, "achterneef": 5, "achternicht": 5,
}


class GewichtigFeiten(BaseModel):
    """What is known about the request; None means the user has not told us yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    omstandigheid: Omstandigheid | None = None
    graad: int | None = Field(default=None, ge=1, le=6)
    relatie: str | None = None  # as the pupil would say it: "oom", "oma", "neef"
    in_buitenland: bool | None = None
    ver_weg: bool = False
    aantal_schooldagen: int | None = Field(default=None, ge=1, le=200)
    eerder_verleend_dit_schooljaar: int = Field(default=0, ge=0, le=200)
    achteraf: bool = False
    dagen_na_verhindering: int | None = Field(default=None, ge=0, le=365)
    woongemeente: str | None = None  # regional policy (e.g. the kinship degree for weddings) follows it

    @model_validator(mode="after")
    def _relatie_bekend(self) -> GewichtigFeiten:
        if self.relatie is not None and self.relatie.strip().lower() not in GRAAD_VAN_RELATIE:
            raise ValueError(f"relatie: unknown relation {self.relatie!r}")
        return self

    @property
    def verwantschapsgraad(self) -> int | None:
        if self.graad is not None:
            return self.graad
        return GRAAD_VAN_RELATIE.get(self.relatie.strip().lower()) if self.relatie else None


def _typisch_maximum(
    feiten: GewichtigFeiten, rules: RuleSet, peildatum: dt.date
) -> tuple[int | None, Reden | None]:
    """The usual maximum for this reason (policy), or a reason why it usually falls outside the rule."""
    graad = feiten.verwantschapsgraad
    soort = feiten.omstandigheid

    def getal(sleutel: str) -> int:
        # Every usual maximum is policy, so a region's profile may set its own value.
        waarde, _, _ = beleidswaarde(rules, sleutel, peildatum, feiten.woongemeente)
        return int(waarde)

    if soort is Omstandigheid.BRUILOFT:
        max_graad = getal("gewichtig_bruiloft_max_graad")
        if graad is not None and graad > max_graad:
            return None, reden(rules, "gewichtig_graad_te_ver", graad=graad, max_graad=max_graad)
        if feiten.in_buitenland:
            return getal("gewichtig_bruiloft_dagen_buitenland"), None
        return getal("gewichtig_bruiloft_dagen_ver" if feiten.ver_weg else "gewichtig_bruiloft_dagen"), None
    if soort is Omstandigheid.OVERLIJDEN:
        if graad is not None and graad > 4:
            return None, reden(rules, "gewichtig_graad_te_ver", graad=graad, max_graad=4)
        if feiten.in_buitenland:
            return getal("gewichtig_overlijden_dagen_buitenland"), None
        if graad is None:
            return None, None
        sleutel = {1: "graad1", 2: "graad2"}.get(graad, "graad34")
        return getal(f"gewichtig_overlijden_dagen_{sleutel}"), None
    if soort is Omstandigheid.ERNSTIGE_ZIEKTE:
        max_graad = getal("gewichtig_ziekte_max_graad")
        if graad is not None and graad > max_graad:
            return None, reden(rules, "gewichtig_graad_te_ver", graad=graad, max_graad=max_graad)
        return getal("gewichtig_ziekte_dagen"), None
    vast = {
        Omstandigheid.VERHUIZING: "gewichtig_verhuizing_dagen",
        Omstandigheid.JUBILEUM: "gewichtig_jubileum_dagen",
        Omstandigheid.WETTELIJKE_VERPLICHTING: "gewichtig_wettelijke_verplichting_dagen",
    }
    if soort in vast:
        return getal(vast[soort]), None
    return None, None


def beoordeel_gewichtig(feiten: GewichtigFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """Who decides on this request, what is usual for the reason, and what to submit."""
    max_hoofd = rules.getal("gewichtig_max_dagen_hoofd", peildatum)
    achteraf_dagen = rules.getal("gewichtig_achteraf_dagen", peildatum)
    aanvragen = stap(rules, "gewichtig_aanvragen", None)

    def besluit(toegestaan: Toegestaan, beslisser: Beslisser, max_dagen: int | None, *redenen: Reden,
                ontbrekend: tuple[str, ...] = ()) -> Besluit:
        return Besluit(onderwerp=ONDERWERP, rechtsgrond=RECHTSGROND, toegestaan=toegestaan,
                       beslisser=beslisser, max_dagen=max_dagen, redenen=redenen,
                       volgende_stappen=(aanvragen,), ontbrekende_feiten=ontbrekend)

    te_laat = feiten.dagen_na_verhindering is not None and feiten.dagen_na_verhindering > achteraf_dagen
    if feiten.achteraf and te_laat:
        return besluit(Toegestaan.NEE, Beslisser.NIEMAND, None,
                       reden(rules, "gewichtig_achteraf_te_laat", dagen=achteraf_dagen))

    totaal = feiten.eerder_verleend_dit_schooljaar + (feiten.aantal_schooldagen or 0)
    if totaal > max_hoofd:
        beslisser = Beslisser.LEERPLICHTAMBTENAAR
        wie = reden(rules, "gewichtig_beslisser_lpa", max=max_hoofd, totaal=totaal)
    else:
        beslisser = Beslisser.SCHOOLHOOFD
        wie = reden(rules, "gewichtig_beslisser_hoofd", max=max_hoofd, totaal=totaal)

    redenen: list[Reden] = [reden(rules, "gewichtig_algemeen"), wie]
    if feiten.achteraf:
        redenen.append(reden(rules, "gewichtig_achteraf", dagen=achteraf_dagen))
    if feiten.omstandigheid in _GEWEIGERD:
        return besluit(Toegestaan.NEE, beslisser, None, reden(rules, "gewichtig_geweigerd"), *redenen)

    typisch, buiten_regel = _typisch_maximum(feiten, rules, peildatum)
    if buiten_regel is not None:
        return besluit(Toegestaan.NEE, beslisser, None, buiten_regel, *redenen, reden(rules, "gewichtig_graden"))
    if typisch is not None:
        redenen.append(reden(rules, "gewichtig_typisch_maximum", dagen=typisch))
    ontbrekend = tuple(
        naam for naam, ontbreekt in (
            ("omstandigheid", feiten.omstandigheid is None),
            ("aantal_schooldagen", feiten.aantal_schooldagen is None),
            ("relatie", feiten.omstandigheid in {Omstandigheid.BRUILOFT, Omstandigheid.OVERLIJDEN,
                                                 Omstandigheid.ERNSTIGE_ZIEKTE}
             and feiten.verwantschapsgraad is None),
        ) if ontbreekt
    )
    # A usual maximum for the reason (policy) is tighter than the head's legal cap of ten days.
    if typisch is not None:
        max_dagen: int | None = typisch
    else:
        max_dagen = max_hoofd if beslisser is Beslisser.SCHOOLHOOFD else None
    return besluit(Toegestaan.VOORWAARDELIJK, beslisser, max_dagen, *redenen, ontbrekend=ontbrekend)
