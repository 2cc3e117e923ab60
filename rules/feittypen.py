"""The field types of the facts the rules decide on: every *Feiten model and the models inside it use these,
so what a fact may look like is said in one place.

Facts arrive as JSON (`leerbot regels`, the YAML rule cases, the dossier's stored facts). Pydantic's lax mode
would read "yes" and 1 as true, true as 1 and "3" as 3, and lets inf, a date in year 9999 or a text of any
length through; each of those once gave a decision or a traceback. So here:

- JaNee: only true or false.
- Geheel: only an integer; not true, not "3" and not 3.0 either: a count is written as a whole number, and a
  float where a count belongs is a conversion gone wrong somewhere, better refused than rounded.
- Getal: an integer or a float, never a boolean, a string, inf or nan.
- Datum: a date (not a datetime) or a text of exactly YYYY-MM-DD, between 1900 and 2100, so no date
  arithmetic of a rule can leave the calendar.
- Gebeurd: a Datum of something that has happened (an absence, a sick report, a decision sent): not after the
  peildatum, which the registry passes in the validation context.
- Tekst: a string of at most 100 characters.

Enums and Literals keep pydantic's own validation, which takes only their values. Tuples stay lax, so a JSON
list is read as a tuple; their items are of the types here. Numbers get their bounds at the field
(Field(ge=..., le=...)), where the domain says what is plausible; every numeric field has both.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, FiniteFloat, Strict, StrictBool, ValidationInfo

EERSTE_DATUM = dt.date(1900, 1, 1)
LAATSTE_DATUM = dt.date(2100, 12, 31)
MAX_TEKST = 100
# A school year has about 40 lesweken of five days: no count of school days (or of leave) in one year is more.
SCHOOLDAGEN_PER_JAAR = 200
PEILDATUM = "peildatum"  # the key of the peildatum in the validation context

_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def lees_datum(tekst: str) -> dt.date:
    """A date written as exactly YYYY-MM-DD (no time, no other notation); ValueError otherwise."""
    if not _ISO_DATUM.fullmatch(tekst):
        raise ValueError("expected a date as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise ValueError("no such date") from None


def plausibel(datum: dt.date) -> dt.date:
    """The date itself when it lies in 1900..2100; ValueError otherwise."""
    if not EERSTE_DATUM <= datum <= LAATSTE_DATUM:
        raise ValueError(f"expected a date from {EERSTE_DATUM.year} to {LAATSTE_DATUM.year}")
    return datum


def _uit_tekst(waarde: object) -> object:
    # Text must be an ISO date; anything else goes on to the strict date check, which takes only a date.
    return lees_datum(waarde) if isinstance(waarde, str) else waarde


def _niet_na_peildatum(datum: dt.date, info: ValidationInfo) -> dt.date:
    peildatum = info.context.get(PEILDATUM) if isinstance(info.context, dict) else None
    if isinstance(peildatum, dt.date) and datum > peildatum:
        raise ValueError(f"lies after the peildatum {peildatum.isoformat()}: it cannot have happened yet")
    return datum


def is_ja_nee(annotation: object) -> bool:
    """Whether a field's type is a yes/no fact (JaNee, optional or not), so "ja" or "nee" can answer it."""
    if typing.get_origin(annotation) is Annotated:
        return is_ja_nee(typing.get_args(annotation)[0])
    return annotation is bool or any(is_ja_nee(arg) for arg in typing.get_args(annotation))


JaNee = StrictBool
Geheel = Annotated[int, Strict()]
Getal = Annotated[FiniteFloat, Strict()]
Datum = Annotated[dt.date, Strict(), BeforeValidator(_uit_tekst), AfterValidator(plausibel)]
Gebeurd = Annotated[Datum, AfterValidator(_niet_na_peildatum)]
Tekst = Annotated[str, Strict(), Field(max_length=MAX_TEKST)]
