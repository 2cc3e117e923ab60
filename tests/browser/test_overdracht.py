"""Hand-off from the page in a real Chromium (issue 16, points 3 and 5): the parent asks for a person in /chat, a
consulent on the fake Telegram Bot API picks the conversation up and answers, the answer appears in the page's log,
the parent's answer reaches the consulent, and the consulent's /sluit gives the page back to the assistant. The web
chat and the Telegram front end run in one process, as `leerbot run` serves them (tests/webserver.py), with the
Rasa stand-in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from basis.klok import FixedClock
from content.teksten import tekst
from testkit.fake_telegram import FakeTelegram
from testkit.nep_rasa import ANTWOORD
from tests.browser.chromium import Paginafouten
from tests.overdracht_web import registreer, telegram_wacht_op, ticketnummer
from tests.webserver import Web, web_server

pytestmark = pytest.mark.browser

CONSULENT = 420_001
MAANDAG_10_UUR = (dt.date(2026, 11, 23), dt.time(10))
TEAM_NAAM = "Team Leerplicht/Doorstroompunt"
# A consulent's relay comes from another front end's deliver through the outbox: the stream finds it on its next
# look (web/outbox.py, every two seconds), so the page gets a little longer than expect's default five seconds.
RELAY_MS = 15_000



@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    telegram = FakeTelegram().start()
    yield telegram
    telegram.stop()


@pytest.fixture
def web(tmp_path: Path, fake: FakeTelegram) -> Iterator[Web]:
    dag, uur = MAANDAG_10_UUR
    with web_server(tmp_path, telegram=fake, today=dag, time_of_day=uur) as server:
        registreer(f"sqlite:///{server.database}", FixedClock(dag, uur), CONSULENT)
        yield server


@pytest.fixture
def pagina(browser: Browser, web: Web) -> Iterator[tuple[Page, Paginafouten]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce", base_url=web.url)
    page = context.new_page()
    fouten = Paginafouten(page)
    page.goto("/chat")
    yield page, fouten
    context.close()


def _zeg(page: Page, bericht: str) -> None:
    page.get_by_label("Je bericht").fill(bericht)
    page.get_by_label("Je bericht").press("Enter")


def test_a_consulent_on_telegram_answers_in_the_page_and_hands_it_back(pagina: tuple[Page, Paginafouten],
                                                                         fake: FakeTelegram) -> None:
    page, fouten = pagina
    log = page.get_by_role("log", name="Gesprek")

    _zeg(page, "Ik wil een medewerker spreken")
    expect(log).to_contain_text(tekst("welke_gemeente", "nl"))
    _zeg(page, "Zwolle")
    expect(log).to_contain_text(f"Je staat in de wachtrij van {TEAM_NAAM}")
    nummer = ticketnummer(telegram_wacht_op(fake, CONSULENT, "Nieuw ticket"))

    fake.push_text(CONSULENT, f"/pak {nummer}")
    expect(log).to_contain_text(tekst("opgepakt", "nl", team=TEAM_NAAM), timeout=RELAY_MS)
    fake.push_text(CONSULENT, "Goedemorgen, ik kijk met je mee.")
    relay = tekst("van_consulent", "nl", team=TEAM_NAAM, tekst="Goedemorgen, ik kijk met je mee.")
    expect(log).to_contain_text(relay, timeout=RELAY_MS)
    assert "Petra" not in (log.text_content() or "")

    _zeg(page, "Mag mijn zoon een week eerder op vakantie?")
    telegram_wacht_op(fake, CONSULENT, f"[#{nummer}] Mag mijn zoon een week eerder op vakantie?")
    fake.push_text(CONSULENT, f"/sluit {nummer} beantwoord")
    expect(log).to_contain_text(tekst("gesloten", "nl"), timeout=RELAY_MS)

    _zeg(page, "Mag hij een dag eerder op vakantie?")
    expect(log.locator(".chat__bericht").last).to_contain_text(ANTWOORD[0]["text"])  # the assistant again
    for bericht in (relay, tekst("opgepakt", "nl", team=TEAM_NAAM), tekst("gesloten", "nl")):  # each shown once
        expect(log.locator(".chat__bericht", has_text=bericht)).to_have_count(1)
    assert fouten.csp() == []
    assert fouten.pagina == []

    # The outbox row of a consulent's words says "van": "consulent": the page labels it with web_consulent.
    expect(log.locator(".chat__bericht", has_text=relay).locator(".chat__wie")).to_have_text("Consulent")
