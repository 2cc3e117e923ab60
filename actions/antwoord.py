"""One answer action per topic: facts from the message → the conversation's dossier → the topic's rule → a reply
that answers first, with the decision attached as structured data. Texts come from content."""

from __future__ import annotations

import abc
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import besluit_payload, beurt, dossier, dossier_bewaard, peildatum, rol, rule_set, taal
from actions.feiten import EXTRACTORS
from actions.onbegrepen import bij_onzin
from actions.onderwerp import (
    antwoord_op_open_zaak,
    geen_religieuze_plicht,
    genoemde_grond,
    kan_niet_naar_school,
    maanden_naar_school_in_buitenland,
    melden_van_ouder,
    onderwerp_zonder_teken,
    plotselinge_nood,
    te_jong_voor_verlof,
    thuisonderwijs,
    trekkend_bestaan,
    verlof_uit_feiten,
    verlofvraag_als_meldplicht,
    vervangende_leerplicht,
    vervolg_zonder_eigen_onderwerp,
    vijfjarige_thuis,
    vraagt_of_melden,
    ziekmelding_als_uitweg,
    ziekte_in_gewichtige_zaak,
    ziekte_van_familielid,
)
from actions.onderwerp_keuze import met_gekozen_onderwerp
from actions.opmaak import maak_antwoord
from content.woorden import herken_feest
from dossier.model import ZOALS_GEZEGD, Dossier, Herkomst, Zaak
from rules.besluit import Beslisser, Besluit, Peil
from rules.besluit_data import BesluitData
from rules.errors import RegelFout
from rules.feittypen import is_ja_nee
from rules.registry import ONDERWERPEN as RULE_TOPICS
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
# What a label means when the case names nothing more specific: "other" exemptions are art. 15 unless a
# message named art. 3a, 3b, 5a or a gedoogbeschikking.
STANDAARD: dict[str, dict[str, Any]] = {"vrijstelling_andere": {"grond": "art15_ander_onderwijs"}}
# The general rule (cited content texts), when the message lacks a fact the rule needs (e.g. a birth date).
ALGEMEEN: dict[str, tuple[str, ...]] = {
    "leerplicht_leeftijd": ("leerplicht_algemeen",),
    "kwalificatieplicht": ("kwalificatieplicht_algemeen", "kwalificatieplicht_einde_algemeen"),
    "vrijstelling_andere": ("vrijstelling_andere_algemeen",),
}


# Topics whose answer starts a form when the message lacks the facts the rule needs.
FORMULIER_ONDERWERPEN = frozenset({"meldplicht_vraag", "leerplicht_leeftijd"})


def gelezen_feiten(label: str, tracker: Tracker, tekst: str | None = None) -> dict[str, Any]:
    """The facts for the label's rule that this message (or the given text) states; nothing implied."""
    onderwerp, _ = REGELS[label]
    message = tracker.latest_message or {}
    entities = list(message.get("entities") or []) if tekst is None else []
    tekst = str(message.get("text") or "") if tekst is None else tekst
    if tekst.startswith("/"):
        return {}  # a button's payload states no facts
    feiten = dict(EXTRACTORS[onderwerp](tekst, entities, peildatum(tracker)))
    if onderwerp == "vrijstelling" and "grond" in REGELS[label][1]:
        feiten.pop("leeftijd", None)
    return feiten


def feiten_voor_regel(label: str, map_: Dossier, zaak: Zaak) -> dict[str, Any]:
    """What the rule decides on: every fact of the case (and of the pupil), and what the label implies. Only
    fields the rule knows: a fact of another topic is kept in the dossier, not passed on."""
    onderwerp, vast = REGELS[label]
    velden = RULE_TOPICS[onderwerp].feiten.model_fields
    feiten = {naam: waarde for naam, waarde in map_.feiten(zaak).items() if naam in velden}
    if onderwerp == "vrijstelling" and "grond" in vast:
        feiten.pop("leeftijd", None)
    if label == "kwalificatieplicht" and "diploma" in feiten:
        # With the diploma told ("he has his pro diploma and works for a gardener now", "she only has vmbo, is
        # she done?"), a question about kwalificatieplicht asks whether the young person must still be at school,
        # even without the word "stop" (unless it asks whether bbl counts); the rule says so only where age and
        # diploma decide it.
        feiten.setdefault("vraag_stoppen", True)
    return {**STANDAARD.get(label, {}), **feiten, **vast}


def beslis(label: str, tracker: Tracker, feiten: dict[str, Any]) -> Besluit | None:
    """The decision of the label's rule for these facts, else its general rule."""
    onderwerp, vast = REGELS[label]
    datum = peildatum(tracker)
    try:
        return beoordeel(onderwerp, feiten, rule_set(), datum)
    except RegelFout:
        try:
            return beoordeel(onderwerp, vast, rule_set(), datum)
        except RegelFout:
            if label in ALGEMEEN:
                p = Peil(rule_set(), datum)
                algemeen = tuple(p.reden(sleutel) for sleutel in ALGEMEEN[label])
                return Besluit(onderwerp=label, grondslag=algemeen, redenen=algemeen)
            return None


def feiten_nodig(label: str, feiten: dict[str, Any], besluit: Besluit | None) -> bool:
    """Whether the answer should go on to ask for facts: only for topics with a form."""
    if label == "meldplicht_vraag":
        return besluit is not None and "afwezigheden" in besluit.ontbrekende_feiten
    if label == "leerplicht_leeftijd":
        return not {"geboortedatum", "geboortemaand", "leeftijd"} & feiten.keys()
    return False


def is_ja_nee_feit(label: str, naam: str) -> bool:
    """Whether a fact of the label's rule is a yes/no fact (so "ja" or "nee" answers the question about it)."""
    veld = RULE_TOPICS[REGELS[label][0]].feiten.model_fields.get(naam)
    return veld is not None and is_ja_nee(veld.annotation)


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
        onzin = bij_onzin(dispatcher, tracker)
        if onzin is not None:
            # Rasa's rules for a form label wait for this slot; without it "not understood" would follow twice.
            return [*onzin, SlotSet("feiten_nodig", False)] if self.label in FORMULIER_ONDERWERPEN else onzin
        gekozen, events = met_gekozen_onderwerp(tracker)
        return [*events, *beantwoord_vraag(self.label, dispatcher, gekozen)]


def beantwoord_vraag(label: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A question on a topic: its facts go into the topic's case of the dossier, then the answer."""
    # A new question ends a form that was still waiting for an answer.
    events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop else []
    map_ = dossier(tracker)
    gevraagd = label  # the label the classifier read: Rasa's rules for it decide whether a form follows
    label = toets_onderwerp(label, tracker, map_)
    gelezen = gelezen_feiten(label, tracker)
    afgeleid = _uit_vorige_zaak(label, map_, tracker, gelezen)
    zaak = map_.zaak_voor(label, gelezen)
    if label == "godsdienst_feestdag" and "feestdag" not in gelezen and "feestdag" not in zaak.feiten:
        gelezen.update(_feest_eerder_genoemd(tracker))
    map_.neem_op(zaak, afgeleid, "afgeleid", beurt(tracker))
    neem_op(map_, zaak, gelezen, "gezegd", tracker)
    # A form follows only the topic it was built for, read as such; a question re-read as another topic asks for
    # its missing facts in the answer itself.
    formulier = label in FORMULIER_ONDERWERPEN and label == gevraagd
    feiten = feiten_voor_regel(label, map_, zaak)
    besluit = beslis(label, tracker, feiten)
    nodig = formulier and feiten_nodig(label, feiten, besluit)
    events.extend(zeg(label, dispatcher, tracker, map_, zaak, besluit, vragen=not nodig, herhaal=True))
    if gevraagd in FORMULIER_ONDERWERPEN:
        # Rasa's rules for a form label wait for this slot (form or not); without it no rule applies and the
        # answer would be followed by "sorry, I did not understand".
        events.append(SlotSet("feiten_nodig", nodig))
    if formulier:
        tekst = str((tracker.latest_message or {}).get("text") or "")
        events.append(SlotSet("formulier_onderwerp", {"label": label, "tekst": tekst}))
        if nodig and feiten.get("over_weken"):
            events.append(SlotSet("verzuim_weken", feiten["over_weken"]))
    return events


_MELDEN_VAN_VERZUIM = re.compile(r"\b(moet|moeten|mag|mogen|hoeft|hoeven|must|should|need)\b.*\b(ge)?(meld|report)|"
                                 r"\b(meld|report)\w*\b.*\b(verzuim|afwezig|niet op school|absent|weken|weeks|"
                                 r"maanden|months|niet komen)|\bmeldplicht|"
                                 r"\bleerplicht\b.{0,25}\b(hear|know|weten|horen)\b", re.I)


_AAN_LEERPLICHT = re.compile(r"\b((ge)?meld\w*|doorgeven|doorzetten|report\w*)\b.*"
                             r"\b(leerplicht|duo|lrv|verzuimloket)\b|meldplicht", re.I)


def toets_onderwerp(label: str, tracker: Tracker, map_: Dossier) -> str:
    """The topic checked against what decides it (the predicates live in actions/onderwerp.py), in this order:
    - a short yes or no, or a parent's "kan ik het nog melden?" in a feast-day, illness or five-year-old
      conversation, continues the open case; "and if we call in sick?" after a leave question is luxe verzuim;
      a follow-up read as illness in an art. 14 case stays art. 14 unless the child itself is ill, and a
      follow-up read as a topic it carries no sign of stays in the open case (an age told, "waarom maar 1 dag?");
    - an illness answer ("no permission needed") only for a text that names illness: else the next topic the
      classifier ranked whose sign the text bears, or the one its facts point to;
    - a leave question about a child under five is the leerplicht age; a child who cannot attend for health
      reasons (asked as age, as a serious illness, or as illness for a year) is 5 onder a; a bargee's or fair
      family is art. 5a, a child of 14 or 15 who wants to work is art. 3a; an exemption named by its article is
      that one; months abroad at a school there are 5 onder c;
    - "moeten we dit melden?" is the meldplicht question, not filing one (from school staff whatever the case is
      about); teaching a young child at home is 5b;
    - a sudden death or a relative's serious illness is art. 14, not luxe verzuim or the child's illness, and so
      is "krijgen we een boete?" after leaving at once for one, and a leave request read as meldplicht;
    - art. 13 covers religious duties only (a tournament or party is art. 14); art. 14 needs an event (a job that
      rules out every school holiday, or a cheaper trip, is art. 13a), and "holiday leave" for a wedding, a death
      or a relative's serious illness without a job reason is art. 14;
    - whether absence must be reported is a meldplicht question, whatever age or illness it names."""
    tekst = str((tracker.latest_message or {}).get("text") or "")
    open_zaak = map_.actieve_zaak
    if open_zaak is not None and open_zaak.onderwerp in REGELS and \
            antwoord_op_open_zaak(label, tekst, open_zaak.onderwerp):
        return open_zaak.onderwerp
    if open_zaak is not None and melden_van_ouder(label, rol(tracker), open_zaak.onderwerp):
        return open_zaak.onderwerp
    if open_zaak is not None and ziekmelding_als_uitweg(label, tekst, open_zaak.onderwerp):
        return "luxe_verzuim_gevolgen"
    if ziekte_in_gewichtige_zaak(label, tekst, open_zaak.onderwerp if open_zaak else None):
        return "verlof_gewichtige_omstandigheden"
    if open_zaak is not None and vervolg_zonder_eigen_onderwerp(label, tekst, open_zaak.onderwerp):
        return open_zaak.onderwerp
    rangorde = [str(k.get("name")) for k in (tracker.latest_message or {}).get("intent_ranking") or []
                if k.get("name") in REGELS]
    label = onderwerp_zonder_teken(label, tekst, rangorde) or label
    if te_jong_voor_verlof(label, tekst):
        return "leerplicht_leeftijd"
    if kan_niet_naar_school(label, tekst):
        return "vrijstelling_5a"
    if trekkend_bestaan(label, tekst) or vervangende_leerplicht(label, tekst):
        return "vrijstelling_andere"
    genoemd = genoemde_grond(label, tekst)
    if genoemd is not None:
        return genoemd
    if maanden_naar_school_in_buitenland(label, tekst):
        return "vrijstelling_5c"
    if label == "leerplicht_leeftijd" and vijfjarige_thuis(tekst):
        return "vijfjarige"
    if vraagt_of_melden(label, tekst, rol(tracker)):
        return "meldplicht_vraag"
    if thuisonderwijs(label, tekst):
        return "vrijstelling_5b"
    if plotselinge_nood(label, tekst) or ziekte_van_familielid(label, tekst) or \
            _na_plotselinge_nood(label, open_zaak) or verlofvraag_als_meldplicht(label, tekst):
        return "verlof_gewichtige_omstandigheden"
    if label == "godsdienst_feestdag" and geen_religieuze_plicht(tekst):
        return "verlof_gewichtige_omstandigheden"
    if label == "verlof_gewichtige_omstandigheden" and verlof_uit_feiten(tekst) == "verlof_vakantie_13a":
        return "verlof_vakantie_13a"
    if label == "verlof_vakantie_13a" and verlof_uit_feiten(tekst) == "verlof_gewichtige_omstandigheden":
        return "verlof_gewichtige_omstandigheden"
    if label in ("leerplicht_leeftijd", "kwalificatieplicht") and _MELDEN_VAN_VERZUIM.search(tekst):
        return "meldplicht_vraag"
    if label == "ziekte" and _AAN_LEERPLICHT.search(tekst):  # a school asking whether to report illness
        return "meldplicht_vraag"
    return label


def _na_plotselinge_nood(label: str, open_zaak: Zaak | None) -> bool:
    """"Will we be fined?" after the user told of a death or a dying relative and of leaving at once: still art. 14
    (lid 2 covers telling the head afterwards), not the penalties of luxe verzuim."""
    if label != "luxe_verzuim_gevolgen" or open_zaak is None or \
            open_zaak.onderwerp != "verlof_gewichtige_omstandigheden":
        return False
    feit, weg = open_zaak.feiten.get("omstandigheid"), open_zaak.feiten.get("achteraf")
    return feit is not None and feit.waarde in ("overlijden", "ernstige_ziekte") and \
        weg is not None and bool(weg.waarde)


def _feest_eerder_genoemd(tracker: Tracker) -> dict[str, Any]:
    """A feast named in an earlier message that was read as something else ("Hello, question about Eid" as a
    greeting): the user said it, so it is not asked again."""
    berichten = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"][:-1]
    for tekst in reversed(berichten):
        feest = herken_feest(tekst)
        if feest is not None:
            return {"feestdag": feest[0]}
    return {}


def neem_op(map_: Dossier, zaak: Zaak, feiten: dict[str, Any], herkomst: Herkomst, tracker: Tracker) -> None:
    """Record a message's facts in the case; "nog 4 uur erbij" adds to the hours known before (a sum computed
    from the user's own numbers), instead of replacing them."""
    feiten = dict(feiten)
    extra = feiten.pop("extra_uren", None)
    if extra is not None and "totaal_uren" in zaak.feiten:
        som = float(zaak.feiten["totaal_uren"].waarde) + float(extra)
        map_.neem_op(zaak, {"totaal_uren": som}, "afgeleid", beurt(tracker))
    map_.neem_op(zaak, feiten, herkomst, beurt(tracker))


def _uit_vorige_zaak(label: str, map_: Dossier, tracker: Tracker, gelezen: dict[str, Any]) -> dict[str, Any]:
    """Facts a follow-up question takes over from the case it follows: "wat als we toch gaan?" after a leave
    question is about that leave's days; "en als de school nee zegt?" about the one who decides it."""
    vorige = map_.actieve_zaak
    if vorige is None or vorige.onderwerp == label:
        return {}
    if label == "luxe_verzuim_gevolgen" and "dagen" not in gelezen and "aantal_schooldagen" in vorige.feiten:
        dagen = vorige.feiten["aantal_schooldagen"]
        return {"dagen": dagen.waarde, **({ZOALS_GEZEGD: {"dagen": dagen.zoals_gezegd}} if dagen.zoals_gezegd else {})}
    besluit = BesluitData.lees(tracker.get_slot("laatste_besluit"))
    if label == "bezwaar" and "beslist_door" not in gelezen and besluit is not None \
            and besluit.decider is Beslisser.LEERPLICHTAMBTENAAR:
        return {"beslist_door": "leerplichtambtenaar"}
    return {}


def beantwoord_zaak(
    dispatcher: CollectingDispatcher, tracker: Tracker, map_: Dossier, zaak: Zaak,
    nieuw: dict[str, Any], herkomst: Herkomst = "gezegd",
) -> list[EventType]:
    """Answer a case again after new facts (a follow-up, a form's answers): record them, re-decide, reply."""
    neem_op(map_, zaak, nieuw, herkomst, tracker)
    label = zaak.onderwerp
    besluit = beslis(label, tracker, feiten_voor_regel(label, map_, zaak))
    return zeg(label, dispatcher, tracker, map_, zaak, besluit)


def zeg(
    label: str, dispatcher: CollectingDispatcher, tracker: Tracker, map_: Dossier, zaak: Zaak,
    besluit: Besluit | None, *, vragen: bool = True, herhaal: bool = False,
) -> list[EventType]:
    """Utter the answer for a decision (answer first; reasons behind the buttons), the decision and the
    dossier attached; remember the decision for "Waarom?". `herhaal`: the user asked the question (again), so
    the answer itself is said even when this case showed it before; points shown before are not."""
    rules, lang = rule_set(), taal(tracker)
    if besluit is None:
        dispatcher.utter_message(response="utter_default")
        return []
    # The decision carries the topic that was asked (melding_doen, not the meldplicht rule it rests on;
    # kwalificatieplicht, not leerplicht), so a follow-up and the front end know the conversation's topic.
    if besluit.onderwerp != label:
        besluit = besluit.model_copy(update={"onderwerp": label})
    gegeven = {naam: feit.waarde for naam, feit in {**map_.gedeeld, **zaak.feiten}.items()}
    bericht = str((tracker.latest_message or {}).get("text") or "")
    antwoord = maak_antwoord(besluit, rules, lang, rol(tracker), gegeven, bericht=bericht, vorige=zaak.getoond,
                             vragen=vragen, herhaal_kern=herhaal, eigen_woorden=map_.woorden(zaak))
    zaak.getoond = list(dict.fromkeys([*zaak.getoond, *antwoord.blokken]))
    map_.gevraagd = antwoord.gevraagd
    bewaard = dossier_bewaard(map_)
    dispatcher.utter_message(text=antwoord.tekst, buttons=antwoord.knoppen,
                             json_message=besluit_payload(besluit, map_))
    return [SlotSet("laatste_besluit", BesluitData.van(besluit).als_json()), bewaard]


def _maak(label: str) -> type[_Antwoord]:
    return type(f"Antwoord_{label}", (_Antwoord,), {"label": label, "__doc__": f"Answers {label}."})


ANTWOORD_ACTIONS = [_maak(label) for label in ONDERWERPEN]
