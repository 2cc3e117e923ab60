"""Not understood: ask to rephrase once, and after a second miss in a row offer a person. Shared by the
fallback (the classifier was unsure) and every answering action (the classifier was sure, but the message is
code, markup or nothing but redacted numbers: invoer.onzin), so junk never gets a decision."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from invoer.onzin import is_onzin

EERSTE = "utter_default"
TWEEDE = "utter_default_consulent"


def is_onzin_bericht(bericht: dict[str, object] | None) -> bool:
    """Whether a user message (as in the tracker) was junk; our own buttons' payloads never are."""
    tekst = str((bericht or {}).get("text") or "")
    return not tekst.startswith("/") and is_onzin(tekst)


def vorige_ook_niet_begrepen(tracker: Tracker) -> bool:
    """Whether the user's message before this one was not understood either (unsure, or junk)."""
    gebruiker = [e for e in tracker.events if e.get("event") == "user"]
    if len(gebruiker) < 2:
        return False
    vorige = gebruiker[-2]
    intent = (vorige.get("parse_data") or {}).get("intent") or {}
    return intent.get("name") == "nlu_fallback" or is_onzin_bericht(vorige)


def niet_begrepen(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    dispatcher.utter_message(response=TWEEDE if vorige_ook_niet_begrepen(tracker) else EERSTE)
    return []


def bij_onzin(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The not-understood answer when the latest message is junk; None for a message in words."""
    return niet_begrepen(dispatcher, tracker) if is_onzin_bericht(tracker.latest_message) else None
