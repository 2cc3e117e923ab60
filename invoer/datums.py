"""Dates and periods as people type them, in Dutch and English: "3 november", "3-11", "14/11/2026", "November 3rd",
"van 2 t/m 20 november", "from 5 October to 16 October", "28-12 tot 8-1", "sinds 1 oktober", "na de herfstvakantie".

A date without a year is read as the nearest one in the direction asked (the past for a melding about absence, the
future for a request for leave); the end of a period without a year is the nearest one that makes the period run
forward ("van 15 december t/m 3 januari" crosses the turn of the year). A period says whether a year was chosen, so
the answer can name the date in full. Only this module reads dates; it alone imports dateparser.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import dateparser

from content.kalender_schema import KalenderBestand, VakantieNaam
from content.regio_schema import Vakantieregio
from invoer.getallen import GETAL_OF_WOORD, telling

Voorkeur = Literal["verleden", "toekomst"]

# Month names and their usual abbreviations, Dutch and English: the one list of them for reading.
MAANDEN: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "febr": 2, "maart": 3,
    "march": 3, "mrt": 3, "mar": 3, "maa": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6,
    "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# The full names, to say a month back in the user's language ("wordt 5 in augustus").
MAANDNAMEN = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# A month name in a regular expression, longest first, as a whole word.
MAAND_PATROON = "(?:" + "|".join(sorted(MAANDEN, key=len, reverse=True)) + r")\b"
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday before a date ("vrijdag 11 september", "Fri 11 Sept") is no part of the date.
WEEKDAG_ERVOOR = (r"(?:(?:" + "|".join(WEEKDAGEN) + r"|ma|di|wo|do|vr|za|zo|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?")
_RANGTELWOORD = r"(?:e|ste|de|st|nd|rd|th)?"
_TYPFOUT_MIN = 5  # only words this long are read as a mistyped month ("novmber"); "maar" is no "maart"
# A word in the place of a month, checked by `maand_van` (typos too); never a word that joins two dates.
_MAANDWOORD = r"(?!(?:tot|to|til|till|until|tm|en|and|through|thru|met)\b)[a-zé]{3,12}\.?"


def maandnaam(maand: int, taal: str) -> str:
    return MAANDNAMEN["en" if taal == "en" else "nl"][maand - 1]


def maand_van(woord: str) -> int | None:
    """The month a word names, also with a typo ("novmber", "setpember", "febuari"); None for any other word."""
    woord = woord.lower().rstrip(".")
    if woord in MAANDEN:
        return MAANDEN[woord]
    if len(woord) < _TYPFOUT_MIN:
        return None
    volledig = [n for n in MAANDEN if len(n) >= _TYPFOUT_MIN]
    gelijk = difflib.get_close_matches(woord, volledig, n=1, cutoff=0.8)
    return MAANDEN[gelijk[0]] if gelijk else None


@dataclass(frozen=True)
class Datum:
    """A date read, and whether its year was typed (else it was chosen: the nearest in the direction asked)."""

    datum: dt.date
    jaar_gegeven: bool


def _veilig(jaar: int, maand: int, dag: int) -> dt.date | None:
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        return None


def dichtstbij(maand: int, dag: int, peildatum: dt.date, voorkeur: Voorkeur) -> dt.date | None:
    """The day and month in the year that puts it nearest to `peildatum` on the side asked (today included)."""
    stap = -1 if voorkeur == "verleden" else 1
    for jaar in (peildatum.year, peildatum.year + stap):
        datum = _veilig(jaar, maand, dag)
        if datum is not None and (datum <= peildatum if voorkeur == "verleden" else datum >= peildatum):
            return datum
    return _veilig(peildatum.year, maand, dag) if dag == 29 and maand == 2 else None


def _jaar(tekst: str | None) -> int | None:
    if not tekst:
        return None
    jaar = int(tekst)
    return jaar + 2000 if jaar < 100 else jaar  # "3-11-26"


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # 2026-10-14, as a date picker writes it
_CIJFERS = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?")  # 3-11, 14/11/2026, 3.11.26
_DAG_MAAND = re.compile(r"(\d{1,2})" + _RANGTELWOORD + r"(?:\s+|[-/.]\s*|\s+of\s+)(" + _MAANDWOORD + r")"
                        r"(?:,?\s*[-/ ]\s*'?(\d{4}|\d{2}))?")
_MAAND_DAG = re.compile(r"(" + _MAANDWOORD + r")\s+(?:the\s+)?(\d{1,2})" + _RANGTELWOORD + r"(?:,?\s+(\d{4}))?")
_RELATIEF = {"vandaag": 0, "today": 0, "nu": 0, "now": 0, "heden": 0, "gisteren": -1, "yesterday": -1,
             "eergisteren": -2, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
# Phrases dateparser reads well ("vorige week maandag", "next Friday", "3 dagen geleden", "in two weeks"); other
# text is never handed to it, so a stray number is no date.
_RELATIEVE_WOORDEN = re.compile(r"\b(geleden|ago|vorige|volgende|komende|afgelopen|next|last|this|deze|over|in|"
                                + "|".join(WEEKDAGEN) + r")\b", re.I)


def lees_dag(tekst: str, peildatum: dt.date, voorkeur: Voorkeur = "verleden") -> Datum | None:
    """The one date that is the whole of `tekst` (a weekday before it and "op"/"on" allowed); None otherwise."""
    kaal = re.sub(r"^(?:op|on|de|the|per)\s+", "", tekst.strip(" .,!?").lower())
    kaal = re.sub(r"^" + WEEKDAG_ERVOOR, "", kaal) if re.search(r"\d", kaal) else kaal
    if kaal in _RELATIEF:
        return Datum(peildatum + dt.timedelta(days=_RELATIEF[kaal]), True)
    jaar: int | None
    if (match := _ISO.fullmatch(kaal)) is not None:
        dag, maand, jaar = int(match.group(3)), int(match.group(2)), int(match.group(1))
    elif (match := _CIJFERS.fullmatch(kaal)) is not None:
        dag, maand, jaar = int(match.group(1)), int(match.group(2)), _jaar(match.group(3))
    elif (match := _DAG_MAAND.fullmatch(kaal)) is not None and maand_van(match.group(2)):
        dag, maand, jaar = int(match.group(1)), maand_van(match.group(2)) or 0, _jaar(match.group(3))
    elif (match := _MAAND_DAG.fullmatch(kaal)) is not None and maand_van(match.group(1)):
        dag, maand, jaar = int(match.group(2)), maand_van(match.group(1)) or 0, _jaar(match.group(3))
    else:
        return _relatief(kaal, peildatum, voorkeur)
    if jaar is not None:
        datum = _veilig(jaar, maand, dag)
        return Datum(datum, True) if datum else None
    gekozen = dichtstbij(maand, dag, peildatum, voorkeur)
    return Datum(gekozen, False) if gekozen else None


_WEEKDAG_NR = {naam: nr % 7 for nr, naam in enumerate(WEEKDAGEN)}
_ACHTERUIT = r"vorige|afgelopen|last|previous|past"
_VOORUIT = r"volgende|komende|aanstaande|next|coming|this|deze"
_DAG_VAN_WEEK = re.compile(r"(?:(?P<richting>" + _ACHTERUIT + "|" + _VOORUIT + r")\s+(?P<week>week\s+)?)?(?P<dag>"
                           + "|".join(WEEKDAGEN) + r")", re.I)
_GELEDEN = re.compile(GETAL_OF_WOORD + r"\s+(dagen|dag|days?|weken|week|weeks?)\s+(?:geleden|ago)", re.I)
_OVER = re.compile(r"(?:over|in)\s+" + GETAL_OF_WOORD + r"\s+(dagen|dag|days?|weken|week|weeks?)", re.I)


def _relatief(tekst: str, peildatum: dt.date, voorkeur: Voorkeur) -> Datum | None:
    """'vorige week maandag', 'komende vrijdag', 'maandag', 'twee weken geleden', 'over 3 dagen'; dateparser for
    the rest of the phrases of time ("the Monday before last")."""
    if (match := _DAG_VAN_WEEK.fullmatch(tekst)) is not None:
        richting = (match.group("richting") or "").lower()
        achteruit = re.fullmatch(_ACHTERUIT, richting) is not None if richting else voorkeur == "verleden"
        if match.group("week"):  # "vorige week maandag": that day of the week before (or after) this one
            maandag = peildatum - dt.timedelta(days=peildatum.weekday()) + dt.timedelta(weeks=-1 if achteruit else 1)
            return Datum(maandag + dt.timedelta(days=_WEEKDAG_NR[match.group("dag").lower()]), True)
        verschil = (_WEEKDAG_NR[match.group("dag").lower()] - peildatum.weekday()) % 7
        stap = -((7 - verschil) or 7) if achteruit else (verschil or 7)
        return Datum(peildatum + dt.timedelta(days=stap), True)
    for patroon, teken in ((_GELEDEN, -1), (_OVER, 1)):
        if (match := patroon.fullmatch(tekst)) is not None:
            dagen = telling(match.group(1)) * (7 if match.group(2).lower().startswith("we") else 1)
            return Datum(peildatum + dt.timedelta(days=teken * dagen), True)
    if not _RELATIEVE_WOORDEN.search(tekst) or re.search(r"\d{1,2}[-/.]\d{1,2}", tekst):
        return None
    instellingen = {"PREFER_DATES_FROM": "past" if voorkeur == "verleden" else "future", "DATE_ORDER": "DMY",
                    "RELATIVE_BASE": dt.datetime.combine(peildatum, dt.time()), "RETURN_AS_TIMEZONE_AWARE": False}
    gevonden = dateparser.parse(tekst, languages=["nl", "en"], settings=instellingen)
    return Datum(gevonden.date(), True) if gevonden else None


def lees_datum(tekst: str, peildatum: dt.date, voorkeur: Voorkeur = "verleden", *,
               jaar_nodig: bool = False) -> dt.date | None:
    """The date that is the whole of `tekst`; with `jaar_nodig` only one typed with its year (a date of birth)."""
    gelezen = lees_dag(tekst, peildatum, voorkeur)
    if gelezen is None or (jaar_nodig and not (gelezen.jaar_gegeven and re.search(r"\d{4}", tekst))):
        return None
    return gelezen.datum


# A date inside a longer text: digits with dashes or slashes, or a day and a month name, with an optional year.
DATUM_PATROON = (r"(?:\d{1,2}[-/.]\d{1,2}(?:[-/.](?:\d{4}|\d{2}))?(?![\d])|\d{1,2}" + _RANGTELWOORD + r"(?:\s+|[-/])"
                 + _MAANDWOORD + r"(?:\s+\d{4})?|" + _MAANDWOORD + r"\s+\d{1,2}" + _RANGTELWOORD
                 + r"(?:,?\s+\d{4})?)")


def _overal(patroon: re.Pattern[str], tekst: str) -> list[re.Match[str]]:
    """Every match of `patroon` starting at each place in the text: a word before a date ("sinds 7") that looks
    like a month may not hide the date that starts one word later."""
    return [m for begin in range(len(tekst)) if (m := patroon.match(tekst, begin)) is not None]


_DATUM_IN_TEKST = re.compile(r"(?<![\w/-])" + DATUM_PATROON, re.I)


def datums_in(tekst: str, peildatum: dt.date, voorkeur: Voorkeur = "verleden") -> list[tuple[int, Datum]]:
    """Every date written out in a longer text ("sinds 7 september", "op 14-10") with where it starts, in order."""
    gevonden: list[tuple[int, Datum]] = []
    tot = 0
    for match in _overal(_DATUM_IN_TEKST, tekst):
        datum = lees_dag(match.group(0), peildatum, voorkeur) if match.start() >= tot else None
        if datum is not None:
            gevonden.append((match.start(), datum))
            tot = match.end()
    return gevonden


@dataclass(frozen=True)
class Periode:
    """A first and a last day as read; `begin > eind` when the user typed an end before the start (the caller
    says so); `jaar_gekozen` when a year was not typed and the nearest one was taken."""

    begin: dt.date
    eind: dt.date
    jaar_gekozen: bool

    @property
    def loopt_vooruit(self) -> bool:
        return self.begin <= self.eind


# The word between the first and the last day, as a whole word ("oktober" holds "to"), or a dash with spaces around
# it, or a dash between two day numbers before a month ("2-20 november"); never the dashes inside "14-10-2026".
TOT = (r"\s+(?:t/m|tm|t\.m\.|tot en met|tot|until|till|til|to|through|thru)\s+|(?<=\S)\s*t/m\s*(?=\S)|\s+[-–]\s+|"
       r"(?<=\b\d)[-–](?=\d{1,2}\s+" + _MAANDWOORD + r")|(?<=\b\d\d)[-–](?=\d{1,2}\s+" + _MAANDWOORD + ")")
_VANAF = re.compile(r"^\s*(?:van|vanaf|from|since|sinds|between|tussen)\s+", re.I)
_SINDS = re.compile(r"^\s*(?:sinds|vanaf|since)\b", re.I)
_EN_TUSSEN = re.compile(r"\s+(?:en|and)\s+", re.I)


def lees_periode(tekst: str, peildatum: dt.date, voorkeur: Voorkeur = "verleden") -> Periode | None:
    """The period that is the whole of `tekst`: 'van 2 t/m 20 november', '3-11 tot 14-11', 'from 5 to 16 October',
    'tussen 3 en 7 mei', 'sinds 1 oktober' (until today). None when it is no period."""
    kaal = _VANAF.sub("", tekst.strip(" .?!"))
    delen = re.split(TOT, kaal, maxsplit=1, flags=re.I)
    if len(delen) == 1 and re.match(r"^\s*(?:tussen|between)\b", tekst, re.I):
        delen = _EN_TUSSEN.split(kaal, maxsplit=1)
    if len(delen) == 1:
        if not _SINDS.match(tekst):
            return None
        delen = [delen[0], "vandaag"]
    return _periode(delen[0].strip(), delen[1].strip(), peildatum, voorkeur)


def _periode(begin_tekst: str, eind_tekst: str, peildatum: dt.date, voorkeur: Voorkeur) -> Periode | None:
    eind = lees_dag(eind_tekst, peildatum, voorkeur)
    if eind is None:
        return None
    dag = re.fullmatch(r"(\d{1,2})" + _RANGTELWOORD, begin_tekst.strip().lower())
    if dag:  # "2 t/m 20 november": the month and year of the end
        datum = _veilig(eind.datum.year, eind.datum.month, int(dag.group(1)))
        begin = Datum(datum, eind.jaar_gegeven) if datum else None
    else:
        begin = lees_dag(begin_tekst, peildatum, voorkeur)
    if begin is None:
        return None
    begin_datum, eind_datum = begin.datum, eind.datum
    if not begin.jaar_gegeven and eind.jaar_gegeven and begin_datum > eind_datum:
        # "28 december t/m 8-1-2027": the first day is the nearest before the last
        begin_datum = _veilig(eind_datum.year - 1, begin_datum.month, begin_datum.day) or begin_datum
    if not eind.jaar_gegeven and eind_datum < begin_datum:
        # A last day without a year before the first: the nearest one after it, in the first day's year or the next
        # when the period crosses the turn of the year ("van 15 december t/m 3 januari", "van 20 november tot 3
        # december" typed in November); an earlier day of the same month, or a month between, is an end before the
        # start as typed ("van 20 t/m 2 november").
        kandidaat = _veilig(begin_datum.year, eind_datum.month, eind_datum.day) or eind_datum
        if kandidaat < begin_datum and eind_datum.month < begin_datum.month:
            kandidaat = _veilig(begin_datum.year + 1, eind_datum.month, eind_datum.day) or kandidaat
        eind_datum = kandidaat if kandidaat >= begin_datum else eind_datum
    return Periode(begin_datum, eind_datum, not (begin.jaar_gegeven and eind.jaar_gegeven))


_IN_TEKST = re.compile(
    r"(?<![\w/-])(?:(?:van|vanaf|from|between|tussen)\s+)?" + WEEKDAG_ERVOOR + r"(?P<begin>" + DATUM_PATROON
    + r"|\d{1,2}" + _RANGTELWOORD + r")(?P<tot>" + TOT + r"|\s*[-–]\s*|\s+(?:en|and)\s+)" + WEEKDAG_ERVOOR
    + r"(?P<eind>" + DATUM_PATROON + ")", re.I)


def periode_in(tekst: str, peildatum: dt.date, voorkeur: Voorkeur = "toekomst") -> Periode | None:
    """The first period written out in a longer text ("wij willen van woensdag 2 tot en met vrijdag 11 september
    weg"), only when it runs forward."""
    for match in _overal(_IN_TEKST, tekst):
        if re.fullmatch(r"\s+(?:en|and)\s+", match.group("tot")) and not re.match(
                r"(?:tussen|between)\b", match.group(0), re.I):
            continue  # "3 en 7 mei" is a period only after "tussen"
        periode = _periode(match.group("begin"), match.group("eind"), peildatum, voorkeur)
        if periode is not None and periode.loopt_vooruit:
            return periode
    return None


# "na de herfstvakantie", "after the autumn break", "voor de kerstvakantie": a day next to a school holiday.
_VAKANTIES = {
    VakantieNaam.HERFST: r"herfst ?vakantie|autumn (?:break|holidays?)|fall break|half[- ]term",
    VakantieNaam.KERST: r"kerst ?vakantie|christmas (?:break|holidays?)|winter (?:break|holidays?)",
    VakantieNaam.VOORJAAR: r"voorjaars ?vakantie|krokus ?vakantie|spring (?:break|holidays?)|carnaval ?vakantie",
    VakantieNaam.MEI: r"mei ?vakantie|may (?:break|holidays?)",
    VakantieNaam.ZOMER: r"zomer ?vakantie|grote vakantie|summer (?:break|holidays?|vacation)",
}
_NA_VOOR = re.compile(r"\b(na|after|voor|vóór|before)\s+(?:de|the)\s+(" + "|".join(_VAKANTIES.values()) + r")\b", re.I)


def rond_vakantie(tekst: str, peildatum: dt.date, kalenders: Iterable[KalenderBestand],
                  regio: Vakantieregio | None = None) -> dt.date | None:
    """The first school day after ("na de herfstvakantie") or the last before ("voor de kerstvakantie") the next
    such holiday in the school calendar. Without the region only when every region has the same dates; None when
    the calendar does not say."""
    match = _NA_VOOR.search(tekst)
    if match is None:
        return None
    naam = next(n for n, p in _VAKANTIES.items() if re.fullmatch(p, match.group(2), re.I))
    na = match.group(1).lower() in ("na", "after")
    kandidaten = sorted({(v.van, v.tot_en_met) for k in kalenders for v in k.vakanties
                         if v.naam is naam and (regio is None or v.geldt_voor(regio)) and v.tot_en_met >= peildatum})
    if not kandidaten:
        return None
    eerste_jaar = [k for k in kandidaten if k[0].year == kandidaten[0][0].year and k[0].month == kandidaten[0][0].month]
    if len(eerste_jaar) != 1:
        return None  # the regions differ and the region is not known: no guess
    van, tot = eerste_jaar[0]
    dag = tot + dt.timedelta(days=1) if na else van - dt.timedelta(days=1)
    while dag.weekday() >= 5:  # the holiday runs Saturday to Sunday: the Monday after, the Friday before
        dag += dt.timedelta(days=1 if na else -1)
    return dag
