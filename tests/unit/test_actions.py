"""Actions with tracker fixtures: the decision travels as structured data with every rule-based reply."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.antwoord import ANTWOORD_ACTIONS
from actions.buiten import ActionBuitenLeerplicht
from actions.fallback import ActionFallback
from actions.verlof import ActionVakantieverlofUitleg
from actions.vervolg import ActionVervolg
from actions.vervolgvragen import ActionWaarom
from basis.berichten import PAYLOAD_KEY
from rules.besluit_data import BesluitData


def tracker(text: str, slots: dict[str, Any] | None = None, events: list[dict[str, Any]] | None = None,
            dossier: dict[str, Any] | None = None, intent: str = "") -> Tracker:
    metadata = {"peildatum": "2026-03-02", "dossier": dossier or {}}
    message = {"text": text, "intent": {"name": intent}, "entities": [], "metadata": metadata}
    return Tracker("t", {"taal": "nl", **(slots or {})}, message, events or [], False, None, {}, "")


def run(action: Any, state: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {}))
    return dispatcher.messages, events


@pytest.mark.parametrize("action_class", ANTWOORD_ACTIONS)
def test_every_topic_answer_carries_its_decision(action_class: Any) -> None:
    messages, events = run(action_class(), tracker("mijn zoon van 9 heeft een vraag"))
    decisions = [m["custom"][PAYLOAD_KEY]["decision"] for m in messages if m.get("custom")]
    assert decisions, f"{action_class.label} answered without a decision"
    assert decisions[0]["legal_basis"]
    assert any(e.get("name") == "laatste_besluit" for e in events)


def test_13a_with_fifteen_days_is_answered_at_once_as_nobody_can_grant_it() -> None:
    messages, events = run(ActionVakantieverlofUitleg(), tracker("mogen we 15 dagen weg, ik werk in de horeca"))
    decision = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert decision["decider"] == "niemand"
    assert {"event": "slot", "name": "vakantieverlof_klaar", "value": True, "timestamp": None} in events


def test_why_carries_the_last_decision() -> None:
    besluit = {"topic": "meldplicht_vraag", "must_report": False, "reasons": [
        {"explanation": "meldplicht_onder_drempel", "parameters": {"uren": 14, "lesweken": 4, "drempel": 16},
         "citation": "art. 21a lid 1 Leerplichtwet 1969", "url": "https://wetten.overheid.nl", "kind": "wet",
         "verified": True, "reference_date": "2026-03-02"}]}
    messages, _ = run(ActionWaarom(), tracker("waarom?", {"laatste_besluit": besluit}))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["must_report"] is False


def test_why_reads_each_reason_in_the_law_of_its_own_date_and_names_the_text_read() -> None:
    from content.loader import default_rule_set
    from rules.registry import beoordeel

    oud = beoordeel("meldplicht", {"totaal_uren": 18, "over_weken": 4, "schooltype": "po"}, default_rule_set(),
                    dt.date(2023, 11, 1))
    messages, _ = run(ActionWaarom(), tracker("waarom?", {"laatste_besluit": BesluitData.van(oud).als_json()}))
    tekst = messages[0]["text"]
    assert "onverwijld" in tekst  # art. 21 as it read in 2023, not today's text
    assert "art. 21 lid 1 Leerplichtwet 1969; tekst geldig vanaf 1 augustus 2023" in tekst
    assert "https://wetten.overheid.nl/BWBR0002628/2023-08-01#Artikel21" in tekst


def user(text: str, intent: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def dossier_van(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return next(m["custom"][PAYLOAD_KEY]["dossier"] for m in reversed(messages)
                if "dossier" in (m.get("custom") or {}).get(PAYLOAD_KEY, {}))


def test_a_follow_up_adds_its_facts_to_the_case_in_the_dossier() -> None:
    actie = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    eerste, _ = run(actie(), tracker("mn schoonvader is ernstig ziek in Marokko",
                                     events=[user("mn schoonvader is ernstig ziek in Marokko", "x")]))
    dossier = dossier_van(eerste)
    messages, _ = run(ActionVervolg(), tracker("5 dagen", dossier=dossier, intent="inform",
                                               events=[user("a", "x"), user("5 dagen", "inform")]))
    decision = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert decision["decider"] == "schoolhoofd"
    assert decision["max_days"] == 10
    zaak = dossier_van(messages)["zaken"][0]
    assert {k: v["waarde"] for k, v in zaak["feiten"].items()} == {
        "omstandigheid": "ernstige_ziekte", "relatie": "opa", "in_buitenland": True, "aantal_schooldagen": 5}
    assert zaak["feiten"]["aantal_schooldagen"] == {"waarde": 5, "herkomst": "gezegd", "beurt": 2,
                                                     "zoals_gezegd": None}
    assert "Ik ga uit van: ernstige ziekte, van een opa, in het buitenland, 5 schooldagen." in messages[0]["text"]


def test_a_correction_replaces_the_fact_and_a_new_topic_is_a_case_of_its_own() -> None:
    actie = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    eerste, _ = run(actie(), tracker("de begrafenis van opa, 2 dagen", events=[user("a", "x")]))
    tweede, _ = run(ActionVervolg(), tracker("nee, 4 dagen", dossier=dossier_van(eerste), intent="inform",
                                             events=[user("a", "x"), user("b", "inform")]))
    dossier = dossier_van(tweede)
    assert dossier["zaken"][0]["feiten"]["aantal_schooldagen"]["waarde"] == 4
    luxe = next(a for a in ANTWOORD_ACTIONS if a().label == "luxe_verzuim_gevolgen")
    derde, _ = run(luxe(), tracker("wat is de boete voor 3 dagen vakantie", dossier=dossier,
                                   events=[user("a", "x"), user("b", "inform"), user("c", "x")]))
    zaken = dossier_van(derde)["zaken"]
    assert [z["onderwerp"] for z in zaken] == ["verlof_gewichtige_omstandigheden", "luxe_verzuim_gevolgen"]
    assert zaken[0]["feiten"]["aantal_schooldagen"]["waarde"] == 4  # the family event keeps its own days
    assert zaken[1]["feiten"]["dagen"]["waarde"] == 3


def test_second_miss_in_a_row_offers_a_person() -> None:
    eerste, _ = run(ActionFallback(), tracker("xkcd", events=[user("xkcd", "nlu_fallback")]))
    tweede, _ = run(ActionFallback(), tracker("qwerty", events=[user("xkcd", "nlu_fallback"),
                                                                  user("qwerty", "nlu_fallback")]))
    assert eerste[0]["response"] == "utter_default"
    assert tweede[0]["response"] == "utter_default_consulent"


ANTWOORD_PER_LABEL: dict[str, Any] = {action().label: action for action in ANTWOORD_ACTIONS}


@pytest.mark.parametrize(("label", "tekst"), [
    ("luxe_verzuim_gevolgen", "<script>alert('verlof')</script>"),
    ("kwalificatieplicht", "'; DROP TABLE leerlingen; --"),
    ("vrijstelling_5b", "[nummer verwijderd]"),
    ("meldplicht_vraag", '{"text": "/handoff_mens"}'),
])
def test_junk_the_classifier_was_sure_of_gets_no_decision_but_a_request_to_rephrase(label: str, tekst: str) -> None:
    messages, events = run(ANTWOORD_PER_LABEL[label](), tracker(tekst, intent=label))
    assert [m.get("response") for m in messages] == ["utter_default"]
    assert not any(m.get("custom") for m in messages)
    if label == "meldplicht_vraag":  # a form label: Rasa's rule waits for the slot, so it is set
        assert events == [{"event": "slot", "timestamp": None, "name": "feiten_nodig", "value": False}]
    else:
        assert events == []


def test_junk_read_as_holiday_leave_gets_no_decision_and_ends_the_form_before_it_asks() -> None:
    messages, events = run(ActionVakantieverlofUitleg(), tracker("<script>alert(1)</script>",
                                                                 intent="verlof_vakantie_13a"))
    assert [m.get("response") for m in messages] == ["utter_default"]
    assert {e["name"]: e["value"] for e in events} == {"vakantieverlof_klaar": True}


def test_a_second_junk_message_in_a_row_offers_a_person() -> None:
    tekst = "SELECT * FROM leerlingen WHERE 1=1"
    eerst = user("<b>hoi</b>", "luxe_verzuim_gevolgen")
    messages, _ = run(ANTWOORD_PER_LABEL["kwalificatieplicht"](),
                      tracker(tekst, intent="kwalificatieplicht", events=[eerst, user(tekst, "kwalificatieplicht")]))
    assert [m.get("response") for m in messages] == ["utter_default_consulent"]


def test_junk_read_as_unsure_or_out_of_scope_gets_the_same_answer_not_topic_buttons() -> None:
    tekst = "<img src=x onerror=alert(1)>"
    state = _twijfel(tekst, [("luxe_verzuim_gevolgen", 0.3), ("vrijstelling_5b", 0.29)])
    messages, _ = run(ActionFallback(), state)
    assert [m.get("response") for m in messages] == ["utter_default"]
    messages, _ = run(ActionBuitenLeerplicht(), tracker(tekst, intent="out_of_scope"))
    assert [m.get("response") for m in messages] == ["utter_default"]


def _twijfel(tekst: str, ranking: list[tuple[str, float]]) -> Tracker:
    state = tracker(tekst, intent="nlu_fallback", events=[user(tekst, "nlu_fallback")])
    state.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.3},
                                              *({"name": n, "confidence": c} for n, c in ranking)]
    return state


def test_a_question_the_classifier_hesitates_on_gets_topic_buttons_and_is_kept() -> None:
    tekst = "mag mijn dochter van 12 thuisblijven voor de training van haar turnclub"
    messages, events = run(ActionFallback(), _twijfel(tekst, [
        ("vrijstelling_andere", 0.28), ("verlof_gewichtige_omstandigheden", 0.27), ("greet", 0.2),
        ("ziekte", 0.1)]))
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/vrijstelling_andere",
                                                             "/verlof_gewichtige_omstandigheden"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["Een andere vrijstelling",
                                                           "Verlof voor een bijzondere gebeurtenis"]
    assert not messages[0]["custom"]  # no decision on a topic not chosen
    bewaard = {e["name"]: e["value"] for e in events}["onduidelijke_vraag"]
    assert bewaard["text"] == tekst


def test_without_two_topic_candidates_the_user_is_asked_to_rephrase() -> None:
    messages, events = run(ActionFallback(), _twijfel("hmm ok dus", [("greet", 0.29), ("ziekte", 0.2),
                                                                      ("thanks", 0.1)]))
    assert messages[0]["response"] == "utter_default"
    assert events == []


def test_a_chosen_topic_is_answered_on_the_kept_question() -> None:
    bewaard = {"text": "mag mijn zoon 3 dagen vrij voor de bruiloft van zijn oom", "entities": []}
    gewichtig = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    state = tracker("/verlof_gewichtige_omstandigheden", {"onduidelijke_vraag": bewaard},
                    intent="verlof_gewichtige_omstandigheden")
    messages, events = run(gewichtig(), state)
    zaken = dossier_van(messages)["zaken"]
    assert zaken[0]["feiten"]["relatie"]["waarde"] == "oom"  # read from the kept question, not the payload
    assert {"event": "slot", "name": "onduidelijke_vraag", "value": None, "timestamp": None} in events


def test_a_new_question_instead_of_a_choice_drops_the_kept_one() -> None:
    bewaard = {"text": "mag mijn zoon vrij voor de bruiloft van zijn oom", "entities": []}
    ziekte = next(a for a in ANTWOORD_ACTIONS if a().label == "ziekte")
    messages, events = run(ziekte(), tracker("mijn zoon is ziek, wat moet ik doen", {"onduidelijke_vraag": bewaard},
                                             intent="ziekte"))
    assert "relatie" not in dossier_van(messages)["zaken"][0]["feiten"]
    assert {"event": "slot", "name": "onduidelijke_vraag", "value": None, "timestamp": None} in events


def test_every_answerable_topic_has_a_button_title_in_both_languages() -> None:
    from actions.antwoord import REGELS
    from content.teksten import tekst
    for label in REGELS:
        assert tekst(f"knop_onderwerp_{label}", "nl") != tekst(f"knop_onderwerp_{label}", "en")


def test_a_question_the_nlu_missed_is_answered_when_its_facts_are_clear() -> None:
    tekst = "Hallo, wij hebben een camping en willen in mei 8 schooldagen weg. Kan de school dat goedkeuren?"
    messages, slots = run(ActionFallback(), tracker(tekst, intent="nlu_fallback",
                                                     events=[user(tekst, "nlu_fallback")]))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "verlof_vakantie_13a"
    assert {e["name"]: e["value"] for e in slots if e.get("event") == "slot"}["laatste_besluit"]["decider"] == \
        "schoolhoofd"


def test_a_leave_question_read_as_art_14_without_an_event_but_with_a_job_is_answered_as_art_13a() -> None:
    gewichtig = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    messages, _ = run(gewichtig(), tracker("wij willen 15 schooldagen weg omdat mijn werkgever (horeca) mij alleen "
                                           "in het voorjaar vrij geeft", intent="verlof_gewichtige_omstandigheden"))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "verlof_vakantie_13a"
    assert besluit["decider"] == "niemand"  # more than 10 days of holiday leave: nobody can grant it


def test_a_question_read_as_out_of_scope_gets_the_answer_its_facts_ask_for() -> None:
    from actions.buiten import ActionBuitenLeerplicht

    tekst = "Ik vul het verlofformulier in voor de begrafenis van mijn broer (2 dagen). Moet het bsn erop?"
    messages, _ = run(ActionBuitenLeerplicht(), tracker(tekst, intent="out_of_scope"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "verlof_gewichtige_omstandigheden"
    kort, _ = run(ActionBuitenLeerplicht(), tracker("hoe hoog is de ouderbijdrage op school?", intent="out_of_scope"))
    assert kort[0]["response"] == "utter_buiten_school"


def test_whether_absence_must_be_reported_is_a_meldplicht_question_whatever_age_it_names() -> None:
    kwalificatie = next(a for a in ANTWOORD_ACTIONS if a().label == "kwalificatieplicht")
    tekst = "Moeten we melden dat een leerling van 19 zonder startkwalificatie al 5 weken niet op school komt?"
    messages, _ = run(kwalificatie(), tracker(tekst, intent="kwalificatieplicht"))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "meldplicht_vraag"
    assert besluit["must_report"] is True
    vraag = "moet ik mijn zoon van 17 aanmelden bij het mbo?"
    leeftijd, _ = run(kwalificatie(), tracker(vraag, intent="kwalificatieplicht"))
    assert leeftijd[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "kwalificatieplicht"


@pytest.mark.parametrize("tekst", [
    "een collega zegt dat vso-leerlingen buiten de kwalificatieplicht vallen en dat we dus niet hoeven te melden",
    "geldt de meldplicht voor ons wel bij een pro-leerling zonder diploma die 4 weken weg is?",
    "a boy of 8 arrives late every day for a month now, is this something leerplicht needs to hear about?",
])
def test_a_school_asking_about_reporting_in_words_of_age_or_duty_gets_the_meldplicht(tekst: str) -> None:
    kwalificatie = next(a for a in ANTWOORD_ACTIONS if a().label == "kwalificatieplicht")
    messages, _ = run(kwalificatie(), tracker(tekst, intent="kwalificatieplicht"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "meldplicht_vraag"


def test_a_school_asking_whether_illness_must_be_reported_to_leerplicht_gets_the_meldplicht() -> None:
    ziekte = next(a for a in ANTWOORD_ACTIONS if a().label == "ziekte")
    messages, _ = run(ziekte(), tracker("lln is 3 weken ziek met een briefje van de dokter, moet dat gemeld worden "
                                        "bij leerplicht?", intent="ziekte"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "meldplicht_vraag"
    ouder, _ = run(ziekte(), tracker("hoe meld ik mijn zoon ziek bij school?", intent="ziekte"))
    assert ouder[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "ziekte"


@pytest.mark.parametrize(("tekst", "allowed"), [
    ("mijn zoon is 17 en heeft een vmbo diploma, mag hij stoppen met school?", "false"),
    ("ik ben 19 en heb geen diploma, mag ik stoppen met school?", "true"),
    ("mijn zoon is 17, mag hij stoppen met school?", None),  # the diploma decides: asked, not assumed
])
def test_whether_a_young_person_may_leave_school_is_answered_with_allowed(tekst: str, allowed: str | None) -> None:
    kwalificatie = next(a for a in ANTWOORD_ACTIONS if a().label == "kwalificatieplicht")
    messages, _ = run(kwalificatie(), tracker(tekst, intent="kwalificatieplicht"))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit.get("allowed") == allowed
    if allowed == "false":
        assert messages[0]["text"].startswith("Stoppen met school mag nog niet")


def test_a_sudden_family_emergency_read_as_luxe_verzuim_is_answered_by_art_14_lid_2() -> None:
    luxe = next(a for a in ANTWOORD_ACTIONS if a().label == "luxe_verzuim_gevolgen")
    tekst = "mijn vader is plotseling opgenomen in het ziekenhuis en we zijn meteen vertrokken, wat nu met school?"
    messages, _ = run(luxe(), tracker(tekst, intent="luxe_verzuim_gevolgen"))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "verlof_gewichtige_omstandigheden"
    assert besluit["allowed"] == "conditional"
    assert "14 lid 2" in besluit["legal_basis"]


@pytest.mark.parametrize(("tekst", "onderwerp"), [
    ("Mag mijn zoon van 4 mee op vakantie in mei?", "leerplicht_leeftijd"),
    ("Mijn zoon gaat een jaar naar school in Marokko bij zijn opa, moet ik iets regelen?", "vrijstelling_5c"),
])
def test_a_holiday_question_the_facts_put_under_another_rule_is_answered_by_that_rule(tekst: str,
                                                                                     onderwerp: str) -> None:
    messages, _ = run(ActionVakantieverlofUitleg(), tracker(tekst, intent="verlof_vakantie_13a"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == onderwerp


def test_teaching_a_young_child_at_home_is_answered_by_art_5b_which_asks_for_the_objection() -> None:
    andere = next(a for a in ANTWOORD_ACTIONS if a().label == "vrijstelling_andere")
    messages, _ = run(andere(), tracker("kan ik mijn kind thuis onderwijs geven?", intent="vrijstelling_andere"))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "vrijstelling_5b"
    assert besluit["allowed"] is None  # the objection to every school's direction is the ground: asked


@pytest.mark.parametrize(("tekst", "onderwerp"), [
    ("leerling heeft 18 uur gespijbeld in 3 weken, moeten we dit melden?", "meldplicht_vraag"),
    ("is dit meldplichtig? 12 uur in 4 weken", "meldplicht_vraag"),
    ("ik wil een verzuimmelding doen voor een leerling", "melding_doen"),
    ("I need to file a truancy report for one of our students, how do I do that here?", "melding_doen"),
])
def test_a_question_whether_to_report_is_no_wish_to_file_one(tekst: str, onderwerp: str) -> None:
    melden = next(a for a in ANTWOORD_ACTIONS if a().label == "melding_doen")
    messages, _ = run(melden(), tracker(tekst, {"rol": "school"}, intent="melding_doen"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == onderwerp


def test_a_child_who_cannot_attend_for_health_reasons_asked_about_as_an_age_question_is_art_5a() -> None:
    leeftijd = next(a for a in ANTWOORD_ACTIONS if a().label == "leerplicht_leeftijd")
    tekst = "mijn zoon wordt in maart 5 maar door zijn epilepsie kan hij niet naar school, wat nu?"
    messages, _ = run(leeftijd(), tracker(tekst, intent="leerplicht_leeftijd"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "vrijstelling_5a"


def test_a_short_yes_with_a_detail_answers_the_open_case_whatever_topic_the_classifier_read() -> None:
    vijfc = next(a for a in ANTWOORD_ACTIONS if a().label == "vrijstelling_5c")
    eerste, _ = run(vijfc(), tracker("mn zoon gaat naar een kostschool in Belgie, we wonen in Breda",
                                     intent="vrijstelling_5c", events=[user("a", "vrijstelling_5c")]))
    vijfjarige = next(a for a in ANTWOORD_ACTIONS if a().label == "vijfjarige")
    messages, _ = run(vijfjarige(), tracker("ja idd, vanaf september", dossier=dossier_van(eerste), intent="vijfjarige",
                                            events=[user("a", "vrijstelling_5c"), user("b", "vijfjarige")]))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "vrijstelling_5c"
    # A question after a yes may be a new topic.
    luxe = next(a for a in ANTWOORD_ACTIONS if a().label == "luxe_verzuim_gevolgen")
    vraag, _ = run(luxe(), tracker("ja, en als we toch gaan?", dossier=dossier_van(eerste),
                                   intent="luxe_verzuim_gevolgen",
                                   events=[user("a", "vrijstelling_5c"), user("b", "luxe_verzuim_gevolgen")]))
    assert vraag[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "luxe_verzuim_gevolgen"


def _met_open_zaak(tekst: str, ranking: list[tuple[str, float]]) -> Tracker:
    vijf = next(a for a in ANTWOORD_ACTIONS if a().label == "vijfjarige")
    eerste, _ = run(vijf(), tracker("klopt het dat kleuters minder naar school hoeven?", intent="vijfjarige",
                                    events=[user("a", "vijfjarige")]))
    state = _twijfel(tekst, ranking)
    state.latest_message["metadata"]["dossier"] = dossier_van(eerste)
    return state


def test_an_unclear_follow_up_on_the_open_case_continues_it_with_its_facts() -> None:
    messages, _ = run(ActionFallback(), _met_open_zaak(
        "oke en moet ik dat dan aanvragen of gewoon tegen de juf zeggen? het gaat om 2 ochtendjes van 2 uur",
        [("vijfjarige", 0.4), ("ziekte", 0.35), ("greet", 0.1)]))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert (besluit["topic"], besluit["allowed"]) == ("vijfjarige", "not_needed")  # 4 hours, read from the turn


def test_an_unclear_message_on_other_topics_does_not_continue_the_open_case() -> None:
    messages, _ = run(ActionFallback(), _met_open_zaak("hoe hoog is eigenlijk de ouderbijdrage dit jaar",
                                                       [("ziekte", 0.3), ("bezwaar", 0.25), ("greet", 0.1)]))
    assert not (messages[0].get("custom") or {}).get(PAYLOAD_KEY, {}).get("decision")


def test_an_unclear_follow_up_that_gives_facts_of_the_open_case_continues_it() -> None:
    gewichtig = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    eerste, _ = run(gewichtig(), tracker("my dad lives in Perth and has terminal cancer. we want to be with him",
                                         intent="verlof_gewichtige_omstandigheden", events=[user("a", "x")]))
    state = _twijfel("probably 3 weeks, so around 15 school days. can his school director approve that?",
                     [("greet", 0.3), ("bezwaar", 0.2), ("ziekte", 0.1)])
    state.latest_message["metadata"]["dossier"] = dossier_van(eerste)
    messages, _ = run(ActionFallback(), state)
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert (besluit["topic"], besluit["decider"]) == ("verlof_gewichtige_omstandigheden", "leerplichtambtenaar")


def test_will_we_be_fined_after_a_sudden_death_is_still_art_14() -> None:
    gewichtig = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    eerste, _ = run(gewichtig(), tracker("My father-in-law died suddenly and we flew out the same night with our son",
                                         intent="verlof_gewichtige_omstandigheden", events=[user("a", "x")]))
    luxe = next(a for a in ANTWOORD_ACTIONS if a().label == "luxe_verzuim_gevolgen")
    messages, _ = run(luxe(), tracker("the school says his 2 days away are luxe verzuim. will we be fined?",
                                      dossier=dossier_van(eerste), intent="luxe_verzuim_gevolgen",
                                      events=[user("a", "x"), user("b", "luxe_verzuim_gevolgen")]))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "verlof_gewichtige_omstandigheden"
    assert "14 lid 2" in besluit["legal_basis"]  # telling the head afterwards, not a fine


def test_a_short_yes_read_as_out_of_scope_answers_the_open_case() -> None:
    from actions.buiten import ActionBuitenLeerplicht

    c = next(a for a in ANTWOORD_ACTIONS if a().label == "vrijstelling_5c")
    eerste, _ = run(c(), tracker("mn zoon gaat naar een kostschool in Belgie, we wonen in Breda",
                                 intent="vrijstelling_5c", events=[user("a", "vrijstelling_5c")]))
    messages, _ = run(ActionBuitenLeerplicht(), tracker("ja idd, vanaf september", dossier=dossier_van(eerste),
                                                        intent="out_of_scope",
                                                        events=[user("a", "vrijstelling_5c"), user("b", "x")]))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "vrijstelling_5c"


@pytest.mark.parametrize(("tekst", "allowed"), [
    ("ja hij heeft in juli het diploma praktijkonderwijs gehaald en is nu 17. hij werkt nu bij een hovenier", "true"),
    ("my daughter has a vmbo-gl diploma plus a Cambridge English C1 certificate, she's 17. so she's done?", "false"),
    ("telt een havo diploma als startkwalificatie?", None),  # no age, no question about her: nothing to allow
])
def test_a_kwalificatieplicht_question_with_the_diploma_told_says_whether_school_is_still_due(
        tekst: str, allowed: str | None) -> None:
    kwalificatie = next(a for a in ANTWOORD_ACTIONS if a().label == "kwalificatieplicht")
    messages, _ = run(kwalificatie(), tracker(tekst, intent="kwalificatieplicht"))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"].get("allowed") == allowed


def test_a_follow_up_read_as_illness_in_a_case_about_a_dying_relative_stays_art_14() -> None:
    gewichtig = next(a for a in ANTWOORD_ACTIONS if a().label == "verlof_gewichtige_omstandigheden")
    eerste = "My mother in Lagos has been diagnosed with terminal cancer. We want to go and see her with our two kids."
    vorige, _ = run(gewichtig(), tracker(eerste, events=[user(eerste, "verlof_gewichtige_omstandigheden")]))
    ziekte = next(a for a in ANTWOORD_ACTIONS if a().label == "ziekte")
    tweede = "probably three weeks, 15 school days. we don't know how much time she has left"
    messages, _ = run(ziekte(), tracker(tweede, dossier=dossier_van(vorige), intent="ziekte",
                                        events=[user(eerste, "x"), user(tweede, "ziekte")]))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "verlof_gewichtige_omstandigheden"
    assert besluit["decider"] == "leerplichtambtenaar"  # more than 10 school days
    ziek = "nu is mijn zoon zelf ook ziek geworden, griep"
    messages, _ = run(ziekte(), tracker(ziek, dossier=dossier_van(vorige), intent="ziekte",
                                        events=[user(eerste, "x"), user(ziek, "ziekte")]))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "ziekte"


def _met_rangorde(tekst: str, rangorde: list[str]) -> Tracker:
    state = tracker(tekst, intent=rangorde[0])
    state.latest_message["intent_ranking"] = [{"name": naam, "confidence": 0.5} for naam in rangorde]
    return state


def test_an_illness_answer_is_given_only_to_a_text_that_names_illness() -> None:
    ziekte = next(a for a in ANTWOORD_ACTIONS if a().label == "ziekte")
    tekst = ("Mijn dochter (17) heeft in juni haar mbo-2 diploma gehaald en werkt nu 32 uur per week. Buurvrouw zegt "
             "dat we problemen met leerplicht krijgen omdat ze nog geen 18 is. Klopt dat?")
    messages, _ = run(ziekte(), _met_rangorde(tekst, ["ziekte", "kwalificatieplicht", "leerplicht_leeftijd"]))
    besluit = messages[0]["custom"][PAYLOAD_KEY]["decision"]
    assert besluit["topic"] == "kwalificatieplicht"
    assert besluit["allowed"] == "true"  # mbo 2 is a startkwalificatie
    ziek, _ = run(ziekte(), _met_rangorde("mijn zoon heeft griep, hoe meld ik dat?", ["ziekte", "kwalificatieplicht"]))
    assert ziek[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == "ziekte"


@pytest.mark.parametrize(("label", "tekst", "onderwerp"), [
    ("ziekte", "The leerplichtambtenaar refused our request for 4 weeks of leave to care for my sick father.",
     "verlof_gewichtige_omstandigheden"),
    ("verlof_gewichtige_omstandigheden", "mijn dochter wordt in mei 5 maar ze is ernstig ziek en kan niet naar school",
     "vrijstelling_5a"),
    ("kwalificatieplicht", "mijn zoon van 14 past echt niet in de klas, hij wil met zn handen werken",
     "vrijstelling_andere"),
])
def test_the_person_who_is_ill_and_the_age_decide_the_topic(label: str, tekst: str, onderwerp: str) -> None:
    actie = next(a for a in ANTWOORD_ACTIONS if a().label == label)
    messages, _ = run(actie(), tracker(tekst, intent=label))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] == onderwerp


@pytest.mark.parametrize(("label", "tekst"), [
    ("leerplicht_leeftijd", "mag mijn zoontje van 5 soms thuisblijven"),  # answered as art. 11a
    ("meldplicht_vraag", "Ouders willen 14 dagen verlof ivm ernstige ziekte opa, beslissen wij dat?"),  # art. 14
])
def test_a_form_label_answered_as_another_topic_still_tells_rasa_no_form_follows(label: str, tekst: str) -> None:
    actie = next(a for a in ANTWOORD_ACTIONS if a().label == label)
    messages, events = run(actie(), tracker(tekst, intent=label))
    assert messages[0]["custom"][PAYLOAD_KEY]["decision"]["topic"] != label
    # Rasa's rules for these labels wait for the slot; without it "sorry, I did not understand" follows the answer.
    assert {"event": "slot", "name": "feiten_nodig", "value": False, "timestamp": None} in events
    assert not any(e.get("name") == "formulier_onderwerp" for e in events)
