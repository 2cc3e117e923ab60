"""Actions for vakantieverlof (art. 11 onder f jo. 13a): the general rule, the form, and the decision.

Facts in the first message (a number of days, "goedkoper", "de eerste week na de zomer") are kept in a
slot, so the form asks only for what is still missing; when those facts already settle the answer
(nobody can grant it), the answer comes at once and the form asks nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any, Literal

from pydantic import ValidationError
from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoord import beantwoord_vraag, beslis, feiten_voor_regel, toets_onderwerp, zeg
from actions.context import besluit_payload, beurt, dossier, peildatum, rule_set, taal
from actions.feiten import MAX_WOORDEN_GEZEGD, periode, weekdagen
from actions.feiten import vakantieverlof as lees_vakantieverlof
from actions.normalise import parse_schooldagen
from actions.onbegrepen import bij_onzin
from actions.onderwerp import verlof_uit_feiten
from actions.onderwerp_keuze import met_gekozen_onderwerp
from dossier.model import ZOALS_GEZEGD
from rules.besluit import Besluit, Toegestaan, datum_tekst
from rules.besluit_data import BesluitData
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof

LABEL = "verlof_vakantie_13a"
KLAAR = "vakantieverlof_klaar"
FEITEN = "vakantieverlof_feiten"


def _bewaarbaar(feiten: dict[str, Any]) -> dict[str, Any]:
    """Slot values travel as JSON: dates as ISO strings (the rule model reads them back)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in feiten.items()}


def periode_probleem(gelezen: dict[str, Any], vandaag: dt.date) -> tuple[str, dict[str, Any]] | None:
    """A period that cannot be right: in the past, or fewer weekdays than the days the user named. The facts
    in doubt are taken out of `gelezen`, so the form asks for them again instead of deciding on them."""
    van, tot = gelezen.get("van"), gelezen.get("tot_en_met")
    if not isinstance(van, dt.date) or not isinstance(tot, dt.date):
        return None
    if van < vandaag:
        for sleutel in ("van", "tot_en_met", "aantal_schooldagen"):
            gelezen.pop(sleutel, None)
        return "utter_periode_verleden", {"van": van.isoformat()}
    dagen = gelezen.get("aantal_schooldagen")
    if isinstance(dagen, int) and dagen > weekdagen(van, tot):
        for sleutel in ("van", "tot_en_met", "aantal_schooldagen"):
            gelezen.pop(sleutel)
        return "utter_feiten_tegenstrijdig", {"dagen": dagen, "van": van.isoformat(), "tot": tot.isoformat(),
                                              "weekdagen": weekdagen(van, tot)}
    try:
        VakantieverlofFeiten.model_validate(gelezen)
    except ValidationError:  # e.g. a period across two school years: ask for the days instead
        gelezen.pop("van")
        gelezen.pop("tot_en_met")
    return None


def _beoordeel(tracker: Tracker) -> Besluit:
    """The decision for the facts known so far: the dossier's case, the form's answers in the slots."""
    map_ = dossier(tracker)
    zaak = map_.zaak_voor(LABEL)
    bewaard = {k: v for k, v in dict(tracker.get_slot(FEITEN) or {}).items() if k != ZOALS_GEZEGD}
    feiten = {**feiten_voor_regel(LABEL, map_, zaak), **bewaard}
    beroep = tracker.get_slot("beroep_reden")
    dagen = tracker.get_slot("aantal_dagen")
    if beroep is not None:
        feiten["beroep_maakt_schoolvakanties_onmogelijk"] = beroep
    if dagen:
        feiten["aantal_schooldagen"] = int(dagen)
    return beslis(LABEL, tracker, feiten) or beoordeel_vakantieverlof(VakantieverlofFeiten(), rule_set(),
                                                                       peildatum(tracker))


def _datums_als_tekst(waarden: dict[str, Any], lang: Literal["nl", "en"]) -> dict[str, Any]:
    return {k: datum_tekst(v, lang) if k in ("van", "tot") else v for k, v in waarden.items()}


class ActionVakantieverlofUitleg(Action):
    """States the general rule of art. 13a with its decision, or the final answer when facts settle it."""

    def name(self) -> str:
        return "action_vakantieverlof_uitleg"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        onzin = bij_onzin(dispatcher, tracker)
        if onzin is not None:  # no decision, and the form ends before it asks anything
            return [SlotSet(KLAAR, True), *onzin]
        gekozen, events = met_gekozen_onderwerp(tracker)
        return [*events, *self._uitleg(dispatcher, gekozen)]

    def _uitleg(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        tekst = str((tracker.latest_message or {}).get("text") or "")
        if verlof_uit_feiten(tekst) == "verlof_gewichtige_omstandigheden":
            # Read as holiday leave, but it names a funeral or a wedding and no job: art. 14 answers it.
            return [SlotSet(KLAAR, True), *beantwoord_vraag("verlof_gewichtige_omstandigheden", dispatcher, tracker)]
        map_ = dossier(tracker)
        getoetst = toets_onderwerp(LABEL, tracker, map_)
        if getoetst != LABEL:  # a child under five, or a school year abroad: another rule answers it
            return [SlotSet(KLAAR, True), *beantwoord_vraag(getoetst, dispatcher, tracker)]
        entities = list((tracker.latest_message or {}).get("entities") or [])
        gelezen = lees_vakantieverlof(tekst, entities, peildatum(tracker)) if not tekst.startswith("/") else {}
        probleem = periode_probleem(gelezen, peildatum(tracker))
        zaak = map_.zaak_voor(LABEL, gelezen)
        if probleem is not None:
            response, waarden = probleem
            dispatcher.utter_message(response=response, **_datums_als_tekst(waarden, taal(tracker)))
            map_.vergeet(zaak, ("van", "tot_en_met", "aantal_schooldagen"))  # no decision on a doubtful fact
        map_.neem_op(zaak, gelezen, "gezegd", beurt(tracker))
        feiten = feiten_voor_regel(LABEL, map_, zaak)
        events: list[EventType] = [SlotSet(FEITEN, _bewaarbaar(feiten))]
        if "aantal_schooldagen" in feiten:
            events.append(SlotSet("aantal_dagen", float(feiten["aantal_schooldagen"])))
        if feiten.get("beroep_maakt_schoolvakanties_onmogelijk") is not None:
            # The form need not ask what was said, in this message or before.
            events.append(SlotSet("beroep_reden", bool(feiten["beroep_maakt_schoolvakanties_onmogelijk"])))
        besluit = beslis(LABEL, tracker, feiten)
        if besluit is not None and besluit.toegestaan is Toegestaan.NEE:
            events.append(SlotSet(KLAAR, True))
            return [*events, *zeg(LABEL, dispatcher, tracker, map_, zaak, besluit)]
        # The form asks for what is missing, so the answer asks nothing itself.
        return [*events, *zeg(LABEL, dispatcher, tracker, map_, zaak, besluit, vragen=False)]


class ValidateVakantieverlofForm(FormValidationAction):
    """Asks only for facts still missing; a 'no' to the job condition already settles the answer."""

    def name(self) -> str:
        return "validate_vakantieverlof_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate, then attach the decision of art. 13a for the facts known now, so the question the form
        asks next still carries who decides and on what basis (without a round trip of its own)."""
        events: list[EventType] = list(await super().run(dispatcher, tracker, domain))
        bijgewerkt = copy.copy(tracker)
        bijgewerkt.slots = {**tracker.slots, **{e["name"]: e.get("value") for e in events if e.get("event") == "slot"}}
        if not bijgewerkt.get_slot(KLAAR):
            dispatcher.utter_message(json_message=besluit_payload(_beoordeel(bijgewerkt)))
        return events

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
        gelezen = {"van": p[0], "tot_en_met": p[1]} if (p := periode(tekst, peildatum(tracker))) else {}
        if gelezen:
            probleem = periode_probleem(gelezen, peildatum(tracker))
            if probleem is not None:
                dispatcher.utter_message(response=probleem[0], **_datums_als_tekst(probleem[1], taal(tracker)))
                return {"aantal_dagen": None}
            if gelezen:  # a period in one school year: the rule counts its school days with the calendar
                bewaard = {**(tracker.get_slot(FEITEN) or {}), **_bewaarbaar(gelezen)}
                return {"aantal_dagen": float(weekdagen(gelezen["van"], gelezen["tot_en_met"])), FEITEN: bewaard}
        # The days as the fact readers see them: a rota ("2 weeks on, 2 weeks off"), a negated bound or the first
        # lesweken is no length; only a short answer is read whole, or by the entity DIET found in it.
        kort = len(tekst.split()) <= MAX_WOORDEN_GEZEGD
        dagen: float | None = None
        if tekst and not tekst.startswith("/"):
            dagen = lees_vakantieverlof(tekst, [], peildatum(tracker)).get("aantal_schooldagen")
            if dagen is None and kort:
                dagen = parse_schooldagen(tekst)
        if dagen is None and (kort or tekst.startswith("/")):
            dagen = slot_value if isinstance(slot_value, int | float) else parse_schooldagen(str(slot_value))
        if not dagen or dagen <= 0:
            if kort:  # an answer to the question for the days that says none
                dispatcher.utter_message(response="utter_aantal_dagen_onbekend")
            return {"aantal_dagen": None}
        if re.search(rf"(?<![\d.,]){int(dagen)}(?![\d.,])", tekst) or len(tekst.split()) > MAX_WOORDEN_GEZEGD:
            return {"aantal_dagen": float(dagen)}
        # "een week": the answer shows those words, not a number the user did not say.
        woorden = {ZOALS_GEZEGD: {"aantal_schooldagen": tekst.strip()}}
        return {"aantal_dagen": float(dagen), FEITEN: {**(tracker.get_slot(FEITEN) or {}), **woorden}}


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
        map_ = dossier(tracker)
        zaak = map_.zaak_voor(LABEL)
        # A period given as the answer about the days, and the form's answers (asked, so confirmed).
        periode = {k: v for k, v in dict(tracker.get_slot(FEITEN) or {}).items() if k in ("van", "tot_en_met")}
        map_.neem_op(zaak, periode, "gezegd", beurt(tracker))
        antwoorden: dict[str, Any] = {}
        if tracker.get_slot("beroep_reden") is not None:
            antwoorden["beroep_maakt_schoolvakanties_onmogelijk"] = bool(tracker.get_slot("beroep_reden"))
        eerder = zaak.feiten.get("aantal_schooldagen")
        dagen = tracker.get_slot("aantal_dagen")
        if dagen and not periode and (eerder is None or eerder.waarde != int(dagen)):
            antwoorden["aantal_schooldagen"] = int(dagen)  # days said in the first message keep their words
            antwoorden[ZOALS_GEZEGD] = dict(tracker.get_slot(FEITEN) or {}).get(ZOALS_GEZEGD) or {}
        map_.neem_op(zaak, antwoorden, "bevestigd", beurt(tracker))
        besluit = beslis(LABEL, tracker, feiten_voor_regel(LABEL, map_, zaak))
        if besluit is not None and BesluitData.van(besluit).als_json() == tracker.get_slot("laatste_besluit"):
            return reset  # the form asked nothing new: the first reply already said exactly this
        # The answer to the question the form completed: said in full, even where the first reply said it too.
        return [*zeg(LABEL, dispatcher, tracker, map_, zaak, besluit, herhaal=True), *reset]
