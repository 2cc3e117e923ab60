"""Turn what users type about a number of days into a whole number of school days."""

from __future__ import annotations

import math
import re

from invoer.getallen import TELWOORDEN as TELWOORDEN  # read here; the answer-quality measure takes them too
from invoer.uren import SCHOOLDAGEN_PER_WEEK as SCHOOLDAGEN_PER_WEEK

_GETALLEN = {**TELWOORDEN, "1": 1, "a": 1, "an": 1}
_HALF = {"anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5}
_WEEK = re.compile(r"^(week|weken|weekje|weeks?)$")
_DAG = re.compile(r"^(dag|dagen|dagje|dagjes|schooldag|schooldagen|days?|schooldays?)$")


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
