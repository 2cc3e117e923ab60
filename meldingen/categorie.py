"""Which kind of verzuim a melding is, from its facts and the meldplicht rule, and by when it is due.

Luxe verzuim (a holiday without leave) and more than 4 weeks of continuous absence (langdurig relatief
verzuim) are their own kinds, which DUO expects to be reported; otherwise 16 hours or more within 4
lesweken for a pupil under 18 is wettelijk verzuim (the school must report) and less is overig verzuim
(the school may report). The deadline is the rule's: counted from the day the threshold was reached (for a
continuous absence found from the period; otherwise the last day of the period is the latest it can be).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from content.schema import RuleSet
from meldingen.velden import leeftijd_op, weken_in
from rules.besluit import Besluit, Reden
from rules.errors import RegelFout
from rules.feittypen import PEILDATUM
from rules.meldplicht import MeldplichtFeiten, beoordeel_meldplicht

LUXE = re.compile(r"vakantie|holiday|op reis|eerder weg|later terug|luxe", re.I)


@dataclass(frozen=True)
class Categorie:
    soort: str  # wettelijk | langdurig | luxe | overig
    besluit: Besluit
    termijn: dt.date | None  # the latest day to report, when the law or DUO asks for it
    verstreken: bool

    @property
    def termijn_redenen(self) -> tuple[Reden, ...]:
        """The rule's reasons about the deadline (expected term, and the warning when it has passed)."""
        soorten = ("meldplicht_termijn", "meldplicht_te_laat")
        return tuple(r for r in self.besluit.redenen if r.uitleg.startswith(soorten))


def bepaal(bekend: Mapping[str, Any], rules: RuleSet, peildatum: dt.date) -> Categorie | None:
    """The kind of verzuim once the hours and the period (or a number of weeks) are known; None before."""
    if "uren" not in bekend or ("eerste_dag" not in bekend and not bekend.get("_weken")):
        return None
    van = tot = None
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
        # Validated as the registry validates facts: the period is an absence, so not after the peildatum.
        feiten = MeldplichtFeiten.model_validate({
            "totaal_uren": float(bekend["uren"]), "over_weken": weken, "leeftijd": leeftijd, "luxe_verzuim": luxe,
            "aaneengesloten_weken_afwezig": weken if aaneengesloten else None,
            "woongemeente": bekend.get("woonplaats"), "van": van if tot is not None else None, "tot_en_met": tot,
        }, context={PEILDATUM: peildatum})
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
    termijn = besluit.termijn if soort != "overig" else None
    return Categorie(soort, besluit, termijn, termijn is not None and termijn < peildatum)
