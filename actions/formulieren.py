"""Forms for the meldplicht check and the leerplicht-age check.

The topic's answer action has already stated the general rule with its decision; these forms ask only for
the facts that rule still lacks (hours and weeks of absence; a date of birth or an age), and then answer
again from the dossier's facts plus the answers. A correction ("nee, 12 uur") replaces just that fact.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import beantwoord_zaak
from actions.context import dossier, peildatum
from actions.feiten import meldplicht as lees_meldplicht
from actions.geboorte import geboorte
from actions.uren import uren, weken
from invoer.uren import plausibel

ONDERWERP = "formulier_onderwerp"
FORMULIER_SLOTS = ("verzuim_uren", "verzuim_weken", "geboortedatum")


def _tekst(tracker: Tracker) -> str:
    tekst = str((tracker.latest_message or {}).get("text") or "")
    return "" if tekst.startswith("/") else tekst


_KORT = 4  # words: an answer this short is read whole as the amount asked for


def _kaal_getal(tekst: str) -> float | None:
    """A bare number as the whole answer ("14", "3,5"): the unit is the one asked for."""
    stripped = tekst.strip().rstrip(".!")
    try:
        return float(stripped.replace(",", "."))
    except ValueError:
        return None


class ValidateMeldplichtForm(FormValidationAction):
    """Reads hours and weeks from each answer; either may come in any answer, and a later one wins."""

    def name(self) -> str:
        return "validate_meldplicht_form"

    def validate_verzuim_uren(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        tekst = _tekst(tracker)
        # As the fact readers read it: hours said one by one add up, a rate per week is no total; a short answer
        # ("14", "zo'n 20 uur") is the hours asked for.
        aantal = lees_meldplicht(tekst, [], peildatum(tracker)).get("totaal_uren")
        if aantal is None and len(tekst.split()) <= _KORT:
            aantal = uren(tekst)
        if aantal is None:
            aantal = _kaal_getal(tekst)
        if aantal is None or not plausibel(aantal):
            dispatcher.utter_message(response="utter_verzuim_uren_onbekend")
            return {"verzuim_uren": None}
        gevonden: dict[str, Any] = {"verzuim_uren": aantal}
        aantal_weken = weken(tekst)
        if aantal_weken is not None and 0 < aantal_weken <= 52:
            gevonden["verzuim_weken"] = aantal_weken
        return gevonden

    def validate_verzuim_weken(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        tekst = _tekst(tracker)
        gevonden: dict[str, Any] = {}
        gecorrigeerd = uren(tekst)
        if gecorrigeerd is not None and plausibel(gecorrigeerd):
            gevonden["verzuim_uren"] = gecorrigeerd  # "nee, 12 uur": a correction of the hours
        aantal = weken(tekst)
        if aantal is None and gecorrigeerd is None:
            aantal = _kaal_getal(tekst)
        if aantal is not None and 0 < aantal <= 52:
            return {**gevonden, "verzuim_weken": aantal}
        if not gevonden:
            dispatcher.utter_message(response="utter_verzuim_weken_onbekend")
        return {**gevonden, "verzuim_weken": None}


class ValidateLeeftijdForm(FormValidationAction):
    """Reads a date of birth, or an age, from the answer."""

    def name(self) -> str:
        return "validate_leeftijd_form"

    def validate_geboortedatum(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # A date, a month of birth or an age, as precise as the answer was; the rule works with each.
        gelezen = geboorte(_tekst(tracker), peildatum(tracker), antwoord=True)
        if not gelezen:
            dispatcher.utter_message(response="utter_geboortedatum_onbekend")
            return {"geboortedatum": None}
        return {"geboortedatum": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in gelezen.items()}}


class ActionFormulierBesluit(Action):
    """Answers the topic that opened the form again, now with the facts the form collected."""

    def name(self) -> str:
        return "action_formulier_besluit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reset: list[EventType] = [SlotSet(slot, None) for slot in (*FORMULIER_SLOTS, ONDERWERP, "feiten_nodig")]
        onderwerp = tracker.get_slot(ONDERWERP)
        if not isinstance(onderwerp, dict) or "label" not in onderwerp:
            return reset
        aanvulling: dict[str, Any] = {}
        if tracker.get_slot("verzuim_uren") is not None:
            aanvulling["totaal_uren"] = float(tracker.get_slot("verzuim_uren"))
            if tracker.get_slot("verzuim_weken") is not None:
                aanvulling["over_weken"] = float(tracker.get_slot("verzuim_weken"))
        if isinstance(tracker.get_slot("geboortedatum"), dict):
            aanvulling.update(tracker.get_slot("geboortedatum"))
        # The facts of the first message are in the dossier already; the form's answers were asked, so confirmed.
        map_ = dossier(tracker)
        zaak = map_.zaak_voor(str(onderwerp["label"]))
        events = beantwoord_zaak(dispatcher, tracker, map_, zaak, aanvulling, "bevestigd")
        return [*events, *reset]
