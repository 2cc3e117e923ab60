"""Actions for vakantieverlof (art. 11 onder f jo. 13a): the general rule, the form, and the decision."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import besluit_payload, peildatum, redenen_tekst, rule_set, taal
from actions.normalise import parse_schooldagen
from rules.besluit import Beslisser, Besluit
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof


def _feiten(tracker: Tracker) -> VakantieverlofFeiten:
    dagen = tracker.get_slot("aantal_dagen")
    return VakantieverlofFeiten(
        beroep_maakt_schoolvakanties_onmogelijk=tracker.get_slot("beroep_reden"),
        aantal_schooldagen=int(dagen) if dagen else None,
    )


def _beoordeel(tracker: Tracker) -> Besluit:
    return beoordeel_vakantieverlof(_feiten(tracker), rule_set(), peildatum(tracker))


class ActionVakantieverlofUitleg(Action):
    """States the general rule of art. 13a, with its decision attached, before the form asks for facts."""

    def name(self) -> str:
        return "action_vakantieverlof_uitleg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        besluit = _beoordeel(tracker)
        dispatcher.utter_message(
            response="utter_vakantieverlof_regel",
            rechtsgrond=besluit.rechtsgrond,
            redenen=redenen_tekst(besluit, rule_set(), taal(tracker)),
            json_message=besluit_payload(besluit),
        )
        return [SlotSet("laatste_besluit", besluit.als_payload())]


class ValidateVakantieverlofForm(FormValidationAction):
    """Asks only for facts still missing; a 'no' to the job condition already settles the answer."""

    def name(self) -> str:
        return "validate_vakantieverlof_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("beroep_reden") is False:
            return ["beroep_reden"]
        return domain_slots

    def validate_aantal_dagen(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # The whole answer counts, not only the entity DIET found in it: "twee weken en een dag" is 11.
        tekst = str(tracker.latest_message.get("text") or "")
        dagen: float | None = parse_schooldagen(tekst) if tekst and not tekst.startswith("/") else None
        if dagen is None:
            dagen = slot_value if isinstance(slot_value, int | float) else parse_schooldagen(str(slot_value))
        if not dagen or dagen <= 0:
            dispatcher.utter_message(response="utter_aantal_dagen_onbekend")
            return {"aantal_dagen": None}
        return {"aantal_dagen": float(dagen)}


class ActionVakantieverlofBesluit(Action):
    """Answers with what art. 13a says for the facts collected: who decides, and why."""

    def name(self) -> str:
        return "action_vakantieverlof_besluit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        besluit = _beoordeel(tracker)
        response = (
            "utter_vakantieverlof_uitkomst_niemand"
            if besluit.beslisser is Beslisser.NIEMAND
            else "utter_vakantieverlof_uitkomst_voorwaardelijk"
        )
        # The general rule was stated already; here only the reasons that decide this case.
        beslissend = besluit.model_copy(update={"redenen": besluit.redenen[-1:]})
        dispatcher.utter_message(
            response=response,
            redenen=redenen_tekst(beslissend, rule_set(), taal(tracker)),
            json_message=besluit_payload(besluit),
        )
        return [
            SlotSet("laatste_besluit", besluit.als_payload()),
            SlotSet("beroep_reden", None),
            SlotSet("aantal_dagen", None),
        ]
