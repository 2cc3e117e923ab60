"""One answer action per topic: facts from the message → the topic's rule → a reply with the reasons and
the decision attached as structured data. The text comes from content; the headline from the domain."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import besluit_payload, peildatum, redenen_tekst, rule_set, taal
from actions.feiten import EXTRACTORS
from rules.besluit import Besluit
from rules.errors import RegelFout
from rules.registry import beoordeel

# canonical label → (rule topic, facts the label itself implies)
ONDERWERPEN: dict[str, tuple[str, dict[str, Any]]] = {
    "verlof_gewichtige_omstandigheden": ("gewichtige_omstandigheden", {}),
    "luxe_verzuim_gevolgen": ("luxe_verzuim", {}),
    "vrijstelling_5a": ("vrijstelling", {"grond": "5a_lichamelijk_psychisch"}),
    "vrijstelling_5b": ("vrijstelling", {"grond": "5b_richting"}),
    "vrijstelling_5c": ("vrijstelling", {"grond": "5c_buitenland"}),
    "vrijstelling_andere": ("vrijstelling", {}),
    "meldplicht_vraag": ("meldplicht", {}),
    "melding_doen": ("meldplicht", {}),
    "leerplicht_leeftijd": ("leerplicht", {}),
    "kwalificatieplicht": ("leerplicht", {}),
    "ziekte": ("kennisgeving", {"soort": "ziekte"}),
    "godsdienst_feestdag": ("kennisgeving", {"soort": "godsdienst"}),
    "vijfjarige": ("kennisgeving", {"soort": "vijfjarige"}),
    "bezwaar": ("bezwaar", {}),
}
# Legal basis of the general rule, when the message lacks a fact the rule needs (e.g. a birth date).
ALGEMEEN: dict[str, str] = {
    "leerplicht_leeftijd": "art. 3 Leerplichtwet 1969",
    "kwalificatieplicht": "art. 4a en 4b Leerplichtwet 1969",
}


def beslis(label: str, tracker: Tracker, tekst: str | None = None) -> Besluit | None:
    """The decision of the label's rule for the facts in the message (or the given text), else its
    general rule."""
    onderwerp, vast = ONDERWERPEN[label]
    message = tracker.latest_message or {}
    entities = list(message.get("entities") or []) if tekst is None else []
    tekst = str(message.get("text") or "") if tekst is None else tekst
    datum = peildatum(tracker)
    extractor = EXTRACTORS[onderwerp]
    feiten = {**extractor(tekst, entities, datum), **vast}
    if onderwerp == "vrijstelling" and "grond" in vast:
        feiten.pop("leeftijd", None)
    try:
        return beoordeel(onderwerp, feiten, rule_set(), datum)
    except RegelFout:
        if label in ALGEMEEN:
            return Besluit(onderwerp=label, rechtsgrond=ALGEMEEN[label], redenen=())
        try:
            return beoordeel(onderwerp, vast, rule_set(), datum)
        except RegelFout:
            return None


class _Antwoord(Action):
    """Answers one topic; subclasses only name the label."""

    label = ""

    def name(self) -> str:
        return f"action_antwoord_{self.label}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return beantwoord(self.label, dispatcher, tracker)


def beantwoord(
    label: str, dispatcher: CollectingDispatcher, tracker: Tracker, tekst: str | None = None
) -> list[EventType]:
    """Utter the label's headline with the reasons, the decision attached; remember the decision."""
    besluit = beslis(label, tracker, tekst)
    if besluit is None:
        dispatcher.utter_message(response=f"utter_kop_{label}", redenen="")
        return []
    # A decision on another label's rule (kwalificatieplicht vs leerplicht) keeps the asked topic.
    if besluit.onderwerp != label and label in ALGEMEEN:
        besluit = besluit.model_copy(update={"onderwerp": label})
    redenen = redenen_tekst(besluit, rule_set(), taal(tracker)) if besluit.redenen else ""
    dispatcher.utter_message(response=f"utter_kop_{label}", redenen=redenen, json_message=besluit_payload(besluit))
    return [SlotSet("laatste_besluit", besluit.als_payload())]


def _maak(label: str) -> type[_Antwoord]:
    return type(f"Antwoord_{label}", (_Antwoord,), {"label": label, "__doc__": f"Answers {label}."})


ANTWOORD_ACTIONS = [_maak(label) for label in ONDERWERPEN]
