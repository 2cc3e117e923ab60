"""'Waarom?': the reasons of the last decision, each with its article, read from the decision itself."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import PAYLOAD_KEY, rule_set, taal


class ActionWaarom(Action):
    """Lists the reasons of the decision stored in the slot laatste_besluit."""

    def name(self) -> str:
        return "action_waarom"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        besluit = tracker.get_slot("laatste_besluit")
        if not isinstance(besluit, dict) or not besluit.get("reasons"):
            dispatcher.utter_message(response="utter_waarom_geen_besluit")
            return []
        lang = taal(tracker)
        rules = rule_set()
        regels = []
        for reden in besluit["reasons"]:
            tekst = rules.uitleg(reden["uitleg"]).tekst(lang).format(**reden.get("parameters", {}))
            regels.append(f"• {tekst} ({reden['citation']}; {reden['url']})")
        # The reply rests on the decision, so it carries it too.
        dispatcher.utter_message(response="utter_waarom", redenen="\n".join(regels),
                                 json_message={PAYLOAD_KEY: {"decision": besluit}})
        return []
