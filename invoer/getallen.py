"""Numbers as people write them: digits with a decimal comma or point, and number words in Dutch and English."""

from __future__ import annotations

import re

# Number words, Dutch and English: the one table for every reader of amounts, ages and hours.
TELWOORDEN = {
    "een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5,
    "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12, "dertien": 13, "thirteen": 13,
    "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15, "zestien": 16, "sixteen": 16,
    "zeventien": 17, "seventeen": 17, "achttien": 18, "eighteen": 18, "twintig": 20, "twenty": 20,
}
GETAL_OF_WOORD = r"(\d+|" + "|".join(TELWOORDEN) + r")"


def telling(woord: str) -> float:
    """A count written as digits or as a number word ("3", "drie")."""
    return float(TELWOORDEN.get(woord.lower()) or woord.replace(",", "."))


def getal(patroon: str, tekst: str) -> float | None:
    """The number in the first group of `patroon` ("12,5" is 12.5)."""
    match = re.search(patroon, tekst, flags=re.IGNORECASE)
    return float(match.group(1).replace(",", ".")) if match else None


def getal_of_woord(eenheid: str, tekst: str) -> float | None:
    """The amount before a unit, in digits or a number word ("12 uur", "drie weken")."""
    waarde = getal(r"(\d+(?:[.,]\d+)?)\s*(?:" + eenheid + r")", tekst)
    if waarde is not None:
        return waarde
    match = re.search(r"\b(" + "|".join(TELWOORDEN) + r")\s+(?:" + eenheid + r")", tekst, flags=re.IGNORECASE)
    return float(TELWOORDEN[match.group(1).lower()]) if match else None
