"""How pressing a hand-off is, from what the user wrote and the facts they gave: danger goes first (and gets the
crisis lines), a departure within days, parents who cannot be reached, worries about the home situation or a
home visit asked for come before ordinary questions. The consulent's summary names the signals found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from content.signalen import Signaal, patronen, signalen

GEVAAR, URGENT, GEWOON = 2, 1, 0  # ticket priorities: the queue shows higher first
# Facts that name the first day a child will be away (dossier/model.py keeps dates as ISO text).
VERTREK_FEITEN = ("eerste_schooldag", "datum")


@dataclass(frozen=True)
class Urgentie:
    prioriteit: int
    signalen: tuple[Signaal, ...]  # in the order of content/data/signalen.yaml

    @property
    def gevaar(self) -> bool:
        return self.prioriteit == GEVAAR


def _vertrek_binnenkort(dossier: Mapping[str, Any], vandaag: dt.date) -> bool:
    grens = vandaag + dt.timedelta(days=signalen().vertrek_binnen_dagen)
    zaken = [z.get("feiten") or {} for z in dossier.get("zaken") or [] if isinstance(z, dict)]
    for feiten in zaken:
        for naam in VERTREK_FEITEN:
            feit = feiten.get(naam)
            waarde = feit.get("waarde") if isinstance(feit, dict) else None
            try:
                datum = dt.date.fromisoformat(str(waarde))
            except ValueError:
                continue
            if vandaag <= datum <= grens:
                return True
    return False


def gevaar_in(tekst: str, rol: str) -> bool:
    """Danger in one message: the crisis lines are shown and a ticket goes first in line at once."""
    return urgentie([tekst], rol, {}, dt.date.min).gevaar


def urgentie(teksten: Iterable[str], rol: str, dossier: Mapping[str, Any], vandaag: dt.date) -> Urgentie:
    """The signals in the user's messages and facts. Weeks at home is danger only from a parent: a school
    reports that as langdurig verzuim."""
    tekst = "\n".join(teksten)
    gevonden: list[Signaal] = [naam for naam, patroon in patronen().items() if patroon.search(tekst)]
    if rol != "ouder" and "lang_thuis" in gevonden:
        gevonden.remove("lang_thuis")
    if "vertrek_binnenkort" not in gevonden and _vertrek_binnenkort(dossier, vandaag):
        gevonden.append("vertrek_binnenkort")
    if {"gevaar", "lang_thuis"} & set(gevonden):
        return Urgentie(GEVAAR, tuple(gevonden))
    return Urgentie(URGENT if gevonden else GEWOON, tuple(gevonden))
