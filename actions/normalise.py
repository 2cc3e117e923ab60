"""Turn what users type about a number of days into a whole number of school days."""

from __future__ import annotations

import math
import re

_GETALLEN = {
    "een": 1, "één": 1, "1": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "twintig": 20,
}
_HALF = {"anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5}
_WEEK = re.compile(r"^(week|weken|weekje|weeks?)$")
_DAG = re.compile(r"^(dag|dagen|dagje|dagjes|schooldag|schooldagen|days?|schooldays?)$")
SCHOOLDAGEN_PER_WEEK = 5


def parse_schooldagen(tekst: str) -> int | None:
    """'3' → 3, 'drie dagen' → 3, 'een week' → 5, 'anderhalve week' → 8; None when no amount is found.

    Part days round up, because any part of a school day missed needs leave for that day.
    """
    woorden = re.findall(r"[a-zà-ÿ]+|\d+(?:[.,]\d+)?", tekst.lower())
    aantal: float | None = None
    for index, woord in enumerate(woorden):
        waarde: float | None
        if re.fullmatch(r"\d+(?:[.,]\d+)?", woord):
            waarde = float(woord.replace(",", "."))
        else:
            waarde = _HALF.get(woord) or _GETALLEN.get(woord)
        volgend = woorden[index + 1] if index + 1 < len(woorden) else ""
        if waarde is None:
            if _WEEK.match(woord) and aantal is None:
                return SCHOOLDAGEN_PER_WEEK
            continue
        if _WEEK.match(volgend):
            waarde *= SCHOOLDAGEN_PER_WEEK
        elif not _DAG.match(volgend) and woord in ("a", "an", "een"):
            continue  # an article, not an amount
        aantal = waarde
        break
    if aantal is None or aantal <= 0:
        return None
    return math.ceil(aantal)
