"""Hand-off from the web chat as from Telegram (issue 16, point 3), with the Rasa stand-in: the web chat and the
Telegram front end in one process as `leerbot run` serves them, a consulent on the fake Telegram Bot API. The same
with the real Rasa: tests/e2e/test_web_overdracht.py; in the page: tests/browser/test_overdracht.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from basis.klok import FixedClock
from content.teksten import tekst
from rules.besluit import datum_tekst
from testkit.fake_telegram import FakeTelegram
from testkit.nep_rasa import ANTWOORD
from tests.overdracht_web import Luisteraar, registreer, telegram_wacht_op, ticketnummer
from tests.webserver import Bediening, Web, web_server

CONSULENT = 410_001
MAANDAG = dt.date(2026, 11, 23)
TEAM_NAAM = "Team Leerplicht/Doorstroompunt"


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    telegram = FakeTelegram().start()
    yield telegram
    telegram.stop()


def _web(tmp_path: Path, fake: FakeTelegram, uur: int) -> Iterator[Web]:
    klok = FixedClock(MAANDAG, dt.time(uur))
    with web_server(tmp_path, telegram=fake, today=MAANDAG, time_of_day=dt.time(uur)) as web:
        registreer(f"sqlite:///{web.database}", klok, CONSULENT)
        yield web


@pytest.fixture
def web(tmp_path: Path, fake: FakeTelegram) -> Iterator[Web]:
    yield from _web(tmp_path, fake, 10)


def test_a_web_user_is_handed_to_a_consulent_on_telegram_and_back(web: Web, fake: FakeTelegram) -> None:
    _overdracht_en_terug(web, fake)


def test_the_same_with_the_web_chat_in_a_process_of_its_own(tmp_path: Path, fake: FakeTelegram) -> None:
    """`leerbot web` alone beside the bot's process (`leerbot run` with LEERBOT_WEB_IN_RUN=false): the two share
    only the database."""
    with web_server(tmp_path, today=MAANDAG, time_of_day=dt.time(10)) as web:
        assert web.bediening is not None
        registreer(f"sqlite:///{web.database}", FixedClock(MAANDAG, dt.time(10)), CONSULENT)
        bot = Bediening(web.bediening.settings.model_copy(update={
            "telegram_api_base_url": fake.base_url, "telegram_file_base_url": fake.base_file_url}),
            met_telegram=True, web=False)
        bot.start()
        try:
            _overdracht_en_terug(web, fake)
        finally:
            bot.stop()


def _vraagt_een_consulent(web: Web) -> tuple[str, dict[str, str], Luisteraar]:
    """A new web conversation that asks for a person and names its municipality (Zwolle): the hand-off starts."""
    gesprek_id, kop = web.nieuw()
    pagina = Luisteraar(web.url, gesprek_id, kop)
    web.stuur(gesprek_id, kop, tekst="ik wil een medewerker spreken")
    pagina.wacht_op(tekst("welke_gemeente", "nl"))
    web.stuur(gesprek_id, kop, tekst="Zwolle")
    return gesprek_id, kop, pagina


def _overdracht_en_terug(web: Web, fake: FakeTelegram) -> None:
    gesprek_id, kop, pagina = _vraagt_een_consulent(web)
    assert "Je staat in de wachtrij van Team Leerplicht/Doorstroompunt" in pagina.wacht_op("wachtrij")["tekst"]
    nummer = ticketnummer(telegram_wacht_op(fake, CONSULENT, "Nieuw ticket"))

    fake.push_text(CONSULENT, f"/pak {nummer}")
    telegram_wacht_op(fake, CONSULENT, f"Je hebt ticket #{nummer}")
    assert pagina.wacht_op("opgepakt")["tekst"] == tekst("opgepakt", "nl", team=TEAM_NAAM)

    fake.push_text(CONSULENT, "Goedemorgen, waar kan ik mee helpen?")
    relay = pagina.wacht_op("waar kan ik mee helpen")
    assert relay["tekst"] == tekst("van_consulent", "nl", team=TEAM_NAAM, tekst="Goedemorgen, waar kan ik mee helpen?")
    assert "Petra" not in relay["tekst"]
    assert relay["van"] == "consulent"  # the page can show it as the consulent's, not the assistant's

    web.stuur(gesprek_id, kop, tekst="Mag mijn zoon een week eerder op vakantie?")
    telegram_wacht_op(fake, CONSULENT, f"[#{nummer}] Mag mijn zoon een week eerder op vakantie?")
    voor = len(pagina.events)
    fake.push_text(CONSULENT, f"/sluit {nummer} beantwoord")
    telegram_wacht_op(fake, CONSULENT, "is gesloten")
    assert pagina.wacht_op(tekst("gesloten", "nl"), voor)["van"] == "assistent"

    voor = len(pagina.events)
    web.stuur(gesprek_id, kop, tekst="mag hij een dag eerder op vakantie?")
    pagina.wacht_op(ANTWOORD[0]["text"], voor)  # the assistant answers again
    assert web.nep.berichten.count("Mag mijn zoon een week eerder op vakantie?") == 0  # that went to the consulent
    assert [e["id"] for e in pagina.events] == sorted({e["id"] for e in pagina.events}, key=int)  # each once


def test_a_web_user_can_leave_the_queue_with_stop(web: Web, fake: FakeTelegram) -> None:
    gesprek_id, kop, pagina = _vraagt_een_consulent(web)
    telegram_wacht_op(fake, CONSULENT, "Nieuw ticket")
    web.stuur(gesprek_id, kop, tekst="/stop")
    pagina.wacht_op(tekst("wachtrij_verlaten", "nl"))
    fake.push_text(CONSULENT, "/wachtrij")
    telegram_wacht_op(fake, CONSULENT, tekst("wachtrij_leeg", "nl"))  # the ticket left the queue
    voor = len(pagina.events)
    web.stuur(gesprek_id, kop, tekst="mag hij een dag eerder op vakantie?")
    pagina.wacht_op(ANTWOORD[0]["text"], voor)


def test_outside_office_hours_the_web_user_hears_when_the_team_is_back(tmp_path: Path, fake: FakeTelegram) -> None:
    for web in _web(tmp_path, fake, 20):  # Monday 20:00: the team works 9 to 17
        gesprek_id, kop, pagina = _vraagt_een_consulent(web)
        buiten = pagina.wacht_op("niet bereikbaar")
        wanneer = tekst("moment", "nl", datum=datum_tekst("2026-11-24", "nl"), tijd="09:00")
        assert buiten["tekst"] == tekst("buiten_kantoortijd", "nl", team=TEAM_NAAM, wanneer=wanneer)
        vraag = pagina.wacht_op("Hoe wil je")
        assert vraag["tekst"] == tekst("contact_vraag_web", "nl")  # the web user is not on Telegram
        assert [k["titel"] for k in vraag["knoppen"]] == [tekst("knop_chat", "nl"), tekst("knop_telefoon", "nl"),
                                                          tekst("knop_email", "nl")]
        web.stuur(gesprek_id, kop, knop=vraag["knoppen"][0]["payload"])
        pagina.wacht_op(tekst("contact_bewaard", "nl"))
        telegram_wacht_op(fake, CONSULENT, "Nieuw ticket")  # the consulent sees it when the day starts
