"""Facts for the rules, read from what the user wrote (entities where Rasa found them, else the text).

Only facts that are clearly stated are returned; anything else stays unknown, so the rule answers with
its general form instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from actions.geboorte import geboorte
from actions.normalise import parse_schooldagen
from actions.uren import (
    Feiten,
    uren_apart,
    uren_in_dagen,
    uren_in_keren,
    uren_per_week_thuis,
    uren_te_laat,
    woorden_van_uren,
)
from content.woorden import (
    buitenland_patroon,
    diploma_patronen,
    herken_feest,
    neef_nicht_via_patronen,
    noem_feest,
    omstandigheid_patronen,
    relaties,
    schooltype_patronen,
)
from dossier.model import ZOALS_GEZEGD
from invoer.datums import WEEKDAG_ERVOOR, datums_in, lees_dag, periode_in
from invoer.getallen import TELWOORDEN, getal_of_woord
from invoer.leeftijd import leeftijd
from invoer.uren import totaal, weken
from invoer.uren import weekdagen as weekdagen  # the leave action counts a period's weekdays through here
from rules.gewichtig import GRAAD_VAN_RELATIE, NEEF_NICHT, PLEEG

# Kinship terms, events and places abroad come from the vocabulary in content (content/data/woorden/).
_RELATIE_WOORDEN = relaties().woorden()
# Words of more than one word ("foster parent", "brother-in-law"), longest first, before single words.
_RELATIE_ZINNEN = sorted((w for w in _RELATIE_WOORDEN if not w.isalpha()), key=len, reverse=True)
_BUITENLAND = buitenland_patroon()
_BEROEP = re.compile(
    r"camping|seizoen|horeca|hotel|restaurant|boer|akkerbouw|landbouw|tuinder|oogst|zelfstandig|ondernemer|manege|"
    r"eigen bedrijf|piloot|steward|toerisme|ijssalon|strandtent|season|farm|harvest|self-employed|"
    r"own business|nooit vrij in de (zomer|vakantie)|altijd werken in de (zomer|vakantie)", re.IGNORECASE)
_GOEDKOPER = re.compile(r"goedkop|aanbieding|prijs|prijzen|duur\b|duurder|last ?minute|cheaper|cheap|deal|"
                        r"expensive|\bprices?\b|\bfares?\b", re.IGNORECASE)
_WERKGEVER = re.compile(r"werkgever|werkgeversverklaring|\bbaas\b|employer|\bboss\b|verlof in de", re.I)
# The family's own wish, not a job: a sibling's school with other holidays, going together, visiting family.
_GEZIN = re.compile(r"andere (school)?vakantie|(other|different) (school )?(holidays|breaks?|vacation)|"
                    r"(broer|zus|broertje|zusje|brother|sister|sibling|(older|younger|other|oudste|jongste|andere) "
                    r"(son|daughter|child|kid|zoon|dochter|kind))[^.?!]{0,60}(vakantie|holiday|break)|"
                    r"(hele gezin|whole family|all of us) (\w+ ){0,3}(samen|together)|familiebezoek|familie (bezoeken|"
                    r"opzoeken)|(visit|see) (the |our )?(family|grandparents|relatives)|opa en oma (bezoeken|opzoeken)",
                    re.I)
_DRUKTE = re.compile(r"drukte|file|spits|traffic|al geboekt|already booked", re.IGNORECASE)
# The first lesweken of the school year, said as such: "de eerste week van juni" is no leesweek of that kind.
_EERSTE_WEKEN = re.compile(
    r"(eerste|1e|first) (twee |2 |two )?les ?(week|weken)|"
    r"(eerste|1e|first) (twee |2 |two )?(week|weken|weeks?) ((na|after) (de |the )?(zomer|summer|grote vakantie)|"
    r"(van|of) (het |the )?(nieuwe |new )?(schooljaar|school ?year))|"
    r"(begin|start) (van |of )?(het |the )?(nieuwe |new )?(schooljaar|school ?year)|"
    r"na de zomervakantie later|week later terug", re.IGNORECASE)
# Said not to be so ("niet in de eerste twee weken"): no fact, and its weeks are not the leave's length.
_NIET_EERSTE_WEKEN = re.compile(r"\b(niet|geen|not|never)\b[^.,;!?]{0,25}?(" + _EERSTE_WEKEN.pattern + ")", re.I)
_TAL = r"(\d+|" + "|".join(TELWOORDEN) + r")"  # "three weeks on and three weeks off" counts as a rota too
# A work rota ("4 dagen op, 4 dagen af", "werkt 3 dagen per week") is no length of leave.
_ROOSTER = re.compile(
    _TAL + r"\s*(dagen|days|weken|weeks)?\s*(op|on)[\s,/-]+(en\s+|and\s+)?" + _TAL +
    r"\s*(dagen|days|weken|weeks)?\s*(af|off)\b|"
    r"\d+\s*(dagen|days)\s*(per|in de|a|each)\s*week\b|\b(ploegendienst|wisseldienst|shifts?)\b|"
    r"\d+\s*(dagen|days)\s*(in de weer|aan het werk|werken|op het werk|at work|working)\b|"
    r"\d+\s*(à|a|of|tot|-)\s*\d+\s*(dagen|days)\s*(per|in de|a)\s*week\b", re.I)
_TWEEDE_KEER = re.compile(r"tweede keer|tweede (aanvraag|verzoek)|nog een keer|al eerder (vrij|verlof)|second time|"
                          r"second (request|application)|again this year|"
                          r"vorige keer al|\b(al \S+|\d+) dagen (vakantie)?verlof (gehad|gekregen)|"
                          r"al (vakantie)?verlof (gehad|gekregen)|already (had|got) (holiday )?leave|"
                          r"\b(gaf|gaven|kreeg|kregen|gekregen|gehad|hadden) (\w+ ){0,2}al \d+ (school)?dagen|"
                          r"\bal \d+ (school)?dagen (vakantie)?verlof|"
                          r"\b(had|got|were given|received|was given) \d+ (school )?days'? (of )?(leave|off)|"
                          r"\b\d+ (school)?dagen [^?!]{0,40}?\btoegekend\b|"
                          r"\b(already|has|have|had|was|were) (been )?(granted|approved|given) \d+ (school )?days",
                          re.IGNORECASE)
# Leave already given this school year ("al 7 dagen art. 14-verlof gehad", "a pupil had 5 days in October").
_AL_VERLEEND = re.compile(r"al (\d+) (?:school)?dagen [^?!]{0,25}?(?:verlof|vrij)\w* (?:gehad|gekregen|gegeven)|"
                          r"\b(\d+) (?:school)?dagen (?:vakantie)?(?:vrij|verlof)\w* (?:gehad|gekregen)\b|"
                          r"(?:gehad|gekregen|had|kreeg) al (\d+) (?:school)?dagen|"
                          r"\b(?:already |earlier )?(?:had|got|was given|received) (\d+) (?:school )?days\b",
                          re.IGNORECASE)


_DUUR = re.compile(
    r"(\d+(?:[.,]\d+)?|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|anderhalve|"
    r"halve|a|an|one|two|three|four|five|six|ten)\s+(?:school ?)?(?:dag|dagen|dagje|week|weken|weekje|days?|weeks?)\b",
    re.IGNORECASE)


_TERMIJN = re.compile(r"van ?te ?voren|vooraf|in advance|beforehand|aanvraagtermijn|hoe lang (van )?te|"
                      r"hoeveel (dagen|weken|tijd) (voor|vóór)|how (many days|many weeks|long|much time) before", re.I)
_MOMENT_VOOR = re.compile(r"\b(over|na|binnen|in|within|after)\s+$", re.I)
_MOMENT_NA = re.compile(r"\s*(geleden|ago|later|daarna|daarvoor|from now)\b", re.I)
_EN = re.compile(r"\s*(en|and|plus|\+|&)\s*", re.I)
# "niet meer dan 10 dagen", "no more than 10 days": at most 10, not at least 11.
_ONTKENNING_VOOR = re.compile(r"\b(niet|geen|nooit|not|no|never)(\s+(be|zijn|worden|duren|last|take))?\s*$", re.I)
# A bound said before an amount ("niet meer dan 10 dagen", "it would NOT be more than 10 days, just 8"): when
# another amount follows, that one is the leave asked.
_GRENS_VOOR = re.compile(r"\b(niet|geen|nooit|not|no|never)(\s+\w+)?\s+(meer|langer|more|longer)\s+(dan|than)\s*$|"
                         r"\b(maximaal|hooguit|at most|max\.?)\s*$", re.I)
_PER_JAAR = re.compile(r"\s*(per|a|each|in een|in a|van het)\s+(school ?)?(jaar|year)", re.I)
_KORT_ANTWOORD = 3  # words: "15", "5 dagen?" answer a question about the number of days


def _dagen_feit(naam: str, tekst: str, entities: list[Mapping[str, Any]]) -> Feiten:
    """The school days of the request under `naam`, with the user's own words when the number was computed
    from them ("een week", "meer dan 10 dagen")."""
    dagen, woorden = _dagen_en_woorden(tekst, entities)
    if dagen is None:
        return {}
    return {naam: dagen, **({ZOALS_GEZEGD: {naam: woorden}} if woorden else {})}


MAX_WOORDEN_GEZEGD = 6  # longer stretches are not one amount; the number is shown then


def _dagen_en_woorden(tekst: str, entities: list[Mapping[str, Any]]) -> tuple[int | None, str | None]:
    """A duration only when a number stands before the unit ("volgende week" is a moment, not a week), or a
    bare number that is a whole short answer. An entity DIET tagged elsewhere ("vrijdag 17 april") is no
    duration; weeks in a question about the lead time ("8 weken van tevoren") are not the leave asked. Also
    the words it was said in, when the number itself was not said."""
    bron = None
    stukken: list[re.Match[str]] = []
    for match in _DUUR.finditer(tekst):
        na = tekst[match.end():match.end() + 12]
        if _MOMENT_VOOR.search(tekst[max(0, match.start() - 10):match.start()]) or _MOMENT_NA.match(na):
            continue  # "over twee weken", "in two weeks", "3 weken geleden": when, not how long
        if _PER_JAAR.match(tekst, match.end()):
            continue  # "the 10 days per school year": the law's limit, not the leave asked
        if _GRENS_VOOR.search(tekst[max(0, match.start() - 30):match.start()]) \
                and any(True for _ in _DUUR.finditer(tekst, match.end())):
            continue  # "niet langer dan 10 dagen, waarschijnlijk 8 dagen": the bound is not the leave asked
        if _TERMIJN.search(tekst) and re.search(r"week|weken|weeks", match.group(0), re.I) \
                and not re.match(r"\s*(weg|vrij|verlof|vakantie|off|away)", na, re.I):
            continue  # a lead time, not the length of the leave
        # Amounts joined by "en"/"and" add up ("2 weken en 1 dag"); a second amount said apart is another
        # figure ("8 dagen, hooguit 10") and with a lead time only this one counts.
        stukken = [match]
        if not _TERMIJN.search(tekst):
            for volgende in _DUUR.finditer(tekst, match.end()):
                if not _EN.fullmatch(tekst[stukken[-1].end():volgende.start()]):
                    break
                stukken.append(volgende)
        bron = tekst[stukken[0].start():stukken[-1].end()]
        break
    if bron is None:
        korte = [deel for deel in re.split(r"\s+\.\s+", tekst) if len(deel.split()) <= _KORT_ANTWOORD]
        bron = next((deel for deel in reversed(korte) if re.search(r"\d", deel)), None)
    if bron is None and len(tekst.split()) <= _KORT_ANTWOORD:
        bron = _entiteit(entities, "aantal_dagen")
    dagen = parse_schooldagen(bron) if bron else None
    if dagen is None:
        return None, None
    meer = re.search(r"(meer dan|langer dan|more than|longer than|over)\s+" + re.escape(str(dagen)) + r"\b",
                     tekst, re.I)
    if meer and _ONTKENNING_VOOR.search(tekst[max(0, meer.start() - 20):meer.start()]):
        meer = None
    if meer:
        dagen += 1  # "meer dan 10 dagen" is at least 11
    woorden = tekst[(meer or stukken[0]).start():stukken[-1].end()] if stukken else None
    if woorden is None or (not meer and re.search(rf"(?<![\d.,]){dagen}(?![\d.,])", woorden)) \
            or len(woorden.split()) > MAX_WOORDEN_GEZEGD:
        return dagen, None  # the number itself was said (or too much text lies between the amounts)
    return dagen, woorden.strip()


def _entiteit(entities: list[Mapping[str, Any]], naam: str) -> str | None:
    for entity in entities:
        if entity.get("entity") == naam and entity.get("value") not in (None, ""):
            return str(entity["value"])
    return None


def _leeftijd_binnen(tekst: str, laag: int, hoog: int) -> int | None:
    """An age in the text, only when it is plausible for the question at hand."""
    jaar = leeftijd(tekst)
    return jaar if jaar is not None and laag <= jaar <= hoog else None


_BEKENDE_RELATIES = frozenset({*GRAAD_VAN_RELATIE, *NEEF_NICHT, *PLEEG})
def relatie(tekst: str, entities: list[Mapping[str, Any]]) -> str | None:
    """The relation by the name the rules use: the one the NLU tagged, else the first the text names."""
    kandidaat = (_entiteit(entities, "relatie") or "").lower()
    if kandidaat:
        naam = _RELATIE_WOORDEN.get(kandidaat)
        return naam if naam in _BEKENDE_RELATIES else None
    klein = tekst.lower()
    for zin in _RELATIE_ZINNEN:
        if re.search(rf"(?<!\w){re.escape(zin)}(?!\w)", klein):
            return _RELATIE_WOORDEN[zin]
    for woord in re.findall(r"[a-zçğışöü]+", klein):
        naam = _RELATIE_WOORDEN.get(woord)
        if naam in _BEKENDE_RELATIES:
            return naam
    return None


def neef_nicht_via(tekst: str) -> str | None:
    """Whose child a neef or nicht is, when said outright (content/data/woorden/relaties.yaml)."""
    return next((via for via, patroon in neef_nicht_via_patronen() if patroon.search(tekst)), None)


def noemt_goedkoper(tekst: str) -> bool:
    """Whether the text gives a cheaper or easier trip as the reason (no ground for leave)."""
    return bool(_GOEDKOPER.search(tekst))


def noemt_beroep(tekst: str) -> bool:
    """Whether the text names a job that keeps a parent from every school holiday (seasonal work, a camping)."""
    return bool(_BEROEP.search(tekst))


def dagen(tekst: str) -> int | None:
    """The school days of a leave the text asks for, if it names a duration."""
    return _dagen_en_woorden(tekst, [])[0]


def omstandigheid(tekst: str) -> str | None:
    for naam, patroon in omstandigheid_patronen():
        if patroon.search(tekst):
            return naam
    return None


# The school's first day of the school year, said outright ("de school begint op maandag 31 augustus", "school
# here starts again monday 31 august").
_EERSTE_SCHOOLDAG = re.compile(
    r"(?:school\w*|lessen|eerste schooldag)\s+(?:\w+\s+){0,4}?(?:begint|begint weer|start|starts|begins|opens|"
    r"is|valt)\s+(?:again\s+|weer\s+)?(?:hier\s+|bij ons\s+|daar\s+|here\s+|for us\s+)?(?:op\s+|on\s+)?"
    + WEEKDAG_ERVOOR
    + r"(\d{1,2}\s+(?:augustus|september|august|aug|sept?)\b|(?:august|september|aug|sept?)\s+\d{1,2})", re.IGNORECASE)


def eerste_schooldag(tekst: str, peildatum: dt.date) -> dt.date | None:
    """The first school day of the school year, when the user said it; None otherwise."""
    match = _EERSTE_SCHOOLDAG.search(tekst)
    if match is None:
        return None
    datum = lees_dag(match.group(1), peildatum, "toekomst")  # read as the periods are: the next such date
    return None if datum is None else datum.datum


def periode(tekst: str, peildatum: dt.date) -> tuple[dt.date, dt.date] | None:
    """'van 3 t/m 14 maart', '3 tot en met 7 april', 'from 3 to 7 March' → first and last day, in the future."""
    gevonden = periode_in(tekst, peildatum, "toekomst")
    return None if gevonden is None else (gevonden.begin, gevonden.eind)


def vakantieverlof(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    if _GOEDKOPER.search(tekst):
        feiten["reden"] = "goedkoper"
    elif _DRUKTE.search(tekst) and not _WERKGEVER.search(tekst):  # "wegens drukte" in an employer's letter is
        feiten["reden"] = "drukte"                                  # the job's reason, not the family's
    elif _BEROEP.search(tekst):
        feiten["beroep_maakt_schoolvakanties_onmogelijk"] = True
    elif _GEZIN.search(tekst):
        feiten["reden"] = "gezin"
    rest = _NIET_EERSTE_WEKEN.sub(" ", _ROOSTER.sub(" ", tekst))
    eerste = _EERSTE_WEKEN.search(rest)
    if eerste:
        feiten["in_eerste_lesweken"] = True
        rest = f"{rest[:eerste.start()]} {rest[eerste.end():]}"  # "de eerste twee weken" is no length either
    tweede = _TWEEDE_KEER.search(rest)
    if tweede:
        feiten["al_eerder_verleend_dit_schooljaar"] = True
        rest = f"{rest[:tweede.start()]} {rest[tweede.end():]}"  # the days had before are not the days asked now
    feiten.update(_dagen_feit("aantal_schooldagen", rest, entities))
    begin = eerste_schooldag(tekst, peildatum)
    if begin is not None:
        feiten["eerste_schooldag"] = begin
    gevonden = periode(_SCHOOLVAKANTIE_GENOEMD.sub(" ", tekst), peildatum)
    if gevonden is not None:
        feiten["van"], feiten["tot_en_met"] = gevonden
    return feiten


# The dates of a school holiday ("the autumn break at her school is 17-25 October", "de herfstvakantie is van 17
# t/m 25 oktober") are not the leave asked for.
_SCHOOLVAKANTIE_GENOEMD = re.compile(
    r"\b((herfst|kerst|voorjaars|krokus|mei|zomer|paas|pinkster)vakantie|(autumn|christmas|spring|may|summer|easter|"
    r"half[- ]term|winter) (break|holidays?|vacation))\b[^.?!]{0,25}?\b(is|are|valt|vallen|loopt|lopen|duurt|"
    r"runs|begint|starts|zijn)\b[^.?!]{0,30}", re.I)


def gewichtig(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    soort = omstandigheid(tekst)
    if soort:
        feiten["omstandigheid"] = soort
    rel = relatie(tekst, entities)
    if rel:
        feiten["relatie"] = rel
    via = neef_nicht_via(tekst)
    if via and rel in NEEF_NICHT:
        feiten["neef_nicht_via"] = via
    if _BUITENLAND.search(tekst):
        feiten["in_buitenland"] = True
    eerder = _AL_VERLEEND.search(tekst)
    if eerder:
        feiten["eerder_verleend_dit_schooljaar"] = int(next(g for g in eerder.groups() if g))
        tekst = tekst[:eerder.start()] + tekst[eerder.end():]  # the rest is about the new request
    feiten.update(_dagen_feit("aantal_schooldagen", _ROOSTER.sub(" ", tekst), [] if eerder else entities))
    if soort == "anders":  # an event the rules have no name for is shown back in the user's word
        woord = next(p.search(tekst) for n, p in omstandigheid_patronen() if n == soort)
        if woord is not None:  # the whole word: "voetbaltoernooi", not "toernooi"
            begin = len(re.search(r"[\w-]*$", tekst[:woord.start()]).group(0))  # type: ignore[union-attr]
            rest = re.match(r"[\w-]*", tekst[woord.end():]).group(0)  # type: ignore[union-attr]
            gezegd = tekst[woord.start() - begin:woord.end() + len(rest)]
            feiten[ZOALS_GEZEGD] = {**feiten.get(ZOALS_GEZEGD, {}), "omstandigheid": gezegd}
    if re.search(r"achteraf|afgelopen|gisteren|vorige week|already (went|happened|left)|last week|"
                 r"\b(al|meteen|direct|gelijk|halsoverkop|plotseling) (vertrokken|gegaan|weggegaan|gevlogen)|"
                 r"\bleft (immediately|at once|straight away|right away)|\bflew out|vanochtend (\w+ )?gevlogen|"
                 r"the same (night|day)|dezelfde (avond|nacht|dag)", tekst, re.I):
        feiten["achteraf"] = True
    return feiten


_MINDER_DAN = re.compile(
    r"\b(minder dan|onder( de)?|less than|fewer than|under)\s+(\d+(?:[.,]\d+)?)\s*(uur|uren|hours?)", re.I)
_NIET_UREN = re.compile(r"\b(niet|geen|not|never|no)\s+(\w+\s+){0,2}?\d+(?:[.,]\d+)?\s*(uur|uren|hours?)\b", re.I)
WEKEN_PER_MAAND = 4.3
MELDPLICHT_DREMPEL_UREN = 16  # art. 21a lid 1; only to read "minder dan 16 uur", the rule has its own parameter
_ERBIJ = re.compile(r"(?:nog|extra|another|more)\s+(\d+(?:[.,]\d+)?)\s*(?:uur|u\b|hours?)(?:\s+(?:bij|erbij))?|"
                    r"(\d+(?:[.,]\d+)?)\s*(?:uur|u\b|hours?)\s+(?:erbij|bij|more|extra)", re.I)


def meldplicht(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    minder = _MINDER_DAN.search(tekst)
    if minder and float(minder.group(3).replace(",", ".")) <= MELDPLICHT_DREMPEL_UREN:
        feiten["onder_drempel"] = True  # "minder dan 16 uur": below the line, whatever the exact number
    # Hours said not to be so, or only as a bound, are no count of hours missed.
    tekst = _NIET_UREN.sub(" ", _MINDER_DAN.sub(" ", tekst))
    aantal_weken = weken(tekst)
    apart, per_week = uren_apart(tekst)
    aantal_uren = uren_te_laat(tekst)
    if aantal_uren is None:
        aantal_uren = uren_in_dagen(tekst)
    if aantal_uren is None:
        aantal_uren = uren_in_keren(tekst)
    lesdag = _LESDAG_UREN.search(tekst)
    if aantal_uren is None and lesdag and aantal_weken is not None:
        aantal_uren = float(lesdag.group(1)) * aantal_weken  # "1 lesdag per week (8 uur)", missed for 3 weeks
    elif aantal_uren is None and apart:
        aantal_uren = sum(apart)  # "week 1 vijf uur, week 2 vier uur, …": the amounts add up, never the first alone
    elif aantal_uren is None and per_week is not None and aantal_weken is not None:
        aantal_uren = per_week * aantal_weken  # "25 lesuren per week, sinds 3 weken thuis"; a rate alone is no total
    # A total worked out from the user's numbers (anything but one amount said) is shown back in their own words,
    # never as a number they did not say.
    gerekend = aantal_uren is not None and apart != [aantal_uren]
    maanden = getal_of_woord(r"maanden\b|maand\b|months?\b", tekst)
    if aantal_weken is None and maanden is not None:
        aantal_weken = round(maanden * WEKEN_PER_MAAND)  # "over 3 maanden": the hours were spread, not in 4 weeks
    som, erbij = totaal(tekst), _ERBIJ.search(tekst)
    if som and re.search(r"\d", tekst[som[1].end():]):
        som = None  # "samen 9 uur …, en nog eens 8 uur": a part before more hours, not the total worked out
    if som:  # "er komen nog 4 uur bij, dus 18": the total the user worked out counts
        aantal_uren, gerekend = som[0], False
    elif erbij:  # "nog 4 uur erbij": added to the hours known before (the conversation does the sum)
        feiten["extra_uren"] = float((erbij.group(1) or erbij.group(2)).replace(",", "."))
        aantal_uren = None
    if aantal_uren is not None:
        feiten["totaal_uren"] = aantal_uren
        if gerekend:
            feiten.setdefault(ZOALS_GEZEGD, {})["totaal_uren"] = woorden_van_uren(tekst)
    if _LUXE.search(tekst):
        feiten["luxe_verzuim"] = True
    langdurig = re.search(r"langer dan (4|vier) weken|thuiszit\w*|lrv|langdurig\w*|more than (4|four) weeks", tekst,
                          re.I)
    if langdurig:  # more than four weeks, said without a number: shown back in the user's words
        feiten["aaneengesloten_weken_afwezig"] = 5
        feiten.setdefault(ZOALS_GEZEGD, {})["aaneengesloten_weken_afwezig"] = langdurig.group(0)
    heel = _HELE_WEKEN.search(tekst)
    if heel and "aaneengesloten_weken_afwezig" not in feiten and "totaal_uren" not in feiten:
        aantal = next(g for g in heel.groups() if g)
        feiten["aaneengesloten_weken_afwezig"] = float(TELWOORDEN.get(aantal.lower(), 0) or aantal)
    sinds = weken_weg_sinds(tekst, peildatum)
    if sinds is not None and "aaneengesloten_weken_afwezig" not in feiten and "totaal_uren" not in feiten:
        feiten["aaneengesloten_weken_afwezig"] = sinds[0]  # a number worked out: shown back in the user's words
        feiten.setdefault(ZOALS_GEZEGD, {})["aaneengesloten_weken_afwezig"] = sinds[1]
    if aantal_weken is not None and 0 < aantal_weken <= 52 and "aaneengesloten_weken_afwezig" not in feiten:
        feiten["over_weken"] = aantal_weken  # without hours too: a form then asks only for the hours
    jaar = _leeftijd_binnen(tekst, 4, 30)
    if jaar is not None:
        feiten["leeftijd"] = jaar
    gemeente = _entiteit(entities, "gemeente")
    if gemeente:
        feiten["woongemeente"] = gemeente
    # The kind of school, for the meldplicht before 2024 (art. 21 or 21a) and the RMC rule (WVO or WEB).
    soort = next((naam for naam, patroon in schooltype_patronen() if patroon.search(tekst)), None)
    if soort:
        feiten["schooltype"] = soort
    if _OVERIG.search(tekst):
        feiten["onder_drempel"] = True
    if _ZIEK.search(_NIET_ZIEK.sub(" ", tekst)) and not _ONGEOORLOOFD.search(tekst) and "luxe_verzuim" not in feiten:
        feiten["alleen_geoorloofd"] = True
        if _TWIJFEL.search(tekst):
            feiten["twijfel"] = True
    if _GEEN_STARTKWALIFICATIE.search(tekst):
        feiten["startkwalificatie"] = False
    elif re.search(r"(heeft|met|al) (een |zijn |haar )?(startkwalificatie|havo-?diploma|vwo-?diploma)", tekst, re.I):
        feiten["startkwalificatie"] = True
    # Not a bare "verwijderd": the placeholder of a redacted personal number says that too.
    if re.search(r"\bverwijdering\b|\bverwijderen\b|van (de )?school (gestuurd|verwijderd|getrapt)|\bexpel", tekst,
                 re.I):
        feiten["melding_over"] = "verwijdering"
    elif re.search(r"inschrijving|uitschrijving|inschrijven|uitschrijven|enrol|de-?regist", tekst, re.I):
        feiten["melding_over"] = "in_uitschrijving"
    return feiten


# Whole weeks away, said as such ("3 weken niet op school", "hasn't set foot in school for five weeks"): more
# lesson time than the threshold.
_WEKEN_AANTAL = r"(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|one|two|three|four|five|six|seven|eight)"
_HELE_WEKEN = re.compile(
    _WEKEN_AANTAL + r" (?:hele |whole )?(?:school)?weken? (?:\w+ ){0,4}?(?:afwezig|"
    r"niet (?:meer )?(?:op|naar|in) school|niet (?:meer )?(?:gekomen|verschenen|geweest|gezien)|thuis|weg\b|absent|"
    r"not at school)|"
    r"(?:not been (?:in|at|to) school|not (?:come|came|shown up|turned up|attended|appeared)|"
    r"(?:hasn'?t|has not|haven'?t|didn'?t|did not) (?:set foot in school|been (?:in|at|to) school|come in|shown up|"
    r"turned up|attended|appeared)|absent|stayed (?:at )?home)[^.?!;]{0,30}?\bfor\s+(?:the\s+(?:last|past)\s+)?"
    + _WEKEN_AANTAL + r"\s+(?:whole\s+)?(?:school\s+)?weeks?", re.IGNORECASE)
# Away without a break since a date ("is sinds 7 september niet meer op school geweest", "has not shown up since
# 21 September"): the whole weeks from that date to today.
_NIET_OP_SCHOOL = (r"(?:afwezig|niet (?:meer )?(?:op|naar|in) school|"
                   r"niet (?:meer )?(?:gekomen|verschenen|geweest|gezien)|"
                   r"absent|not (?:been )?(?:at|in|to) school|not (?:come|shown up|turned up|attended|been seen)|"
                   r"(?:hasn'?t|has not|haven'?t) (?:been (?:in|at|to) school|come in|shown up|turned up|attended))")
_SINDS_DATUM = r"(?:sinds|since|vanaf)\s+(\S+(?:\s+\S+)?)"
_WEG_SINDS = re.compile(_NIET_OP_SCHOOL + r"[^.?!;]{0,25}?" + _SINDS_DATUM + "|" + _SINDS_DATUM + r"[^.?!;]{0,40}?"
                        + _NIET_OP_SCHOOL, re.I)
DAGEN_PER_WEEK = 7


def weken_weg_sinds(tekst: str, peildatum: dt.date) -> tuple[int, str] | None:
    """Whole weeks of absence without a break since a date the user named, and the words that said it; None
    when no such date was named."""
    match = _WEG_SINDS.search(tekst)
    if match is None:
        return None
    plek = match.start(1) if match.group(1) else match.start(2)
    gevonden = datums_in(tekst[plek:plek + 25], peildatum, "verleden")  # "sinds 7 september", "since September 21st"
    datum = gevonden[0][1].datum if gevonden and gevonden[0][0] == 0 else None
    # Only a date of this school year: "sinds 20 maart" said on 2 March is no absence of eleven months.
    begin_schooljaar = dt.date(peildatum.year if peildatum.month >= 8 else peildatum.year - 1, 8, 1)
    if datum is None or not begin_schooljaar <= datum <= peildatum:
        return None
    return (peildatum - datum).days // DAGEN_PER_WEEK, match.group(0)


# One school day a week of some hours ("1 lesdag per week bij ons (8 uur)"): the hours of a week missed.
_LESDAG_UREN = re.compile(
    r"\b(?:1|één|een|one) (?:les|school)?dag (?:per|a|in de) week[^()]{0,20}\((\d+) ?(?:uur|u|hours?)\)", re.I)
# No startkwalificatie: said so, or only a diploma below it (vmbo, mavo, entree, mbo 1).
_GEEN_STARTKWALIFICATIE = re.compile(
    r"(geen|zonder) (enkel )?(startkwalificatie|diploma)|no (basic )?qualification|no (\w+ )?diploma|"
    r"without (a |any )?diploma|\b(alleen|slechts|only|just) (een |a |an |zijn |haar |his |her )?"
    r"(vmbo|mavo|entree|mbo[- ]?1)\b", re.I)


# Absence for a holiday, not a holiday named as a time ("skiongeluk in de kerstvakantie", "after the autumn break").
_LUXE = re.compile(r"luxe|\b(op|naar|met) vakantie\b|vakantie (verlengd|verlengen)|eerder (weg|vertrokken|op vakantie)|"
                   r"later terug|op reis|on (a )?holiday\b|went on holiday|holiday abroad|"
                   r"extended (the|their) holiday|left (early|before)|came back late|terug van (de )?vakantie|"
                   r"te laat terug|back from (the )?holiday|"
                   r"late back|wintersport|skivakantie|ski trip", re.I)
# Facts that settle the meldplicht without hours: the school calls it overig verzuim (below the threshold), or
# the absence is illness (authorised), possibly with doubt about the sick reports (then it may be reported).
_OVERIG = re.compile(r"overig verzuim|signaalverzuim|onder de (wettelijke )?grens|below the (legal )?threshold", re.I)
# "Niet ziek", "geen ziekmelding", "not sick": said not to be illness.
_NIET_ZIEK = re.compile(r"\b(niet|geen|not|no|nor)\s+(\w+\s+)?(ziek\w*|sick\w*|ill\b|illness)", re.I)
_ZIEK = re.compile(r"\bziek|ziekmeld|ziekte|\bsick\b|\bill\b|illness", re.I)
_ONGEOORLOOFD = re.compile(r"spijbel|zonder (geldige )?reden|ongeoorloofd|zonder bericht|truan|without (a )?reason",
                           re.I)
# Doubt about the sick reports, or worry about a long illness: either may be reported (overig verzuim).
_TWIJFEL = re.compile(r"twijfel|klopt niet|kloppen niet|verdacht|niet echt ziek|doubt|suspicious|raar gevoel|"
                      r"niet pluis|\bvreemd|vermoed|weird|strange|\bodd\b|something('s| is) off|suspect|"
                      r"geloven er \w+ (meer )?van|(don'?t|do not) believe|zorgen|zorgelijk|worried|concerned|"
                      r"geen behandeling|no treatment|geen contact", re.I)


EXTRACTORS: dict[str, Callable[[str, list[Mapping[str, Any]], dt.date], Feiten]] = {
    "vakantieverlof": vakantieverlof,
    "gewichtige_omstandigheden": gewichtig,
    "meldplicht": meldplicht,
}


def leerplicht(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    # As precise as said: a date, a month or only an age; a short reply ("3 maart 2011", "15") answers the
    # question for the date of birth.
    feiten: Feiten = geboorte(tekst, peildatum, antwoord=len(tekst.split()) <= _KORT_ANTWOORD + 2)
    if _GEEN_DIPLOMA.search(tekst):
        feiten["diploma"] = "geen"
    else:
        diploma = _behaald_diploma(tekst)
        if diploma:
            feiten["diploma"] = diploma
    if vraagt_stoppen(tekst):
        feiten["vraag_stoppen"] = True
    elif _LEREN_EN_WERKEN.search(tekst):
        feiten["vraag_stoppen"] = False  # whether bbl counts is no question to leave school
    return feiten


# Learning and working combined (bbl): a way to meet kwalificatieplicht, so a question about it asks no "may he stop?".
_LEREN_EN_WERKEN = re.compile(r"\bbbl\b|beroepsbegeleidend|leerwerk|leren en werken|werken en leren|"
                              r"\d dag(en)? (per week )?(naar )?school|apprenticeship|work and (study|learn)", re.I)


def vraagt_stoppen(tekst: str) -> bool:
    """Whether the text asks if the young person may leave school (stop, quit, work instead)."""
    return bool(_STOPPEN.search(tekst)) and not _NIET_STOPPEN.search(tekst)


def _behaald_diploma(tekst: str) -> str | None:
    """The school type named nearest to a word of passing ("vmbo basis diploma", "havo gehaald"): in "has his vmbo
    diploma and wants to start entree" the diploma is vmbo, not the entree still to come."""
    behaald = [m.start() for m in _BEHAALD.finditer(tekst)]
    if not behaald:
        return None
    afstanden = [(min(abs(m.start() - b) for b in behaald), volgorde, naam)
                 for volgorde, (naam, patroon) in enumerate(diploma_patronen())
                 for m in patroon.finditer(tekst)]
    return min(afstanden)[2] if afstanden else None


_BEHAALD = re.compile(r"diploma|gehaald|behaald|geslaagd|afgerond|afgemaakt|passed|certificate|finished|completed|"
                      r"\bklaar\b|uitstroomprofiel", re.I)
_GEEN_DIPLOMA = re.compile(r"\b(geen|zonder|no|without( a| any)?) (diploma|startkwalificatie|qualification)", re.I)
# A question whether the young person may leave school: stop, quit, drop out, work instead of school.
_STOPPEN = re.compile(
    r"\bstoppen\b|\bstopt\b|\bophouden\b|\bafhaken\b|van school (af|gaan)|niet meer naar school|"
    r"geen school meer|\btussenjaar\b|\bquit\b|drop(ping)? out|leave school|leaving school|stop (going to )?school|"
    r"gap year|(fulltime|full-time|full time|alleen( maar)?|gewoon)\b[^.?!]{0,30}\bwerken|work full[- ]?time|"
    r"get a job|want to work|start working|stay (at )?home (and|until|till)|"
    r"(wil|willen) (nu |eerst |een jaar )?(gaan )?werken|jaar (gaan )?werken|"
    r"(moet|moeten|hoeft|hoeven)\b[^.?!]{0,25}\b(nog|niet meer) naar school|"
    r"(moet|moeten|hoeft|hoeven)\b[^.?!]{0,40}\bnog\b[^.?!]{0,20}\bingeschreven|"
    r"still (have|has|need|needs) to (go to|attend|be in|be at|stay in) school|"
    r"(moet|moeten)\b[^.?!]{0,30}\b(nog |verplicht |verder )?naar (het )?(mbo|vervolgonderwijs|een vervolgopleiding)|"
    r"(mag|mogen|kan|kunnen)\b[^.?!]{0,20}\b(gaan werken|aan het werk)|\b(moet|moeten) (ik|hij|ze|zij) door\b|"
    r"klaar met (de |die |mijn |zijn |haar )?(kwalificatieplicht|leerplicht)|"
    r"\b(can|may) (she|he|i|they) (now )?stop\b",
    re.I)
# "mag hij niet stoppen, toch?" is still the question; only a plain statement that nobody wants to stop is not.
_NIET_STOPPEN = re.compile(r"\b(wil|wilt|willen|gaat|gaan) (helemaal )?niet stoppen|doesn'?t want to (quit|stop)",
                           re.I)


def vrijstelling_grond(tekst: str) -> str | None:
    """The ground of an exemption other than art. 5 that the text names (art. 5a, 3a, 3b, a gedoogbeschikking)."""
    if re.search(r"kermis|circus|woonwagen|binnenvaart|schipper|reizend|trekkend|travel(l)?ing", tekst, re.I):
        return "art5a_trekkend"
    if re.search(r"stage|werken|praktijk|leerwerk|3a\b|vervangende leerplicht", tekst, re.I) and re.search(
            r"\b1[2-5]\b|twaalf|dertien|veertien|vijftien", tekst):  # art. 3a from 14: younger is "te jong"
        return "art3a_vervangend_14"
    if re.search(r"laatste (leerplichtige )?jaar|3b\b", tekst, re.I):
        return "art3b_laatste_jaar"
    if re.search(r"gedoog|gestopt met (mijn |zijn |haar )?(opleiding|mbo)|verkeerde studiekeuze", tekst, re.I):
        return "gedoogbeschikking"
    return None


def vrijstelling(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    """The ground only where the text names one, so a follow-up ("ja, wie beslist dat?") keeps the case's."""
    grond = vrijstelling_grond(tekst)
    feiten: Feiten = {"grond": grond} if grond else {}
    for naam, patroon in _VOORWAARDEN.items():
        if patroon.search(tekst):
            feiten[naam] = True
    if _NIET_OM_RICHTING.search(tekst):  # "niet vanwege geloof ofzo": said not to be the ground
        feiten["bezwaar_richting_genoemd"] = False
    if not any(naam in feiten for naam in _VOORWAARDEN):
        geen_grond = bool(_GEEN_GROND.search(tekst))
        if geen_grond or _ANDERE_LEERVORM.search(tekst):
            # Elite sport, online school or a conflict with the school is no ground of art. 5 onder a or b.
            feiten.update({"beperking_genoemd": False, "bezwaar_richting_genoemd": False})
        if geen_grond:
            # Nor is sport or a conflict "education in another way" (art. 15); online study may be.
            feiten["ander_onderwijs_genoemd"] = False
    bestaand = _BESTAANDE_VRIJSTELLING.search(tekst) and _GROND_BIJ_NAAM.search(tekst)
    if bestaand:  # "we hebben nu 2 jaar vrijstelling 5b": the ground was used before; the question is the procedure
        letter = next(g for g in bestaand.groups() if g).lower()
        feiten.setdefault(_VOORWAARDE_VAN_GROND[letter], True)
    if _EIGEN_ARTS.search(tekst):
        feiten["verklaring_eigen_arts"] = True
    if _ANDERE_LEERVORM.search(tekst) and _VANUIT_HUIS.search(tekst):
        feiten["school_buitenland_genoemd"] = False  # a foreign online school followed from home is no school abroad
    if _TERUG_IN_NEDERLAND.search(tekst):
        feiten["school_buitenland_genoemd"] = False  # back in the Netherlands: no school abroad from then on
    if re.search(r"vorig jaar|vorige jaar|last year", tekst, re.IGNORECASE) or _ZAT_OP_RICHTING.search(tekst):
        feiten["vorig_jaar_school_van_die_richting"] = True
    jaar = _leeftijd_binnen(tekst, 0, 30)
    if jaar is not None:
        feiten["leeftijd"] = jaar
    return feiten


# Coming back to live in the Netherlands ("we komen half maart terug", "we're moving back in March"): the ground
# of 5 onder c ends then.
_TERUG_IN_NEDERLAND = re.compile(r"\b(komen|kom|gaan|verhuizen|keren)\b[^.?!]{0,25}\bterug\b|terugkomen|"
                                 r"terugverhuizen|terugkeren|(come|coming|move|moving|going) back|return(ing)? "
                                 r"(to the netherlands|home|to holland)", re.I)
# An art. 5 exemption used before, named by its article ("we hebben nu 2 jaar vrijstelling 5b", "vorig jaar een
# beroep gedaan op 5 onder a", "kennisgeving 5 onder b ingediend", "renew our 5c"): its ground counts as said.
_BESTAANDE_VRIJSTELLING = re.compile(
    r"\b(hebben|heeft|hadden|have|has|had|got)\s+(nu |al |sinds [^.?!]{0,15}?)?(\w+ jaar |\w+ years? )?(een |an? )?"
    r"(vrijstelling|exemption)|beroep gedaan op|kennisgeving[^.?!]{0,40}(ingediend|gedaan|gestuurd|ingestuurd|"
    r"sent|submitted|filed)|\b(opnieuw|weer|again|renew\w*|verleng\w*|elk jaar|ieder jaar|every year|each year)\b",
    re.I)
_GROND_BIJ_NAAM = re.compile(r"\b5\s*(?:onder|sub)\s*([abc])\b|\bartikel 5([bc])\b|\b5([bc])\b", re.I)
_VOORWAARDE_VAN_GROND = {"a": "beperking_genoemd", "b": "bezwaar_richting_genoemd", "c": "school_buitenland_genoemd"}
# The condition of each art. 5 ground, as people name it; only these make the notification route a go-ahead.
_VOORWAARDEN = {
    "beperking_genoemd": re.compile(
        r"beperking|handicap|gehandicapt|autis|adhd|angst|psychisch|psychiatr|lichamelijk|medisch|chronisch|epilep|"
        r"depress|trauma|syndroom|verstandelijk|meervoudig|dagbesteding|kinderdagcentrum|niet belastbaar|"
        r"ernstig ziek|te ziek|disab|medical|mental|anxiety|autism|psychiatric|special needs|rolstoel|wheelchair|"
        r"chronically|too ill|hartziekte|hartafwijking|heart (disease|condition|sickness|problem)|kanker|cancer|"
        r"leukemi|me/cvs|chronic fatigue", re.I),
    "bezwaar_richting_genoemd": re.compile(
        r"geloof|godsdienst|religi|richting|levensbeschouw|levensovertuiging|overtuiging|christelijk|islamitisch|"
        r"joods|katholiek|protestant|reformatorisch|antroposof|humanist|belief|faith|denomination|ideolog|"
        r"direction of (the |all |every )?(\w+ )?schools|(religious|philosophical) direction",
        re.I),
    "school_buitenland_genoemd": re.compile(
        r"(daar|there|ginds) (naar|to|op|at) (de |een |a |an |the )?([\w-]+ )?(basis|middelbare |primary |high )?"
        r"school|"
        r"school (in|abroad|overseas)|internationale school|"
        r"\bin (het )?[a-zà-ÿ]+ naar (de |een )?school|naar (de |een )?school (in|over de grens)|over de grens naar|"
        r"(goes|go|going) to (a )?school (in|across|there)|"
        r"international school|ingeschreven (op|bij|aan) (een|de) (school|scuola|escuela|école)|enrolled (at|in)|"
        r"\b(naar|to|at|op|attend|attends) (de |the |a |een )?(lokale|local) school|aan de (belgische|duitse) kant|"
        r"\b(attends?|attending|goes to|go to|will go to) (the |a |an )?([\w-]+ ){0,3}school (there|abroad|overseas)|"
        r"exchange (year|student)|uitwisselingsjaar", re.I),
}
_NIET_OM_RICHTING = re.compile(r"\bniet (vanwege|om|door|uit) (het |ons |onze )?(geloof|godsdienst|religie|richting|"
                               r"overtuiging)|\bnot (because of|for|about) (our |the )?(faith|religio\w*|belief)|"
                               r"\b(no|not any|(do not|don.t) have any|geen)\s+([\w-]+\s+){0,4}?(objections?|bezwaar|"
                               r"bezwaren)\b|\bniet (echt |zo(zeer)? |per se )?bezwaar|"
                               r"\b(nothing against|niets tegen)\b[^.?!]{0,30}\b(religio\w*|philosoph\w*|"
                               r"belief|geloof|godsdienst|richting|levensbeschouw\w*)", re.I)
_GEEN_GROND = re.compile(r"topsport|sport|voetbal|turnen|tennis|schaats|wedstrijd|talent|pest|bully|ruzie|conflict|"
                         r"past niet|niet leuk|hekel|hoogbegaafd|gifted|giftedness|verveelt|bored|"
                         r"(better|beter) (job|onderwijs|les|education)|kwaliteit van (het )?onderwijs|"
                         r"quality of (the )?(teaching|education|school)", re.I)
# "Zat tot de zomervakantie op de islamitische basisschool": a school of a direction, attended lately (art. 8 lid 2).
_ZAT_OP_RICHTING = re.compile(r"\b(zat|zaten|zit|zitten|was|went|goes|attended|attends|tot de zomer\w*)\b[^.?!]{0,40}"
                              r"\b(islamitisch|katholiek|christelijk|protestants|gereformeerd|reformatorisch|joods|"
                              r"hindoe|openbare|islamic|catholic|christian|protestant|jewish|public)", re.I)
# Another way of learning: no ground of art. 5, possibly one of art. 15 for a kwalificatieplichtige.
_ANDERE_LEERVORM = re.compile(r"online|wereldschool|worldschool|unschool", re.I)
# A statement from the child's own doctor: "verklaring van de behandelend psychiater", "our own GP".
_EIGEN_ARTS = re.compile(r"(behandelend\w*|eigen|own|treating|family)\s+(kinder)?(arts|psychiater|psycholoog|huisarts|"
                         r"specialist|doctor|psychiatrist|psychologist|gp|therapeut|therapist|behandelaar)|"
                         r"\b(onze|zijn|haar|mijn|our|his|her|my)\s+(huisarts|psychiater|psycholoog|kinderarts|"
                         r"behandelaar|gp|psychiatrist|psychologist|paediatrician|pediatrician|therapist)\b|"
                         r"\bthe (psychiatrist|psychologist|gp)'s (letter|note|statement)", re.I)
_VANUIT_HUIS = re.compile(r"\bthuis\b|\bhier\b|at home|from home|in nederland|in the netherlands|we live in|"
                          r"w(e|ij) wonen in|living in", re.I)


def noemt_beperking(tekst: str) -> bool:
    """Whether the text names a physical or psychological reason (the condition of art. 5 onder a)."""
    return bool(_VOORWAARDEN["beperking_genoemd"].search(tekst))


def noemt_bezwaar_richting(tekst: str) -> bool:
    """Whether the text names objections to a school's direction (the condition of art. 5 onder b)."""
    return bool(_VOORWAARDEN["bezwaar_richting_genoemd"].search(tekst))


def noemt_school_in_buitenland(tekst: str) -> bool:
    """Whether the text says the child goes to (or is enrolled at) a school abroad."""
    return bool(_VOORWAARDEN["school_buitenland_genoemd"].search(tekst))


def kennisgeving(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    feiten.update(uren_per_week_thuis(tekst))
    if "uren_per_week" not in feiten:  # "3 dagen van 5,5 uur" counts hours, not days of leave
        feiten.update(_dagen_feit("aantal_dagen", tekst, entities))
    # A feast on the vocabulary list by its usual name; else a named day of undecided character, or what the NLU
    # tagged (then whether it is a religious duty is asked).
    getagd = _entiteit(entities, "feestdag")
    herkend = herken_feest(tekst) or herken_feest(getagd or "")
    feest = herkend[0] if herkend else noem_feest(tekst) or getagd
    if feest:
        feiten["feestdag"] = feest
    if _BUITENLAND.search(tekst):
        feiten["in_buitenland"] = True
    jaar = _leeftijd_binnen(tekst, 4, 25)
    if jaar is not None:
        feiten["leeftijd"] = jaar
    gemeld = _GEMELD.search(tekst)
    if gemeld:
        wanneer = (gemeld.group(1) or gemeld.group(4)).lower()
        feiten["gemeld_op"] = peildatum - dt.timedelta(days=1 if wanneer in {"gisteren", "yesterday"} else 0)
        tekst = tekst[:gemeld.start()] + tekst[gemeld.end():]  # that day is not the day of the feast
    elif _NU_NOG_MELDEN.search(tekst):
        feiten["gemeld_op"] = peildatum  # not told yet: the earliest notice is today's
    dag = _DAG_VAN_HET_FEEST.search(tekst)
    if dag and feest:
        feiten["datum"] = peildatum + dt.timedelta(days=_RELATIEVE_DAG[dag.group(1).lower()])
        feiten[ZOALS_GEZEGD] = {**feiten.get(ZOALS_GEZEGD, {}), "datum": dag.group(1)}  # "morgen", not a date
    return feiten


# "Morgen is het Suikerfeest", "tomorrow": the day of the duty relative to today; a told day is only taken when
# the user says when the school was told ("vandaag gemeld", "told the school yesterday").
_RELATIEVE_DAG = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
_DAG_VAN_HET_FEEST = re.compile(r"\b(overmorgen|morgen|vandaag|tomorrow|today)\b", re.I)
_GEMELD = re.compile(r"\b(vandaag|gisteren|today|yesterday)\b[^.?!]{0,30}\b(gemeld|doorgegeven|gezegd|laten weten|"
                     r"verteld|told|informed)|\b(gemeld|doorgegeven|told|informed)\b[^.?!]{0,30}\b(vandaag|gisteren|"
                     r"today|yesterday)\b", re.I)


# Not told yet, asked now: "can I still email the school tonight?", "ik ben het vergeten, kan ik het nu nog melden?"
_NU_NOG_MELDEN = re.compile(r"\b(can|could) (i|we) still (e-?mail|tell|inform|let|notify|call|report)|"
                            r"\b(kan|kunnen|mag|mogen) (ik|we|wij) (het )?(nu |vandaag |vanavond )?nog "
                            r"(melden|doorgeven|mailen|laten weten|bellen)|\b(vergeten|forgot) (het |it |to )?"
                            r"[^.?!]{0,30}\b(te melden|door te geven|tell|inform|notify|let)", re.I)


def luxe_verzuim(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    if re.search(r"spijbel|skip|truan|niet naar school|te laat", tekst, re.IGNORECASE):
        feiten["soort"] = "spijbelen"
    feiten.update(_dagen_feit("dagen", tekst, entities))
    if _TWEEDE_KEER.search(tekst):
        feiten["eerste_keer"] = False
    jaar = _leeftijd_binnen(tekst, 4, 25)
    if jaar is not None:
        feiten["leeftijd"] = jaar
    return feiten


# Which leave was refused: holiday leave for a parent's job (13a), or an event of art. 14.
_VAKANTIEVERLOF = re.compile(r"vakantieverlof|\b13a\b|holiday leave|vakantie\b|holiday\b", re.I)


def bezwaar(tekst: str, entities: list[Mapping[str, Any]], peildatum: dt.date) -> Feiten:
    feiten: Feiten = {}
    if re.search(r"leerplichtambtenaar|leerplicht(consulent)?|gemeente|municipality", tekst, re.IGNORECASE):
        feiten["beslist_door"] = "leerplichtambtenaar"
    if omstandigheid(tekst) or re.search(r"\bart(ikel)?\.? ?14\b", tekst, re.I):
        feiten["verlof"] = "14"
    elif _VAKANTIEVERLOF.search(tekst) or noemt_beroep(tekst):
        feiten["verlof"] = "13a"
    elif re.search(r"\bverlof (voor|om)\b|\bleave (for|to)\b", tekst, re.I):
        feiten["verlof"] = "14"  # leave for something that is no holiday: an event of art. 14
    return feiten


EXTRACTORS.update({
    "leerplicht": leerplicht,
    "vrijstelling": vrijstelling,
    "kennisgeving": kennisgeving,
    "luxe_verzuim": luxe_verzuim,
    "bezwaar": bezwaar,
})
