"""What a message says about a child's birth, exactly as precisely as it was said.

"Geboren op 14-03-2021" and "wordt 5 op 2 september" give a date of birth; "wordt in augustus 5" only a month
of birth (`geboortemaand`, "2021-08"); "ze is 15" only an age. Nothing is made up: an age never becomes a
date, so no answer shows a birthday or an end date the user did not give or cannot be computed from what
they gave.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dossier.model import ZOALS_GEZEGD
from invoer.datums import MAAND_PATROON, MAANDEN, maandnaam
from invoer.getallen import TELWOORDEN
from invoer.leeftijd import geboortedatum, geboortedatum_als_antwoord, leeftijd

_MAANDNAAM = MAAND_PATROON[:-2]  # without its word end, for the patterns below that add their own
_MAAND = "(" + _MAANDNAAM[3:] + r"\b"
_GETALWOORDEN = {w: n for w, n in TELWOORDEN.items() if n > 1}  # "wordt een" is no age
# "wordt 5", "turns 5", "wordt dan 5", "wordt in augustus 5", "turns 5 on 2 September": the age to be.
_WORDT = re.compile(r"\b(?:wordt|worden|turns|will turn|will be)\b(?:\s+(?:dan|op|in|on|the|de|" + _MAANDNAAM
                    + r"\b|\d{1,2}(?:e|ste|de|st|nd|rd|th)?(?=\s+" + _MAANDNAAM + r")))*\s+(?P<jaren>\d{1,2}|"
                    + "|".join(_GETALWOORDEN) + r")\b(?!\s*(?:uur|dagen|weken|hours|days|weeks|keer))", re.I)
# "als hij op 20 juli 5 wordt": the age before the verb.
_WORDT_NA = re.compile(r"\b(?P<jaren>\d{1,2}|" + "|".join(_GETALWOORDEN) + r")\s+(?:jaar\s+)?(?:wordt|turns)\b", re.I)
_VENSTER = 40  # characters around "wordt 5" in which its date is looked for ("sinds januari" further off is not)
_DAG_MAAND = re.compile(r"\b(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+" + _MAAND, re.I)
_MAAND_DAG = re.compile(_MAAND + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_ALLEEN_MAAND = re.compile(r"\b" + _MAAND, re.I)
_VOLGENDE_MAAND = re.compile(r"volgende maand|next month|komende maand", re.I)
def _datum_in(venster: str, leeftijd_op: int, peildatum: dt.date,
              met_dag: bool) -> tuple[int | None, int, int, int] | None:
    """(day, month, start, end) named in a stretch of text, or with `met_dag` False (None, month, start, end); a
    number right after the month that is the age itself ("augustus 5") is no day."""
    if met_dag:
        if (match := _DAG_MAAND.search(venster)) is not None:
            return int(match.group(1)), MAANDEN[match.group(2).lower()], match.start(), match.end()
        if (match := _MAAND_DAG.search(venster)) is not None and match.end() != leeftijd_op:
            return int(match.group(2)), MAANDEN[match.group(1).lower()], match.start(), match.end()
        return None
    if (match := _VOLGENDE_MAAND.search(venster)) is not None:
        return None, peildatum.month % 12 + 1, match.start(), match.end()
    if (match := _ALLEEN_MAAND.search(venster)) is not None:
        return None, MAANDEN[match.group(1).lower()], match.start(), match.end()
    return None


def _zoals_gezegd(jaren: int, dag: int | None, maand: int, engels: bool, volgende_maand: bool) -> str:
    naam = maandnaam(maand, "en" if engels else "nl")
    if engels:
        return f"turns {jaren} next month" if volgende_maand else (
            f"turns {jaren} on {naam} {dag}" if dag else f"turns {jaren} in {naam}")
    return f"wordt {jaren} volgende maand" if volgende_maand else (
        f"wordt {jaren} op {dag} {naam}" if dag else f"wordt {jaren} in {naam}")


# "turned 16 in March", "werd in april 16", "is in april 16 geworden": a birthday this past year.
_WERD = re.compile(r"\b(?:turned|werd)\s+(?:(?:in|op|on)\s+(?:the\s+)?\S+(?:\s+\d{1,2}\w*)?\s+)?(?P<jaren>\d{1,2}|"
                   + "|".join(_GETALWOORDEN) + r")\b(?!\s*(?:uur|dagen|weken|hours|days|weeks|keer|minut))|"
                   r"\b(?:in|op)\s+(?:\d{1,2}\s+)?" + _MAANDNAAM + r"\s+(?P<jaren2>\d{1,2})\s+(?:jaar\s+)?geworden\b",
                   re.I)


def _verjaardag_komt(tekst: str, peildatum: dt.date) -> dict[str, Any]:
    """From "wordt in augustus 5" or "turns 5 on 2 September": the date or month of birth; else a birthday just
    past (`_verjaardag_was`)."""
    wordt = _WORDT.search(tekst) or _WORDT_NA.search(tekst)
    if wordt is None:
        return _verjaardag_was(tekst, peildatum)
    getal = wordt.group("jaren").lower()
    jaren = int(getal) if getal.isdigit() else _GETALWOORDEN[getal]
    # Its date: a day and month in or right after "wordt …", else just before it ("op 1 april jarig, wordt dan
    # 5"); only then a month alone, in the same order.
    vensters = ((wordt.start(), wordt.end() + _VENSTER), (max(0, wordt.start() - _VENSTER), wordt.start()))
    gevonden = next(((begin, g) for met_dag in (True, False) for begin, eind in vensters
                     if (g := _datum_in(tekst[begin:eind], wordt.end("jaren") - begin, peildatum, met_dag))), None)
    if gevonden is None:
        return {}
    dag, maand = gevonden[1][:2]
    # What the user said, said back ("wordt 5 in augustus"), instead of a birth year they did not say.
    engels = re.search(r"\b(turns|will)\b", wordt.group(0), re.I) is not None
    woorden = _zoals_gezegd(jaren, dag, maand, engels, _VOLGENDE_MAAND.search(tekst) is not None)
    # The coming birthday: in this month or later (a birthday already past this month is not "wordt").
    jaar = peildatum.year if (maand, dag or 31) >= (peildatum.month, peildatum.day) else peildatum.year + 1
    return _geboren_in(jaar - jaren, maand, dag, woorden)


def _geboren_in(geboortejaar: int, maand: int, dag: int | None, woorden: str) -> dict[str, Any]:
    """The date of birth, or only its month, kept with the words the user said it in."""
    if dag is None:
        return {"geboortemaand": f"{geboortejaar:04d}-{maand:02d}", ZOALS_GEZEGD: {"geboortemaand": woorden}}
    try:
        return {"geboortedatum": dt.date(geboortejaar, maand, dag), ZOALS_GEZEGD: {"geboortedatum": woorden}}
    except ValueError:
        return {}


def _verjaardag_was(tekst: str, peildatum: dt.date) -> dict[str, Any]:
    """From "turned 16 in March" or "in april 16 geworden": the date or month of a birthday in the past year."""
    werd = _WERD.search(tekst)
    if werd is None:
        return {}
    groep = "jaren" if werd.group("jaren") else "jaren2"
    getal = werd.group(groep).lower()
    jaren = int(getal) if getal.isdigit() else _GETALWOORDEN[getal]
    # Its date in or after the words, else before them; "in januari 17" is the age after the month, not a day.
    vensters = ((werd.start(), werd.end() + _VENSTER), (max(0, werd.start() - _VENSTER), werd.start()))
    gevonden = next((g for met_dag in (True, False) for begin, eind in vensters
                     if (g := _datum_in(tekst[begin:eind], werd.end(groep) - begin, peildatum, met_dag))), None)
    if gevonden is None:
        return {}
    dag, maand = gevonden[:2]
    # The birthday just past: in this month or before it, else last year's.
    jaar = peildatum.year if (maand, dag or 1) <= (peildatum.month, peildatum.day) else peildatum.year - 1
    engels = werd.group(0).lower().startswith("turned")
    naam = maandnaam(maand, "en" if engels else "nl")
    wanneer = (f"on {naam} {dag}" if dag else f"in {naam}") if engels else (f"op {dag} {naam}" if dag else f"in {naam}")
    woorden = f"{'turned' if engels else 'werd'} {jaren} {wanneer}"  # as said, never a birth year they did not say
    return _geboren_in(jaar - jaren, maand, dag, woorden)


def geboorte(tekst: str, peildatum: dt.date, *, antwoord: bool = False) -> dict[str, Any]:
    """The most precise of a date of birth, a month of birth and an age that the text gives. `antwoord` for a
    reply to "when was the child born?", where a bare number or a date without "geboren" also counts."""
    genoemd = geboortedatum(tekst, peildatum)
    if genoemd is not None:
        return {"geboortedatum": genoemd}
    komt = _verjaardag_komt(tekst, peildatum)
    if komt:
        return komt
    if antwoord:
        datum = geboortedatum_als_antwoord(tekst, peildatum)
        if datum is not None and peildatum.replace(year=peildatum.year - 30) <= datum <= peildatum:
            return {"geboortedatum": datum}
    jaren = leeftijd(tekst)
    woorden = re.findall(r"\w+", tekst.lower())
    # A short answer: "4", "hij is 4", "vier jaar"; never a number of another unit ("7 uur", "3 weken").
    andere_eenheid = re.search(r"\d+\s*(uur|u\b|hours?|dag|days?|week|weken|weeks?|maand|months?|keer)", tekst, re.I)
    if jaren is None and antwoord and len(woorden) <= 5 and not andere_eenheid:
        getallen = [int(w) if w.isdigit() else TELWOORDEN.get(w) for w in woorden if w not in ("een", "one")]
        bekend = [g for g in getallen if g is not None]
        jaren = bekend[0] if len(bekend) == 1 else None
    return {"leeftijd": jaren} if jaren is not None and 1 <= jaren <= 30 else {}
