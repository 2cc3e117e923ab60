"""One answer action per topic: facts from the message → the topic's rule → a reply with the reasons and
the decision attached as structured data. The text comes from content; the headline from the domain."""

from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import besluit_payload, peildatum, redenen_tekst, rule_set, taal
from actions.feiten import EXTRACTORS
from rules.besluit import Besluit, Peil
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
# Every topic a follow-up can continue: the answer topics above, and art. 13a (which has its own actions).
REGELS: dict[str, tuple[str, dict[str, Any]]] = {**ONDERWERPEN, "verlof_vakantie_13a": ("vakantieverlof", {})}
# The general rule (cited content texts), when the message lacks a fact the rule needs (e.g. a birth date).
ALGEMEEN: dict[str, tuple[str, ...]] = {
    "leerplicht_leeftijd": ("leerplicht_algemeen",),
    "kwalificatieplicht": ("kwalificatieplicht_algemeen", "kwalificatieplicht_einde_algemeen"),
}


# Topics whose answer starts a form when the message lacks the facts the rule needs.
FORMULIER_ONDERWERPEN = frozenset({"meldplicht_vraag", "leerplicht_leeftijd"})


def lees_feiten(label: str, tracker: Tracker, tekst: str | None = None) -> dict[str, Any]:
    """The facts for the label's rule in the message (or the given text) and those the label implies."""
    onderwerp, vast = REGELS[label]
    message = tracker.latest_message or {}
    entities = list(message.get("entities") or []) if tekst is None else []
    tekst = str(message.get("text") or "") if tekst is None else tekst
    feiten = {**EXTRACTORS[onderwerp](tekst, entities, peildatum(tracker)), **vast}
    if onderwerp == "vrijstelling" and "grond" in vast:
        feiten.pop("leeftijd", None)
    return feiten


def beslis(label: str, tracker: Tracker, feiten: dict[str, Any]) -> Besluit | None:
    """The decision of the label's rule for these facts, else its general rule."""
    onderwerp, vast = REGELS[label]
    datum = peildatum(tracker)
    try:
        return beoordeel(onderwerp, feiten, rule_set(), datum)
    except RegelFout:
        if label in ALGEMEEN:
            p = Peil(rule_set(), datum)
            algemeen = tuple(p.reden(sleutel) for sleutel in ALGEMEEN[label])
            return Besluit(onderwerp=label, grondslag=algemeen, redenen=algemeen)
        try:
            return beoordeel(onderwerp, vast, rule_set(), datum)
        except RegelFout:
            return None


def feiten_nodig(label: str, feiten: dict[str, Any], besluit: Besluit | None) -> bool:
    """Whether the answer should go on to ask for facts: only for topics with a form."""
    if label == "meldplicht_vraag":
        return besluit is not None and "afwezigheden" in besluit.ontbrekende_feiten
    if label == "leerplicht_leeftijd":
        return "geboortedatum" not in feiten
    return False


class _Antwoord(Action, abc.ABC):
    """Answers one topic; subclasses only name the label. Abstract, so the action server does not register
    the base class itself."""

    @property
    @abc.abstractmethod
    def label(self) -> str: ...

    def name(self) -> str:
        return f"action_antwoord_{self.label}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # A new question ends a form that was still waiting for an answer.
        events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop else []
        feiten = lees_feiten(self.label, tracker)
        besluit, antwoord = _antwoord(self.label, dispatcher, tracker, feiten)
        events.extend(antwoord)
        if self.label in FORMULIER_ONDERWERPEN:
            nodig = feiten_nodig(self.label, feiten, besluit)
            tekst = str((tracker.latest_message or {}).get("text") or "")
            events += [SlotSet("feiten_nodig", nodig), SlotSet("formulier_onderwerp", {"label": self.label,
                                                                                      "tekst": tekst})]
            if nodig and feiten.get("over_weken"):
                events.append(SlotSet("verzuim_weken", feiten["over_weken"]))
        return events


def beantwoord(
    label: str, dispatcher: CollectingDispatcher, tracker: Tracker, tekst: str | None = None
) -> list[EventType]:
    """Answer the label from the facts in the message (or the given text); remember the decision."""
    return _antwoord(label, dispatcher, tracker, lees_feiten(label, tracker, tekst))[1]


def beantwoord_met_feiten(
    label: str, dispatcher: CollectingDispatcher, tracker: Tracker, tekst: str, aanvulling: dict[str, Any]
) -> list[EventType]:
    """Answer the label from the facts in the text, completed (or corrected) by facts a form collected."""
    return _antwoord(label, dispatcher, tracker, {**lees_feiten(label, tracker, tekst), **aanvulling})[1]


def _antwoord(
    label: str, dispatcher: CollectingDispatcher, tracker: Tracker, feiten: dict[str, Any]
) -> tuple[Besluit | None, list[EventType]]:
    """Utter the label's headline with the reasons, the decision attached."""
    besluit = beslis(label, tracker, feiten)
    if besluit is None:
        dispatcher.utter_message(response=f"utter_kop_{label}", redenen="")
        return None, []
    # The decision carries the topic that was asked (melding_doen, not the meldplicht rule it rests on;
    # kwalificatieplicht, not leerplicht), so a follow-up and the front end know the conversation's topic.
    if besluit.onderwerp != label:
        besluit = besluit.model_copy(update={"onderwerp": label})
    redenen = redenen_tekst(besluit, rule_set(), taal(tracker)) if besluit.redenen else ""
    dispatcher.utter_message(response=f"utter_kop_{label}", redenen=redenen, json_message=besluit_payload(besluit))
    return besluit, [SlotSet("laatste_besluit", besluit.als_payload())]


def _maak(label: str) -> type[_Antwoord]:
    return type(f"Antwoord_{label}", (_Antwoord,), {"label": label, "__doc__": f"Answers {label}."})


ANTWOORD_ACTIONS = [_maak(label) for label in ONDERWERPEN]
