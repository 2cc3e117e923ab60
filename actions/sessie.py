"""A new conversation session takes the user's language and role from the first message's metadata, so
the front end need not write slots through the tracker API before a conversation exists."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

# Slots that last across sessions (carry_over_slots_to_new_session); the rest start empty.
BLIJVEND = ("taal", "rol")


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        metadata = tracker.get_slot("session_started_metadata") or {}
        events: list[EventType] = [SessionStarted()]
        for slot in BLIJVEND:
            waarde = metadata.get(slot) or tracker.get_slot(slot)
            if waarde:
                events.append(SlotSet(slot, waarde))
        events.append(ActionExecuted("action_listen"))
        return events
