"""What every action reads from the tracker: the peildatum, the user's language, and the rule content."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from rasa_sdk import Tracker

from content.loader import default_rule_set
from content.schema import BronSoort, RuleSet
from leerbot.clock import SystemClock
from rules.besluit import Besluit

# Key under which structured data travels on a reply ("custom" in Rasa's REST output).
PAYLOAD_KEY = "leerbot"


def peildatum(tracker: Tracker) -> dt.date:
    """The front end sends its clock's date with every message; a message without it uses the clock."""
    metadata = tracker.latest_message.get("metadata") or {}
    waarde = metadata.get("peildatum")
    if isinstance(waarde, str):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            pass
    return SystemClock().today()


def taal(tracker: Tracker) -> Literal["nl", "en"]:
    return "en" if tracker.get_slot("taal") == "en" else "nl"


def rule_set() -> RuleSet:
    return default_rule_set()


def redenen_tekst(besluit: Besluit, rules: RuleSet, lang: Literal["nl", "en"]) -> str:
    """Bullet list of the decision's reasons, each with its citation; unverified sources say so."""
    regels = []
    for reden in besluit.redenen:
        citaat = reden.bron.citeer()
        if reden.bron.soort is BronSoort.BELEID:
            citaat = "policy, not law" if lang == "en" else "beleid, geen wet"
        if not reden.bron.geverifieerd:
            citaat += ", not verified" if lang == "en" else ", niet nagegaan"
        regels.append(f"• {reden.tekst(rules, lang)} ({citaat})")
    return "\n".join(regels)


def besluit_payload(besluit: Besluit) -> dict[str, Any]:
    return {PAYLOAD_KEY: {"decision": besluit.als_payload()}}
