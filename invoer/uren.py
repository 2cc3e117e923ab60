"""Hours and weeks as people write them ("12 uur", "14 ongeoorloofde uren", "drie weken", "3 uur per dag"), a total
they worked out themselves ("samen ongeveer 11 uur", "dus 18"), and the one check whether a number of hours
missed is plausible."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Literal

from invoer.getallen import getal_of_woord

# "11 unexcused hours", "14 ongeoorloofde uren": one word that says what kind of hours may stand between.
UUR = r"(?:uur\b|u\b|uren|lesuren|hours?|hrs?|school ?hours?)"
SOORT_UREN = r"(?:(?:unexcused|unauthori[sz]ed|ongeoorloofde?|gemiste|missed|lost|verzuimde|les|lesson|school)\s+)?"
SCHOOLDAGEN_PER_WEEK = 5

# The plausibility of hours missed, one policy for the assistant and the melding: at most a full school day of
# hours for each weekday of the period; without a period, as many as ten weeks of such days.
MAX_UREN_PER_SCHOOLDAG = 8
MAX_SCHOOLDAGEN_ZONDER_PERIODE = 50  # 400 hours: far beyond any threshold, still no typo of a year or a phone number


def uren(tekst: str) -> float | None:
    """The first amount of hours in the text."""
    return getal_of_woord(SOORT_UREN + UUR, tekst)


def weken(tekst: str) -> float | None:
    """The first amount of weeks in the text ("3 weken", "drie lesweken", "2 wks")."""
    return getal_of_woord(r"(?:les|school ?)?(?:weken|week|wkn|wks|wk|weeks?)\b", tekst)


def weekdagen(van: dt.date, tot_en_met: dt.date) -> int:
    """Monday to Friday in the period: the most school days it can hold."""
    return sum(1 for n in range((tot_en_met - van).days + 1) if (van + dt.timedelta(days=n)).weekday() < 5)


def weken_in(van: dt.date, tot_en_met: dt.date) -> int:
    """Weeks a period spans, counted from its weekdays (at least one)."""
    return max(1, math.ceil(weekdagen(van, tot_en_met) / SCHOOLDAGEN_PER_WEEK))


def max_uren(schooldagen: int | None = None) -> int:
    """The most hours that can be missed in `schooldagen` weekdays (or when the period is not known)."""
    return MAX_UREN_PER_SCHOOLDAG * (MAX_SCHOOLDAGEN_ZONDER_PERIODE if schooldagen is None else schooldagen)


def plausibel(aantal: float, schooldagen: int | None = None) -> bool:
    """Whether `aantal` hours missed can be so: not negative, and within `max_uren`."""
    return 0 <= aantal <= max_uren(schooldagen)


_PER = re.compile(r"per (dag|day|schooldag|week)|elke (dag|week)|every (day|week)|\b(daily|weekly)\b", re.I)


def per(tekst: str) -> Literal["dag", "week"] | None:
    """Whether hours are said per day ("3 uur per dag", "daily") or per week; None for a total."""
    match = _PER.search(tekst)
    if match is None:
        return None
    return "week" if re.search(r"week", match.group(0), re.I) else "dag"


def uren_in_periode(aantal: float, eenheid: Literal["dag", "week"] | None, van: dt.date, tot_en_met: dt.date) -> float:
    """Hours said per day or per week, times the school days (or weeks) of the period; a total stays as it is."""
    dagen = weekdagen(van, tot_en_met)
    if eenheid == "dag":
        return aantal * dagen
    if eenheid == "week":
        return aantal * math.ceil(dagen / SCHOOLDAGEN_PER_WEEK)
    return aantal


# A total the user worked out ("dat is samen ongeveer 11 uur", "er komen nog 4 uur bij, dus 18", "in total 20
# hours"): never weeks, days or minutes.
_TOTAAL = re.compile(r"\b(?:samen|in totaal|totaal|together|in total|altogether|total(?: of)?|dus|now)\s*"
                     r"(?:is dat |is het |that'?s |is |op |nu )?(?:ongeveer |zo'?n |about |around |roughly |circa |"
                     r"ca\.? )?(\d+(?:[.,]\d+)?)\s*(?!\s*(?:weken|weeks?|dagen|days?|minuten|minutes|min\b|keer|"
                     r"times|jaar|years?|[.,]\d))(" + UUR + ")?", re.I)


_PER_IETS = re.compile(r"\s*(?:per|a|an|each|every|elke|iedere)\s+(?:dag|day|week|keer|time|les|lesson)\b", re.I)


def totaal(tekst: str, *, eenheid_nodig: bool = False) -> tuple[float, re.Match[str]] | None:
    """The total of hours the user worked out, and where it stands; with `eenheid_nodig` only with "uur" after it."""
    for match in _TOTAAL.finditer(tekst):
        if (eenheid_nodig and not match.group(2)) or _PER_IETS.match(tekst, match.end()):
            continue  # "dus zo'n 5,5 uur per dag" is a rate, no total
        return float(match.group(1).replace(",", ".")), match
    return None
