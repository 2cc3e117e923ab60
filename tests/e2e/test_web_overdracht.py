"""Hand-off from the web chat end to end (issue 16, points 3 and 5): the real Rasa and action servers, the web
chat and the Telegram front end on a fake Bot API. A web user asks for a person, waits in the same queue as
Telegram's users, a consulent on Telegram picks it up and answers, the web user's answer reaches the consulent,
the whole process restarts in the middle (the page's stream reconnects with Last-Event-ID and misses nothing, gets
nothing twice), the consulent closes and the assistant answers again. Once with the web chat in the bot's process
(`leerbot run`), once with `leerbot web` in a process of its own beside the bot's; and outside office hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from basis.klok import FixedClock
from content.teksten import tekst
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from rules.besluit import datum_tekst
from store.db import upgrade
from testkit.fake_telegram import FakeTelegram
from testkit.poorten import free_port
from tests.overdracht_web import Luisteraar, registreer, telegram_wacht_op, ticketnummer
from tests.webserver import Bediening, WebKlant

pytestmark = pytest.mark.e2e
CONSULENT = 430_001
TEAM_NAAM = "Team Leerplicht/Doorstroompunt"
VRAAG = "ik wil graag met iemand van leerplicht praten"  # as tests/e2e/test_wachtrij_telegram.py asks


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    telegram = FakeTelegram().start()
    yield telegram
    telegram.stop()


def _settings(stack_settings: Settings, sqlite_url: str, fake: FakeTelegram, uur: int) -> Settings:
    upgrade(sqlite_url)
    settings = stack_settings.model_copy(update={
        "database_url": sqlite_url, "web_port": free_port(), "time_of_day": dt.time(uur),
        "telegram_api_base_url": fake.base_url, "telegram_file_base_url": fake.base_file_url})
    assert settings.today is not None
    registreer(sqlite_url, FixedClock(settings.today, dt.time(uur)), CONSULENT)
    return settings


@pytest.mark.parametrize("apart", [False, True], ids=["one-process", "web-apart"])
def test_a_web_user_talks_to_a_consulent_on_telegram_across_a_restart_and_back_to_the_assistant(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str, fake: FakeTelegram, apart: bool,
) -> None:
    settings = _settings(stack_settings, sqlite_url, fake, 10)  # Monday 10:00, the team is in
    processen = [Bediening(settings, met_telegram=not apart)]
    if apart:  # `leerbot web` alone, and the bot's process with Telegram only
        processen.append(Bediening(settings, met_telegram=True, web=False))
    for proces in processen:
        proces.start()
    try:
        web = WebKlant(processen[0].url)
        gesprek_id, kop = web.nieuw()
        pagina = Luisteraar(web.url, gesprek_id, kop)
        web.stuur(gesprek_id, kop, tekst=VRAAG)
        pagina.wacht_op("In welke gemeente")
        web.stuur(gesprek_id, kop, tekst="Zwolle")
        assert f"Je staat in de wachtrij van {TEAM_NAAM}" in pagina.wacht_op("Je staat in de wachtrij")["tekst"]
        nummer = ticketnummer(telegram_wacht_op(fake, CONSULENT, "Nieuw ticket"))
        web.stuur(gesprek_id, kop, tekst="het gaat over mijn zoon van 12")
        pagina.wacht_op("bewaard")

        fake.push_text(CONSULENT, f"/pak {nummer}")
        opgepakt = telegram_wacht_op(fake, CONSULENT, f"Je hebt ticket #{nummer}")
        assert "het gaat over mijn zoon van 12" in opgepakt  # kept while waiting, shown on claim
        pagina.wacht_op(tekst("opgepakt", "nl", team=TEAM_NAAM))
        fake.push_text(CONSULENT, "Goedemorgen, waar gaat het om?")
        relay = pagina.wacht_op("waar gaat het om")
        assert relay == {"van": "consulent", "knoppen": [],
                         "tekst": tekst("van_consulent", "nl", team=TEAM_NAAM, tekst="Goedemorgen, waar gaat het om?")}
        assert "Petra" not in relay["tekst"]
        web.stuur(gesprek_id, kop, tekst="Mag hij mee naar de begrafenis van zijn opa in Marokko?")
        telegram_wacht_op(fake, CONSULENT, f"[#{nummer}] Mag hij mee naar de begrafenis")

        # Every process of ours restarts mid-conversation (Rasa keeps running); the page reconnects.
        for proces in processen:
            proces.stop()
        assert pagina.beëindigd()
        for proces in processen:
            proces.start()
        gezien = pagina.events[-1]["id"]
        pagina = Luisteraar(web.url, gesprek_id, kop, laatste=gezien)
        fake.push_text(CONSULENT, "Ja, dat kan. Vraag het verlof bij de directeur aan.")
        pagina.wacht_op("Vraag het verlof bij de directeur aan")
        web.stuur(gesprek_id, kop, tekst="Dank u wel")
        telegram_wacht_op(fake, CONSULENT, f"[#{nummer}] Dank u wel")
        fake.push_text(CONSULENT, f"/sluit {nummer} beantwoord verlof art. 14 uitgelegd")
        telegram_wacht_op(fake, CONSULENT, "is gesloten")
        pagina.wacht_op(tekst("gesloten", "nl"))
        voor = len(pagina.events)
        web.stuur(gesprek_id, kop, tekst="mag mijn zoon een dag eerder op vakantie?")
        assert "schoolhoofd" in pagina.wacht_op("13a", voor)["tekst"]  # the assistant again

        teksten = pagina.teksten()
        assert teksten.count(tekst("van_consulent", "nl", team=TEAM_NAAM,
                                   tekst="Ja, dat kan. Vraag het verlof bij de directeur aan.")) == 1
        assert teksten.count(tekst("gesloten", "nl")) == 1
        assert all(int(e["id"]) > int(gezien) for e in pagina.events)  # nothing from before the restart again
        doorgestuurd = [m["text"] for m in fake.sent_messages(CONSULENT)]
        assert doorgestuurd.count(f"[#{nummer}] Dank u wel") == 1
        assert sum("Nieuw ticket" in d for d in doorgestuurd) == 1
    finally:
        for proces in processen:
            if proces.draait:
                proces.stop()


def test_outside_office_hours_a_web_user_hears_when_the_team_is_back(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str, fake: FakeTelegram,
) -> None:
    settings = _settings(stack_settings, sqlite_url, fake, 20)  # Monday 20:00: the team works 9 to 17
    proces = Bediening(settings, met_telegram=True)
    proces.start()
    try:
        web = WebKlant(proces.url)
        gesprek_id, kop = web.nieuw()
        pagina = Luisteraar(web.url, gesprek_id, kop)
        web.stuur(gesprek_id, kop, tekst=VRAAG)
        pagina.wacht_op("In welke gemeente")
        web.stuur(gesprek_id, kop, tekst="Zwolle")
        assert settings.today is not None
        morgen = (settings.today + dt.timedelta(days=1)).isoformat()
        wanneer = tekst("moment", "nl", datum=datum_tekst(morgen, "nl"), tijd="09:00")
        assert pagina.wacht_op("niet bereikbaar")["tekst"] == tekst("buiten_kantoortijd", "nl", team=TEAM_NAAM,
                                                                   wanneer=wanneer)
        vraag = pagina.wacht_op("Hoe wil je")
        assert vraag["tekst"] == tekst("contact_vraag_web", "nl")
        web.stuur(gesprek_id, kop, knop=vraag["knoppen"][0]["payload"])
        pagina.wacht_op(tekst("contact_bewaard", "nl"))
        nummer = ticketnummer(telegram_wacht_op(fake, CONSULENT, "Nieuw ticket"))
        fake.push_text(CONSULENT, f"/info {nummer}")
        assert tekst("contact_soort_telegram", "nl") in telegram_wacht_op(fake, CONSULENT, "Contact")
    finally:
        proces.stop()
