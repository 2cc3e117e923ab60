"""Hours as people say them: of absence for the meldplicht ("zes ochtenden, de eerste 4 lesuren", "12 lessen van
50 minuten") and of a five-year-old kept at home (clock spans, counted mornings, "bovenop de 5 uur"). A number
worked out from the user's words is shown back in those words, never as a number they did not say."""

from __future__ import annotations

import re
from typing import Any

from dossier.model import ZOALS_GEZEGD
from invoer.getallen import TELWOORDEN, telling
from invoer.uren import SCHOOLDAGEN_PER_WEEK, SOORT_UREN, UUR, totaal
from invoer.uren import uren as uren  # the forms read hours through here
from invoer.uren import weken as weken  # the forms read weeks with the hours

Feiten = dict[str, Any]  # facts read from a message, by the rule model's field names


_ALLE_UREN = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?|" + "|".join(TELWOORDEN) + r")\s*" + SOORT_UREN + UUR, re.I)
_PER_WEEK_NA = re.compile(r"\s*(per|a|each|every|in de|elke|iedere)\s+week\b", re.I)
# "toen de 16 uur vol was", "boven de 16 uur": the threshold, not hours missed; "waarvan 2 uur": a part.
_NIET_GEMIST_VOOR = re.compile(r"\b(de|the|die|over de|boven de|above the|daarvan|waarvan|of which)\s*$", re.I)


_EN = r"\s*(?:,|en\b|and\b|&)\s*"
_BEDRAG = r"\d+(?:[.,]\d+)?"
_REEKS_UREN = re.compile(r"(?<![\w.,])(" + _BEDRAG + r")(?=" + _EN + r"(?:" + _BEDRAG + _EN + r")*" + _BEDRAG + r"\s*"
                         + SOORT_UREN + UUR + ")", re.I)


def uren_apart(tekst: str) -> tuple[list[float], float | None]:
    """The amounts of hours missed said one by one ("week 1 vijf uur, week 2 vier uur", "Mon 3 hrs, Thu 4 hrs"),
    and an amount said per week ("25 lesuren per week"), which is a rate and no total."""
    bedragen: list[float] = []
    per_week = None
    tekst = _REEKS_UREN.sub(r"\1 uur ", tekst)  # "4, 3 en 5 uur" is three amounts of hours
    for match in _ALLE_UREN.finditer(tekst):
        woord = match.group(1).lower()
        waarde = float(TELWOORDEN.get(woord) or woord.replace(",", "."))
        if _PER_WEEK_NA.match(tekst, match.end()):
            per_week = waarde
        elif not _NIET_GEMIST_VOOR.search(tekst[max(0, match.start() - 12):match.start()]):
            bedragen.append(waarde)
    return bedragen, per_week


_AANTAL = r"(\d+|" + "|".join(TELWOORDEN) + r")"
_WEEKDAGEN = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|monday|tuesday|wednesday|thursday|friday)"
# The parts of a day a five-year-old stays home, counted ("2 ochtendjes") or with their hours ("dagen van 5,5 uur").
_DAGDELEN = r"(ochtendjes?|ochtenden|middagjes?|middagen|dagen|mornings|afternoons|days)"
# Hours said as times missed, each of some hours: "zes ochtenden de eerste 4 lesuren", "3 keer 2 uur",
# "every Tuesday the last 3 periods, for 4 weeks now".
_KEREN = re.compile(_AANTAL + r"\s+(keer|maal|ochtenden|middagen|dagen|lesdagen|mornings|afternoons|times|days)\b",
                    re.I)
_ELKE_WEEKDAG = re.compile(r"\b(elke|iedere|every)\s+" + _WEEKDAGEN, re.I)
_WEKEN = r"\s+(?:school\s?|les)?(?:weken|weeks)"
_WEKEN_AL = re.compile(r"(?:al|sinds|for|now)\s+" + _AANTAL + _WEKEN + "|" + _AANTAL + _WEKEN +
                       r"\s+(?:al|lang|now|in a row)", re.I)
_UREN_PER_KEER = re.compile(
    r"(?:(?:de|the)\s+(?:eerste|laatste|first|last)\s+)" + _AANTAL + r"\s*(?:les)?(?:uur|uren|lessen|lessons|periods|"
    r"hours)\b|" + _AANTAL + r"\s*(?:les)?(?:uur|uren|lessen|lessons|periods|hours)\s+(?:per keer|per dag|per ochtend|"
    r"per middag|elke keer|steeds|each time|each|a day|per day|every time)|" + _AANTAL +
    r"\s*(?:les)?(?:uur|uren|lessen|lessons|periods|hours)\s+(?:on\s+)?(?:elke|iedere|every|each)\s+(?:"
    + _WEEKDAGEN[1:], re.I)
_LESSEN_VAN = re.compile(r"(\d+)\s*(?:lessen|lesuren|lessons|periods)\s+(?:van|of)\s+(\d+)\s*(?:min|minuten|minutes)",
                         re.I)


# "3 ochtenden van 4 lesuren en 1 middag van 3 uur": each count of day parts times its own hours, added up.
_DAGDELEN_VAN = re.compile(_AANTAL + r"\s+(ochtend(?:je)?s?|ochtenden|middag(?:je)?s?|middagen|dag(?:en)?|"
                           r"mornings?|afternoons?|days?)\s+(?:van|of)\s+(\d+(?:[.,]\d+)?)\s*"
                           r"(?:les)?(?:uur|uren|hours?|lessons|periods)\b", re.I)


def uren_in_keren(tekst: str) -> float | None:
    """Hours missed said as a number of times and the hours of each time, or as lessons of some minutes; None
    when they were not said that way (then the hours are read as a plain amount)."""
    lessen = _LESSEN_VAN.search(tekst)
    if lessen:
        return round(float(lessen.group(1)) * float(lessen.group(2)) / 60, 1)
    delen = list(_DAGDELEN_VAN.finditer(tekst))
    if delen:
        return sum(telling(m.group(1)) * float(m.group(3).replace(",", ".")) for m in delen)
    per_keer = _UREN_PER_KEER.search(tekst)
    vak = _uren_van_tijdvak(tekst)  # "3 ochtenden gemist; onze ochtenden lopen van 8.30 tot 11.30"
    if per_keer is None and vak is None:
        return None
    uren_elk = telling(next(g for g in per_keer.groups() if g)) if per_keer else vak or 0.0
    keren = _KEREN.search(tekst)
    if keren:
        return telling(keren.group(1)) * uren_elk
    weken_al = _WEKEN_AL.search(tekst) or _AFGELOPEN_WEKEN.search(tekst) if _ELKE_WEEKDAG.search(tekst) else None
    if weken_al:  # "every Wednesday and Friday, for five weeks": each weekday named, each week
        weekdagen = len({d.group(1).lower() for d in _WEEKDAG.finditer(tekst)})
        return telling(next(g for g in weken_al.groups() if g)) * max(weekdagen, 1) * uren_elk
    return None


# Coming late, counted in times and minutes ("22 keer te laat, meestal 10 tot 15 minuten"): the minutes add up
# to the hours missed, taken at the upper end of a range; the times alone are no hours.
_TE_LAAT = re.compile(r"\b(te laat|late)\b", re.I)
_KEER_TE_LAAT = re.compile(_AANTAL + r"\s*(keer|maal|times)\b", re.I)
_MINUTEN = re.compile(r"(\d+)\s*(?:(?:tot|to|-|à|or|of)\s*(\d+)\s*)?(?:min|mins|minuten|minutes)\b", re.I)


# "elke dag te laat … sinds 5 weken": late on every school day of the weeks said.
_ELKE_DAG = re.compile(r"\b(elke|iedere) (school)?dag\b|\bdagelijks\b|\bevery (school )?day\b|\bdaily\b", re.I)
_DAGEN_PER_WEEK = re.compile(_AANTAL + r"\s+(?:dagen|days)\s+(?:per|a|in de|each)\s+week", re.I)


def uren_te_laat(tekst: str) -> float | None:
    """Hours missed by coming late, when the times (or "every day" and the weeks) and the minutes of each were
    said; None otherwise."""
    if not _TE_LAAT.search(tekst):
        return None
    keren, minuten = _KEER_TE_LAAT.search(tekst), _MINUTEN.search(tekst)
    if minuten is None:
        return None
    aantal = telling(keren.group(1)) if keren else None
    weken_al = _WEKEN_AL.search(tekst) or _AFGELOPEN_WEKEN.search(tekst)
    if aantal is None and _ELKE_DAG.search(tekst) and weken_al:
        per_week = _DAGEN_PER_WEEK.search(tekst)
        dagen = telling(per_week.group(1)) if per_week else SCHOOLDAGEN_PER_WEEK
        aantal = dagen * telling(next(g for g in weken_al.groups() if g))
    if aantal is None:
        return None
    return round(aantal * float(minuten.group(2) or minuten.group(1)) / 60, 1)


# Whole days missed and the length of a school day said apart ("2 full days last week and 3 this week … our days
# are 7 lessons of 60 minutes", "7 schooldagen achter elkaar, zo'n 5,5 uur per dag", "every Wednesday and Friday,
# full days of 5.5 hours, for 5 weeks"): the days times the day's hours, never one day's hours as the total.
_GETAL = r"(\d+(?:[.,]\d+)?)"
_MIN_ERBIJ = r"(?:\s*(?:en\s*|and\s*)?(\d+)\s*(?:min|mins|minuten|minutes)\b)?"
_DAGLENGTE = re.compile(
    _GETAL + r"\s*(?:uur|u|hours?|hrs?)" + _MIN_ERBIJ + r"\s*(?:per dag|a day|per day|each day|elke dag)|"
    r"(?:dagen|days)\s+(?:zijn|are|duren|last|van|of)\s+(?:about\s+|ongeveer\s+|zo'?n\s+)?" + _GETAL +
    r"\s*(?:uur|u|hours?|hrs?)\b" + _MIN_ERBIJ, re.I)
_DAGLESSEN = re.compile(r"(?:dagen|days)\s+(?:zijn|are|van|of)\s+(\d+)\s*(?:lessen|lesuren|lessons|periods)\s+"
                        r"(?:van|of)\s+(\d+)\s*(?:min|minuten|minutes)", re.I)
_AFGELOPEN_WEKEN = re.compile(r"(?:for|voor|in)\s+(?:the\s+)?(?:last|past|afgelopen)\s+" + _AANTAL + _WEKEN, re.I)
_HELE_DAGEN = re.compile(_AANTAL + r"\s+(?:hele\s+|full\s+|whole\s+)?(?:school\s?|les)?(?:dagen|days)\b"
                         r"(?!\s+(?:per|a|in de|each)\s+week)", re.I)


def _daglengte(tekst: str) -> float | None:
    lessen = _DAGLESSEN.search(tekst)
    if lessen:
        return float(lessen.group(1)) * float(lessen.group(2)) / 60
    lengte = _DAGLENGTE.search(tekst)
    if lengte is None:
        return None
    uren_, minuten = (lengte.group(1), lengte.group(2)) if lengte.group(1) else (lengte.group(3), lengte.group(4))
    return float(uren_.replace(",", ".")) + (float(minuten) / 60 if minuten else 0.0)


def uren_in_dagen(tekst: str) -> float | None:
    """Hours missed as whole days times the hours of a school day, when both were said; None otherwise."""
    per_dag = _daglengte(tekst)
    if per_dag is None or not 1 <= per_dag <= 10:
        return None
    dagen = sum(telling(m.group(1)) for m in _HELE_DAGEN.finditer(tekst))
    weekdagen = len({d.group(1).lower() for d in _WEEKDAG.finditer(tekst)})
    weken_al = _WEKEN_AL.search(tekst) or _AFGELOPEN_WEKEN.search(tekst)
    if not dagen and weekdagen and weken_al:  # "every Wednesday and Friday … for the last 5 weeks"
        dagen = weekdagen * telling(next(g for g in weken_al.groups() if g))
    return round(dagen * per_dag, 1) if dagen else None


# Fewer hours than the notice covers, said without a number: a single morning or afternoon (a morning in primary
# school is about 3.5 hours) or "een paar uur" (a couple of hours). Kept in the user's words.
_DAGDEEL = re.compile(r"\b(een|één|1|a|an|one) (middag|ochtend|morgen|halve dag|afternoon|morning|half day)\b|"
                      r"\been paar uur(tjes)?\b|\ba (few|couple of) hours\b", re.I)
UREN_DAGDEEL = 4


# Clock times ("om 12 uur ophalen", "8:30-12:00", "tot 14.00") are no number of hours away.
# "het gaat om 4 uur" is an amount of hours, not a clock time.
_KLOKTIJD = re.compile(r"(?<!\bgaat )(?<!\bgaan )"
                       r"\b(om|tot|vanaf|van|till|until|at|from|to)\s+(half\s+)?\d{1,2}([:.]\d{2})?(?![.,]\d)"
                       r"\s*(uur|u)?\b|"
                       r"\b\d{1,2}[:.]\d{2}\b", re.I)
_WEEKDAG = re.compile(r"\b" + _WEEKDAGEN, re.I)
_PER_KEER = re.compile(r"\b(per|elke|iedere|each|every|a|an)\s+(middag|ochtend|morgen|dag|keer|afternoon|morning|"
                       r"day|time)\b", re.I)
_PER_WEEK = re.compile(r"\b(per|in de|a|each|every)\s+week\b|\bweekly\b", re.I)


# A span of the school day ("van half 9 tot 12 uur", "8:30-15:00", "8.30 tot 14.00"): its length is the hours
# of that day. Only spans inside a school day count, so "van 5 tot 10 uur per week" is no span.
_TIJDVAK = re.compile(r"(?:\b(half)\s+)?\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:uur|u)?\s*(?:tot|-|–|to|until|till)\s*"
                      r"(?:(half)\s+)?(\d{1,2})(?:[:.](\d{2}))?", re.I)
_KEREN_PER_WEEK = re.compile(_AANTAL + r"\s+(?:hele\s+|full\s+)?" + _DAGDELEN + r"\b", re.I)
_UUR_PER_WEEK = re.compile(r"(uur|uren|hours?)\s+(per|in de|a|each|every)\s+week|hours weekly", re.I)
# "bovenop de 5 uur nog 4 uur", "the extra hours on top of the first 5": a question about art. 11a lid 2.
_BOVENOP_VIJF = re.compile(r"(bovenop|boven op|naast|on top of|in addition to|beyond|boven)\s+(de |the )?"
                           r"(eerste |first )?(5|vijf|five)\b(\s*(uur|uren|hours?))?", re.I)
# A whole week away ("de week voor de meivakantie", "a full week earlier") is far beyond any hours of art. 11a.
_HELE_WEEK = re.compile(r"\b(de|een|hele|whole|the|a full)\s+week\s+(voor|eerder|before|earlier|weg|away)\b", re.I)
# "2 ochtendjes van 2 uur", "hele dagen van 5,5 uur": the hours of each time, not a clock time.
_UREN_VAN_KEER = re.compile(_DAGDELEN + r"\s+(van|of)\s+(\d+(?:[.,]\d+)?)\s*(uur|uren|hours?)\b", re.I)
UREN_SCHOOLWEEK = 22  # the fewest hours of a school week in primary school, only to compare with art. 11a


def _tijd(half: str | None, uur: str, minuten: str | None) -> float:
    return int(uur) + int(minuten or 0) / 60 - (0.5 if half else 0)  # "half 9" is 8:30


def _uren_van_tijdvak(tekst: str) -> float | None:
    """The length of the one span of the school day said, else None (none, or spans of different lengths)."""
    lengtes = set()
    for m in _TIJDVAK.finditer(tekst):
        begin, eind = _tijd(m.group(1), m.group(2), m.group(3)), _tijd(m.group(4), m.group(5), m.group(6))
        if eind <= begin and eind < 7:
            eind += 12  # "8.30 tot 2 uur"
        if 7 <= begin <= 14 and begin < eind <= 17:
            lengtes.add(round(eind - begin, 2))
    return lengtes.pop() if len(lengtes) == 1 else None


_KEER_MAAL_UUR = re.compile(r"\b" + _AANTAL + r"\s*(?:keer|maal|x|×|times)\s*" + _AANTAL + r"\s*(?:uur|uren|hours?)\b",
                            re.I)


def uren_per_week_thuis(tekst: str) -> Feiten:
    """A five-year-old's hours at home per week, only as far as the text tells them: the hours of one time (a
    span of clock times, or "van 2 uur") times how often ("2 ochtendjes", the weekdays named). Where the counts
    disagree, or hours on several weekdays are neither per week nor per time, nothing is read and the hours are
    asked — never guessed low."""
    hele_week = _HELE_WEEK.search(tekst)
    if hele_week:
        return {"uren_per_week": UREN_SCHOOLWEEK, ZOALS_GEZEGD: {"uren_per_week": hele_week.group(0)}}
    bovenop = _BOVENOP_VIJF.search(tekst)
    if bovenop:  # hours on top of the five of the notice: those five plus the hours said, or lid 2 without a number
        erbij = uren(tekst[:bovenop.start()] + " " + tekst[bovenop.end():])
        return {"uren_per_week": 5 + erbij} if erbij is not None and erbij <= 35 else {"boven_kennisgeving": True}
    samen = totaal(tekst, eenheid_nodig=True)
    if samen:  # "elke maandag en dinsdag, dat is samen ongeveer 11 uur": the user's own total for the week
        return {"uren_per_week": samen[0]}
    maal = _KEER_MAAL_UUR.search(tekst)
    if maal:  # "dat is 2 keer 2 uur": the user's own sum
        return {"uren_per_week": telling(maal.group(1)) * telling(maal.group(2)),
                ZOALS_GEZEGD: {"uren_per_week": maal.group(0)}}
    vak = _uren_van_tijdvak(tekst)
    rest = _KLOKTIJD.sub(" ", _TIJDVAK.sub(" ", tekst))
    van_keer = _UREN_VAN_KEER.search(tekst)
    per_keer = vak if vak is not None else float(van_keer.group(3).replace(",", ".")) if van_keer else uren(rest)
    dagnamen = list({d.group(0).lower(): d.group(0) for d in _WEEKDAG.finditer(tekst)}.values())
    weekdagen = len({d.group(1).lower() for d in _WEEKDAG.finditer(tekst)})
    keren = _KEREN_PER_WEEK.search(tekst)
    aantal = telling(keren.group(1)) if keren else None
    if per_keer is not None and per_keer <= 40:
        if _UUR_PER_WEEK.search(rest) and vak is None:
            return {"uren_per_week": per_keer}
        if aantal is not None and weekdagen and aantal != weekdagen:
            return {}  # "school is 8:30-15:00 on four days ... keep him home every friday": which days?
        keer = aantal or weekdagen
        if keer >= 2 and vak is None and aantal is None and not _PER_KEER.search(tekst):
            return {}
        feiten: Feiten = {"uren_per_week": per_keer * max(keer, 1)}
        if vak is not None or keer >= 2:  # a computed number: shown back in the user's own words
            tijd = _TIJDVAK.search(tekst).group(0) if vak is not None else (  # type: ignore[union-attr]
                f"van {van_keer.group(3)} {van_keer.group(4)}" if van_keer else "")
            woorden = [keren.group(0) if keren else ", ".join(dagnamen), tijd]
            feiten[ZOALS_GEZEGD] = {"uren_per_week": ", ".join(w for w in woorden if w)}
        return feiten
    deel = _DAGDEEL.search(tekst)
    if deel and weekdagen <= 1:  # one morning, afternoon or a couple of hours: within the notice, in the user's words
        return {"uren_per_week": UREN_DAGDEEL, ZOALS_GEZEGD: {"uren_per_week": deel.group(0)}}
    return {}


# The amounts a total of hours is worked out from: counts of hours, minutes, times, days, lessons, weeks, and
# "every Wednesday".
_HOEVEELHEID = re.compile(r"(\d+(?:[.,]\d+)?|" + "|".join(TELWOORDEN) + r")\s*(?:les)?(?:uur|u\b|uren|hours?|hrs?|"
                          r"min\b|mins|minuten|minutes|keer|maal|times|x\b|(?:hele |full |whole )?(?:school)?dagen|"
                          r"days?|lessen|lessons|periods|ochtend\w*|middag\w*|mornings?|afternoons?|"
                          r"(?:school ?|les)?weken|weeks?)\b(?:\s+(?:per|a|in de|each|elke)\s+week\b)?|"
                          r"\b(?:elke|iedere|every|each)\s+(?:dag|day|"
                          + _WEEKDAGEN[1:], re.I)
MAX_WOORDEN_TEKENS = 120


def woorden_van_uren(tekst: str) -> str:
    """The user's own words for a total of hours worked out from them: the stretch of their text from the first
    amount to the last ("elke woensdag en vrijdag, hele dagen van 5,5 uur, al 5 weken")."""
    gevonden = list(_HOEVEELHEID.finditer(tekst))
    if not gevonden:
        return tekst.strip()[:MAX_WOORDEN_TEKENS]
    return tekst[gevonden[0].start():gevonden[-1].end()].strip()[:MAX_WOORDEN_TEKENS]
