"""Turn what users type about a number of days into a whole number of school days."""

from __future__ import annotations

import math
import re

# Number words, Dutch and English: the one table for every reader of amounts, ages and hours.
TELWOORDEN = {
    "een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5,
    "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12, "dertien": 13, "thirteen": 13,
    "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15, "zestien": 16, "sixteen": 16,
    "zeventien": 17, "seventeen": 17, "achttien": 18, "eighteen": 18, "twintig": 20, "twenty": 20,
}
_GETALLEN = {**TELWOORDEN, "1": 1, "a": 1, "an": 1}
_HALF = {"anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5}
_WEEK = re.compile(r"^(week|weken|weekje|weeks?)$")
_DAG = re.compile(r"^(dag|dagen|dagje|dagjes|schooldag|schooldagen|days?|schooldays?)$")
SCHOOLDAGEN_PER_WEEK = 5


def parse_schooldagen(tekst: str) -> int | None:
    """'3' → 3, 'drie dagen' → 3, 'een week' → 5, 'twee weken en een dag' → 11; None when no amount.

    Amounts with a unit (dag, week) are added up. Without any unit, a single bare number counts as days
    ("3"); in "2 kinderen, 5 dagen" only the 5 counts. Part days round up, because any part of a school
    day missed needs leave for that day.
    """
    woorden = re.findall(r"[a-zà-ÿ]+|\d+(?:[.,]\d+)?", tekst.lower())
    met_eenheid = 0.0
    zonder_eenheid: list[float] = []
    for index, woord in enumerate(woorden):
        volgend = woorden[index + 1] if index + 1 < len(woorden) else ""
        waarde = _getal(woord)
        if waarde is None:
            # "week" on its own, without a number before it: one week.
            if _WEEK.match(woord) and (index == 0 or _getal(woorden[index - 1]) is None):
                met_eenheid += SCHOOLDAGEN_PER_WEEK
            continue
        if _WEEK.match(volgend):
            met_eenheid += waarde * SCHOOLDAGEN_PER_WEEK
        elif _DAG.match(volgend):
            met_eenheid += waarde
        elif woord not in ("a", "an", "een"):  # "een"/"a" without a unit is an article, not an amount
            zonder_eenheid.append(waarde)
    totaal = met_eenheid or (zonder_eenheid[0] if len(zonder_eenheid) == 1 else 0.0)
    if totaal <= 0:
        return None
    return math.ceil(totaal)


def _getal(woord: str) -> float | None:
    if re.fullmatch(r"\d+(?:[.,]\d+)?", woord):
        return float(woord.replace(",", "."))
    return _HALF.get(woord) or _GETALLEN.get(woord)
