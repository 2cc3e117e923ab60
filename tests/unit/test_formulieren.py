"""The meldplicht and leerplicht-age forms, periods in the 13a form, and messages in other languages."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.antwoord import ANTWOORD_ACTIONS
from actions.buiten import wegwijzer
from actions.feiten import weekdagen
from actions.formulieren import ActionFormulierBesluit, ValidateLeeftijdForm, ValidateMeldplichtForm
from actions.geboorte import geboorte
from actions.verlof import ActionVakantieverlofUitleg, ValidateVakantieverlofForm, periode_probleem
from basis.berichten import PAYLOAD_KEY
from bot.intents import canonical_label, form_answered
from bot.language import other_language

PEILDATUM = dt.date(2026, 3, 2)
ACTIONS = {str(cls().label): cls for cls in ANTWOORD_ACTIONS}


def tracker(text: str, slots: dict[str, Any] | None = None, loop: str | None = None) -> Tracker:
    message = {"text": text, "intent": {}, "entities": [], "metadata": {"peildatum": PEILDATUM.isoformat()}}
    active = {"name": loop} if loop else {}
    return Tracker("t", {"taal": "nl", **(slots or {})}, message, [], False, None, active, "")


def run(action: Any, state: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {}))
    return dispatcher.messages, {e["name"]: e.get("value") for e in events if e.get("event") == "slot"}


def decision(messages: list[dict[str, Any]]) -> dict[str, Any]:
    found = [m["custom"][PAYLOAD_KEY]["decision"] for m in messages if m.get("custom")]
    assert found, "no decision attached"
    return dict(found[-1])


def test_meldplicht_question_without_hours_states_the_rule_and_starts_the_form() -> None:
    messages, slots = run(ACTIONS["meldplicht_vraag"](), tracker("moet ik dit verzuim melden? al 3 weken gedoe"))
    besluit = decision(messages)
    assert besluit["legal_basis"].startswith("art. 21a")
    assert besluit["must_report"] is None  # unknown hours are not "need not report"
    assert slots["feiten_nodig"] is True
    assert slots["formulier_onderwerp"]["label"] == "meldplicht_vraag"


def test_meldplicht_question_with_hours_needs_no_form() -> None:
    messages, slots = run(ACTIONS["meldplicht_vraag"](), tracker("moet ik 14 uur in 3 weken melden?"))
    assert decision(messages)["must_report"] is False
    assert slots["feiten_nodig"] is False


def test_a_new_question_ends_a_waiting_form() -> None:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ACTIONS["ziekte"]().run(dispatcher, tracker("mijn kind is ziek", loop="leeftijd_form"), {}))
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


def validate(form: Any, slot: str, text: str, slots: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[Any]]:
    dispatcher = CollectingDispatcher()
    method = getattr(form, f"validate_{slot}")
    return method(text, dispatcher, tracker(text, slots), {}), dispatcher.messages


@pytest.mark.parametrize(("text", "expected"), [
    # hours said one by one in a longer answer add up, as the fact readers read them (never the first alone)
    ("in de 2 lesweken voor de herfstvakantie 9 uur gemist en in de 2 lesweken erna 8 uur", 17.0),
    ("week 1 vijf uur, week 2 vier uur, week 3 zes uur en deze week nog twee uur", 17.0),
])
def test_hours_in_the_form_are_read_as_the_fact_readers_read_them(text: str, expected: float) -> None:
    result, messages = validate(ValidateMeldplichtForm(), "verzuim_uren", text)
    assert result["verzuim_uren"] == expected
    assert messages == []


@pytest.mark.parametrize(("text", "expected"), [
    ("14 uur in 3 weken", {"verzuim_uren": 14.0, "verzuim_weken": 3.0}),
    ("zo'n 20 uur", {"verzuim_uren": 20.0}),
    ("16", {"verzuim_uren": 16.0}),
])
def test_hours_are_read_with_weeks_when_given(text: str, expected: dict[str, Any]) -> None:
    result, messages = validate(ValidateMeldplichtForm(), "verzuim_uren", text)
    assert result == expected
    assert messages == []


def test_unreadable_hours_are_asked_again_kindly() -> None:
    result, messages = validate(ValidateMeldplichtForm(), "verzuim_uren", "weet ik niet precies")
    assert result == {"verzuim_uren": None}
    assert messages[0]["response"] == "utter_verzuim_uren_onbekend"


def test_a_correction_of_the_hours_while_weeks_are_asked_keeps_the_form_going() -> None:
    result, messages = validate(ValidateMeldplichtForm(), "verzuim_weken", "nee, 12 uur", {"verzuim_uren": 14.0})
    assert result == {"verzuim_uren": 12.0, "verzuim_weken": None}
    assert messages == []
    result, _ = validate(ValidateMeldplichtForm(), "verzuim_weken", "4")
    assert result == {"verzuim_weken": 4.0}


def test_the_form_decides_with_the_first_message_and_the_answers() -> None:
    slots = {"formulier_onderwerp": {"label": "meldplicht_vraag", "tekst": "lln 2 vmbo spijbelt, melden?"},
             "verzuim_uren": 16.0, "verzuim_weken": 4.0}
    messages, events = run(ActionFormulierBesluit(), tracker("4 weken", slots))
    assert decision(messages)["must_report"] is True
    assert events["verzuim_uren"] is None
    assert events["formulier_onderwerp"] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("15 november 2019", {"geboortedatum": dt.date(2019, 11, 15)}),
    ("12-5-2020", {"geboortedatum": dt.date(2020, 5, 12)}),
    ("ze wordt 5 op 2 september", {"geboortedatum": dt.date(2021, 9, 2),
                                   "zoals_gezegd": {"geboortedatum": "wordt 5 op 2 september"}}),
    # The day was not said, so none is made up; the answer shows what was said, not a birth year.
    ("hij wordt in augustus 5", {"geboortemaand": "2021-08", "zoals_gezegd": {"geboortemaand": "wordt 5 in augustus"}}),
    ("hij is 4", {"leeftijd": 4}),  # an age stays an age
    ("vier jaar", {"leeftijd": 4}),
    ("geen idee", {}),
    ("een", {}),
])
def test_birth_dates_months_and_ages_from_an_answer(text: str, expected: dict[str, object]) -> None:
    assert geboorte(text, PEILDATUM, antwoord=True) == expected


def test_the_age_form_answers_for_this_child() -> None:
    result, _ = validate(ValidateLeeftijdForm(), "geboortedatum", "ze is geboren op 10 juni 2021")
    assert result == {"geboortedatum": {"geboortedatum": "2021-06-10"}}
    slots = {"formulier_onderwerp": {"label": "leerplicht_leeftijd", "tekst": "vanaf wanneer leerplichtig?"},
             **result}
    messages, _ = run(ActionFormulierBesluit(), tracker("10 juni 2021", slots))
    assert decision(messages)["legal_basis"].startswith("art. 3")
    assert decision(messages)["allowed"] == "true"  # not yet five on the peildatum: allowed, no notice due


def test_contradictory_days_and_period_are_asked_not_decided() -> None:
    gelezen: dict[str, Any] = {"aantal_schooldagen": 10, "van": dt.date(2026, 3, 9), "tot_en_met": dt.date(2026, 3, 11)}
    probleem = periode_probleem(gelezen, PEILDATUM)
    assert probleem is not None
    assert probleem[0] == "utter_feiten_tegenstrijdig"
    assert gelezen == {}
    tekst = "10 dagen weg, van 9 t/m 11 maart, ik werk in de horeca"
    messages, slots = run(ActionVakantieverlofUitleg(), tracker(tekst))
    assert messages[0]["response"] == "utter_feiten_tegenstrijdig"
    assert decision(messages)["decider"] == "schoolhoofd"  # the general rule, not a decision on doubtful facts
    assert "aantal_dagen" not in slots


def test_a_period_in_the_past_is_questioned() -> None:
    messages, _ = run(ActionVakantieverlofUitleg(), tracker("mag ze mee van 3 t/m 6 februari 2026?"))
    assert messages[0]["response"] == "utter_periode_verleden"


def test_a_period_in_the_form_counts_school_days() -> None:
    result, _ = validate(ValidateVakantieverlofForm(), "aantal_dagen", "van 16 t/m 20 maart")
    assert result["aantal_dagen"] == 5.0
    assert result["vakantieverlof_feiten"] == {"van": "2026-03-16", "tot_en_met": "2026-03-20"}
    assert weekdagen(dt.date(2026, 3, 13), dt.date(2026, 3, 16)) == 2


@pytest.mark.parametrize(("text", "dagen"), [
    # the question that starts the form: a rota and a negated bound are no length of leave (not 30, not 20)
    ("I work offshore, 2 weeks on 2 weeks off. could my son come with us for one week in march? would be 5 "
     "school days", 5.0),
    ("we willen in november 2 weken weg, niet langer dan 10 schooldagen hoor", 10.0),
    ("ik werk 6 a 7 dagen per week in de zomer, we willen daarom in het voorjaar weg", None),
    ("twee weken en een dag", 11.0),  # a short answer is read whole
])
def test_the_days_in_the_form_are_read_as_the_fact_readers_read_them(text: str, dagen: float | None) -> None:
    result, messages = validate(ValidateVakantieverlofForm(), "aantal_dagen", text)
    assert result["aantal_dagen"] == dagen
    assert messages == []  # a long question without days is no failed answer


def test_the_turn_that_answers_a_form_carries_the_form_topic() -> None:
    events = [{"event": "user", "text": "22 uur in 3 weken"}, {"event": "action", "name": "meldplicht_form"},
              {"event": "slot", "name": "verzuim_uren"}]
    assert form_answered(events) == "meldplicht_form"
    assert canonical_label("melding_doen", None, None, form_answered(events)) == "meldplicht_vraag"
    rejected = [*events[:2], {"event": "action_execution_rejected", "name": "meldplicht_form"}]
    assert form_answered(rejected) is None
    nieuwe_vraag = [*events[:2], {"event": "action", "name": "action_antwoord_verlof_gewichtige_omstandigheden"}]
    assert form_answered(nieuwe_vraag) is None  # a new question asked while the form waited


@pytest.mark.parametrize(("text", "expected"), [
    ("مرحبا، هل يمكن لابني أن يأخذ إجازة؟", "ar"),
    ("Merhaba, oğlum için okuldan nasıl izin alabilirim?", "tr"),
    ("Привет, мой сын не ходит в школу", "other"),
    ("mag mijn zoon vrij voor de bruiloft in turkije", None),
    ("Can my daughter skip school for a wedding?", None),
    ("👍👍", None),
])
def test_other_languages_are_recognised(text: str, expected: str | None) -> None:
    assert other_language(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("krijgen we nog kinderbijslag als hij 17 is?", "utter_buiten_svb"),
    ("mijn dochter wordt gepest in de klas", "utter_buiten_vertrouwenspersoon"),
    ("hoe hoog is de ouderbijdrage?", "utter_buiten_school"),
    ("wat is het weer morgen", "utter_out_of_scope"),
])
def test_out_of_scope_questions_get_a_pointer_to_the_right_place(text: str, expected: str) -> None:
    assert wegwijzer(text) == expected


def test_a_whole_question_read_as_a_bare_answer_is_answered_on_its_likely_topic() -> None:
    from actions.vervolg import ActionVervolg

    state = tracker("we willen 10 dagen weg, mijn vrouw is zzp'er in de evenementen")
    state.latest_message["intent_ranking"] = [{"name": "inform", "confidence": 0.9},
                                              {"name": "verlof_vakantie_13a", "confidence": 0.05}]
    messages, slots = run(ActionVervolg(), state)
    assert decision(messages)["decider"] == "schoolhoofd"
    assert slots["laatste_besluit"]["topic"] == "verlof_vakantie_13a"
    kort = tracker("15")
    kort.latest_message["intent_ranking"] = state.latest_message["intent_ranking"]
    messages, _ = run(ActionVervolg(), kort)
    assert messages[0]["response"] == "utter_default"


@pytest.mark.parametrize(("tekst", "entity", "dagen"), [
    ("hoe lang van tevoren moet je vakantieverlof aanvragen? 8 weken toch?", None, None),  # a lead time
    ("we willen 2 weken weg, 8 weken van tevoren aangevraagd", None, 10),
    ("we moeten naar een begrafenis in suriname . 15", None, 15),  # a follow-up answer after the question
    ("Mijn oom trouwt op vrijdag 17 april. Mogen de kinderen die dag vrij?", "17", None),  # a date, no duration
    ("15", "15", 15),
])
def test_days_are_read_only_where_they_are_a_duration(tekst: str, entity: str | None, dagen: int | None) -> None:
    from actions.feiten import _dagen_feit

    entities: list[Mapping[str, Any]] = [{"entity": "aantal_dagen", "value": entity}] if entity else []
    assert _dagen_feit("dagen", tekst, entities).get("dagen") == dagen


@pytest.mark.parametrize(("tekst", "dagen", "woorden"), [
    ("mogen we een week eerder weg?", 5, "een week"),
    ("we willen drie weken naar Marokko", 15, "drie weken"),
    ("kan de leerplichtambtenaar meer dan 10 dagen geven?", 11, "meer dan 10 dagen"),
    ("we willen 5 dagen weg", 5, None),  # the number was said: it is shown as it is
])
def test_days_computed_from_words_keep_the_words(tekst: str, dagen: int, woorden: str | None) -> None:
    from actions.feiten import _dagen_feit
    from dossier.model import ZOALS_GEZEGD

    gelezen = _dagen_feit("aantal_schooldagen", tekst, [])
    assert gelezen["aantal_schooldagen"] == dagen
    assert gelezen.get(ZOALS_GEZEGD, {}).get("aantal_schooldagen") == woorden


def test_every_question_of_the_13a_form_carries_the_decision_so_far() -> None:
    from actions.verlof import ValidateVakantieverlofForm

    state = tracker("8 dagen in mei", {"requested_slot": "beroep_reden"}, loop="vakantieverlof_form")
    state.latest_message["intent"] = {"name": "inform"}
    messages, _ = run(ValidateVakantieverlofForm(), state)
    assert decision(messages)["allowed"] == "conditional"
    assert decision(messages)["decider"] == "schoolhoofd"


@pytest.mark.parametrize(("tekst", "jaar"), [("tot wanneer moet ze naar school? ze is 15", 15), ("hij is 4", 4),
                                             ("ze is 3 weken ziek", None), ("hij is 16 uur afwezig", None),
                                             ("ik ben 19 en heb geen diploma", 19), ("I'm 17, can I quit?", 17),
                                             ("ik ben 10 minuten te laat", None),
                                             ("we hebben oma 3 jaar niet gezien", None), ("al 3 jaar in Zwolle", None),
                                             ("ze is 16 jaar en wil stoppen", 16)])
def test_ages_after_a_pronoun(tekst: str, jaar: int | None) -> None:
    from invoer.leeftijd import leeftijd

    assert leeftijd(tekst) == jaar


def test_holiday_leave_that_names_a_funeral_and_no_job_is_answered_by_art_14() -> None:
    messages, events = run(ActionVakantieverlofUitleg(), tracker(
        "ouders willen 14 dagen verlof ivm ernstige ziekte van opa in Syrie, beslist leerplicht dat?"))
    assert decision(messages)["topic"] == "verlof_gewichtige_omstandigheden"
    assert decision(messages)["decider"] == "leerplichtambtenaar"
    assert events["vakantieverlof_klaar"] is True  # the 13a form asks nothing
