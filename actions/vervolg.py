"""Follow-up answers ("5 dagen", "ja", "15") to a topic answered before: the topic's rule is asked again
with everything the user said since that topic began, so facts given one by one add up."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import ONDERWERPEN, beantwoord
from bot.intents import CANONICAL_LABELS


def teksten_sinds_onderwerp(tracker: Tracker) -> list[str]:
    """The user's messages from the last one that opened a topic up to now."""
    teksten: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        teksten.append(str(event.get("text") or ""))
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent in CANONICAL_LABELS:
            break
    return list(reversed(teksten))


class ActionVervolg(Action):
    """Re-decides the current topic with the facts from all its messages; otherwise asks to rephrase."""

    def name(self) -> str:
        return "action_vervolg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        besluit = tracker.get_slot("laatste_besluit")
        onderwerp = besluit.get("topic") if isinstance(besluit, dict) else None
        if onderwerp not in ONDERWERPEN:
            dispatcher.utter_message(response="utter_default")
            return []
        return beantwoord(str(onderwerp), dispatcher, tracker, " . ".join(teksten_sinds_onderwerp(tracker)))
