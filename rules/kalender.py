"""The school calendar: holidays, lesweken and school days per holiday region, and working days.

The holiday region follows the school's location; a school's own rooster, when known, replaces the
regional dates. Public holidays come from the maintained `holidays` package, not from typed lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import holidays
from pydantic import BaseModel, ConfigDict, model_validator

from content.kalender_schema import KalenderBestand, Vakantie, VakantieNaam
from content.regio_schema import Vakantieregio
from rules.errors import GeenKalender, OngeldigeFeiten
from rules.feittypen import Datum

# Good Friday is in the package's list but is no general day off for schools or for counting
# working days (the Algemene termijnenwet does not name it; unverified here).
_GEEN_VRIJE_DAG = frozenset({"Good Friday"})


@lru_cache(maxsize=16)
def _feestdagen(jaar: int) -> frozenset[dt.date]:
    # English names pinned, so the comparison below does not depend on the package's default language.
    feestdagen = holidays.country_holidays("NL", years=jaar, language="en_US")
    return frozenset(datum for datum, naam in feestdagen.items() if naam not in _GEEN_VRIJE_DAG)


def is_feestdag(datum: dt.date) -> bool:
    return datum in _feestdagen(datum.year)


def is_werkdag(datum: dt.date) -> bool:
    return datum.isoweekday() <= 5 and not is_feestdag(datum)


def werkdagen_na(datum: dt.date, aantal: int) -> dt.date:
    """The date `aantal` working days after `datum` (weekends and public holidays skipped)."""
    dag = datum
    while aantal > 0:
        dag += dt.timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag


def schooljaar_van(datum: dt.date) -> str:
    """'2025-2026' for any date from 1 August 2025 up to and including 31 July 2026."""
    begin = datum.year if datum.month >= 8 else datum.year - 1
    return f"{begin}-{begin + 1}"


def maandag_van(datum: dt.date) -> dt.date:
    return datum - dt.timedelta(days=datum.weekday())


@dataclass(frozen=True)
class Rooster:
    """A school's own holidays and first school day, which replace the regional dates when known."""

    vakanties: tuple[tuple[dt.date, dt.date], ...]
    eerste_schooldag: dt.date | None = None


# A school's own rooster, as facts give it, has a handful of holidays per school year.
MAX_EIGEN_VAKANTIES = 30


class Periode(BaseModel):
    """A holiday of the school's own rooster, as facts give it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    van: Datum
    tot_en_met: Datum

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.tot_en_met < self.van:
            raise ValueError("schoolvakanties: a holiday ends before it starts")
        return self


def rooster_uit(vakanties: tuple[Periode, ...], eerste_schooldag: dt.date | None) -> Rooster | None:
    """The school's own rooster from facts, or None when the facts give none."""
    if not vakanties and eerste_schooldag is None:
        return None
    return Rooster(tuple((p.van, p.tot_en_met) for p in vakanties), eerste_schooldag)


class Schoolkalender:
    """Questions about school days, answered from the loaded holiday data of each school year."""

    def __init__(self, jaren: Iterable[KalenderBestand]) -> None:
        self._jaren = {jaar.schooljaar: jaar for jaar in jaren}

    @property
    def schooljaren(self) -> tuple[str, ...]:
        return tuple(sorted(self._jaren))

    @property
    def dekking(self) -> str:
        """Which school years the loaded holiday data covers, for an error that says so."""
        jaren = self.schooljaren
        if not jaren:
            return "no school calendar is loaded"
        opeenvolgend = [int(j[:4]) for j in jaren] == list(range(int(jaren[0][:4]), int(jaren[-1][:4]) + 1))
        return f"covered: school years {jaren[0]} to {jaren[-1]}" if opeenvolgend else \
            f"covered: school years {', '.join(jaren)}"

    def jaar(self, schooljaar: str) -> KalenderBestand:
        try:
            return self._jaren[schooljaar]
        except KeyError:
            raise GeenKalender("schooljaar", f"no calendar for school year {schooljaar} ({self.dekking})") from None

    def dekt(self, datum: dt.date, veld: str) -> None:
        """GeenKalender on `veld` when no holiday data is loaded for the school year of `datum`."""
        schooljaar = schooljaar_van(datum)
        if schooljaar not in self._jaren:
            raise GeenKalender(veld, f"{datum.isoformat()} lies in school year {schooljaar}, for which no holiday "
                                     f"data is loaded ({self.dekking})")

    def vakanties(self, schooljaar: str, regio: Vakantieregio) -> tuple[Vakantie, ...]:
        return tuple(v for v in self.jaar(schooljaar).vakanties if v.geldt_voor(regio))

    def vakantie_op(
        self, datum: dt.date, regio: Vakantieregio, rooster: Rooster | None = None
    ) -> tuple[dt.date, dt.date] | None:
        """The holiday (first and last day) that contains `datum`, if any."""
        for van, tot in self._vakantie_periodes(schooljaar_van(datum), regio, rooster):
            if van <= datum <= tot:
                return van, tot
        return None

    def eerste_schooldag(self, schooljaar: str, regio: Vakantieregio, rooster: Rooster | None = None) -> dt.date:
        """The school's own first school day when the facts give one, which belongs to one school year: asked
        for another year it is refused, not taken for that year (a year of no school days, or none at all)."""
        if rooster is not None and rooster.eerste_schooldag is not None:
            eigen = rooster.eerste_schooldag
            if schooljaar_van(eigen) != schooljaar:
                raise OngeldigeFeiten("eerste_schooldag", f"{eigen.isoformat()} lies in school year "
                                      f"{schooljaar_van(eigen)}, the dates counted on in {schooljaar}")
            return eigen
        return self.jaar(schooljaar).eerste_schooldag[regio]

    def laatste_schooldag(self, schooljaar: str, regio: Vakantieregio, rooster: Rooster | None = None) -> dt.date:
        """The day before the zomervakantie that ends the school year."""
        zomer = next(v for v in self.vakanties(schooljaar, regio) if v.naam is VakantieNaam.ZOMER)
        return zomer.van - dt.timedelta(days=1)

    def is_schooldag(self, datum: dt.date, regio: Vakantieregio, rooster: Rooster | None = None) -> bool:
        if not is_werkdag(datum):
            return False
        schooljaar = schooljaar_van(datum)
        if datum < self.eerste_schooldag(schooljaar, regio, rooster):
            return False
        return datum <= self.laatste_schooldag(schooljaar, regio, rooster) and (
            self.vakantie_op(datum, regio, rooster) is None
        )

    def schooldagen(
        self, van: dt.date, tot_en_met: dt.date, regio: Vakantieregio, rooster: Rooster | None = None
    ) -> int:
        """How many school days lie in the range, both ends included."""
        if tot_en_met < van:
            raise OngeldigeFeiten("tot_en_met", "the end date lies before the start date")
        dagen = (tot_en_met - van).days + 1
        return sum(
            self.is_schooldag(van + dt.timedelta(days=i), regio, rooster) for i in range(dagen)
        )

    def lesweken(self, schooljaar: str, regio: Vakantieregio, rooster: Rooster | None = None) -> tuple[dt.date, ...]:
        """The Mondays of the weeks with at least one school day: holiday weeks are no lesweken."""
        dag = maandag_van(self.eerste_schooldag(schooljaar, regio, rooster))
        einde = self.laatste_schooldag(schooljaar, regio, rooster)
        weken: list[dt.date] = []
        while dag <= einde:
            if any(self.is_schooldag(dag + dt.timedelta(days=i), regio, rooster) for i in range(5)):
                weken.append(dag)
            dag += dt.timedelta(days=7)
        return tuple(weken)

    def eerste_lesweken(
        self, schooljaar: str, regio: Vakantieregio, aantal: int = 2, rooster: Rooster | None = None
    ) -> tuple[dt.date, dt.date]:
        """First and last day (Monday to Sunday) of the first `aantal` lesweken of the school year."""
        weken = self.lesweken(schooljaar, regio, rooster)[:aantal]
        if not weken:  # only a school's own rooster can leave a school year without a school day
            veld = "schoolvakanties" if rooster is not None and rooster.vakanties else "eerste_schooldag"
            raise OngeldigeFeiten(veld, f"the school's own rooster leaves no school day in school year {schooljaar}")
        return weken[0], weken[-1] + dt.timedelta(days=6)

    def raakt_eerste_lesweken(
        self, van: dt.date, tot_en_met: dt.date, regio: Vakantieregio, aantal: int = 2,
        rooster: Rooster | None = None,
    ) -> bool:
        """Whether a range overlaps the first `aantal` lesweken of the school year it starts in."""
        begin, einde = self.eerste_lesweken(schooljaar_van(van), regio, aantal, rooster)
        return van <= einde and tot_en_met >= begin

    def _vakantie_periodes(
        self, schooljaar: str, regio: Vakantieregio, rooster: Rooster | None
    ) -> Sequence[tuple[dt.date, dt.date]]:
        if rooster is not None and rooster.vakanties:
            return rooster.vakanties
        return [(v.van, v.tot_en_met) for v in self.vakanties(schooljaar, regio)]
