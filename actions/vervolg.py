"""Follow-up answers ("5 dagen", "ja", "15") to a topic answered before: the topic's rule is asked again
with everything the user said since that topic began, so facts given one by one add up."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import REGELS, beantwoord
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


MIN_WOORDEN_VOOR_ONDERWERP = 5


class ActionVervolg(Action):
    """Re-decides the current topic with the facts from all its messages; otherwise asks to rephrase."""

    def name(self) -> str:
        return "action_vervolg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        besluit = tracker.get_slot("laatste_besluit")
        onderwerp = besluit.get("topic") if isinstance(besluit, dict) else None
        if onderwerp in REGELS:
            return beantwoord(str(onderwerp), dispatcher, tracker, " . ".join(teksten_sinds_onderwerp(tracker)))
        alternatief = onderwerp_van_zin(tracker)
        if alternatief is not None:
            return beantwoord(alternatief, dispatcher, tracker)
        dispatcher.utter_message(response="utter_default")
        return []


def onderwerp_van_zin(tracker: Tracker) -> str | None:
    """A whole sentence read as a bare answer while no topic is open ("we willen 10 dagen weg, van 1 t/m 3
    maart, ...") is a question after all: the most likely topic among the other intents. A short answer
    ("15") without a topic says too little to guess from."""
    message = tracker.latest_message or {}
    if len(str(message.get("text") or "").split()) < MIN_WOORDEN_VOOR_ONDERWERP:
        return None
    for kandidaat in list(message.get("intent_ranking") or [])[1:]:
        if kandidaat.get("name") in REGELS:
            return str(kandidaat["name"])
    return None
