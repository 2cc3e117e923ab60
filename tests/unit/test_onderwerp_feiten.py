"""The topic and the go-ahead facts come from what the user said: a tournament is no feast day, a four-year-old
needs no leave, and an exemption's condition counts only when named (issue 14, points 2 and 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

from actions.feiten import kennisgeving, vrijstelling
from actions.onderwerp import (
    geen_religieuze_plicht,
    maanden_naar_school_in_buitenland,
    te_jong_voor_verlof,
    vijfjarige_thuis,
    ziekte_van_familielid,
)
from bot.intents import canonical_label

DAG = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("tekst", "geen_plicht"), [
    ("mag hij vrij voor het judotoernooi in Parijs?", True),
    ("oma wordt 80 en geeft een groot feest", True),
    ("can she skip school for Keti Koti?", False),  # a named feast: its rule says art. 13 does not cover it
    ("krijgen ze vrij met het Suikerfeest?", False),
    ("Kurban Bayramı is volgende week dinsdag", False),
    ("mag mijn zoon thuisblijven met Jom Kipoer", False),
])
def test_an_event_that_is_no_religious_duty_is_not_art_13(tekst: str, geen_plicht: bool) -> None:
    assert geen_religieuze_plicht(tekst) is geen_plicht


def test_a_leave_question_about_a_child_under_five_is_a_leerplicht_age_question() -> None:
    assert te_jong_voor_verlof("verlof_vakantie_13a", "onze dochter is 4, mag ze in mei mee op vakantie?")
    assert not te_jong_voor_verlof("verlof_vakantie_13a", "onze dochter is 7, mag ze in mei mee op vakantie?")
    assert not te_jong_voor_verlof("vijfjarige", "hij is 4 en wordt volgende week 5")


def test_a_feast_is_read_by_its_usual_name_and_an_unknown_one_is_kept_as_said() -> None:
    assert kennisgeving("morgen is het Şeker Bayramı", [], DAG)["feestdag"] == "Suikerfeest"
    assert "feestdag" not in kennisgeving("mag hij een dag vrij?", [], DAG)
    tagged: list[Mapping[str, Any]] = [{"entity": "feestdag", "value": "Lohri"}]
    assert kennisgeving("mag hij vrij voor Lohri", tagged, DAG)["feestdag"] == "Lohri"


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("wij willen thuisonderwijs geven omdat geen enkele school past bij ons geloof",
     {"bezwaar_richting_genoemd": True}),
    ("onze zoon heeft ernstige autisme en kan echt niet naar school", {"beperking_genoemd": True}),
    ("we verhuizen een jaar naar Spanje en ze gaat daar naar school", {"school_buitenland_genoemd": True}),
    ("mijn dochter is een tennistalent, kan ze vrijstelling krijgen voor topsport?",
     {"beperking_genoemd": False, "bezwaar_richting_genoemd": False, "ander_onderwijs_genoemd": False}),
    ("wij willen thuisonderwijs geven, kan dat?", {}),
])
def test_an_exemptions_condition_is_a_fact_only_when_named(tekst: str, verwacht: dict[str, bool]) -> None:
    feiten = vrijstelling(tekst, [], DAG)
    gevonden = {k: v for k, v in feiten.items() if k.endswith("_genoemd")}
    assert gevonden == verwacht


def test_the_label_reported_is_the_topic_answered() -> None:
    assert canonical_label("godsdienst_feestdag", None, None, None, "verlof_gewichtige_omstandigheden") == \
        "verlof_gewichtige_omstandigheden"
    assert canonical_label("godsdienst_feestdag", None, None, None, None) == "godsdienst_feestdag"
    # A follow-up keeps the conversation's topic; the answer's topic does not override a non-topic intent.
    assert canonical_label("affirm", None, {"topic": "ziekte"}, None, "ziekte") == "ziekte"


def test_a_five_year_old_kept_home_for_some_hours_is_about_art_11a() -> None:
    assert vijfjarige_thuis("mag mijn zoontje van 5 soms thuisblijven")
    assert not vijfjarige_thuis("mijn dochter is 5, moet ze al naar school?")
    assert not vijfjarige_thuis("mag mijn zoon van 8 thuisblijven")


def test_months_abroad_at_a_school_there_are_an_exemption_question() -> None:
    assert maanden_naar_school_in_buitenland(
        "verlof_vakantie_13a", "we gaan zes maanden naar Marokko en ze gaat daar naar school, krijgt ze verlof?")
    assert maanden_naar_school_in_buitenland(
        "verlof_gewichtige_omstandigheden", "my husband works in Dubai for a year, the kids will go to school there")
    assert not maanden_naar_school_in_buitenland("verlof_vakantie_13a", "we gaan drie weken naar Marokko in mei")
    assert not maanden_naar_school_in_buitenland("verlof_vakantie_13a", "zes maanden geleden kregen we al verlof")
    assert maanden_naar_school_in_buitenland(
        "verlof_vakantie_13a", "een detachering van 6 maanden in Valencia, de kinderen gaan daar naar een Spaanse "
                               "basisschool")


@pytest.mark.parametrize(("tekst", "van_familielid"), [
    ("My mum had a stroke in Krakow two days ago and I flew out with my son", True),
    ("opa ligt op de ic, mag mijn dochter mee naar het ziekenhuis?", True),
    ("onze dochter heeft dengue en ligt in het ziekenhuis", False),  # the child is ill: a sick report
    ("mijn dochter is ziek en mijn moeder past op", False),
])
def test_a_relatives_serious_illness_is_no_sick_report_of_the_child(tekst: str, van_familielid: bool) -> None:
    assert ziekte_van_familielid("ziekte", tekst) is van_familielid


def test_a_religious_feast_by_name_points_to_art_13_a_commemoration_does_not() -> None:
    from actions.onderwerp import onderwerp_uit_feiten
    assert onderwerp_uit_feiten("ik wil mijn zoon afmelden voor het suikerfeest volgende week") == "godsdienst_feestdag"
    assert onderwerp_uit_feiten("do parents need our form for Yom Kippur?") == "godsdienst_feestdag"
    assert onderwerp_uit_feiten("is Keti Koti een vrije dag?") is None


def test_a_parent_asking_to_melden_in_a_feast_day_conversation_means_telling_the_school() -> None:
    from actions.onderwerp import melden_van_ouder
    assert melden_van_ouder("meldplicht_vraag", "ouder", "godsdienst_feestdag")
    assert not melden_van_ouder("meldplicht_vraag", "school", "ziekte")  # a school asks about its meldplicht
    assert not melden_van_ouder("meldplicht_vraag", "ouder", "verlof_vakantie_13a")


def test_a_named_ground_a_travelling_family_and_a_years_illness_decide_the_exemption_topic() -> None:
    from actions.onderwerp import genoemde_grond, kan_niet_naar_school, trekkend_bestaan
    assert genoemde_grond("vrijstelling_5b", "dan kan ik toch vrijstelling 5 onder a krijgen?") == "vrijstelling_5a"
    assert genoemde_grond("vrijstelling_5b", "we willen thuisonderwijs geven") is None
    assert genoemde_grond("ziekte", "5 onder a") is None  # only between the exemptions
    assert trekkend_bestaan("luxe_verzuim_gevolgen", "ik ben schipper in de binnenvaart, mag ze aan boord blijven?")
    assert kan_niet_naar_school("ziekte", "my son has a heart disease, the doctor says he cannot go to school this "
                                          "year")
    assert not kan_niet_naar_school("ziekte", "hij heeft griep en kan niet naar school")  # a sick report


def test_more_topics_the_facts_settle_when_the_classifier_missed_them() -> None:
    from actions.onderwerp import onderwerp_uit_feiten, verlof_uit_feiten, verlofvraag_als_meldplicht, vraagt_of_melden
    assert onderwerp_uit_feiten("16u in 4 wk: tellen de weken van de krokusvakantie mee?") == "meldplicht_vraag"
    assert onderwerp_uit_feiten("mijn zoon van 15 wil meer stage lopen en minder naar school") == "vrijstelling_andere"
    assert onderwerp_uit_feiten("mag hij 4 uur per week thuisblijven?") is None  # hours without weeks or reporting
    assert verlof_uit_feiten("vliegtickets zijn in de meivakantie 3x zo duur, mogen we de week ervoor?") == \
        "verlof_vakantie_13a"
    assert verlofvraag_als_meldplicht("meldplicht_vraag", "ouders willen 14 dagen verlof ivm ernstige ziekte opa")
    assert not verlofvraag_als_meldplicht("meldplicht_vraag", "na de begrafenis nog 20 uur verzuim, melden?")
    assert vraagt_of_melden("melding_doen", "lln is al 5 weken niet op school zonder reden. LRV melden?")
    assert not vraagt_of_melden("melding_doen", "ik wil een leerling melden")


def test_holiday_leave_asked_for_a_relatives_illness_is_art_14() -> None:
    from actions.onderwerp import verlof_uit_feiten
    assert verlof_uit_feiten("My mum is in hospital in Chennai and the doctors say she may not have long. I want to "
                             "fly out with my son for about 8 school days.") == "verlof_gewichtige_omstandigheden"
    assert verlof_uit_feiten("wij hebben een camping en willen naar de bruiloft van mijn zus") is None


def test_school_staff_asking_whether_to_report_ask_about_the_meldplicht_whatever_the_case() -> None:
    from actions.onderwerp import vraagt_of_melden
    assert vraagt_of_melden("vijfjarige", "nee, nooit gevraagd en ik heb niks toegestaan. moet het dan gemeld worden?",
                            "school")
    assert not vraagt_of_melden("godsdienst_feestdag", "moet ik het Suikerfeest melden?", "ouder")


def test_calling_in_sick_to_go_anyway_after_a_leave_question_is_luxe_verzuim() -> None:
    from actions.onderwerp import ziekmelding_als_uitweg
    assert ziekmelding_als_uitweg("ziekte", "and if we just go anyway and call them in sick?", "verlof_vakantie_13a")
    assert ziekmelding_als_uitweg("ziekte", "en als ik haar dan gewoon ziek meld?", "luxe_verzuim_gevolgen")
    assert not ziekmelding_als_uitweg("ziekte", "hoe meld ik haar ziek?", None)


@pytest.mark.parametrize(("label", "tekst", "open_onderwerp", "vervolg"), [
    # an age or a birthday told in a conversation on another topic
    ("leerplicht_leeftijd", "wanneer is dat dan precies, hij is jarig op 14-10", "vrijstelling_5a", True),
    ("leerplicht_leeftijd", "ze wordt 18 op 9 december, moet ze dan nog tot de zomer blijven?", "kwalificatieplicht",
     True),
    ("vijfjarige", "en geldt dat per kind? onze jongste is pas 4", "luxe_verzuim_gevolgen", True),
    ("leerplicht_leeftijd", "en vanaf wanneer is zijn zusje leerplichtig?", "kwalificatieplicht", False),
    # a feast conversation without an event of art. 14
    ("verlof_gewichtige_omstandigheden", "maar het is echt een religieus feest. waarom maar 1 dag?",
     "godsdienst_feestdag", True),
    ("verlof_gewichtige_omstandigheden", "en voor de bruiloft van mijn broer?", "godsdienst_feestdag", False),
    # a diploma told after a question about reporting; reporting or filing
    ("kwalificatieplicht", "nee hij heeft alleen een vmbo-basis diploma", "meldplicht_vraag", True),
    ("kwalificatieplicht", "mag hij dan stoppen met school?", "meldplicht_vraag", False),
    ("melding_doen", "no report yet, parents don't pick up the phone. is it too late to report?", "meldplicht_vraag",
     True),
    ("melding_doen", "ok, dan wil ik hem nu melden", "meldplicht_vraag", False),
    # one exemption's procedure asked in the conversation on another
    ("vrijstelling_5c", "do we have to renew it every year? and does someone check it?", "vrijstelling_5b", True),
    ("vrijstelling_5c", "en als ze in België naar school gaat?", "vrijstelling_5b", False),
    # consequences asked, or not; an exemption named, or not
    ("luxe_verzuim_gevolgen", "and what if we just go anyway?", "verlof_vakantie_13a", False),
    ("luxe_verzuim_gevolgen", "hoeveel moeten we dan betalen? 5 x 3 x 100 euro?", "godsdienst_feestdag", False),
    ("luxe_verzuim_gevolgen", "en als we het bij de leerplichtambtenaar aanvragen? die mag toch meer dan 10 dagen",
     "verlof_vakantie_13a", True),
    ("vrijstelling_andere", "But with the online school she isn't really absent, right? So we don't need leave?",
     "verlof_gewichtige_omstandigheden", True),
    ("vrijstelling_andere", "is er dan een vrijstelling voor topsporters?", "verlof_gewichtige_omstandigheden", False),
    # a label not in the table, or no open case: the classifier's topic
    ("bezwaar", "de directeur weigert, wat kan ik doen?", "verlof_vakantie_13a", False),
    ("leerplicht_leeftijd", "hij is jarig op 14-10", None, False),
])
def test_a_follow_up_without_a_sign_of_the_topic_read_stays_in_the_open_case(
        label: str, tekst: str, open_onderwerp: str | None, vervolg: bool) -> None:
    from actions.onderwerp import vervolg_zonder_eigen_onderwerp
    assert vervolg_zonder_eigen_onderwerp(label, tekst, open_onderwerp) is vervolg


@pytest.mark.parametrize(("tekst", "familielid"), [
    ("The leerplichtambtenaar refused our request for 4 weeks of leave to care for my sick father.", True),
    ("ik ben 17 en woon op mezelf. mag ik mezelf ziek melden of moet mijn moeder dat doen?", False),
    ("mijn zoon is ziek en mijn man is thuis", False),
])
def test_a_relatives_illness_is_art_14_but_the_childs_or_the_writers_own_is_not(tekst: str, familielid: bool) -> None:
    assert ziekte_van_familielid("ziekte", tekst) is familielid


def test_an_illness_named_as_a_condition_bears_the_sign_of_illness() -> None:
    from actions.onderwerp import onderwerp_zonder_teken
    tekst = "onze zoon (12) heeft ME/CVS en kan hooguit 2 uur per dag naar school. is dat goed volgens de leerplicht?"
    assert onderwerp_zonder_teken("ziekte", tekst, ["leerplicht_leeftijd"]) is None
