"""Follow-up answers ("5 dagen", "ja", "nee, 8 dagen") to the case the conversation is about: the facts in the
answer go into that case of the dossier (a new value replaces the old one) and the rule is asked again."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import REGELS, beantwoord_vraag, beantwoord_zaak, gelezen_feiten, is_ja_nee_feit
from actions.context import dossier
from actions.onderwerp import antwoord_op_open_zaak, onderwerp_uit_feiten
from dossier.model import ZOALS_GEZEGD, Herkomst

MIN_WOORDEN_VOOR_ONDERWERP = 5


class ActionVervolg(Action):
    """Re-decides the current case with the facts of this answer; otherwise asks to rephrase."""

    def name(self) -> str:
        return "action_vervolg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        map_ = dossier(tracker)
        zaak = map_.actieve_zaak
        if zaak is not None and zaak.onderwerp in REGELS:
            nieuw: dict[str, Any] = gelezen_feiten(zaak.onderwerp, tracker)
            herkomst: Herkomst = "gezegd"
            intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
            gevraagd = map_.gevraagd
            if not nieuw and intent in ("affirm", "deny") and gevraagd and is_ja_nee_feit(zaak.onderwerp, gevraagd):
                nieuw, herkomst = {gevraagd: intent == "affirm"}, "bevestigd"
            return beantwoord_zaak(dispatcher, tracker, map_, zaak, nieuw, herkomst)
        alternatief = onderwerp_van_zin(tracker)
        if alternatief is not None:
            return beantwoord_vraag(alternatief, dispatcher, tracker)
        dispatcher.utter_message(response="utter_default")
        return []


def vervolg_open_zaak(dispatcher: CollectingDispatcher, tracker: Tracker,
                      twijfel: list[str] | None = None) -> list[EventType] | None:
    """A message read as out of scope or not understood that still belongs to the case the conversation is
    about: a short yes or no with a detail ("ja idd, vanaf september"), or a follow-up the classifier hesitated
    on between that case's topic and another (`twijfel`, its best two topics), or — when the classifier was
    unsure at all (`twijfel` given) — one that gives facts of that case ("probably 3 weeks, so around 15 school
    days", "het is de zoon van de broer van de moeder"). The case is answered again with what the message adds;
    None when the message is no such follow-up."""
    map_ = dossier(tracker)
    zaak = map_.actieve_zaak
    if zaak is None or zaak.onderwerp not in REGELS:
        return None
    tekst = str((tracker.latest_message or {}).get("text") or "")
    nieuw = gelezen_feiten(zaak.onderwerp, tracker)
    geeft_feiten = twijfel is not None and any(naam != ZOALS_GEZEGD for naam in nieuw)
    if zaak.onderwerp in (twijfel or [])[:2] or antwoord_op_open_zaak("", tekst, zaak.onderwerp) or geeft_feiten:
        return beantwoord_zaak(dispatcher, tracker, map_, zaak, nieuw)
    return None


def onderwerp_van_zin(tracker: Tracker, *, alleen_feiten: bool = False) -> str | None:
    """A whole sentence read as a bare answer while no topic is open ("we willen 10 dagen weg, van 1 t/m 3
    maart, ...") is a question after all: the topic its facts point to, else (unless `alleen_feiten`) the most
    likely topic among the other intents. A short answer ("15") without a topic says too little to guess from."""
    message = tracker.latest_message or {}
    tekst = str(message.get("text") or "")
    if len(tekst.split()) < MIN_WOORDEN_VOOR_ONDERWERP or tekst.startswith("/"):
        return None
    uit_feiten = onderwerp_uit_feiten(tekst)
    if uit_feiten is not None or alleen_feiten:
        return uit_feiten
    for kandidaat in list(message.get("intent_ranking") or [])[1:]:
        if kandidaat.get("name") in REGELS:
            return str(kandidaat["name"])
    return None
