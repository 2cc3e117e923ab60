"""What every action reads from the tracker: the peildatum, the user's language, and the rule content."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from basis.berichten import PAYLOAD_KEY
from basis.klok import SystemClock
from content.loader import default_rule_set
from content.schema import RuleSet
from dossier.model import Dossier
from rules.besluit import Besluit
from rules.besluit_data import BesluitData

# Key under which structured data travels on a reply ("custom" in Rasa's REST output).


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


def rol(tracker: Tracker) -> str:
    """The role the front end gave the sender (ouder, school, consulent); parents when it sent none."""
    metadata = tracker.latest_message.get("metadata") or {}
    return str(metadata.get("rol") or "ouder")


def dossier(tracker: Tracker) -> Dossier:
    """The conversation's facts so far: as the front end sent them with this message, or as an action of this
    turn left them in the `dossier` slot when that copy is newer."""
    gestuurd = Dossier.uit((tracker.latest_message.get("metadata") or {}).get("dossier"))
    in_slot = Dossier.uit(tracker.get_slot("dossier"))
    return in_slot if in_slot.versie > gestuurd.versie else gestuurd


def beurt(tracker: Tracker) -> int:
    """The number of the user's current turn in the conversation (for the provenance of facts)."""
    return sum(1 for event in tracker.events if event.get("event") == "user")


def rule_set() -> RuleSet:
    return default_rule_set()


def besluit_payload(besluit: Besluit | None, map_: Dossier | None = None) -> dict[str, Any]:
    """Structured data on a reply: the decision, and the dossier when this answer changed it."""
    data: dict[str, Any] = {"decision": BesluitData.van(besluit).als_json()} if besluit is not None else {}
    if map_ is not None:
        data["dossier"] = map_.als_json()
    return {PAYLOAD_KEY: data}


def dossier_bewaard(map_: Dossier) -> SlotSet:
    """Mark the dossier as changed by this answer; the slot lets a later action of the same turn see it."""
    map_.versie += 1
    return SlotSet("dossier", map_.als_json())
