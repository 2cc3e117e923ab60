"""Ages and dates of birth as people write them: "15 jaar", "mijn zoon van 8", "she's 4", "hij is zeventien",
"geboren op 14-03-2021", and the age a date of birth gives on a day."""

from __future__ import annotations

import datetime as dt
import re

from invoer.datums import lees_datum
from invoer.getallen import TELWOORDEN

_GEBOREN = re.compile(r"(?:geboren|born|verjaardag|jarig)\D{0,12}(\d{1,2}[-/ ][a-z0-9]+[-/ ]\d{4})", re.I)
# An age in digits, or in words after the person ("hij is zestien"; "een"/"one" is "a", not an age), with an
# optional half ("16,5", "16½", "zestien en een half"): the whole years count. A number word before "jaar" alone
# is too often a duration ("we gaan twee jaar naar Spanje").
_JAREN = r"(\d{1,2}|" + "|".join(sorted((w for w, n in TELWOORDEN.items() if n > 1), key=len, reverse=True)) + r")"
_HALF_JAAR = r"(?:[.,]5|½|\s+(?:en een half|and a half))?"
_GEEN_GETAL_ERVOOR = r"(?<!\d[.,])"  # "16,5 jaar" is no age of 5
# "3 jaar" is an age, but not in "al 3 jaar", "3 jaar geleden" or "haar 3 jaar niet gezien": those are times.
_LEEFTIJD = re.compile(r"(?<!\bal )(?<!\bsinds )(?<!\bvoor )(?<!\bover )(?<!\bbinnen )(?<!\bfor )(?<!\bin )"
                       + _GEEN_GETAL_ERVOOR + r"\b(\d{1,2})" + _HALF_JAAR
                       + r"\s*(?:jaar|jr|jarige|years?(?: old)?|yo)\b"
                       r"(?!\s+(?:geleden|lang|niet|nog|terug|getrouwd|married|ago|later|long|in\b))", re.I)
_NIET_MEER = r"\b(?![.,]?\d|\s*(?:uur|u\b|dagen|weken|minuten|keer|hours|days|weeks|minutes|times))"
_LEEFTIJD_NA_KIND = re.compile(
    r"(?:zoon|zoontje|dochter|dochtertje|kind|kindje|leerling|jongen|meisje|son|daughter|child|kid|boy|girl|\bhij|\bzij|\bze|\bhe|"
    r"\bshe|\bik|\bi)\s+(?:van|of|is|aged|ben|am)\s+" + _JAREN + _NIET_MEER + "|"
    r"\bi'?m\s+" + _JAREN + _NIET_MEER + "|"
    # "is net 17", "just turned 16", "16 geworden", "en is zestien en een half": an age just reached, or said
    # after "en is".
    r"\b(?:is|ben|zijn|am|is)\s+(?:net|pas|inmiddels|just)\s+" + _JAREN + _NIET_MEER + "|"
    r"\b(?:en|and)\s+(?:is|ben|am)\s+(?:nu\s+|now\s+)?" + _JAREN + _HALF_JAAR + _NIET_MEER + "|"
    r"\b(?:hij|zij|ze|he|she)\s+is\s+(?:nu|now)\s+" + _JAREN + _NIET_MEER + r"|\b(?:she|he)'?s\s+" + _JAREN
    + _NIET_MEER + "|"
    r"\b(?:is|ben)\s+sinds\s+(?:vorige|afgelopen|deze)\s+(?:week|maand)\s+" + _JAREN + _NIET_MEER + "|"
    r"\b(?:just\s+)?turned\s+" + _JAREN + _NIET_MEER + r"|\b" + _JAREN + r"\s+(?:jaar\s+)?geworden\b|"
    # "onze zoon (16)", "my stepdaughter (17)": an age in brackets after the person; "en ben 17": the writer's own.
    r"(?:zoon|dochter|kind|leerling|jongen|meisje|son|daughter|child|kid|boy|girl|pupil|student)\s*\((\d{1,2})\)|"
    r"\bben\s+" + _JAREN + r"\b(?![.,]?\d|\s*(?:uur|dagen|weken|minuten|keer|jaar geleden))", re.I)


def leeftijd(tekst: str) -> int | None:
    """An age stated in the text ("15 jaar", "mijn zoon van 8", "she is 4", "hij is zeventien")."""
    match = _LEEFTIJD.search(tekst) or _LEEFTIJD_NA_KIND.search(tekst)
    if not match:
        return None
    getal = next(g for g in match.groups() if g).lower()
    return int(getal) if getal.isdigit() else TELWOORDEN[getal]


def geboortedatum(tekst: str, peildatum: dt.date) -> dt.date | None:
    """A full date of birth written after "geboren", "born" or "jarig"."""
    match = _GEBOREN.search(tekst)
    if not match:
        return None
    return lees_datum(match.group(1), peildatum, jaar_nodig=True)


def leeftijd_op(geboren: dt.date, peildatum: dt.date) -> int:
    """The age in whole years on `peildatum`."""
    return peildatum.year - geboren.year - ((peildatum.month, peildatum.day) < (geboren.month, geboren.day))


def geboortedatum_als_antwoord(tekst: str, peildatum: dt.date) -> dt.date | None:
    """A reply to "when was the child born?": a full date with its year ("3 maart 2011", "14-03-2021", "geboren op
    3/3/2011"), not after `peildatum`; what comes before its first digit is no part of it."""
    return lees_datum(re.sub(r"^\D*?(?=\d)", "", tekst.strip()), peildatum, "verleden", jaar_nodig=True)
