"""A restart of the web server in the middle of a conversation, seen in a real Chromium (issue 16, point 5): a
message kept while the assistant is down; the server stops (the page says the connection is lost) and starts
again on the same port and database; the page reconnects by itself (Last-Event-ID) and shows the kept message's
answer, every message once. The API side of the same: tests/unit/test_web_herstart.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from content.teksten import tekst
from testkit.nep_rasa import ANTWOORD
from tests.browser.chromium import Paginafouten
from tests.webserver import Web, web_server

pytestmark = pytest.mark.browser
# The page retries after 1, 2, 4 … seconds (at most 15): the first tries after the restart fall in that range.
HERVERBINDEN_MS = 20_000



@pytest.fixture
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    with web_server(tmp_path_factory.mktemp("herstart")) as server:
        yield server


def test_the_page_reconnects_after_a_restart_and_shows_the_kept_message_answered(browser: Browser, web: Web) -> None:
    assert web.bediening is not None
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce", base_url=web.url)
    try:
        page = context.new_page()
        fouten = Paginafouten(page)
        page.goto("/chat")
        log = page.get_by_role("log", name="Gesprek")
        status = page.locator("#status")  # the connection status (the typing indicator is a status too)
        berichten = log.locator(".chat__bericht")

        page.get_by_label("Je bericht").fill("Mag mijn dochter een dag vrij?")
        page.get_by_label("Je bericht").press("Enter")
        expect(log).to_contain_text(ANTWOORD[0]["text"])

        web.nep.actions_up = False  # Rasa stays silent, the action server is down: the message is kept
        page.get_by_label("Je bericht").fill("stil maar, een vraag")
        page.get_by_label("Je bericht").press("Enter")
        expect(log).to_contain_text(tekst("assistent_onbereikbaar", "nl"))
        expect(berichten).to_have_count(4)

        web.bediening.stop()
        expect(status).to_have_text(tekst("web_verbinding_kwijt", "nl"))
        web.nep.actions_up = True
        web.bediening.start()

        expect(log).to_contain_text(tekst("geen_antwoord", "nl"), timeout=HERVERBINDEN_MS)
        expect(status).to_have_text("")
        expect(berichten).to_have_count(5)  # nothing shown twice after the reconnect
        assert [b.strip() for b in berichten.locator("p").all_text_contents()] == [
            "Mag mijn dochter een dag vrij?", ANTWOORD[0]["text"], "stil maar, een vraag",
            tekst("assistent_onbereikbaar", "nl"), tekst("geen_antwoord", "nl")]
        assert fouten.csp() == []
        assert fouten.pagina == []
    finally:
        context.close()
