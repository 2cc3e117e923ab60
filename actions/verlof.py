"""Actions for vakantieverlof (art. 11 onder f jo. 13a): the general rule, the form, and the decision.

Facts in the first message (a number of days, "goedkoper", "de eerste week na de zomer") are kept in a
slot, so the form asks only for what is still missing; when those facts already settle the answer
(nobody can grant it), the answer comes at once and the form asks nothing.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import besluit_payload, peildatum, redenen_tekst, rule_set, taal
from actions.feiten import vakantieverlof as lees_vakantieverlof
from actions.normalise import parse_schooldagen
from rules.besluit import Beslisser, Besluit, Toegestaan
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof

KLAAR = "vakantieverlof_klaar"
FEITEN = "vakantieverlof_feiten"


def _feiten(tracker: Tracker) -> VakantieverlofFeiten:
    bewaard: dict[str, Any] = dict(tracker.get_slot(FEITEN) or {})
    beroep = tracker.get_slot("beroep_reden")
    dagen = tracker.get_slot("aantal_dagen")
    if beroep is not None:
        bewaard["beroep_maakt_schoolvakanties_onmogelijk"] = beroep
    if dagen:
        bewaard["aantal_schooldagen"] = int(dagen)
    return VakantieverlofFeiten.model_validate(bewaard)


def _beoordeel(tracker: Tracker) -> Besluit:
    return beoordeel_vakantieverlof(_feiten(tracker), rule_set(), peildatum(tracker))


def _uitkomst(dispatcher: CollectingDispatcher, tracker: Tracker, besluit: Besluit) -> None:
    response = (
        "utter_vakantieverlof_uitkomst_niemand"
        if besluit.beslisser is Beslisser.NIEMAND
        else "utter_vakantieverlof_uitkomst_voorwaardelijk"
    )
    # The general rule was stated already; here only the reason that decides this case.
    beslissend = besluit.model_copy(update={"redenen": besluit.redenen[-1:]})
    if besluit.beslisser is Beslisser.NIEMAND:
        beslissend = besluit.model_copy(update={"redenen": besluit.redenen[:2]})
    dispatcher.utter_message(response=response, redenen=redenen_tekst(beslissend, rule_set(), taal(tracker)),
                             json_message=besluit_payload(besluit))


class ActionVakantieverlofUitleg(Action):
    """States the general rule of art. 13a with its decision, or the final answer when facts settle it."""

    def name(self) -> str:
        return "action_vakantieverlof_uitleg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        tekst = str((tracker.latest_message or {}).get("text") or "")
        entities = list((tracker.latest_message or {}).get("entities") or [])
        gelezen = lees_vakantieverlof(tekst, entities, peildatum(tracker))
        events: list[EventType] = [SlotSet(FEITEN, gelezen)]
        if "aantal_schooldagen" in gelezen:
            events.append(SlotSet("aantal_dagen", float(gelezen["aantal_schooldagen"])))
        if gelezen.get("beroep_maakt_schoolvakanties_onmogelijk"):
            events.append(SlotSet("beroep_reden", True))  # the form need not ask what was said
        besluit = beoordeel_vakantieverlof(VakantieverlofFeiten.model_validate(gelezen), rule_set(),
                                           peildatum(tracker))
        if besluit.toegestaan is Toegestaan.NEE:
            _uitkomst(dispatcher, tracker, besluit)
            events.append(SlotSet(KLAAR, True))
        else:
            dispatcher.utter_message(
                response="utter_vakantieverlof_regel", rechtsgrond=besluit.rechtsgrond,
                redenen=redenen_tekst(besluit, rule_set(), taal(tracker)), json_message=besluit_payload(besluit),
            )
        return [*events, SlotSet("laatste_besluit", besluit.als_payload())]


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
        if tracker.get_slot(KLAAR):
            return []
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
        reset: list[EventType] = [SlotSet("beroep_reden", None), SlotSet("aantal_dagen", None),
                                  SlotSet(KLAAR, None), SlotSet(FEITEN, None)]
        if tracker.get_slot(KLAAR):
            return reset  # the answer was given with the first message already
        besluit = _beoordeel(tracker)
        _uitkomst(dispatcher, tracker, besluit)
        return [SlotSet("laatste_besluit", besluit.als_payload()), *reset]
