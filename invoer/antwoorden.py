"""Short answers in Dutch and English: yes, no, stop, go on, and "change …"."""

from __future__ import annotations

import re

JA_WOORDEN = r"ja|jawel|jazeker|jep|yes|yep|yeah|klopt|zeker|idd|inderdaad|precies|correct|j|y"
NEE_WOORDEN = r"nee|neen|no|nope|n"
# Going on with what was offered: yes, or a button's word ("verder", "versturen").
DOOR_WOORDEN = r"verder|doorgaan|continue|versturen|verstuur|send|ok[eé]?|okay"
STOP_WOORDEN = r"stop|stoppen|annuleer|annuleren|cancel|afbreken"

_STOP = re.compile(r"^\s*/?(?:" + STOP_WOORDEN + r")\b", re.I)
_ALLEEN_STOP = re.compile(r"^\s*/?stop\b", re.I)
_DOOR = re.compile(r"^\s*(?:" + JA_WOORDEN + "|" + DOOR_WOORDEN + r")\b", re.I)
_WIJZIG = re.compile(r"\b(wijzig|verander|aanpassen|pas .* aan|corrigeer|change|edit|fix)\b|klopt niet", re.I)


def ja_nee(tekst: str, extra_ja: str = "", extra_nee: str = "") -> bool | None:
    """True for an answer that opens with yes, False for one that opens with no, else None. A question's own
    answer words come as `extra_ja`/`extra_nee` ("aaneengesloten", "losse")."""
    for woorden, waarde in ((JA_WOORDEN, True), (NEE_WOORDEN, False)):
        extra = extra_ja if waarde else extra_nee
        if re.search(r"^\W*(?:" + woorden + (f"|{extra}" if extra else "") + r")\b", tekst, re.I):
            return waarde
    return None


def is_stop(tekst: str, *, alleen_stop: bool = False) -> bool:
    """"stop", "/stop", "annuleren", "cancel": the user ends what is going on. With `alleen_stop` only "stop" and
    "/stop" (in a conversation relayed to a person, "annuleer de aanvraag" is a message, not an ending)."""
    return (_ALLEEN_STOP if alleen_stop else _STOP).search(tekst) is not None


def gaat_door(tekst: str) -> bool:
    """"ja", "verder", "versturen", "ok": the user goes on with what was offered."""
    return _DOOR.search(tekst) is not None


def wil_wijzigen(tekst: str) -> bool:
    """"wijzig de datum", "change the phone number", "klopt niet": the user wants to change something given."""
    return _WIJZIG.search(tekst) is not None
