"""How the answers read, measured over an evaluation run: the first message of every reply that carries a
decision — its length in words, its longest sentence, its Flesch–Douma readability (Dutch cases), a block
repeated within it or from the reply before, and a number in it that the user did not give, that was not computed
from what they gave, and that is no value of the cited content."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import textstat

from actions.normalise import TELWOORDEN, parse_schooldagen
from content.loader import default_rule_set
from rules.besluit_data import BesluitData

_GETAL = re.compile(r"\d+")
_URL = re.compile(r"https?://\S+")
MAX_ZIN_WOORDEN = 25  # the floor of issue 13: no sentence longer than this in a reply's first message
_ZIN = re.compile(r"(?<=[.?!])\s+|\n")
_VRAAG_OM_MEER = re.compile(r"waarom|why|meer over|more about|tell me more|/waarom|/meer_regels", re.I)


def getallen(tekst: str) -> set[str]:
    """The numbers in a text, digits and Dutch or English number words alike; a web address is a source, not a
    number shown to the user."""
    tekst = _URL.sub(" ", tekst)
    gevonden = set(_GETAL.findall(tekst))
    for woord in re.findall(r"[a-zé]+", tekst.lower()):
        if woord in TELWOORDEN:
            gevonden.add(str(TELWOORDEN[woord]))
    return {g.lstrip("0") or "0" for g in gevonden}


def _toegestaan(gebruiker: Iterable[str], besluit: BesluitData | None) -> set[str]:
    """Numbers a reply may show: the user's, the decision's own (computed from the user's facts) and the content's."""
    toegestaan: set[str] = set()
    for tekst in gebruiker:
        toegestaan |= getallen(tekst)
        dagen = parse_schooldagen(tekst)  # "een week" is 5 school days: computed from the user's words
        toegestaan |= {str(dagen)} if dagen is not None else set()
    if not besluit:
        return toegestaan
    rules = default_rule_set()
    for waarde in (besluit.max_days, besluit.deadline):
        toegestaan |= getallen(str(waarde)) if waarde is not None else set()
    for reden in (*besluit.reasons, *besluit.next_steps):
        toegestaan |= getallen(" ".join(str(v) for v in reden.parameters.values()))
        toegestaan |= getallen(f"{reden.citation} {reden.due or ''} {reden.version or ''}")
        if reden.explanation in rules.uitleg_sleutels():
            uitleg = rules.uitleg(reden.explanation, reden.reference_date)
            toegestaan |= getallen(f"{uitleg.nl} {uitleg.en}")
    return toegestaan


def zinnen(tekst: str) -> list[str]:
    """The sentences of a text: ended by . ? ! before a space, or by a line break; a bullet is no word."""
    return [z.strip().removeprefix("•").strip() for z in _ZIN.split(tekst) if z.strip().removeprefix("•").strip()]


def meet(resultaten: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The reply-quality figures of an evaluation run (results with their turns)."""
    woorden: list[int] = []
    langste: list[int] = []
    douma: list[float] = []
    herhaald = verzonnen = 0
    voorbeelden: list[dict[str, Any]] = []
    for resultaat in resultaten:
        gezegd: list[str] = []
        vorige: set[str] = set()
        for beurt in resultaat.get("turns") or []:
            gezegd.append(str(beurt.get("user") or ""))
            for antwoord in beurt.get("replies") or []:
                besluit = antwoord.get("decision")
                tekst = str(antwoord.get("text") or "")
                if besluit is None or not tekst:
                    continue
                blokken = [b.strip() for b in tekst.split("\n") if b.strip()]
                woorden.append(len(tekst.split()))
                langste.append(max(len(z.split()) for z in zinnen(tekst)))
                if resultaat.get("lang", "nl") == "nl":
                    textstat.set_lang("nl")
                    douma.append(float(textstat.flesch_reading_ease(tekst)))
                dubbel = len(blokken) != len(set(blokken)) or (
                    not _VRAAG_OM_MEER.search(gezegd[-1]) and any(b in vorige for b in blokken if len(b) > 30))
                extra = getallen(tekst) - _toegestaan(gezegd, BesluitData.lees(besluit))
                herhaald += dubbel
                verzonnen += bool(extra)
                if (dubbel or extra) and len(voorbeelden) < 10:
                    voorbeelden.append({"id": resultaat.get("id"), "herhaald": dubbel, "getallen": sorted(extra)})
            vorige = {b.strip() for a in beurt.get("replies") or [] for b in str(a.get("text") or "").split("\n")}
    return {
        "reply_decision_messages": len(woorden),
        "reply_words_p50": statistics.median(woorden) if woorden else 0,
        "reply_words_p90": _p90(woorden),
        "reply_longest_sentence": max(langste, default=0),
        "reply_sentences_over_25": sum(1 for n in langste if n > MAX_ZIN_WOORDEN),
        "reply_flesch_douma_p50": round(statistics.median(douma), 1) if douma else None,
        "reply_repeated_block": herhaald,
        "reply_invented_number": verzonnen,
        "reply_examples": voorbeelden,
    }


def _p90(waarden: list[int]) -> int:
    if not waarden:
        return 0
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(0.9 * len(geordend) + 0.5) - 1)]
