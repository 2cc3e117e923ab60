"""The meldplicht of schools (art. 21/21a): must, may or need not report, and by when.

Unauthorised absence of 16 hours or more (16 itself counts) within 4 consecutive lesweken must be
reported for a pupil under 18; holiday weeks are no lesweken. Below that it is overig verzuim, which a
school may report. Luxe verzuim and long continuous absence are required by DUO's instructions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.regio_schema import Vakantieregio
from content.schema import RuleSet
from rules.besluit import Besluit, Reden, reden, stap
from rules.errors import OngeldigeFeiten
from rules.kalender import Periode, Rooster, Schoolkalender, maandag_van, rooster_uit, werkdagen_na
from rules.regio import beleidswaarde

ONDERWERP = "meldplicht_vraag"
RECHTSGROND = "art. 21/21a Leerplichtwet 1969"
MAX_UREN_PER_DAG = 10.0
MAX_UREN_PER_WEEK = 40.0


class Afwezigheid(BaseModel):
    """Unauthorised absence on one day, in hours of lesson or practical time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    datum: dt.date
    uren: float = Field(gt=0, le=MAX_UREN_PER_DAG)


class MeldplichtFeiten(BaseModel):
    """What the school tells: the absences (per day, or a total over a number of weeks) and the pupil."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    afwezigheden: tuple[Afwezigheid, ...] = ()
    totaal_uren: float | None = Field(default=None, ge=0)
    over_weken: float | None = Field(default=None, gt=0, le=52)
    leeftijd: int | None = Field(default=None, ge=4, le=30)
    luxe_verzuim: bool = False
    aaneengesloten_weken_afwezig: float | None = Field(default=None, ge=0, le=104)
    alleen_geoorloofd: bool = False
    regio: Vakantieregio | None = None
    woongemeente: str | None = None
    schoolvakanties: tuple[Periode, ...] = ()  # the school's own rooster replaces the regional dates
    eerste_schooldag: dt.date | None = None

    @model_validator(mode="after")
    def _plausible(self) -> MeldplichtFeiten:
        uren, weken = self.totaal_uren, self.over_weken
        if uren is not None and weken is not None and uren / weken > MAX_UREN_PER_WEEK:
            raise ValueError("totaal_uren: more hours per week than a school week has")
        if self.afwezigheden and self.totaal_uren is not None:
            raise ValueError("afwezigheden: give either the absences per day or a total, not both")
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


def beoordeel_meldplicht(
    feiten: MeldplichtFeiten, rules: RuleSet, peildatum: dt.date, rooster: Rooster | None = None
) -> Besluit:
    """Whether the school must or may report, why, through which channel and by when."""
    drempel = rules.getal("meldplicht_drempel_uren", peildatum)
    lesweken = rules.getal("meldplicht_periode_lesweken", peildatum)
    werkdagen = rules.getal("melding_termijn_werkdagen", peildatum)
    lrv_weken = rules.getal("langdurig_verzuim_weken", peildatum)
    volwassen = rules.getal("meldplicht_max_leeftijd", peildatum)
    kanaal = stap(rules, "meldplicht_kanaal", None)

    def besluit(moet: bool, mag: bool, *redenen: Reden, stappen: tuple[Reden, ...] = (),
                termijn: dt.date | None = None, ontbrekend: tuple[str, ...] = ()) -> Besluit:
        return Besluit(onderwerp=ONDERWERP, rechtsgrond=RECHTSGROND, meldplicht=moet, meldrecht=mag,
                       redenen=redenen, volgende_stappen=stappen, termijn=termijn, ontbrekende_feiten=ontbrekend)

    if feiten.alleen_geoorloofd:
        return besluit(False, False, reden(rules, "meldplicht_geen_verzuim"))
    if feiten.luxe_verzuim:
        return besluit(True, True, reden(rules, "meldplicht_luxe", drempel=drempel), stappen=(kanaal,))
    if feiten.aaneengesloten_weken_afwezig is not None and feiten.aaneengesloten_weken_afwezig > lrv_weken:
        return besluit(True, True, reden(rules, "meldplicht_langdurig", weken=lrv_weken), stappen=(kanaal,))
    hele_weken = feiten.aaneengesloten_weken_afwezig
    if hele_weken is not None and hele_weken >= 1 and feiten.totaal_uren is None and not feiten.afwezigheden:
        # A whole school week away is more lesson time than the threshold, so the 16 hours are reached.
        if feiten.leeftijd is not None and feiten.leeftijd >= volwassen:
            return besluit(False, True, reden(rules, "meldplicht_18_plus"), stappen=(kanaal,))
        return besluit(True, True, reden(rules, "meldplicht_hele_weken", drempel=drempel, lesweken=lesweken),
                       stappen=(kanaal, stap(rules, "meldplicht_nieuwe_periode", None, lesweken=lesweken,
                                             drempel=drempel)))

    redenen: list[Reden] = []
    drempeldag: dt.date | None = None
    if feiten.afwezigheden:
        regio = feiten.regio or Vakantieregio.MIDDEN
        eigen = rooster or rooster_uit(feiten.schoolvakanties, feiten.eerste_schooldag)
        drempeldag, uren = _drempeldag(
            feiten.afwezigheden, Schoolkalender(rules.kalenders), regio, drempel, lesweken, eigen
        )
    elif feiten.totaal_uren is not None:
        uren = feiten.totaal_uren
        weken = feiten.over_weken or lesweken
        if weken > lesweken:
            uren = feiten.totaal_uren * lesweken / weken
            redenen.append(reden(rules, "meldplicht_gelijk_verdeeld", weken=_getal(weken),
                                 per_periode=_getal(uren), lesweken=lesweken))
    else:
        return besluit(False, True, reden(rules, "meldplicht_onder_drempel", uren=0, lesweken=lesweken,
                                          drempel=drempel), ontbrekend=("afwezigheden",))

    if uren < drempel:
        redenen.insert(0, reden(rules, "meldplicht_onder_drempel", uren=_getal(uren), lesweken=lesweken,
                                drempel=drempel))
        gevraagd, bron, profiel = beleidswaarde(rules, "meld_signaalverzuim", peildatum, feiten.woongemeente)
        if gevraagd is True and profiel is not None:
            redenen.append(Reden(uitleg="meldplicht_signaalverzuim_regio", bron=bron))
        return besluit(False, True, *redenen)
    if feiten.leeftijd is not None and feiten.leeftijd >= volwassen:
        return besluit(False, True, reden(rules, "meldplicht_18_plus"), *redenen, stappen=(kanaal,))

    redenen.insert(0, reden(rules, "meldplicht_16_uur", uren=_getal(uren), lesweken=lesweken, drempel=drempel))
    stappen = [kanaal, stap(rules, "meldplicht_nieuwe_periode", None, lesweken=lesweken, drempel=drempel)]
    termijn = None
    if drempeldag is not None:
        termijn = werkdagen_na(drempeldag, werkdagen)
        redenen.append(reden(rules, "meldplicht_termijn", werkdagen=werkdagen, drempeldag=drempeldag.isoformat(),
                             uiterlijk=termijn.isoformat()))
        if termijn < peildatum:
            redenen.append(reden(rules, "meldplicht_te_laat", uiterlijk=termijn.isoformat()))
    return besluit(True, True, *redenen, stappen=tuple(stappen), termijn=termijn,
                   ontbrekend=() if feiten.leeftijd is not None else ("leeftijd",))


def _getal(waarde: float) -> int | str:
    """Whole numbers without decimals; halves as '15,5' (Dutch notation)."""
    if math.isclose(waarde, round(waarde)):
        return round(waarde)
    return f"{waarde:.1f}".replace(".", ",")
