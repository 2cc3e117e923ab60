"""Questions outside the leerplicht: a pointer to the place that can answer them instead of a shrug. A
message whose facts clearly ask a leerplicht question after all (a funeral and its days) gets that answer."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import beantwoord_vraag
from actions.onbegrepen import bij_onzin
from actions.vervolg import onderwerp_van_zin, vervolg_open_zaak

# First match wins; the order puts the most specific places first.
WEGWIJZERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"kinderbijslag|svb|child ?benefit|toeslag", re.I), "utter_buiten_svb"),
    (re.compile(r"pest|bully|bullied|klacht|complain|ongewenst|intimidat|discriminat|vertrouwens", re.I),
     "utter_buiten_vertrouwenspersoon"),
    (re.compile(r"ouderbijdrage|schoolgeld|school ?fee|inschrij|aanmeld|toelating|admission|enrol|geschorst|"
                r"schorsing|verwijder|expel|suspend|cijfer|rapport|huiswerk|homework|grade|rooster|timetable|"
                r"lesuitval|leraar|juf\b|meester\b|teacher", re.I), "utter_buiten_school"),
)
ALGEMEEN = "utter_out_of_scope"


def wegwijzer(tekst: str) -> str:
    for patroon, response in WEGWIJZERS:
        if patroon.search(tekst):
            return response
    return ALGEMEEN


class ActionBuitenLeerplicht(Action):
    """Says the question is outside what the assistant knows, and where to ask it."""

    def name(self) -> str:
        return "action_buiten_leerplicht"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        onzin = bij_onzin(dispatcher, tracker)  # SQL or a script tag is no question outside the leerplicht either
        if onzin is not None:
            return onzin
        vervolg = vervolg_open_zaak(dispatcher, tracker)  # "ja idd, vanaf september" answers the open case
        if vervolg is not None:
            return vervolg
        # "…begrafenis van mijn broer (2 dagen). Moet het bsn erop?": the leave question in it is answered.
        onderwerp = onderwerp_van_zin(tracker, alleen_feiten=True)
        if onderwerp is not None:
            return beantwoord_vraag(onderwerp, dispatcher, tracker)
        dispatcher.utter_message(response=wegwijzer(str((tracker.latest_message or {}).get("text") or "")))
        return []
