"""'Waarom?': the reasons of the last decision, each with its article, read from the decision itself."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import PAYLOAD_KEY, peildatum, rule_set, taal
from rules.besluit import datum_tekst


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
            # The reason states the law of its own peildatum, so the text is read in that version.
            datum = dt.date.fromisoformat(reden["peildatum"]) if reden.get("peildatum") else peildatum(tracker)
            tekst = rules.uitleg(reden["uitleg"], datum).tekst(lang).format(**reden.get("parameters", {}))
            regels.append(f"• {tekst} ({_bron(reden, lang)})")
        # The reply rests on the decision, so it carries it too.
        dispatcher.utter_message(response="utter_waarom", redenen="\n".join(regels),
                                 json_message={PAYLOAD_KEY: {"decision": besluit}})
        return []


def _bron(reden: dict[str, Any], lang: Literal["nl", "en"]) -> str:
    """The citation, the consolidation of the law it was read in (its date), and the address."""
    delen = [str(reden["citation"])]
    if reden.get("versie"):
        versie = datum_tekst(str(reden["versie"]), lang)
        delen.append(f"text valid from {versie}" if lang == "en" else f"tekst geldig vanaf {versie}")
    if reden.get("url"):
        delen.append(str(reden["url"]))
    return "; ".join(delen)
