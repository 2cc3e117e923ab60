"""Vrijstellingen: exemption from enrolment (art. 5 onder a/b/c, 5a, 15), vervangende leerplicht (art. 3a,
3b) and the gedoogbeschikking.

Art. 5 onder a/b/c and art. 5a need no permission: a kennisgeving to B&W of the home municipality that meets
art. 6-9 makes the exemption arise by law, so the useful answer is what to send and by when. Art. 15, 3a and 3b
are requests on which B&W decide. The gedoogbeschikking is not in the law at all: a leerplichtambtenaar
tolerates the absence under conditions that differ per region, so it is worded as policy.
Naming trap: art. 5 onder a ("vrijstelling 5a" in daily use) is not artikel 5a (trekkend bestaan).
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from content.schema import RuleSet
from rules.besluit import Beslisser, Besluit, Peil, Reden, Toegestaan, uniek
from rules.feittypen import Datum, Gebeurd, Geheel, Getal, JaNee, Tekst

ONDERWERP_5A = "vrijstelling_5a"  # art. 5 onder a
ONDERWERP_5B = "vrijstelling_5b"
ONDERWERP_5C = "vrijstelling_5c"
ONDERWERP_ANDERE = "vrijstelling_andere"  # art. 5a, 15, 3a, 3b and the gedoogbeschikking
MAX_UREN_PER_WEEK = 80


class Grond(str, Enum):
    """The ground invoked; the values keep "5a" (art. 5 onder a) and "art5a" (artikel 5a) apart."""

    LICHAMELIJK_PSYCHISCH = "5a_lichamelijk_psychisch"
    RICHTING = "5b_richting"
    BUITENLAND = "5c_buitenland"
    TREKKEND = "art5a_trekkend"
    ANDER_ONDERWIJS = "art15_ander_onderwijs"
    VERVANGEND_14 = "art3a_vervangend_14"
    LAATSTE_JAAR = "art3b_laatste_jaar"
    GEDOOG = "gedoogbeschikking"


# The fact that names each notification ground's condition (art. 5a is only ever read from the words that name it).
_VOORWAARDE = {Grond.LICHAMELIJK_PSYCHISCH: "beperking_genoemd", Grond.RICHTING: "bezwaar_richting_genoemd",
               Grond.BUITENLAND: "school_buitenland_genoemd"}
# Kennisgeving grounds: (topic label, uitleg of the ground, uitleg of what to send or None).
_KENNISGEVING: dict[Grond, tuple[str, str, str | None]] = {
    Grond.LICHAMELIJK_PSYCHISCH: (ONDERWERP_5A, "vrijstelling_5a_grond", "vrijstelling_5a_stukken"),
    Grond.RICHTING: (ONDERWERP_5B, "vrijstelling_5b_grond", "vrijstelling_5b_stukken"),
    Grond.BUITENLAND: (ONDERWERP_5C, "vrijstelling_5c_grond", "vrijstelling_5c_stukken"),
    Grond.TREKKEND: (ONDERWERP_ANDERE, "vrijstelling_art5a_grond", None),
}


class VrijstellingFeiten(BaseModel):
    """What is known about the exemption; None means the user has not told us yet. The grond is needed:
    the grounds differ in kind (notification, request to B&W, policy), so there is no general answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    grond: Grond
    leerplichtig_vanaf: Datum | None = None  # first day of leerplicht, for the first kennisgeving
    verlenging: JaNee = False  # the exemption already runs and must be renewed for the next school year
    nooit_geschikt: JaNee = False  # 5 onder a: the statement says the child will never be fit for school
    vorig_jaar_school_van_die_richting: JaNee | None = None  # 5 onder b: art. 8 lid 2
    leeftijd: Geheel | None = Field(default=None, ge=0, le=30)
    kwalificatieplichtig: JaNee | None = None  # art. 15 and gedoogbeschikking
    laatste_leerplichtige_schooljaar: JaNee | None = None  # art. 3b
    # Whether the user named the condition of the ground (True), said something that is no such ground (False:
    # elite sport, online school, a conflict with the school), or neither (None: ask). Only True makes the
    # notification route a "no permission needed".
    beperking_genoemd: JaNee | None = None  # 5 onder a: physical or psychological grounds
    bezwaar_richting_genoemd: JaNee | None = None  # 5 onder b: objections to the denomination of all schools
    school_buitenland_genoemd: JaNee | None = None  # 5 onder c: enrolled at a school abroad
    verklaring_eigen_arts: JaNee = False  # 5 onder a: the statement is from the child's own doctor (art. 7)
    ander_onderwijs_genoemd: JaNee | None = None  # art. 15: False when the reason is no education (sport, a conflict)
    verzoek_ontvangen_op: Gebeurd | None = None  # art. 3a/3b: starts the decision term (six weeks since 2017)
    toestemming_tot: Datum | None = None  # art. 3a: end of the current permission, for the renewal
    uren_werk_per_week: Getal | None = Field(default=None, ge=0, le=MAX_UREN_PER_WEEK)
    ingeschreven_nieuwe_opleiding: JaNee | None = None  # gedoogbeschikking
    min_uren_werk_regio: Geheel | None = Field(default=None, ge=1, le=MAX_UREN_PER_WEEK)  # regional policy
    woongemeente: Tekst | None = None  # the regional profile of the home municipality may set the minimum

    @field_validator("leerplichtig_vanaf", "verzoek_ontvangen_op", "toestemming_tot")
    @classmethod
    def _plausibele_datum(cls, waarde: dt.date | None, info: ValidationInfo) -> dt.date | None:
        """Dates outside the life of the Leerplichtwet 1969 are typing errors, not facts to reason on."""
        if waarde is not None and not 1969 <= waarde.year <= 2100:
            raise ValueError(f"{info.field_name}: {waarde.isoformat()} is not a plausible date")
        return waarde


def _maanden_eerder(datum: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` calendar months earlier, or the last day of that month if it is shorter."""
    index = datum.year * 12 + datum.month - 1 - maanden
    jaar, maand = divmod(index, 12)
    return dt.date(jaar, maand + 1, min(datum.day, calendar.monthrange(jaar, maand + 1)[1]))


def _volgende_eerste_van(maand: int, peildatum: dt.date) -> dt.date:
    """The first 1 <maand> after peildatum: a renewal due "vóór 1 juli" on 1 July itself is next year's."""
    dit_jaar = dt.date(peildatum.year, maand, 1)
    return dit_jaar if peildatum < dit_jaar else dt.date(peildatum.year + 1, maand, 1)


def _kennisgeving(feiten: VrijstellingFeiten, p: Peil) -> Besluit:
    """Art. 5 onder a/b/c and 5a: no decider, only a notification with the right statement on time."""
    onderwerp, grond_uitleg, stukken = _KENNISGEVING[feiten.grond]
    peildatum = p.peildatum
    if feiten.grond is Grond.RICHTING and feiten.vorig_jaar_school_van_die_richting:
        ongeldig = (p.reden("vrijstelling_5b_ongeldig"), p.reden(grond_uitleg))
        return Besluit(onderwerp=onderwerp, grondslag=ongeldig, toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.NIEMAND, redenen=ongeldig,
                       volgende_stappen=(p.stap("vrijstelling_5b_inschrijven", None),))
    if feiten.grond is Grond.LICHAMELIJK_PSYCHISCH and feiten.verklaring_eigen_arts:
        # Art. 7: only a statement of a designated doctor, pedagogue or psychologist makes the notice valid. Two
        # rounds of blind writers split on this (the notice route on proof, or "this statement does not do"); the
        # answer that can never read as a go-ahead is kept (docs/quality.md, issue 14 round 3).
        ongeldig = (p.reden("vrijstelling_5a_eigen_arts"), p.reden(grond_uitleg))
        return Besluit(onderwerp=onderwerp, grondslag=ongeldig, toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.NIEMAND, redenen=ongeldig)
    voorwaarde = _VOORWAARDE.get(feiten.grond)
    genoemd = getattr(feiten, voorwaarde) if voorwaarde else True
    if genoemd is False:
        geen = (p.reden("vrijstelling_geen_grond"), p.reden(grond_uitleg))
        return Besluit(onderwerp=onderwerp, grondslag=geen[:1], toegestaan=Toegestaan.NEE,
                       beslisser=Beslisser.NIEMAND, redenen=geen)
    if genoemd is None:  # the ground's condition is not known: state it and ask, no go-ahead on a guess
        grond = (p.reden(grond_uitleg),)
        return Besluit(onderwerp=onderwerp, grondslag=grond, redenen=(*grond, p.reden("vrijstelling_kennisgeving")),
                       ontbrekende_feiten=(str(voorwaarde),))
    grondslag = (p.reden(grond_uitleg), p.reden("vrijstelling_kennisgeving"))
    redenen: list[Reden] = list(grondslag)
    if feiten.grond is Grond.TREKKEND:
        redenen.append(p.reden("vrijstelling_art5a_amvb"))

    # The statement this ground needs comes first: it is what parents must arrange; the list of the child's
    # details follows.
    stappen: list[Reden] = []
    if stukken == "vrijstelling_5a_stukken":
        maanden_oud = p.getal("vrijstelling_5a_verklaring_max_maanden")
        stappen.append(p.stap(stukken, None, maanden=maanden_oud))
    elif stukken is not None:
        stappen.append(p.stap(stukken, None))
    stappen.append(p.stap("vrijstelling_gegevens", None))

    voor_start = p.getal("vrijstelling_kennisgeving_maanden_voor_start")
    termijn: dt.date | None = None
    if feiten.leerplichtig_vanaf is not None:
        termijn = _maanden_eerder(feiten.leerplichtig_vanaf, voor_start)
        stappen.append(p.stap("vrijstelling_termijn_start", termijn, uiterlijk=termijn.isoformat(),
                            vanaf=feiten.leerplichtig_vanaf.isoformat()))
        if termijn < peildatum and not feiten.verlenging:
            redenen.append(p.reden("vrijstelling_termijn_verstreken", uiterlijk=termijn.isoformat()))
    blijvend = feiten.grond is Grond.LICHAMELIJK_PSYCHISCH and feiten.nooit_geschikt
    if blijvend:
        redenen.append(p.reden("vrijstelling_5a_geen_verlenging"))
    elif feiten.verlenging:
        termijn = _volgende_eerste_van(p.getal("vrijstelling_verlenging_maand"), peildatum)
        stappen.append(p.stap("vrijstelling_verlenging", termijn, datum=termijn.isoformat()))
    if termijn is None and not blijvend:
        stappen.append(p.stap("vrijstelling_termijn_algemeen", None, maanden=voor_start))

    ontbrekend = [naam for naam, ontbreekt in (
        ("vorig_jaar_school_van_die_richting",
         feiten.grond is Grond.RICHTING and feiten.vorig_jaar_school_van_die_richting is None),
        ("leerplichtig_vanaf", feiten.leerplichtig_vanaf is None and not feiten.verlenging),
    ) if ontbreekt]
    return Besluit(onderwerp=onderwerp, grondslag=grondslag, toegestaan=Toegestaan.NIET_NODIG,
                   beslisser=Beslisser.GEEN_TOESTEMMING_NODIG, termijn=termijn, redenen=tuple(redenen),
                   volgende_stappen=tuple(stappen), ontbrekende_feiten=tuple(ontbrekend),
                   erkend=(voorwaarde or "grond",))


def _verzoek_bw(feiten: VrijstellingFeiten, p: Peil) -> Besluit:
    """Art. 15, 3a and 3b: B&W decide on a request, unless the law rules the case out beforehand."""

    def besluit(toegestaan: Toegestaan, beslisser: Beslisser, *redenen: Reden, stappen: tuple[Reden, ...] = (),
                termijn: dt.date | None = None, ontbrekend: tuple[str, ...] = (),
                overig: tuple[Reden, ...] = ()) -> Besluit:
        # The reasons given here are the ones that decided (the ground, and what rules the case out); `overig`
        # are examples and questions, shown behind "Meer over de regels" or as a point.
        return Besluit(onderwerp=ONDERWERP_ANDERE, grondslag=redenen, toegestaan=toegestaan,
                       beslisser=beslisser, redenen=(*redenen, *overig), volgende_stappen=stappen,
                       termijn=termijn, ontbrekende_feiten=ontbrekend)

    if feiten.grond is Grond.ANDER_ONDERWIJS:
        grond = p.reden("vrijstelling_15_grond")
        # Under 16 a young person is still leerplichtig, from 18 no longer kwalificatieplichtig: art. 15 is out.
        buiten_leeftijd = feiten.leeftijd is not None and not 16 <= feiten.leeftijd < 18
        if feiten.kwalificatieplichtig is False or (feiten.kwalificatieplichtig is None and buiten_leeftijd):
            return besluit(Toegestaan.NEE, Beslisser.NIEMAND,
                           p.reden("vrijstelling_niet_kwalificatieplichtig"), grond)
        if feiten.ander_onderwijs_genoemd is False:
            return besluit(Toegestaan.NEE, Beslisser.NIEMAND, p.reden("vrijstelling_15_geen_grond"), grond)
        onbekend = feiten.kwalificatieplichtig is None
        vraag = (p.reden("vrijstelling_kwalificatieplichtig_vraag"),) if onbekend else ()
        return besluit(Toegestaan.VOORWAARDELIJK, Beslisser.COLLEGE_BW, grond,
                       stappen=(p.stap("vrijstelling_15_verzoek", None),),
                       ontbrekend=("kwalificatieplichtig",) if onbekend else (),
                       overig=(*vraag, p.reden("vrijstelling_15_voorbeelden")))

    if feiten.grond is Grond.VERVANGEND_14:
        min_leeftijd = p.getal("vrijstelling_3a_min_leeftijd")
        grond = p.reden("vrijstelling_3a_grond", min_leeftijd=min_leeftijd)
        if feiten.leeftijd is not None and feiten.leeftijd < min_leeftijd:
            return besluit(Toegestaan.NEE, Beslisser.NIEMAND, p.reden(
                "vrijstelling_3a_te_jong", leeftijd=feiten.leeftijd, min_leeftijd=min_leeftijd), grond)
        weken = p.getal("vrijstelling_3a_beslistermijn_weken")
        sleutel, ontbrekend = "vrijstelling_3a", ("leeftijd",) if feiten.leeftijd is None else ()
    else:
        grond = p.reden("vrijstelling_3b_grond")
        if feiten.laatste_leerplichtige_schooljaar is False:
            return besluit(Toegestaan.NEE, Beslisser.NIEMAND, p.reden("vrijstelling_3b_niet_laatste_jaar"), grond)
        weken = p.getal("vrijstelling_3b_beslistermijn_weken")
        sleutel = "vrijstelling_3b"
        ontbrekend = ("laatste_leerplichtige_schooljaar",) if feiten.laatste_leerplichtige_schooljaar is None else ()

    stappen: list[Reden] = [p.stap(f"{sleutel}_verzoek", None, weken=weken)]
    termijn: dt.date | None = None
    if feiten.grond is Grond.VERVANGEND_14 and feiten.toestemming_tot is not None:
        verlenging_weken = p.getal("vrijstelling_3a_verlenging_weken")
        termijn = feiten.toestemming_tot - dt.timedelta(weeks=verlenging_weken)
        stappen.append(p.stap("vrijstelling_3a_verlenging", termijn, weken=verlenging_weken,
                            einde=feiten.toestemming_tot.isoformat(), uiterlijk=termijn.isoformat()))
    if feiten.verzoek_ontvangen_op is not None:
        # A pending request is what the family waits for now, so its decision date comes first.
        termijn = feiten.verzoek_ontvangen_op + dt.timedelta(weeks=weken)
        stappen.append(p.stap(f"{sleutel}_beslistermijn", termijn,
                            ontvangen=feiten.verzoek_ontvangen_op.isoformat(), uiterlijk=termijn.isoformat()))
    return besluit(Toegestaan.VOORWAARDELIJK, Beslisser.COLLEGE_BW, grond, stappen=tuple(stappen),
                   termijn=termijn, ontbrekend=ontbrekend)


def _gedoog(feiten: VrijstellingFeiten, p: Peil) -> Besluit:
    """Policy only: the leerplichtambtenaar tolerates the absence; a regional minimum overrides the national
    and is cited by the region's own source."""
    regionaal = p.beleid("gedoogbeschikking_min_uren_werk", feiten.woongemeente)
    minimum = feiten.min_uren_werk_regio or int(regionaal.waarde)
    plicht = p.reden("gedoog_kwalificatieplicht")
    uitleg = p.reden("gedoog_uitleg")
    voorwaarden = p.beleid_reden("gedoog_voorwaarden", regionaal, min=minimum)
    aanvragen = (p.stap("gedoog_aanvragen", None),)

    def besluit(toegestaan: Toegestaan, beslisser: Beslisser, *redenen: Reden,
                ontbrekend: tuple[str, ...] = ()) -> Besluit:
        # The duty it tolerates a breach of (art. 4a) and the policy reason that decided.
        grondslag = (plicht, redenen[0]) if redenen[0] is not plicht else (plicht,)
        return Besluit(onderwerp=ONDERWERP_ANDERE, grondslag=grondslag, toegestaan=toegestaan,
                       beslisser=beslisser, redenen=uniek(plicht, *redenen), volgende_stappen=aanvragen,
                       ontbrekende_feiten=ontbrekend)

    if feiten.kwalificatieplichtig is False:
        return besluit(Toegestaan.NEE, Beslisser.NIEMAND, p.reden("vrijstelling_niet_kwalificatieplichtig"),
                       uitleg)
    uren = feiten.uren_werk_per_week
    if uren is not None and uren < minimum:
        return besluit(Toegestaan.NEE, Beslisser.LEERPLICHTAMBTENAAR,
                       p.beleid_reden("gedoog_te_weinig_uren", regionaal, uren=_getal(uren), min=minimum), uitleg,
                       voorwaarden)
    if feiten.ingeschreven_nieuwe_opleiding is False:
        return besluit(Toegestaan.NEE, Beslisser.LEERPLICHTAMBTENAAR, p.reden("gedoog_geen_opleiding"),
                       uitleg, voorwaarden)
    ontbrekend = tuple(naam for naam, ontbreekt in (
        ("uren_werk_per_week", uren is None),
        ("ingeschreven_nieuwe_opleiding", feiten.ingeschreven_nieuwe_opleiding is None),
    ) if ontbreekt)
    return besluit(Toegestaan.VOORWAARDELIJK, Beslisser.LEERPLICHTAMBTENAAR, uitleg, voorwaarden,
                   ontbrekend=ontbrekend)


def _getal(waarde: float) -> int | str:
    """Whole hours without decimals; otherwise Dutch notation ('19,5')."""
    return round(waarde) if waarde == round(waarde) else f"{waarde:.1f}".replace(".", ",")


def beoordeel_vrijstelling(feiten: VrijstellingFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """What the law (or, for the gedoogbeschikking, policy) says for the ground invoked, who decides, and
    what to send by when."""
    p = Peil(rules, peildatum)
    if feiten.grond in _KENNISGEVING:
        return _kennisgeving(feiten, p)
    if feiten.grond is Grond.GEDOOG:
        return _gedoog(feiten, p)
    return _verzoek_bw(feiten, p)
