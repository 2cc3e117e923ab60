"""Which leerplicht team is responsible: the pupil's home municipality decides, not the school's.

Some teams do only part of the work for a municipality (Alkmaar's team covers the mbo students of the
surrounding towns, not their younger pupils), so the pupil's age or school type picks the task.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum

from content.regio_schema import Gemeente, RegioProfiel, Taak
from content.schema import RuleSet
from invoer.namen import naam_sleutel
from rules.errors import OngeldigeFeiten


class Schooltype(str, Enum):
    PO = "po"
    VO = "vo"
    MBO = "mbo"
    SO = "so"  # (voortgezet) speciaal onderwijs
    GEEN = "geen"  # not enrolled


@dataclass(frozen=True)
class Verantwoordelijk:
    """The team that handles this pupil, and whether it is one of the known regions."""

    profiel: RegioProfiel
    gemeente: Gemeente | None  # None when the national default applies
    taak: Taak

    @property
    def landelijk(self) -> bool:
        return self.profiel.landelijk


def benodigde_taak(leeftijd: int | None, schooltype: Schooltype | None) -> Taak:
    """The task the pupil falls under: leerplicht up to 16, then kwalificatieplicht (mbo), then rmc."""
    if leeftijd is not None and leeftijd < 0:
        raise OngeldigeFeiten("leeftijd", "an age cannot be negative")
    if leeftijd is not None and leeftijd >= 18:
        return Taak.RMC
    if schooltype is Schooltype.MBO:
        return Taak.MBO
    if leeftijd is not None and leeftijd >= 16:
        return Taak.KWALIFICATIEPLICHT
    return Taak.LEERPLICHT


def _voert_uit(gemeente: Gemeente, taak: Taak) -> bool:
    if taak in gemeente.taken:
        return True
    # A team with kwalificatieplicht also covers the mbo students among them.
    return taak is Taak.MBO and Taak.KWALIFICATIEPLICHT in gemeente.taken


def vind_gemeente(rules: RuleSet, naam: str) -> tuple[RegioProfiel, Gemeente] | None:
    """The profile and municipality for a (current or former) municipality name, if a region has it;
    None for another Dutch municipality. A name that is no municipality at all raises, with suggestions."""
    sleutel = naam_sleutel(naam)
    if not sleutel:
        raise OngeldigeFeiten("gemeente", "no municipality name given")
    aliassen = {naam_sleutel(alias): officieel for alias, officieel in rules.gemeente_aliassen.items()}
    sleutel = naam_sleutel(aliassen.get(sleutel, naam))
    for profiel in rules.regios:
        for gemeente in profiel.gemeenten:
            namen = (gemeente.naam, *gemeente.oude_namen)
            if sleutel in {naam_sleutel(n) for n in namen}:
                return profiel, gemeente
    bekend = {naam_sleutel(g): g for g in rules.gemeenten}
    if bekend and sleutel not in bekend:
        suggesties = difflib.get_close_matches(sleutel, list(bekend), n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(bekend[s] for s in suggesties)}?" if suggesties else ""
        raise OngeldigeFeiten("gemeente", f"{naam!r} is not a Dutch municipality{hint}")
    return None


def verantwoordelijk_team(
    rules: RuleSet, woongemeente: str, leeftijd: int | None = None, schooltype: Schooltype | None = None
) -> Verantwoordelijk:
    """The team of the pupil's home municipality for this pupil, or the national default."""
    taak = benodigde_taak(leeftijd, schooltype)
    gevonden = vind_gemeente(rules, woongemeente)
    if gevonden is not None:
        profiel, gemeente = gevonden
        if _voert_uit(gemeente, taak):
            return Verantwoordelijk(profiel, gemeente, taak)
    landelijk = next(p for p in rules.regios if p.landelijk)
    return Verantwoordelijk(landelijk, None, taak)
