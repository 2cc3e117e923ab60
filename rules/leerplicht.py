"""When leerplicht and kwalificatieplicht start and end (art. 3, 4a and 4b Leerplichtwet 1969), and which
of them applies on the peildatum.

Leerplicht starts on the first school day of the month after the 5th birthday, so the school calendar
sets the exact day: a month that opens in a holiday starts after it (derived, not read in the law). It
ends at the end of the school year of the 16th birthday, or earlier after twelve full school years. Then
kwalificatieplicht runs until the 18th birthday itself or a startkwalificatie. This topic grants nothing,
so toegestaan and beslisser stay empty and termijn carries the date that matters on the peildatum.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.regio_schema import Vakantieregio
from content.schema import RuleSet
from rules.besluit import Besluit, Peil, Reden, Toegestaan
from rules.errors import GeenKalender, OngeldigeFeiten
from rules.feittypen import Datum, Geheel, JaNee, Tekst
from rules.kalender import Schoolkalender, is_werkdag, schooljaar_van

ONDERWERP = "leerplicht_leeftijd"
ONDERWERP_KWALIFICATIEPLICHT = "kwalificatieplicht"
# Reasons that decide how leerplicht ends, besides the first reason of a decision.
_EINDE_BESLIST = frozenset({"leerplicht_einde_12_jaar", "leerplicht_basisschool_acht"})
# From this many years before the age route ends, twelve full school years may end leerplicht earlier.
_ROUTE_A_JAREN = 2
_ZOEK_SCHOOLDAG_DAGEN = 90  # longer than any holiday, so a loaded calendar always yields a school day


class Diploma(str, Enum):
    """The highest diploma or certificate, as far as kwalificatieplicht cares."""

    GEEN = "geen"
    VMBO = "vmbo"
    HAVO = "havo"
    VWO = "vwo"
    MBO1_ENTREE = "mbo1_entree"
    MBO2 = "mbo2"
    MBO3 = "mbo3"
    MBO4 = "mbo4"
    PRAKTIJKONDERWIJS = "praktijkonderwijs"
    VSO_ARBEIDSMARKT = "vso_arbeidsmarkt"
    VSO_DAGBESTEDING = "vso_dagbesteding"


# Art. 1 onder f: havo, vwo, and mbo under WEB art. 7.2.2 lid 1 onder b-e (niveau 2 to 4).
STARTKWALIFICATIE = frozenset({Diploma.HAVO, Diploma.VWO, Diploma.MBO2, Diploma.MBO3, Diploma.MBO4})
# Art. 4a lid 2: no kwalificatieplicht after praktijkonderwijs or vso arbeidsmarkt/dagbesteding.
GEEN_KWALIFICATIEPLICHT = frozenset(
    {Diploma.PRAKTIJKONDERWIJS, Diploma.VSO_ARBEIDSMARKT, Diploma.VSO_DAGBESTEDING}
)
_NAAM = {
    Diploma.MBO1_ENTREE: "mbo 1 (Entree)", Diploma.MBO2: "mbo 2", Diploma.MBO3: "mbo 3", Diploma.MBO4: "mbo 4",
    Diploma.VSO_ARBEIDSMARKT: "vso (arbeidsmarkt)", Diploma.VSO_DAGBESTEDING: "vso (dagbesteding)",
}


class LeerplichtFeiten(BaseModel):
    """What is known about the young person: a date of birth, else a month of birth, else an age. The rule
    works with what was given and never makes a date up from an age."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    geboortedatum: Datum | None = None
    # "wordt in augustus 5"; a year from 1900 to 2099, as every date of the facts (rules/feittypen.py)
    geboortemaand: Tekst | None = Field(default=None, pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$")
    leeftijd: Geheel | None = Field(default=None, ge=0, le=30)
    vakantieregio: Vakantieregio | None = None  # of the school, which sets the first school day
    # Full school years completed before the school year of the peildatum (the running one not counted).
    volledige_schooljaren: Geheel | None = Field(default=None, ge=0, le=20)
    # School years it took to go through primary school; fewer than 8 counts as 8 (art. 3 lid 2).
    basisschool_jaren: Geheel | None = Field(default=None, ge=1, le=12)
    diploma: Diploma | None = None
    # The question is whether the young person may leave school (stop, work instead): then `allowed` says so.
    vraag_stoppen: JaNee = False

    @model_validator(mode="after")
    def _geboorte_bekend(self) -> LeerplichtFeiten:
        if self.geboortedatum is None and self.geboortemaand is None and self.leeftijd is None:
            raise ValueError("geboortedatum: a date of birth, a month of birth or an age is needed")
        return self

    @property
    def geboren(self) -> dt.date | None:
        """The date of birth; with only the month known, its first day (used only where the day does not
        matter: the month of the 5th birthday, the school year of the 16th)."""
        if self.geboortedatum is not None:
            return self.geboortedatum
        if self.geboortemaand is not None:
            return dt.date(int(self.geboortemaand[:4]), int(self.geboortemaand[5:]), 1)
        return None

    def dag(self, datum: dt.date) -> str:
        """A birthday as the facts allow: the date, or only its month when the day was not given."""
        return datum.isoformat() if self.geboortedatum is not None else datum.strftime("%Y-%m")

    @model_validator(mode="after")
    def _basisschool_past(self) -> LeerplichtFeiten:
        jaren, totaal = self.basisschool_jaren, self.volledige_schooljaren
        if jaren is not None and totaal is not None and jaren > totaal:
            raise ValueError("basisschool_jaren: more years of primary school than full school years in total")
        return self


def verjaardag(geboortedatum: dt.date, jaren: int) -> dt.date:
    """The day the age `jaren` is reached; for 29 February, 1 March in a year without it (an assumption)."""
    jaar = geboortedatum.year + jaren
    try:
        return geboortedatum.replace(year=jaar)
    except ValueError:
        return dt.date(jaar, 3, 1)


def _einde_schooljaar(datum: dt.date) -> dt.date:
    """31 July that ends the school year containing `datum`."""
    return dt.date(int(schooljaar_van(datum)[5:]), 7, 31)


def _eerste_schooldag(kalender: Schoolkalender, maand: dt.date, regio: Vakantieregio) -> dt.date:
    """The first school day on or after the first of `maand`; GeenKalender when the year is not loaded."""
    for i in range(_ZOEK_SCHOOLDAG_DAGEN):
        dag = maand + dt.timedelta(days=i)
        if kalender.is_schooldag(dag, regio):
            return dag
    raise GeenKalender("geboortedatum", f"no school day within {_ZOEK_SCHOOLDAG_DAGEN} days after {maand}")


def _start(feiten: LeerplichtFeiten, p: Peil, vijf: dt.date) -> tuple[dt.date, list[Reden]]:
    """The day leerplicht starts, and why that day: a holiday, an unknown region or no loaded calendar."""
    maand = (vijf.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    eerste_werkdag = maand
    while not is_werkdag(eerste_werkdag):
        eerste_werkdag += dt.timedelta(days=1)
    kalender = Schoolkalender(p.rules.kalenders)
    regios = [feiten.vakantieregio] if feiten.vakantieregio else list(Vakantieregio)
    try:
        per_regio = {regio: _eerste_schooldag(kalender, maand, regio) for regio in regios}
    except GeenKalender:
        return eerste_werkdag, [p.reden("leerplicht_start_rooster", vanaf=eerste_werkdag.isoformat())]
    # Without the school's region the latest date is safe: no region is leerplichtig later than that.
    vanaf = max(per_regio.values())
    redenen: list[Reden] = []
    if vanaf != eerste_werkdag:
        redenen.append(p.reden("leerplicht_start_vakantie", maand_begin=eerste_werkdag.isoformat(),
                             vanaf=vanaf.isoformat()))
    if len(set(per_regio.values())) > 1:
        datums = {regio.value: dag.isoformat() for regio, dag in per_regio.items()}
        redenen.append(p.reden("leerplicht_start_regio", vanaf=vanaf.isoformat(), **datums))
    return vanaf, redenen


def _einde(feiten: LeerplichtFeiten, geboren: dt.date, p: Peil) -> tuple[dt.date, list[Reden]]:
    """The end of leerplicht: the school year of the 16th birthday, or earlier after twelve full years."""
    leeftijd = p.getal("leerplicht_eindleeftijd")
    zestien = verjaardag(geboren, leeftijd)
    einde = _einde_schooljaar(zestien)
    redenen = [p.reden(_maand_of_dag("leerplicht_einde_16", feiten), leeftijd=leeftijd, verjaardag=feiten.dag(zestien),
                       einde=einde.isoformat())]
    if feiten.volledige_schooljaren is None:
        return einde, redenen
    jaren = feiten.volledige_schooljaren
    nodig = p.getal("leerplicht_volledige_schooljaren")
    basisschool: list[Reden] = []
    acht = p.getal("leerplicht_basisschool_schooljaren")
    if feiten.basisschool_jaren is not None and feiten.basisschool_jaren < acht:
        jaren += acht - feiten.basisschool_jaren
        basisschool.append(p.reden("leerplicht_basisschool_acht", jaren=feiten.basisschool_jaren, acht=acht,
                                 schooljaren=nodig))
    # The running school year is year jaren + 1, assuming the young person completes it and the next ones.
    einde_jaren = dt.date(_einde_schooljaar(p.peildatum).year - 1 + nodig - jaren, 7, 31)
    if einde_jaren >= einde:
        return einde, redenen
    return einde_jaren, [p.reden("leerplicht_einde_12_jaar", schooljaren=nodig, einde=einde_jaren.isoformat(),
                               zestien=einde.isoformat()), *basisschool]


def _controleer(feiten: LeerplichtFeiten, peildatum: dt.date) -> None:
    """Facts that are only impossible relative to the peildatum, which the input model cannot see."""
    geboren = feiten.geboren
    if geboren is not None and geboren > peildatum:
        raise OngeldigeFeiten("geboortedatum", "the date of birth lies after the peildatum")
    if feiten.volledige_schooljaren is not None and geboren is not None:
        # Lenient bound: a child may start school at 4, so no more full years than since that birthday.
        mogelijk = int(schooljaar_van(peildatum)[:4]) - verjaardag(geboren, 4).year
        if feiten.volledige_schooljaren > max(mogelijk, 0):
            raise OngeldigeFeiten("volledige_schooljaren", "more full school years than possible since age 4")


def _diploma_redenen(p: Peil, diploma: Diploma | None) -> list[Reden]:
    """What the diploma means for kwalificatieplicht (art. 1 onder f, 4a lid 2)."""
    if diploma is None or diploma is Diploma.GEEN:
        return []
    naam = _NAAM.get(diploma, diploma.value)
    if diploma in STARTKWALIFICATIE:
        return [p.reden("kwalificatieplicht_startkwalificatie", diploma=naam)]
    if diploma in GEEN_KWALIFICATIEPLICHT:
        return [p.reden("kwalificatieplicht_uitzondering", diploma=naam)]
    redenen = [p.reden("kwalificatieplicht_geen_startkwalificatie", diploma=naam)]
    if diploma is Diploma.MBO1_ENTREE:
        redenen.append(p.reden("kwalificatieplicht_entree"))
    return redenen


def beoordeel_leerplicht(feiten: LeerplichtFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """Which duty applies on the peildatum (none yet, leerplicht, kwalificatieplicht, none any more), from
    and until when, and why; and, when that was asked, whether the young person may leave school."""
    besluit = _plicht(feiten, rules, peildatum)
    return _stoppen(besluit, feiten, Peil(rules, peildatum)) if feiten.vraag_stoppen else besluit


# Leaving school, read from the duty the decision states (its reasons name it): ruled out while leerplicht or
# kwalificatieplicht applies, allowed when neither does any more; unknown while the diploma or the exact date
# that decides it is missing.
_LEERPLICHTIG = frozenset({"leerplicht_leerplichtig", "leerplicht_leeftijd_leerplichtig",
                           "leerplicht_leeftijd_zestien"})
_KWALIFICATIEPLICHTIG = frozenset({"kwalificatieplichtig", "kwalificatieplichtig_leeftijd"})
_GEEN_PLICHT_MEER = frozenset({"kwalificatieplicht_voorbij", "kwalificatieplicht_voorbij_leeftijd",
                               "leerplicht_leeftijd_voorbij", "leerplicht_geeindigd"})


def _stoppen(besluit: Besluit, feiten: LeerplichtFeiten, p: Peil) -> Besluit:
    if besluit.toegestaan is not None:  # not leerplichtig yet: the answer says so already
        return besluit
    uitleg = {r.uitleg for r in besluit.redenen}
    diploma_vrij = feiten.diploma in STARTKWALIFICATIE or feiten.diploma in GEEN_KWALIFICATIEPLICHT
    if feiten.diploma in STARTKWALIFICATIE and not uitleg & _GEEN_PLICHT_MEER:
        # Such a diploma takes at least 12 full school years (primary school counts as 8, art. 3 lid 2), so
        # leerplicht has ended by art. 3 lid 1 onder a, and the startkwalificatie ends kwalificatieplicht.
        antwoord, toegestaan = p.reden("stoppen_startkwalificatie"), Toegestaan.JA
    elif uitleg & _LEERPLICHTIG:
        # At 16 with a startkwalificatie, leerplicht may have ended with the school year: the date decides.
        if "leerplicht_leeftijd_zestien" in uitleg and diploma_vrij:
            return besluit
        antwoord, toegestaan = p.reden("stoppen_leerplichtig"), Toegestaan.NEE
    elif uitleg & _KWALIFICATIEPLICHTIG:
        if feiten.diploma is None:  # a diploma may have ended it: asked, not assumed
            return besluit
        antwoord, toegestaan = p.reden("stoppen_kwalificatieplichtig"), Toegestaan.NEE
    elif uitleg & _GEEN_PLICHT_MEER:
        antwoord, toegestaan = p.reden("stoppen_mag"), Toegestaan.JA
    else:
        return besluit
    # A "yes" rests on the age or date and the diploma the user gave, as every go-ahead must (rules/besluit.py).
    erkend = tuple(n for n in ("geboortedatum", "geboortemaand", "leeftijd", "diploma")
                   if getattr(feiten, n) is not None)
    # With a startkwalificatie the birthday no longer decides, so it is not asked.
    ontbrekend = () if antwoord.uitleg == "stoppen_startkwalificatie" else besluit.ontbrekende_feiten
    return besluit.model_copy(update={"grondslag": (antwoord, *besluit.grondslag), "erkend": erkend,
                                      "redenen": (antwoord, *besluit.redenen), "toegestaan": toegestaan,
                                      "ontbrekende_feiten": ontbrekend})


def _plicht(feiten: LeerplichtFeiten, rules: RuleSet, peildatum: dt.date) -> Besluit:
    _controleer(feiten, peildatum)
    p = Peil(rules, peildatum)
    geboren, diploma = feiten.geboren, feiten.diploma
    if geboren is None:
        return _op_leeftijd(feiten, p)
    achttien_jaar = p.getal("kwalificatieplicht_eindleeftijd")
    achttien = verjaardag(geboren, achttien_jaar)
    # With only the month of birth, the 18th birthday has passed once that month is over.
    achttien_voorbij = achttien if feiten.geboortedatum else (achttien + dt.timedelta(days=32)).replace(day=1)
    einde, einde_redenen = _einde(feiten, geboren, p)
    diploma_redenen = _diploma_redenen(p, diploma)
    zonder_plicht_na = diploma in STARTKWALIFICATIE or diploma in GEEN_KWALIFICATIEPLICHT
    extra = [p.reden("leerplicht_29_februari")] if feiten.geboortedatum and (geboren.month, geboren.day) == (2, 29) \
        else []

    def besluit(*redenen: Reden, termijn: dt.date | None, ontbrekend: tuple[str, ...] = (),
                toegestaan: Toegestaan | None = None) -> Besluit:
        if peildatum > einde or diploma not in (None, Diploma.GEEN):
            onderwerp = ONDERWERP_KWALIFICATIEPLICHT
        else:
            onderwerp = ONDERWERP
        # The first reason states the duty on the peildatum; an earlier end by school years also decides it.
        grondslag = (redenen[0], *(r for r in redenen[1:] if r.uitleg in _EINDE_BESLIST))
        # "Not leerplichtig yet" rests on the date or month of birth the user gave.
        erkend = ("geboortedatum" if feiten.geboortedatum else "geboortemaand",) if toegestaan else ()
        return Besluit(onderwerp=onderwerp, grondslag=grondslag, termijn=termijn, redenen=(*redenen, *extra),
                       ontbrekende_feiten=ontbrekend, toegestaan=toegestaan, erkend=erkend)

    if peildatum <= einde:
        start: list[Reden] = []
        vijf_jaar = p.getal("leerplicht_startleeftijd")
        vijf = verjaardag(geboren, vijf_jaar)
        # The start only matters to a young child; for older ones it would be noise (and an old calendar).
        if peildatum < verjaardag(geboren, vijf_jaar + 1):
            vanaf, waarom = _start(feiten, p, vijf)
            start = [p.reden(_maand_of_dag("leerplicht_start", feiten), leeftijd=vijf_jaar, verjaardag=feiten.dag(vijf),
                           vanaf=vanaf.isoformat()), *waarom]
            if peildatum < vanaf:
                vier = p.getal("leerplicht_toelating_leeftijd")
                toegelaten = verjaardag(geboren, vier) <= peildatum < vijf
                vier_jaar = [p.reden("leerplicht_vier_jaar", leeftijd=vier)] if toegelaten else []
                # Not yet leerplichtig: staying away (a day off, a holiday) is allowed; not even a notice is due.
                return besluit(p.reden("leerplicht_nog_niet", vanaf=vanaf.isoformat()), *vier_jaar, *start,
                               termijn=vanaf, toegestaan=Toegestaan.JA)
        # Twelve full school years may end leerplicht before the age route: ask when it can decide the answer.
        route_a: list[Reden] = []
        if feiten.volledige_schooljaren is None and (einde - peildatum).days < 366 * _ROUTE_A_JAREN:
            route_a = [p.reden("leerplicht_12_jaar_vraag", schooljaren=p.getal("leerplicht_volledige_schooljaren"))]
        vooruit = [] if zonder_plicht_na else [
            p.reden("kwalificatieplicht_na_leerplicht", leeftijd=achttien_jaar, achttien=feiten.dag(achttien))]
        if diploma in STARTKWALIFICATIE:
            vooruit.append(p.reden("leerplicht_diploma"))
        return besluit(p.reden("leerplicht_leerplichtig", einde=einde.isoformat()), *start, *einde_redenen,
                       *route_a, *vooruit, *diploma_redenen, termijn=einde,
                       ontbrekend=("volledige_schooljaren",) if route_a else ())

    geeindigd = [p.reden("leerplicht_geeindigd", einde=einde.isoformat()), *einde_redenen]
    if peildatum >= achttien_voorbij:
        rmc_leeftijd = p.getal("rmc_tot_leeftijd")
        volgen = diploma not in STARTKWALIFICATIE and peildatum < verjaardag(geboren, rmc_leeftijd)
        rmc = [p.reden("kwalificatieplicht_rmc", leeftijd=rmc_leeftijd, weken=p.getal("rmc_weken"))] if volgen else []
        return besluit(p.reden("kwalificatieplicht_voorbij", leeftijd=achttien_jaar,
                             achttien=feiten.dag(achttien)), *diploma_redenen, *rmc, termijn=None)
    if zonder_plicht_na:
        return besluit(*diploma_redenen, *geeindigd, termijn=None)
    return besluit(p.reden("kwalificatieplichtig", leeftijd=achttien_jaar, achttien=feiten.dag(achttien)),
                   *geeindigd, *diploma_redenen, termijn=achttien if feiten.geboortedatum else None,
                   ontbrekend=("diploma",) if diploma is None else ())


def _maand_of_dag(sleutel: str, feiten: LeerplichtFeiten) -> str:
    """The text that names a birthday by its date, or its variant that names only the month."""
    return sleutel if feiten.geboortedatum is not None else f"{sleutel}_maand"


def _op_leeftijd(feiten: LeerplichtFeiten, p: Peil) -> Besluit:
    """Only an age is known: what follows from the age alone, and the date of birth asked for where the day
    matters (the exact start, the exact end, or which of the two duties applies at 16)."""
    leeftijd, diploma = feiten.leeftijd or 0, feiten.diploma
    vijf, zestien = p.getal("leerplicht_startleeftijd"), p.getal("leerplicht_eindleeftijd")
    achttien = p.getal("kwalificatieplicht_eindleeftijd")
    diploma_redenen = _diploma_redenen(p, diploma)
    zonder_plicht_na = diploma in STARTKWALIFICATIE or diploma in GEEN_KWALIFICATIEPLICHT
    met_diploma = diploma not in (None, Diploma.GEEN)

    def besluit(*redenen: Reden, onderwerp: str = ONDERWERP, ontbrekend: tuple[str, ...] = (),
                toegestaan: Toegestaan | None = None, grond: int = 1) -> Besluit:
        """`grond`: how many of the first reasons decided (two where both duties are stated)."""
        return Besluit(onderwerp=ONDERWERP_KWALIFICATIEPLICHT if met_diploma else onderwerp,
                       grondslag=redenen[:grond], redenen=redenen, ontbrekende_feiten=ontbrekend,
                       toegestaan=toegestaan, erkend=("leeftijd",) if toegestaan else ())

    if leeftijd < vijf:
        vier = p.getal("leerplicht_toelating_leeftijd")
        vier_jaar = [p.reden("leerplicht_vier_jaar", leeftijd=vier)] if leeftijd >= vier else []
        return besluit(p.reden("leerplicht_leeftijd_nog_niet", leeftijd=leeftijd, vijf=vijf), *vier_jaar,
                       ontbrekend=("geboortedatum",), toegestaan=Toegestaan.JA)
    if leeftijd == vijf:
        return besluit(p.reden("leerplicht_leeftijd_vijf", vijf=vijf), ontbrekend=("geboortedatum",))
    if leeftijd < zestien:
        schooljaren = p.getal("leerplicht_volledige_schooljaren")
        # The end is a date only with the date of birth; for a teenager that date is what is asked.
        bijna = leeftijd >= zestien - _ROUTE_A_JAREN
        vooruit = [p.reden("kwalificatieplicht_na_leerplicht_leeftijd", leeftijd=achttien)] \
            if bijna and not zonder_plicht_na else []
        return besluit(p.reden("leerplicht_leeftijd_leerplichtig", leeftijd=leeftijd, zestien=zestien,
                               schooljaren=schooljaren), *vooruit, *diploma_redenen,
                       ontbrekend=("geboortedatum",) if bijna else ())
    if leeftijd == zestien:
        nog = p.reden("leerplicht_leeftijd_zestien", zestien=zestien)
        if zonder_plicht_na:  # the diploma decides what follows; leerplicht itself still runs its course
            return besluit(*diploma_redenen, nog, p.reden("leerplicht_diploma"), ontbrekend=("geboortedatum",),
                           grond=2)
        return besluit(nog, p.reden("kwalificatieplicht_daarna", achttien=achttien), *diploma_redenen,
                       ontbrekend=("geboortedatum",), grond=2)
    if leeftijd < achttien:
        if zonder_plicht_na:
            return besluit(*diploma_redenen, p.reden("leerplicht_leeftijd_voorbij", leeftijd=leeftijd),
                           onderwerp=ONDERWERP_KWALIFICATIEPLICHT)
        return besluit(p.reden("kwalificatieplichtig_leeftijd", leeftijd=leeftijd, achttien=achttien),
                       *diploma_redenen, onderwerp=ONDERWERP_KWALIFICATIEPLICHT,
                       ontbrekend=("diploma",) if diploma is None else ())
    rmc_leeftijd = p.getal("rmc_tot_leeftijd")
    volgen = diploma not in STARTKWALIFICATIE and leeftijd < rmc_leeftijd
    rmc = [p.reden("kwalificatieplicht_rmc", leeftijd=rmc_leeftijd, weken=p.getal("rmc_weken"))] if volgen else []
    return besluit(p.reden("kwalificatieplicht_voorbij_leeftijd", leeftijd=achttien), *diploma_redenen, *rmc,
                   onderwerp=ONDERWERP_KWALIFICATIEPLICHT)
