"""When the classifier is unsure which topic a question is about (the FallbackClassifier fired: confidence low,
or the top two too close), the user picks the topic from two or three buttons instead of getting an answer on
the wrong one. The question itself is kept, so its facts are read once a topic is chosen."""

from __future__ import annotations

import copy
from collections.abc import Collection
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import rol, taal
from content import teksten as t

VRAAG_SLOT = "onduidelijke_vraag"
MAX_KNOPPEN = 3
# A topic the classifier gives less than this is no real candidate, however high it ranks.
MIN_ZEKERHEID = 0.05


def kandidaten(tracker: Tracker, onderwerpen: Collection[str]) -> list[str]:
    """The answerable topics among the classifier's three best guesses, best first."""
    ranking = [k for k in (tracker.latest_message or {}).get("intent_ranking") or []
               if k.get("name") != "nlu_fallback"][:MAX_KNOPPEN]
    return [str(k["name"]) for k in ranking
            if k.get("name") in onderwerpen and float(k.get("confidence") or 0) >= MIN_ZEKERHEID]


def vraag_onderwerp(dispatcher: CollectingDispatcher, tracker: Tracker,
                    onderwerpen: Collection[str]) -> list[EventType] | None:
    """Ask which of the answerable `onderwerpen` is meant, a button per candidate; None when fewer than two."""
    opties = kandidaten(tracker, onderwerpen)
    if len(opties) < 2:
        return None
    lang = taal(tracker)
    knoppen = [{"title": t.tekst(f"knop_onderwerp_{optie}", lang), "payload": f"/{optie}"} for optie in opties]
    dispatcher.utter_message(text=t.tekst("onderwerp_kiezen", lang, rol(tracker)), buttons=knoppen)
    bericht = tracker.latest_message or {}
    bewaard: dict[str, Any] = {"text": str(bericht.get("text") or ""), "entities": list(bericht.get("entities") or [])}
    return [SlotSet(VRAAG_SLOT, bewaard)]


def met_gekozen_onderwerp(tracker: Tracker) -> tuple[Tracker, list[EventType]]:
    """The tracker to answer a topic on. After a topic button, the kept question stands in for the button's
    payload (the facts are in the question, not in "/vrijstelling_5a"); the kept question is then dropped."""
    bewaard = tracker.get_slot(VRAAG_SLOT)
    if not isinstance(bewaard, dict):
        return tracker, []
    bericht = tracker.latest_message or {}
    if not str(bericht.get("text") or "").startswith("/"):  # a new question typed instead of a choice
        return tracker, [SlotSet(VRAAG_SLOT, None)]
    gekozen = copy.copy(tracker)
    gekozen.latest_message = {**bericht, "text": bewaard.get("text", ""), "entities": bewaard.get("entities", [])}
    return gekozen, [SlotSet(VRAAG_SLOT, None)]
