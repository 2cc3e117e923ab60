"""Linking schools and filing meldingen, on SQLite and PostgreSQL: the conversation of issue 5 without
Telegram (the end-to-end tests drive the same conversation through the fake Bot API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from basis.berichten import ChatUser, Reply
from content.loader import default_rule_set
from meldingen.gesprek import MeldingGesprek, melding_gesprek
from store.db import make_engine, make_session_factory, upgrade
from store.meldingen import Meldingen
from store.scholen import MAX_MISLUKT, Scholen
from testkit.klok import Zetklok

PEILDATUM = dt.date(2026, 11, 23)


@dataclass
class Omgeving:
    url: str
    klok: Zetklok
    scholen: Scholen
    meldingen: Meldingen
    gesprek: MeldingGesprek


@pytest.fixture
async def omgeving(database_url: str) -> AsyncIterator[Omgeving]:
    upgrade(database_url)
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    klok = Zetklok()
    try:
        yield Omgeving(database_url, klok, Scholen(sessions), Meldingen(sessions),
                       melding_gesprek(sessions, klok, default_rule_set()))
    finally:
        await engine.dispose()


async def gekoppeld(omgeving: Omgeving, sender: str = "tg-1", brin: str = "12AB") -> ChatUser:
    _, code = await omgeving.scholen.toevoegen(brin, "Het Baken", "Zwolle", omgeving.klok.now())
    user = ChatUser(sender, "telegram")
    antwoord = await omgeving.gesprek.koppel(user, code, "nl")
    assert "Gekoppeld" in antwoord[0].text
    return user


def teksten(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


async def zeg(omgeving: Omgeving, user: ChatUser, bericht: str) -> str:
    replies, genomen = await omgeving.gesprek.antwoord(user, bericht, "nl")
    assert genomen
    return teksten(replies)


WETTELIJK = [
    ("Sara de Vries", "geboortedatum"), ("14-03-2012", "gemeente"), ("Zwolle", "groep of klas"),
    ("2 havo", "periode"), ("van 2 t/m 20 november", "Hoeveel uur"), ("18", "aaneengesloten"),
    ("nee", "reden"), ("spijbelen, onbekend waarom", "Wat heeft de school"),
    ("gesprek met leerling en ouders, mentor", "advies, spreekuur"), ("spreekuur", "contactpersoon"),
    ("Mevr. J. Bakker", "telefoonnummer"), ("038 123 4567", "e-mailadres"),
    ("j.bakker@hetbaken.nl", "ouders verteld"),
]


async def vul_in(omgeving: Omgeving, user: ChatUser, antwoorden: list[tuple[str, str]]) -> str:
    laatste = ""
    for bericht, verwacht in antwoorden:
        laatste = await zeg(omgeving, user, bericht)
        assert verwacht in laatste, f"after {bericht!r}: {laatste}"
    return laatste


async def verstuur_wettelijk(omgeving: Omgeving, user: ChatUser) -> None:
    """File the WETTELIJK melding from start to "versturen"."""
    await omgeving.gesprek.starten(user, "melding", "nl")
    await vul_in(omgeving, user, WETTELIJK)
    await zeg(omgeving, user, "ja")
    await zeg(omgeving, user, "versturen")


async def test_a_wettelijk_melding_is_checked_confirmed_stored_and_routed(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    start = teksten(await omgeving.gesprek.starten(user, "ik wil een verzuimmelding doen", "nl"))
    assert "naam van de leerling" in start
    tussen = await vul_in(omgeving, user, WETTELIJK[:8])
    assert "wettelijk verzuim" in tussen
    assert "verzuimregister van DUO" in tussen
    assert "uiterlijk" in tussen
    await vul_in(omgeving, user, WETTELIJK[8:])
    samenvatting = await zeg(omgeving, user, "ja")
    assert "Sara de Vries" in samenvatting
    assert "Soort verzuim: wettelijk verzuim" in samenvatting
    assert "Klopt alles" in samenvatting
    opgeslagen = await zeg(omgeving, user, "versturen")
    assert "VZ-2026-" in opgeslagen
    assert "Team Leerplicht/Doorstroompunt" in opgeslagen
    [melding] = await omgeving.meldingen.lijst(team="ijssel-vecht")
    assert (melding.leerling_naam, melding.uren, melding.categorie, melding.meldplichtig) == (
        "Sara de Vries", 18.0, "wettelijk", True)
    assert melding.contact_telefoon == "038 123 4567"
    assert melding.termijn == dt.date(2026, 11, 27)  # 5 working days after the last day of absence
    _, historie = await omgeving.meldingen.met_historie(str(melding.referentie)) or (None, [])
    assert [h.status for h in historie] == ["geregistreerd"]
    assert not await omgeving.gesprek.open(user)


async def test_overig_verzuim_needs_what_the_school_did(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding overig verzuim, 6 uur, lln groep 7", "nl")
    tekst = await vul_in(omgeving, user, [("Tim Jansen", "geboortedatum"), ("1 mei 2015", "gemeente"),
                                          ("Zwolle", "periode"), ("van 9 t/m 20 november", "aaneengesloten"),
                                          ("nee", "reden")])
    assert "groep of klas" not in tekst  # given in the first message, so not asked
    assert "overig verzuim" in await zeg(omgeving, user, "vaak te laat")
    assert "eerst zelf in gesprek" in await zeg(omgeving, user, "nog niets")
    assert "advies, spreekuur" in await zeg(omgeving, user, "gesprek met ouders gepland")


@pytest.mark.parametrize(("veld_antwoorden", "fout", "fragment"), [
    ([("Sara", ""), ("14-03-2023", "")], "leeftijd", "Dan is de leerling 3 jaar"),
    ([("Sara", ""), ("14-03-1996", "")], "leeftijd", "Dan is de leerling 30 jaar"),
    ([("Sara", ""), ("14-03-2030", "")], "toekomst", "in de toekomst"),
    ([("Sara", ""), ("14-03-2012", ""), ("Zwole", "")], "gemeente", "Bedoel je Zwolle"),
    ([("Sara", ""), ("14-03-2012", ""), ("Zwolle", ""), ("2 havo", ""), ("van 20 t/m 2 november", "")],
     "einde", "vóór de eerste"),
    ([("Sara", ""), ("14-03-2012", ""), ("Zwolle", ""), ("2 havo", ""), ("van 1 t/m 5 december 2026", "")],
     "toekomst", "in de toekomst"),
    ([("Sara", ""), ("14-03-2012", ""), ("Zwolle", ""), ("2 havo", ""), ("van 1 september 2025 t/m 20 november",
                                                                          "")], "lang", "langer dan een schooljaar"),
    ([("Sara", ""), ("14-03-2012", ""), ("Zwolle", ""), ("2 havo", ""), ("van 16 t/m 17 november", ""),
      ("40 uur", "")], "uren", "past niet in die periode"),
])
async def test_bad_answers_get_a_specific_question_and_keep_what_was_given(
    omgeving: Omgeving, veld_antwoorden: list[tuple[str, str]], fout: str, fragment: str,
) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "ik wil een melding doen", "nl")
    laatste = ""
    for bericht, _ in veld_antwoorden:
        laatste = await zeg(omgeving, user, bericht)
    assert fragment in laatste
    # Nothing given before is lost: the same draft goes on from the question that failed.
    assert await omgeving.gesprek.open(user)


async def test_contact_details_are_validated(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    await vul_in(omgeving, user, WETTELIJK[:11])
    assert "geen geldig telefoonnummer" in await zeg(omgeving, user, "12345")
    assert "geen geldig telefoonnummer" in await zeg(omgeving, user, "+99 123")
    assert "e-mailadres" in await zeg(omgeving, user, "+32 2 555 12 34")  # a Belgian number is fine
    assert "geen geldig e-mailadres" in await zeg(omgeving, user, "j.bakker@hetbaken")
    assert "ouders verteld" in await zeg(omgeving, user, "j.bakker@hetbaken.nl")


async def test_one_field_is_corrected_without_losing_the_others(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    await vul_in(omgeving, user, WETTELIJK)
    assert "Klopt alles" in await zeg(omgeving, user, "ja")
    assert "Over welke periode" in await zeg(omgeving, user, "wijzig de datum")
    samenvatting = await zeg(omgeving, user, "van 3 t/m 20 november")
    assert "3 november 2026" in samenvatting
    samenvatting = await zeg(omgeving, user, "nee, 12 uur")
    assert "Uren ongeoorloofd: 12" in samenvatting
    assert "Sara de Vries" in samenvatting
    assert "Soort verzuim: overig verzuim" in samenvatting  # 12 hours: under the threshold now


async def test_a_question_halfway_goes_to_the_assistant_and_the_draft_waits(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    # Even for the name, which takes any text, a question is no answer.
    replies, genomen = await omgeving.gesprek.antwoord(user, "wat is de termijn om dat te melden?", "nl")
    assert (replies, genomen) == ([], False)
    assert "Wil je verdergaan" in teksten(await omgeving.gesprek.na_vraag(user, "nl"))
    assert "Wat is de naam" in await zeg(omgeving, user, "verder")
    await vul_in(omgeving, user, WETTELIJK[:2])
    # No question mark, but a question word and no place name: the assistant answers it.
    replies, genomen = await omgeving.gesprek.antwoord(user, "hoe lang bewaren jullie dit", "nl")
    assert not genomen
    assert not replies
    assert "gemeente" in await zeg(omgeving, user, "ja")
    assert "groep of klas" in await zeg(omgeving, user, "Zwolle")
    assert await omgeving.gesprek.na_vraag(user, "nl") == []  # nothing to offer while a field is asked


async def test_stop_cancels_and_nothing_is_saved(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    await vul_in(omgeving, user, WETTELIJK[:4])
    assert "niets opgeslagen" in await zeg(omgeving, user, "stop")
    assert not await omgeving.gesprek.open(user)
    assert await omgeving.meldingen.lijst() == []


async def test_a_draft_survives_a_restart_and_is_offered_again(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    await vul_in(omgeving, user, WETTELIJK[:5])
    # Every process restarts: a new engine and conversation object, the same database.
    engine = make_engine(omgeving.url)
    try:
        omgeving.klok.moment += dt.timedelta(hours=3)
        opnieuw = melding_gesprek(make_session_factory(engine), omgeving.klok, default_rule_set())
        replies, _ = await opnieuw.antwoord(user, "hallo", "nl")
        assert "Wil je verdergaan" in teksten(replies)
        replies, _ = await opnieuw.antwoord(user, "verder", "nl")
        assert "Hoeveel uur" in teksten(replies)
        omgeving.klok.moment += dt.timedelta(days=8)
        assert not await opnieuw.open(user)  # a draft is kept for 7 days
    finally:
        await engine.dispose()


async def test_an_unlinked_account_cannot_file_and_hears_how_to_link(omgeving: Omgeving) -> None:
    replies = await omgeving.gesprek.starten(ChatUser("tg-9", "telegram"), "ik wil een melding doen", "nl")
    assert "/koppel" in teksten(replies)
    assert not await omgeving.gesprek.open(ChatUser("tg-9", "telegram"))


async def test_link_codes_are_single_use_expire_and_guessing_pauses(omgeving: Omgeving) -> None:
    now = omgeving.klok.now()
    _, code = await omgeving.scholen.toevoegen("12AB", "Het Baken", "Zwolle", now)
    assert (await omgeving.scholen.koppel("telegram", "tg-1", code, now)).uitkomst == "gekoppeld"
    assert (await omgeving.scholen.koppel("telegram", "tg-2", code, now)).uitkomst == "fout"  # used already
    _, oud = await omgeving.scholen.toevoegen("12AB", "Het Baken", "Zwolle", now - dt.timedelta(days=15))
    assert (await omgeving.scholen.koppel("telegram", "tg-3", oud, now)).uitkomst == "fout"  # expired
    for _ in range(MAX_MISLUKT - 1):  # with the used code above: MAX_MISLUKT wrong codes
        await omgeving.scholen.koppel("telegram", "tg-2", "FOUT-CODE", now)
    assert (await omgeving.scholen.koppel("telegram", "tg-2", "FOUT-CODE", now)).uitkomst == "pauze"
    _, goed = await omgeving.scholen.toevoegen("12AB", "Het Baken", "Zwolle", now)
    assert (await omgeving.scholen.koppel("telegram", "tg-2", goed, now)).uitkomst == "pauze"  # even a good one
    later = now + dt.timedelta(minutes=16)
    assert (await omgeving.scholen.koppel("telegram", "tg-2", goed, later)).uitkomst == "gekoppeld"
    [(school, aantal)] = await omgeving.scholen.lijst()
    assert (school.brin, aantal) == ("12AB", 2)
    assert await omgeving.scholen.intrekken("12AB", later, external_id="tg-1") == 1
    assert await omgeving.scholen.school_van("telegram", "tg-1") is None


async def test_two_schools_filing_for_one_pupil_are_both_kept_and_flagged(omgeving: Omgeving) -> None:
    for sender, brin in (("tg-1", "12AB"), ("tg-2", "34CD")):
        user = await gekoppeld(omgeving, sender, brin)
        await verstuur_wettelijk(omgeving, user)
    meldingen = await omgeving.meldingen.lijst()
    assert len(meldingen) == 2
    assert all(m.mogelijk_dubbel for m in meldingen)


async def test_outside_the_regions_the_melding_is_kept_flagged_and_the_school_told(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await omgeving.gesprek.starten(user, "melding", "nl")
    antwoorden = [WETTELIJK[0], WETTELIJK[1], ("Utrecht", "groep of klas"), *WETTELIJK[3:]]
    await vul_in(omgeving, user, antwoorden)
    await zeg(omgeving, user, "ja")
    opgeslagen = await zeg(omgeving, user, "versturen")
    assert "de gemeente Utrecht moet hem ontvangen" in opgeslagen
    [melding] = await omgeving.meldingen.lijst(team="landelijk")
    assert melding.buiten_regio


async def test_a_school_lists_and_withdraws_its_own_meldingen(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await verstuur_wettelijk(omgeving, user)
    lijst = teksten(await omgeving.gesprek.mijn_meldingen(user, "nl"))
    assert "S.D.V." in lijst
    assert "Sara" not in lijst  # initials only
    [melding] = await omgeving.meldingen.lijst()
    ander = await gekoppeld(omgeving, "tg-2", "34CD")
    assert "vind ik niet" in teksten(await omgeving.gesprek.intrekken(ander, str(melding.referentie), "nl"))
    assert "ingetrokken" in teksten(await omgeving.gesprek.intrekken(user, str(melding.referentie), "nl"))
    _, historie = await omgeving.meldingen.met_historie(str(melding.referentie)) or (None, [])
    assert [h.status for h in historie] == ["geregistreerd", "ingetrokken"]


async def test_finished_meldingen_are_deleted_after_the_team_retention(omgeving: Omgeving) -> None:
    user = await gekoppeld(omgeving)
    await verstuur_wettelijk(omgeving, user)
    [melding] = await omgeving.meldingen.lijst()
    now = omgeving.klok.now()
    assert await omgeving.meldingen.opschonen({"ijssel-vecht": 30}, 90, now + dt.timedelta(days=60)) == 0  # open
    await omgeving.meldingen.status_zetten(str(melding.referentie), "afgesloten", "team", now)
    assert await omgeving.meldingen.opschonen({"ijssel-vecht": 30}, 90, now + dt.timedelta(days=29)) == 0
    assert await omgeving.meldingen.opschonen({"ijssel-vecht": 30}, 90, now + dt.timedelta(days=31)) == 1
    assert await omgeving.meldingen.lijst() == []
    assert await omgeving.meldingen.met_historie(str(melding.referentie)) is None
