"""Remove personal numbers (BSN, onderwijsnummer) before text reaches Rasa, a log or a database.

A number counts in any grouping people type — "111222333", "111 222 333", "111.222.333", "1112-22-333",
"111/222/333", "111,222,333", with doubled separators — once the sanitising boundary (invoer/schoon.py) has made
every digit ASCII and every blank a space. Nine digits inside a longer number (a phone number, an IBAN) are not a
personal number, unless a list separator (a comma, a semicolon or two characters) sets them apart.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn, onderwijsnummer

from invoer.contact import telefoonnummer

# Digits joined by at most three separator characters ("1 - 2"): one written number, or a list of them.
_GETAL = re.compile(r"\d(?:[ ./,;\-_]{0,3}\d)*")
_GROEP = re.compile(r"\d+")
# People write a number in at most five groups ("12 34 56 78 9"); nine short numbers in a row are a list.
MAX_GROEPEN = 5
PLACEHOLDER = "[nummer verwijderd]"
TELEFOON = "[telefoonnummer verwijderd]"
REKENING = "[rekeningnummer verwijderd]"
# Two letters, two check digits, then letters and digits in groups of four (spaced or not); checked by its own test.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE)


def _is_persoonsnummer(cijfers: str) -> bool:
    """Nine digits that pass the BSN or onderwijsnummer eleven-test (python-stdnum)."""
    return len(cijfers) == 9 and bool(bsn.is_valid(cijfers) or onderwijsnummer.is_valid(cijfers))


def _lijstscheiding(tussen: str) -> bool:
    return len(tussen) > 1 or tussen in (",", ";")


def _in_getal(getal: str) -> list[tuple[int, int]]:
    """The spans (within `getal`) of the personal numbers in one run of digits and separators."""
    groepen = list(_GROEP.finditer(getal))
    if len(re.sub(r"\D", "", getal)) == 9:
        heel = len(groepen) <= MAX_GROEPEN and _is_persoonsnummer(re.sub(r"\D", "", getal))
        return [(0, len(getal))] if heel else []
    gevonden: list[tuple[int, int]] = []
    for i in range(len(groepen)):
        if gevonden and groepen[i].start() < gevonden[-1][1]:
            continue  # inside a number found already: numbers do not overlap
        cijfers = ""
        for j in range(i, len(groepen)):
            cijfers += groepen[j].group(0)
            if len(cijfers) > 9 or j - i + 1 > MAX_GROEPEN:
                break
            voor = getal[groepen[i - 1].end():groepen[i].start()] if i else None
            na = getal[groepen[j].end():groepen[j + 1].start()] if j + 1 < len(groepen) else None
            los = (voor is None or _lijstscheiding(voor)) and (na is None or _lijstscheiding(na))
            if len(cijfers) == 9 and los and _is_persoonsnummer(cijfers):
                gevonden.append((groepen[i].start(), groepen[j].end()))
                break
    return gevonden


def redact_personal_numbers(text: str) -> tuple[str, bool]:
    """The text with every BSN or onderwijsnummer replaced, and whether anything was replaced."""
    delen: list[str] = []
    begin = 0
    for getal in _GETAL.finditer(text):
        for van, tot in _in_getal(getal.group(0)):
            delen += [text[begin:getal.start() + van], PLACEHOLDER]
            begin = getal.start() + tot
    return "".join(delen) + text[begin:], bool(delen)


def contact_apart(text: str) -> tuple[str, list[str], bool]:
    """The text with phone numbers and IBANs replaced, the phone numbers it held (in their usual notation, in the
    order typed), and whether anything was replaced. One scan serves the redaction and the hand-off's contact."""
    gevonden = False

    def rekening(match: re.Match[str]) -> str:
        nonlocal gevonden
        if not iban.is_valid(match.group(0)):
            return match.group(0)
        gevonden = True
        return REKENING

    text = _IBAN.sub(rekening, text)
    delen: list[str] = []
    telefoons: list[str] = []
    begin = 0
    for nummer in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        delen += [text[begin:nummer.start], TELEFOON]
        begin = nummer.end
        if (genoteerd := telefoonnummer(nummer.raw_string)) is not None:
            telefoons.append(genoteerd)
    return "".join(delen) + text[begin:], telefoons, gevonden or bool(delen)


def redact_contact_details(text: str) -> tuple[str, bool]:
    """The text with phone numbers and IBANs replaced, and whether anything was. Free text never needs them; the
    hand-off asks for a phone number in a step of its own and keeps it in its own field (bot/router.py)."""
    kaal, _, gevonden = contact_apart(text)
    return kaal, gevonden


def zonder_nummers(text: str) -> str:
    """Free text as any store outside a contact field may keep it: no BSN, onderwijsnummer, phone number or IBAN."""
    return redact_contact_details(redact_personal_numbers(text)[0])[0]
