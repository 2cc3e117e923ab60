"""Which kind of verzuim a melding is, from its facts and the meldplicht rule, and by when it is due.

Luxe verzuim (a holiday without leave) and more than 4 weeks of continuous absence (langdurig relatief
verzuim) are their own kinds, which DUO expects to be reported; otherwise 16 hours or more within 4
lesweken for a pupil under 18 is wettelijk verzuim (the school must report) and less is overig verzuim
(the school may report).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from content.schema import RuleSet
from meldingen.velden import leeftijd_op, weken_in
from rules.besluit import Besluit
from rules.errors import RegelFout
from rules.kalender import werkdagen_na
from rules.meldplicht import MeldplichtFeiten, beoordeel_meldplicht

LUXE = re.compile(r"vakantie|holiday|op reis|eerder weg|later terug|luxe", re.I)


@dataclass(frozen=True)
class Categorie:
    soort: str  # wettelijk | langdurig | luxe | overig
    besluit: Besluit
    termijn: dt.date | None  # the latest day to report, when the law or DUO asks for it
    verstreken: bool


def bepaal(bekend: Mapping[str, Any], rules: RuleSet, peildatum: dt.date) -> Categorie | None:
    """The kind of verzuim once the hours and the period (or a number of weeks) are known; None before."""
    if "uren" not in bekend or ("eerste_dag" not in bekend and not bekend.get("_weken")):
        return None
    tot: dt.date | None = None
    if "eerste_dag" in bekend:
        van, tot = dt.date.fromisoformat(bekend["eerste_dag"]), dt.date.fromisoformat(bekend["laatste_dag"])
        weken = float(weken_in(van, tot))
    else:  # "22 uur in 3 weken" before the period is given: a first answer, without a deadline yet
        weken = float(bekend["_weken"])
    luxe = bool(LUXE.search(str(bekend.get("reden") or "")))
    aaneengesloten = bool(bekend.get("aaneengesloten"))
    leeftijd = leeftijd_op(dt.date.fromisoformat(bekend["geboortedatum"]), peildatum) \
        if bekend.get("geboortedatum") else None
    try:
        feiten = MeldplichtFeiten(
            totaal_uren=float(bekend["uren"]), over_weken=weken, leeftijd=leeftijd, luxe_verzuim=luxe,
            aaneengesloten_weken_afwezig=weken if aaneengesloten else None, woongemeente=bekend.get("woonplaats"),
        )
        besluit = beoordeel_meldplicht(feiten, rules, peildatum)
    except (ValueError, RegelFout):  # facts that do not fit together yet (more hours than the weeks hold)
        return None
    lrv_weken = rules.getal("langdurig_verzuim_weken", peildatum)
    if luxe:
        soort = "luxe"
    elif aaneengesloten and weken > lrv_weken:
        soort = "langdurig"
    elif besluit.meldplicht:
        soort = "wettelijk"
    else:
        soort = "overig"
    termijn = None
    if soort != "overig" and tot is not None:
        # The hours are a total, so the day the threshold was reached is at the latest the last day.
        termijn = werkdagen_na(tot, rules.getal("melding_termijn_werkdagen", peildatum))
    return Categorie(soort, besluit, termijn, termijn is not None and termijn < peildatum)
