"""Not understood: a follow-up on the case the conversation is about continues it; a whole question whose facts
point clearly to one topic is answered; one the classifier hesitates on between topics gets topic buttons;
otherwise ask to rephrase, and after a second miss in a row offer a person."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import REGELS, beantwoord_vraag
from actions.onbegrepen import bij_onzin, niet_begrepen
from actions.onderwerp_keuze import kandidaten, vraag_onderwerp
from actions.vervolg import onderwerp_van_zin, vervolg_open_zaak


class ActionFallback(Action):
    """Clarify once; after a second miss in a row, point to a person instead of guessing."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # A follow-up in a conversation about a case ("waarom niet? ze is als een zus voor me", "het gaat om 2
        # ochtendjes van 2 uur") is often unclear on its own: it continues the case when it answers it or when
        # the classifier hesitated between that case's topic and another.
        onzin = bij_onzin(dispatcher, tracker)  # code or markup continues no case and picks no topic
        if onzin is not None:
            return onzin
        vervolg = vervolg_open_zaak(dispatcher, tracker, kandidaten(tracker, REGELS))
        if vervolg is not None:
            return vervolg
        # A whole question whose facts point clearly to a topic is answered; only then is the NLU's doubt moot.
        onderwerp = onderwerp_van_zin(tracker, alleen_feiten=True)
        if onderwerp is not None:
            return beantwoord_vraag(onderwerp, dispatcher, tracker)
        keuze = vraag_onderwerp(dispatcher, tracker, REGELS)
        if keuze is not None:
            return keuze
        return niet_begrepen(dispatcher, tracker)

