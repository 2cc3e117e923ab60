"""`leerbot content-check`: which content files were not checked against their sources for over a year,
and which values rest on unverified sources. A report for the content editor, never a CI failure."""

from __future__ import annotations

import datetime as dt

from content.loader import load_rule_set
from content.schema import Bron


def report(today: dt.date, max_age_days: int = 365) -> str:
    rules = load_rule_set()
    regels = [f"content-check op {today.isoformat()} (ouder dan {max_age_days} dagen telt als verouderd)"]
    oud = {naam: datum for naam, datum in rules.laatst_gecontroleerd.items()
           if (today - datum).days > max_age_days}
    regels.append(f"bestanden: {len(rules.laatst_gecontroleerd)}, verouderd: {len(oud)}")
    regels += [f"  VEROUDERD {naam}: laatst gecontroleerd {datum.isoformat()}" for naam, datum in sorted(oud.items())]
    ongeverifieerd: dict[str, Bron] = {}
    for sleutel in rules.parameter_sleutels():
        bron = rules.parameter(sleutel).bron
        if not bron.geverifieerd:
            ongeverifieerd[f"parameter {sleutel}"] = bron
    for sleutel in rules.uitleg_sleutels():
        bron = rules.uitleg(sleutel).bron
        if not bron.geverifieerd:
            ongeverifieerd[f"uitleg {sleutel}"] = bron
    regels.append(f"niet geverifieerde bronnen: {len(ongeverifieerd)}")
    regels += [f"  {naam}: {bron.titel}" for naam, bron in sorted(ongeverifieerd.items())]
    return "\n".join(regels)
