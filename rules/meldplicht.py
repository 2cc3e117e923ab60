"""The meldplicht of schools: must, may or need not report, where to, and by when.

Since 2024-01-01 art. 21a covers every school: 16 hours or more of unauthorised absence (16 itself counts)
within 4 consecutive lesweken must be delivered to the register onderwijsdeelnemers (DUO); holiday weeks
are no lesweken. Before that, art. 21 sent primary and special schools to the municipality and art. 21a
(read with 21b) sent VO day schools and mbo to the register, so the school type then decides where to. Below
the threshold it is overig verzuim, which a school may report. Luxe verzuim and long continuous absence are
required by DUO's practice. For a pupil of 18 or older the 16-hour report is not required according to DUO,
but a pupil without a startkwalificatie who is under the RMC age must be reported after four consecutive
weeks away (WVO 2020 art. 8.20, WEB art. 9.2.2). The law sets no term for the report; the 5 working days are
the Inspectie's expectation, counted from the day the threshold was reached.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.regio_schema import Vakantieregio
from content.schema import RuleSet
from rules.besluit import Besluit, Parameterwaarde, Peil, Reden, uniek
from rules.errors import OngeldigeFeiten
from rules.feittypen import Datum, Gebeurd, Geheel, Getal, JaNee, Tekst
from rules.kalender import MAX_EIGEN_VAKANTIES, Periode, Rooster, Schoolkalender, maandag_van, rooster_uit, werkdagen_na
from rules.regio import Schooltype

ONDERWERP = "meldplicht_vraag"
MAX_UREN_PER_DAG = 10.0
MAX_UREN_PER_WEEK = 40.0
MAX_WEKEN = 52  # a total of hours is over at most a year of weeks
MAX_AFWEZIGE_DAGEN = 400  # two school years of school days
# Values of the parameter meldplicht_stelsel.
TOT_2024 = "art21_en_21a"


class Afwezigheid(BaseModel):
    """Unauthorised absence on one day, in hours of lesson or practical time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    datum: Gebeurd
    uren: Getal = Field(gt=0, le=MAX_UREN_PER_DAG)


class MeldplichtFeiten(BaseModel):
    """What the school tells: the absences (per day, or a total over a number of weeks or a period) and
    the pupil. A continuous absence over a period (van, tot_en_met with aaneengesloten_weken_afwezig) lets
    the rule find the day the threshold was reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    afwezigheden: tuple[Afwezigheid, ...] = Field(default=(), max_length=MAX_AFWEZIGE_DAGEN)
    totaal_uren: Getal | None = Field(default=None, ge=0, le=MAX_UREN_PER_WEEK * MAX_WEKEN)
    over_weken: Getal | None = Field(default=None, gt=0, le=MAX_WEKEN)
    van: Gebeurd | None = None  # the period of absence, which has happened
    tot_en_met: Gebeurd | None = None
    leeftijd: Geheel | None = Field(default=None, ge=4, le=30)
    schooltype: Schooltype | None = None
    startkwalificatie: JaNee | None = None
    luxe_verzuim: JaNee = False
    aaneengesloten_weken_afwezig: Getal | None = Field(default=None, ge=0, le=2 * MAX_WEKEN)
    alleen_geoorloofd: JaNee = False
    twijfel: JaNee = False  # the school doubts that the authorised absence (a sick report) is real
    onder_drempel: JaNee = False  # the school says it is overig verzuim: below the legal threshold
    # What the school asks about: absence (the default), an enrolment or de-registration, or an expulsion.
    melding_over: Literal["verzuim", "in_uitschrijving", "verwijdering"] = "verzuim"
    regio: Vakantieregio | None = None
    woongemeente: Tekst | None = None
    # The school's own rooster replaces the regional dates.
    schoolvakanties: tuple[Periode, ...] = Field(default=(), max_length=MAX_EIGEN_VAKANTIES)
    eerste_schooldag: Datum | None = None

    @model_validator(mode="after")
    def _plausible(self) -> MeldplichtFeiten:
        uren, weken = self.totaal_uren, self.over_weken
        if uren is not None and weken is not None and uren / weken > MAX_UREN_PER_WEEK:
            raise ValueError("totaal_uren: more hours per week than a school week has")
        if self.afwezigheden and self.totaal_uren is not None:
            raise ValueError("afwezigheden: give either the absences per day or a total, not both")
        if (self.van is None) != (self.tot_en_met is None):
            raise ValueError("tot_en_met: give both the first and the last day of the period, or neither")
        if self.van and self.tot_en_met and self.tot_en_met < self.van:
            raise ValueError("tot_en_met: the last day lies before the first day")
        return self


def _drempeldag(
    afwezigheden: Sequence[Afwezigheid], kalender: Schoolkalender, regio: Vakantieregio,
    drempel: int, lesweken: int, rooster: Rooster | None,
) -> tuple[dt.date | None, float]:
    """The first day on which the hours within some window of `lesweken` lesweken reach the threshold,
    and the most hours found in any such window."""
    per_week: dict[dt.date, list[Afwezigheid]] = {}
    for afwezigheid in sorted(afwezigheden, key=lambda a: a.datum):
        per_week.setdefault(maandag_van(afwezigheid.datum), []).append(afwezigheid)
    for week, dagen in per_week.items():
        if sum(d.uren for d in dagen) > MAX_UREN_PER_WEEK:
            raise OngeldigeFeiten("afwezigheden", f"more than {MAX_UREN_PER_WEEK:.0f} hours in the week of {week}")
    schooljaren = sorted({a.datum.year if a.datum.month >= 8 else a.datum.year - 1 for a in afwezigheden})
    weken: list[dt.date] = []
    for begin in schooljaren:
        weken.extend(kalender.lesweken(f"{begin}-{begin + 1}", regio, rooster))
    index = {week: i for i, week in enumerate(weken)}
    meeste = 0.0
    for start in range(len(weken)):
        venster = set(weken[start:start + lesweken])
        totaal = 0.0
        for afwezigheid in sorted(afwezigheden, key=lambda a: a.datum):
            week = maandag_van(afwezigheid.datum)
            if week not in index:
                raise OngeldigeFeiten("afwezigheden", f"{afwezigheid.datum} is not in a lesweek")
            if week in venster:
                totaal += afwezigheid.uren
                if totaal >= drempel:
                    return afwezigheid.datum, totaal
        meeste = max(meeste, totaal)
    return None, meeste


def _gespreid(van: dt.date, tot_en_met: dt.date, uren: float, kalender: Schoolkalender, regio: Vakantieregio,
              rooster: Rooster | None) -> tuple[Afwezigheid, ...]:
    """A continuous absence over a period as equal hours on each school day in it."""
    dagen = [van + dt.timedelta(days=i) for i in range((tot_en_met - van).days + 1)]
    schooldagen = [d for d in dagen if kalender.is_schooldag(d, regio, rooster)]
    if not schooldagen:
        raise OngeldigeFeiten("van", "the period holds no school day")
    per_dag = uren / len(schooldagen)
    if per_dag > MAX_UREN_PER_DAG:
        raise OngeldigeFeiten("totaal_uren", "more hours per school day than a school day has")
    return tuple(Afwezigheid(datum=d, uren=per_dag) for d in schooldagen) if per_dag > 0 else ()


class _Melding:
    """Builds the decision for one set of facts on one peildatum."""

    def __init__(self, feiten: MeldplichtFeiten, p: Peil, rooster: Rooster | None) -> None:
        self.feiten, self.p = feiten, p
        self.drempel = p.getal("meldplicht_drempel_uren")
        self.lesweken = p.getal("meldplicht_periode_lesweken")
        self.voor_2024 = p.waarde("meldplicht_stelsel") == TOT_2024
        self.regio = feiten.regio or Vakantieregio.MIDDEN
        self.rooster = rooster or rooster_uit(feiten.schoolvakanties, feiten.eerste_schooldag)

    def besluit(self, moet: bool | None, mag: bool | None, grondslag: Sequence[Reden], *overig: Reden,
                stappen: Sequence[Reden] = (), termijn: dt.date | None = None,
                ontbrekend: Sequence[str] = (), erkend: Sequence[str] = ()) -> Besluit:
        return Besluit(onderwerp=ONDERWERP, grondslag=tuple(grondslag), meldplicht=moet, meldrecht=mag,
                       redenen=uniek(*grondslag, *overig), volgende_stappen=tuple(stappen), termijn=termijn,
                       ontbrekende_feiten=tuple(ontbrekend), erkend=tuple(erkend))

    def uren_gegeven(self) -> tuple[str, ...]:
        """The fact the hours were given as: per day, or as a total."""
        return ("afwezigheden",) if self.feiten.afwezigheden else ("totaal_uren",)

    def _art21(self) -> bool:
        """Before 2024 a primary or special school reported to the municipality under art. 21."""
        return self.voor_2024 and self.feiten.schooltype in (Schooltype.PO, Schooltype.SO)

    def route(self, uren: int | str) -> tuple[Reden, list[Reden], tuple[str, ...]]:
        """The reason the school must report, where it goes, and a missing school type when that decides."""
        p, soort = self.p, self.feiten.schooltype
        waarden: dict[str, Parameterwaarde] = {"uren": uren, "lesweken": self.lesweken, "drempel": self.drempel}
        if self._art21():
            return p.reden("meldplicht_16_uur_art21", **waarden), [p.stap("meldplicht_kanaal_gemeente", None)], ()
        if self.voor_2024 and soort in (None, Schooltype.GEEN):
            return p.reden("meldplicht_schooltype_nodig"), [], ("schooltype",)
        sleutel = "meldplicht_16_uur_instelling" if soort is Schooltype.MBO else "meldplicht_16_uur"
        return p.reden(sleutel, **waarden), [p.stap("meldplicht_register", None), p.stap("meldplicht_kanaal", None)], ()

    def termijn(self, drempeldag: dt.date | None) -> tuple[list[Reden], dt.date | None]:
        """When the report is expected: 5 working days after the threshold day (the Inspectie's reading), or
        after the last day of the period when the threshold day itself is not known."""
        p, werkdagen = self.p, self.p.getal("melding_termijn_werkdagen")
        dag = drempeldag or self.feiten.tot_en_met
        if dag is None:  # no dates: the time limit in general, so the school knows it before it asks
            return ([] if self._art21() else [p.reden("meldplicht_termijn_algemeen", werkdagen=werkdagen)]), None
        uiterlijk = werkdagen_na(dag, werkdagen)
        waarden: dict[str, Parameterwaarde] = {"werkdagen": werkdagen, "uiterlijk": uiterlijk.isoformat()}
        if self._art21():
            redenen = [p.reden("meldplicht_termijn_onverwijld", laatste_dag=dag.isoformat(), **waarden)]
        elif drempeldag is not None:
            redenen = [p.reden("meldplicht_termijn", drempeldag=drempeldag.isoformat(), **waarden)]
        else:
            redenen = [p.reden("meldplicht_termijn_uiterlijk", laatste_dag=dag.isoformat(), **waarden)]
        if uiterlijk < p.peildatum:
            redenen.append(p.reden("meldplicht_te_laat", uiterlijk=uiterlijk.isoformat()))
        return redenen, uiterlijk

    def per_dag(self) -> tuple[tuple[Afwezigheid, ...], Schoolkalender | None]:
        """The absences per school day: as given, each checked to be a school day (an absence on a Saturday or
        in a holiday is no verzuim), or a continuous absence spread over the school days of its period; with the
        calendar they are counted on."""
        feiten = self.feiten
        if feiten.afwezigheden:
            kalender = self.p.kalender({f"afwezigheden.{i}.datum": a.datum for i, a in enumerate(feiten.afwezigheden)})
            for i, afwezigheid in enumerate(feiten.afwezigheden):
                if not kalender.is_schooldag(afwezigheid.datum, self.regio, self.rooster):
                    raise OngeldigeFeiten(f"afwezigheden.{i}.datum", f"{afwezigheid.datum.isoformat()} is not a school "
                                          f"day in holiday region {self.regio.value} (a weekend, a public holiday or "
                                          "a school holiday)")
            return feiten.afwezigheden, kalender
        doorlopend = feiten.aaneengesloten_weken_afwezig is not None
        if doorlopend and feiten.van and feiten.tot_en_met and feiten.totaal_uren is not None:
            kalender = self.p.kalender({"van": feiten.van, "tot_en_met": feiten.tot_en_met})
            return _gespreid(feiten.van, feiten.tot_en_met, feiten.totaal_uren, kalender, self.regio,
                             self.rooster), kalender
        return (), None

    def uren(self) -> tuple[float | None, dt.date | None, list[Reden]]:
        """Hours within the window of lesweken, the day the threshold was reached (when the dates tell),
        and a note when a total over more weeks was spread evenly."""
        feiten, p = self.feiten, self.p
        afwezigheden, kalender = self.per_dag()
        if afwezigheden and kalender is not None:
            dag, uren = _drempeldag(afwezigheden, kalender, self.regio, self.drempel, self.lesweken, self.rooster)
            return uren, dag, []
        if feiten.totaal_uren is None:
            return None, None, []
        if feiten.over_weken is None and feiten.totaal_uren > self.lesweken * MAX_UREN_PER_WEEK:
            # Without a number of weeks the total is read as within the window, which holds no more than this.
            raise OngeldigeFeiten("totaal_uren", f"more hours than {self.lesweken} school weeks have; give over_weken")
        weken = feiten.over_weken or self.lesweken
        if weken <= self.lesweken:
            return feiten.totaal_uren, None, []
        uren = feiten.totaal_uren * self.lesweken / weken
        if uren < self.drempel <= feiten.totaal_uren:
            # Evenly spread it stays below the line, but the hours may have fallen within fewer lesweken:
            # unknown, so asked, never a "need not report" on an assumed spread.
            return None, None, [p.reden("meldplicht_spreiding_onbekend", uren=_getal(feiten.totaal_uren),
                                        weken=_getal(weken), **self._grens())]
        return uren, None, [p.reden("meldplicht_gelijk_verdeeld", weken=_getal(weken), per_periode=_getal(uren),
                                    lesweken=self.lesweken)]

    def _grens(self) -> dict[str, Parameterwaarde]:
        return {"lesweken": self.lesweken, "drempel": self.drempel}

    def volwassen(self, leeftijd: int, uren: float | None) -> Besluit:
        """18 or older: no 16-hour duty according to DUO, but the RMC duty after four weeks away."""
        feiten, p = self.feiten, self.p
        rmc_leeftijd, rmc_weken = p.getal("rmc_tot_leeftijd"), p.getal("rmc_weken")
        achttien = p.reden("meldplicht_18_plus", leeftijd=p.getal("meldplicht_max_leeftijd"))
        rmc = p.reden("meldplicht_rmc_mbo" if feiten.schooltype is Schooltype.MBO else "meldplicht_rmc",
                      leeftijd=rmc_leeftijd, weken=rmc_weken)
        if leeftijd >= rmc_leeftijd or feiten.startkwalificatie:
            return self.besluit(False, True, [achttien], rmc,
                                erkend=("leeftijd",) if leeftijd >= rmc_leeftijd else ("leeftijd", "startkwalificatie"))
        weken = feiten.aaneengesloten_weken_afwezig
        if weken is not None and weken >= rmc_weken:
            stappen = [p.stap("meldplicht_register", None), p.stap("meldplicht_kanaal", None)]
            if feiten.startkwalificatie is False:
                return self.besluit(True, True, [rmc], stappen=stappen)
            return self.besluit(None, True, [rmc], p.reden("meldplicht_startkwalificatie_vraag"), achttien,
                                stappen=stappen, ontbrekend=("startkwalificatie",))
        if uren is None and weken is None:
            return self.besluit(None, True, [achttien, rmc], ontbrekend=("afwezigheden",))
        # Fewer weeks away than the RMC duty needs, or absent for some hours only: no duty yet.
        erkend = ("aaneengesloten_weken_afwezig",) if weken is not None else self.uren_gegeven()
        return self.besluit(False, True, [achttien], rmc, erkend=("leeftijd", *erkend))

    def beslis(self) -> Besluit:
        feiten, p = self.feiten, self.p
        waarden: dict[str, Parameterwaarde] = {"lesweken": self.lesweken, "drempel": self.drempel}
        if feiten.melding_over == "verwijdering":
            return self.besluit(True, True, [p.reden("meldplicht_verwijdering")])
        if feiten.melding_over == "in_uitschrijving":
            # Art. 18 lost the seven-day duty on 2023-08-01; enrolment data now go through the register.
            oud = p.waarde("in_uitschrijving_melden") is True
            return self.besluit(oud, True, [p.reden("meldplicht_in_uitschrijving")],
                                *([] if oud else [p.reden("meldplicht_verwijdering")]), erkend=("melding_over",))
        if feiten.alleen_geoorloofd:
            # Authorised absence is never a must; with doubt about it the school may report it as overig verzuim.
            return self.besluit(False, feiten.twijfel, [p.reden("meldplicht_geen_verzuim")],
                                erkend=("alleen_geoorloofd",))
        uren, drempeldag, gespreid = self.uren()
        if feiten.leeftijd is not None and feiten.leeftijd < p.getal("leerplicht_startleeftijd"):
            # Art. 3 lid 1: before the month after the fifth birthday there is no leerplicht, so nothing to report.
            return self.besluit(False, None, [p.reden("meldplicht_niet_leerplichtig", leeftijd=feiten.leeftijd)],
                                erkend=("leeftijd",))
        if feiten.leeftijd is not None and feiten.leeftijd >= p.getal("meldplicht_max_leeftijd"):
            return self.volwassen(feiten.leeftijd, uren)
        if feiten.luxe_verzuim:
            luxe = p.reden("meldplicht_luxe", drempel=self.drempel)
            wet, stappen, ontbrekend = self.route(_getal(uren)) if uren is not None and uren >= self.drempel \
                else (None, [p.stap("meldplicht_kanaal", None)], ())
            termijn_redenen, termijn = self.termijn(drempeldag)
            # The law's own threshold is shown beside DUO's rule, so the difference is clear.
            wettelijk = wet or p.reden("meldplicht_algemeen", **waarden)
            return self.besluit(True, True, [luxe, *([wet] if wet else [])], wettelijk, *termijn_redenen,
                                stappen=stappen, termijn=termijn, ontbrekend=ontbrekend)
        weken = feiten.aaneengesloten_weken_afwezig
        if weken is not None and weken >= 1 and uren is None:
            # A whole school week away is more lesson time than the threshold, so the 16 hours are reached.
            _, stappen, ontbrekend = self.route(self.drempel)
            grond = [p.reden("meldplicht_hele_weken", **waarden)]
            if weken > p.getal("langdurig_verzuim_weken"):
                grond.append(p.reden("meldplicht_langdurig", weken=p.getal("langdurig_verzuim_weken")))
            termijn_redenen, termijn = self.termijn(None)
            return self.besluit(True, True, grond, *termijn_redenen, stappen=[*stappen, self._nieuwe_periode()],
                                termijn=termijn, ontbrekend=ontbrekend)
        if uren is None and feiten.onder_drempel:
            return self.besluit(False, True, [p.reden("meldplicht_overig", **waarden)], erkend=("onder_drempel",))
        if uren is None:
            # "When must we report?", or hours whose spread decides: the general rule, and the hours within the
            # window are asked; unknown is not "no".
            return self.besluit(None, True, [*gespreid, p.reden("meldplicht_algemeen", **waarden)],
                                ontbrekend=("afwezigheden",))
        if uren < self.drempel:
            signaal = p.beleid("meld_signaalverzuim", feiten.woongemeente)
            regionaal = [p.beleid_reden("meldplicht_signaalverzuim_regio", signaal)] \
                if signaal.waarde is True and signaal.profiel is not None else []
            return self.besluit(False, True, [p.reden("meldplicht_onder_drempel", uren=_getal(uren), **waarden)],
                                *gespreid, *regionaal, erkend=self.uren_gegeven())
        wet, stappen, ontbrekend = self.route(_getal(uren))
        termijn_redenen, termijn = self.termijn(drempeldag)
        langdurig = [p.reden("meldplicht_langdurig", weken=p.getal("langdurig_verzuim_weken"))] \
            if weken is not None and weken > p.getal("langdurig_verzuim_weken") else []
        # The duty to deliver to the register (WRO art. 12 lid 3) is part of what decided, beside art. 21a.
        register = [s for s in stappen if s.uitleg == "meldplicht_register"]
        return self.besluit(True, True, [wet, *register], *gespreid, *langdurig, *termijn_redenen,
                            stappen=[*stappen, self._nieuwe_periode()], termijn=termijn,
                            ontbrekend=(*ontbrekend, *(() if feiten.leeftijd is not None else ("leeftijd",))))

    def _nieuwe_periode(self) -> Reden:
        return self.p.stap("meldplicht_nieuwe_periode", None, lesweken=self.lesweken, drempel=self.drempel)


def beoordeel_meldplicht(
    feiten: MeldplichtFeiten, rules: RuleSet, peildatum: dt.date, rooster: Rooster | None = None
) -> Besluit:
    """Whether the school must or may report, why, where to and by when."""
    return _Melding(feiten, Peil(rules, peildatum), rooster).beslis()


def _getal(waarde: float) -> int | str:
    """Whole numbers without decimals; halves as '15,5' (Dutch notation)."""
    if math.isclose(waarde, round(waarde)):
        return round(waarde)
    return f"{waarde:.1f}".replace(".", ",")
