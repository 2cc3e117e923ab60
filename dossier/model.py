"""The facts of one conversation, kept across turns and changed only when the user changes them.

Facts belong to a case: a 13a holiday and an art. 14 family event in one conversation are two cases, each with
its own days. Facts about the pupil (age, date of birth, home municipality, school type) are shared by all cases.
Every fact says where it came from: said by the user (in which turn), asked and answered, or derived from what
the user said (school days counted from a period). A fact not given is missing; nothing here holds a default.
The dossier travels as JSON: stored in the app database by the front end's pipeline, sent to the assistant with
every message, and returned with every answer that changed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Herkomst = Literal["gezegd", "bevestigd", "afgeleid"]
# Facts about the pupil rather than one request: every case of the conversation shares them.
GEDEELD = frozenset({"leeftijd", "geboortedatum", "geboortemaand", "woongemeente", "schooltype", "startkwalificatie",
                     "diploma"})
# Topics that are one case: the meldplicht question and a melding, the start and end of leerplicht.
_GROEP = {"melding_doen": "meldplicht_vraag", "kwalificatieplicht": "leerplicht_leeftijd"}
# A new value of one of these facts is a new case of the same topic (a second family event).
_NIEUWE_ZAAK_BIJ = {"verlof_gewichtige_omstandigheden": "omstandigheid"}


# In a dict of facts read from a message: the user's own words for a value computed from them ("een week" for 5
# school days), so an answer shows what the user said rather than a number they did not say.
ZOALS_GEZEGD = "zoals_gezegd"


class Feit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    waarde: Any
    herkomst: Herkomst
    beurt: int = Field(ge=0)
    zoals_gezegd: str | None = None


class Zaak(BaseModel):
    """One request or question: its topic and its facts."""

    model_config = ConfigDict(extra="forbid")

    nummer: int = Field(ge=1)
    onderwerp: str
    feiten: dict[str, Feit] = Field(default_factory=dict)
    # The blocks of text shown for this case so far, so a later answer does not repeat them unasked.
    getoond: list[str] = Field(default_factory=list)


class Dossier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Raised by every answer that changes the dossier: within one turn several actions may change it, and the
    # newest one wins over the copy the front end sent with the message.
    versie: int = 0
    zaken: list[Zaak] = Field(default_factory=list)
    gedeeld: dict[str, Feit] = Field(default_factory=dict)
    actief: int | None = None
    # The fact the last answer asked for, so a bare "ja" or "nee" answers it.
    gevraagd: str | None = None

    @classmethod
    def uit(cls, data: Any) -> Dossier:
        """The dossier from its JSON form; anything unreadable starts a new one."""
        if isinstance(data, Mapping):
            try:
                return cls.model_validate(data)
            except ValueError:
                pass
        return cls()

    def als_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def zaak(self, nummer: int | None) -> Zaak | None:
        return next((z for z in self.zaken if z.nummer == nummer), None)

    @property
    def actieve_zaak(self) -> Zaak | None:
        return self.zaak(self.actief)

    def zaak_voor(self, onderwerp: str, nieuwe_feiten: Mapping[str, Any] | None = None) -> Zaak:
        """The case of this topic (the latest one), made active; a new case when there is none, or when a fact
        that tells two requests of the topic apart has a new value ("a funeral" after "a wedding")."""
        groep = _GROEP.get(onderwerp, onderwerp)
        bestaand = next((z for z in reversed(self.zaken) if _GROEP.get(z.onderwerp, z.onderwerp) == groep), None)
        sleutel = _NIEUWE_ZAAK_BIJ.get(groep)
        if bestaand is not None and sleutel and nieuwe_feiten and sleutel in nieuwe_feiten \
                and sleutel in bestaand.feiten and bestaand.feiten[sleutel].waarde != nieuwe_feiten[sleutel]:
            bestaand = None
        if bestaand is None:
            bestaand = Zaak(nummer=max((z.nummer for z in self.zaken), default=0) + 1, onderwerp=onderwerp)
            self.zaken.append(bestaand)
        bestaand.onderwerp = onderwerp
        self.actief = bestaand.nummer
        return bestaand

    def neem_op(self, zaak: Zaak, feiten: Mapping[str, Any], herkomst: Herkomst, beurt: int) -> None:
        """Record facts: a new value replaces the old one (the user changed it), with the user's words for it
        when it was computed from them; shared facts go to the pupil."""
        woorden: Mapping[str, str] = feiten.get(ZOALS_GEZEGD) or {}
        for naam, waarde in feiten.items():
            if waarde is None or naam == ZOALS_GEZEGD:
                continue
            if isinstance(waarde, dt.date):
                waarde = waarde.isoformat()
            doel = self.gedeeld if naam in GEDEELD else zaak.feiten
            doel[naam] = Feit(waarde=waarde, herkomst=herkomst, beurt=beurt, zoals_gezegd=woorden.get(naam))

    def woorden(self, zaak: Zaak) -> dict[str, str]:
        """The user's own words for facts computed from them, by fact name."""
        return {n: f.zoals_gezegd for n, f in {**self.gedeeld, **zaak.feiten}.items() if f.zoals_gezegd}

    def vergeet(self, zaak: Zaak, namen: tuple[str, ...]) -> None:
        """Drop facts that turned out not to hold (a period in the past, contradicting days)."""
        for naam in namen:
            zaak.feiten.pop(naam, None)

    def feiten(self, zaak: Zaak) -> dict[str, Any]:
        """The values of the case's facts and the pupil's, as the rules take them."""
        return {**{n: f.waarde for n, f in self.gedeeld.items()}, **{n: f.waarde for n, f in zaak.feiten.items()}}
