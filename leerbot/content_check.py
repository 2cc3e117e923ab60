"""`leerbot content-check`: which content files were not checked against their sources for over a year, which
law citations were read in an older consolidation than the newest one the content names for that law, and
which values rest on unverified sources. A report for the content editor, never a CI failure."""

from __future__ import annotations

import datetime as dt

from content.loader import load_rule_set
from content.schema import Bron, BronSoort, RuleSet


def oudere_consolidaties(rules: RuleSet) -> list[tuple[str, Bron, dt.date]]:
    """Law citations still in use whose text was read in a consolidation older than the newest one the content
    names for the same law: each may need a re-read. Citations of a value or text that ended before that newest
    consolidation describe old law on purpose and are left out."""
    nieuwste: dict[str, dt.date] = {}
    for _, bron, _ in rules.bronnen():
        if bron.soort is BronSoort.WET and bron.bwb_id and bron.versie:
            nieuwste[bron.bwb_id] = max(bron.versie, nieuwste.get(bron.bwb_id, bron.versie))
    oud: list[tuple[str, Bron, dt.date]] = []
    for waar, bron, geldig_tot in rules.bronnen():
        if bron.soort is not BronSoort.WET or not bron.bwb_id or not bron.versie:
            continue
        laatste = nieuwste[bron.bwb_id]
        if bron.versie < laatste and (geldig_tot is None or geldig_tot >= laatste):
            oud.append((waar, bron, laatste))
    return oud


def report(today: dt.date, max_age_days: int = 365) -> str:
    rules = load_rule_set()
    regels = [f"content-check op {today.isoformat()} (ouder dan {max_age_days} dagen telt als verouderd)"]
    oud = {naam: datum for naam, datum in rules.laatst_gecontroleerd.items()
           if (today - datum).days > max_age_days}
    regels.append(f"bestanden: {len(rules.laatst_gecontroleerd)}, verouderd: {len(oud)}")
    regels += [f"  VEROUDERD {naam}: laatst gecontroleerd {datum.isoformat()}" for naam, datum in sorted(oud.items())]
    ouder = oudere_consolidaties(rules)
    regels.append(f"wetsartikelen gelezen in een oudere consolidatie dan de nieuwste in de content: {len(ouder)}")
    regels += [f"  OUDERE VERSIE {waar}: {bron.citeer()} gelezen in {bron.versie}, nieuwste {laatste} ({bron.url})"
               for waar, bron, laatste in sorted(ouder, key=lambda x: x[0])]
    ongeverifieerd = sorted({(waar, bron.citeer()) for waar, bron, _ in rules.bronnen() if not bron.geverifieerd})
    regels.append(f"niet geverifieerde bronnen: {len(ongeverifieerd)}")
    regels += [f"  {waar}: {citaat}" for waar, citaat in ongeverifieerd]
    return "\n".join(regels)
