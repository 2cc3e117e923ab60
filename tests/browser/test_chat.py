"""The web chat's page in a real Chromium (Debian's, `make browser`), driven by Playwright's sync API, against a
real uvicorn with the real pipeline and the Rasa stand-in (tests/webserver.py): a conversation by keyboard only,
a reload that keeps it, zero axe-core WCAG 2.1 A/AA violations at 1280 and 320 px, no horizontal scrolling at
320 px, and a Content-Security-Policy that blocks nothing the page needs.

Sync Playwright only, with module-scoped fixtures: a session-scoped sync Playwright breaks later pytest-asyncio
tests (docs/research/web-chat.md). Without chromium these tests skip, but fail when CI is set."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect

from content.teksten import tekst
from testkit.nep_rasa import ANTWOORD, ANTWOORD_MET_KNOPPEN
from tests.browser.chromium import Paginafouten
from tests.webserver import Web, web_server

pytestmark = pytest.mark.browser

WCAG21 = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
          "resultTypes": ["violations"]}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
SMAL: ViewportSize = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: 1280 px at 400 % zoom
# Where the screenshots go: a temporary directory, or docs/web with LEERBOT_SCHERMAFDRUKKEN=docs/web to refresh
# the ones docs/web.md shows.
SCHERMAFDRUKKEN = os.environ.get("LEERBOT_SCHERMAFDRUKKEN")


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    with web_server(tmp_path_factory.mktemp("web")) as server:
        yield server


@pytest.fixture
def pagina(browser: Browser, web: Web) -> Iterator[tuple[Page, Paginafouten]]:
    """A fresh browser context (its own localStorage: a new conversation) at 1280 px with reduced motion."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce", base_url=web.url)
    page = context.new_page()
    fouten = Paginafouten(page)
    page.goto("/chat")
    yield page, fouten
    assert fouten.csp() == []
    assert fouten.pagina == []
    context.close()


def _focus(page: Page) -> str:
    return str(page.evaluate("document.activeElement ? document.activeElement.id || "
                             "document.activeElement.textContent : ''"))


def _tab_naar(page: Page, element_id: str, maximaal: int = 6) -> int:
    """Press Tab until `element_id` has focus; how many presses it took."""
    for keer in range(1, maximaal + 1):
        page.keyboard.press("Tab")
        if _focus(page) == element_id:
            return keer
    pytest.fail(f"#{element_id} not reached with {maximaal} Tabs")


def _axe(page: Page) -> None:
    resultaat = Axe().run(page, options=WCAG21)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def _geen_horizontaal_scrollen(page: Page) -> None:
    breedte = page.evaluate("document.scrollingElement.scrollWidth")
    assert page.viewport_size is not None
    assert breedte <= page.viewport_size["width"], breedte


def test_a_conversation_by_keyboard_only(pagina: tuple[Page, Paginafouten]) -> None:
    page, _ = pagina
    log = page.get_by_role("log", name="Gesprek")
    assert _tab_naar(page, "bericht") <= 3  # past the log (focusable, to scroll it by keyboard)
    page.keyboard.type("Mag ik op vakantie buiten de schoolvakanties?")
    page.keyboard.press("Enter")
    expect(log).to_contain_text(ANTWOORD[0]["text"])
    expect(log).to_contain_text("Mag ik op vakantie buiten de schoolvakanties?")
    assert _focus(page) == "bericht"
    expect(page.get_by_label("Je bericht")).to_have_value("")

    # Tab to the send button and press it with the keyboard.
    page.keyboard.type("Welke knoppen zijn er?")
    page.keyboard.press("Tab")
    assert _focus(page) == "Verstuur"
    page.keyboard.press("Enter")
    vraag = ANTWOORD_MET_KNOPPEN[0]
    expect(log).to_contain_text(str(vraag["text"]))
    knoppen = log.get_by_role("button")
    expect(knoppen).to_have_count(2)
    assert knoppen.evaluate_all("els => els.map(e => e.className)") == \
        ["utrecht-button utrecht-button--secondary-action"] * 2

    # The reply's buttons come before the form: Shift+Tab from the textarea reaches them, Enter presses one.
    page.get_by_label("Je bericht").focus()
    page.keyboard.press("Shift+Tab")
    assert _focus(page) == "Ziekte"
    page.keyboard.press("Shift+Tab")
    assert _focus(page) == "Verlof"
    antwoorden = log.locator(".chat__bericht--assistent")
    voor = antwoorden.count()
    page.keyboard.press("Enter")
    expect(antwoorden).to_have_count(voor + 1)
    expect(knoppen.first).to_be_disabled()
    assert _focus(page) == "bericht"


def test_a_reload_keeps_the_conversation(pagina: tuple[Page, Paginafouten]) -> None:
    page, _ = pagina
    log = page.get_by_role("log", name="Gesprek")
    page.get_by_label("Je bericht").fill("Mag mijn dochter een dag vrij?")
    page.get_by_role("button", name="Verstuur").click()
    expect(log).to_contain_text(ANTWOORD[0]["text"])
    opgeslagen = page.evaluate("localStorage.getItem('leerbot-gesprek')")
    assert opgeslagen is not None
    page.reload()
    expect(log.locator(".chat__bericht")).to_have_count(2)
    expect(log).to_contain_text("Mag mijn dochter een dag vrij?")
    expect(log).to_contain_text(ANTWOORD[0]["text"])
    assert page.evaluate("localStorage.getItem('leerbot-gesprek')") == opgeslagen


def test_a_tab_opened_later_finds_the_conversation_and_delete_forgets_it(pagina: tuple[Page, Paginafouten]) -> None:
    """localStorage, not sessionStorage: a consulent may answer after hours ("hier in de chat"), so the parent who
    closed the tab finds the conversation again in a new one; "Wis dit gesprek" leaves nothing behind."""
    page, _ = pagina
    log = page.get_by_role("log", name="Gesprek")
    page.get_by_label("Je bericht").fill("Mag mijn zoon naar de bruiloft van zijn oom?")
    page.get_by_role("button", name="Verstuur").click()
    expect(log).to_contain_text(ANTWOORD[0]["text"])
    context = page.context
    page.close()
    later = context.new_page()
    later.goto("/chat")
    log = later.get_by_role("log", name="Gesprek")
    expect(log).to_contain_text("Mag mijn zoon naar de bruiloft van zijn oom?")
    expect(log).to_contain_text(ANTWOORD[0]["text"])
    oud = later.evaluate("JSON.parse(localStorage.getItem('leerbot-gesprek')).id")
    later.get_by_role("button", name="Wis dit gesprek").click()
    expect(log).not_to_contain_text("Mag mijn zoon naar de bruiloft van zijn oom?")
    # The page says so once the new conversation exists; it has taken the old one's place in the storage.
    expect(later.locator("#status")).to_have_text(tekst("web_gewist", "nl"))
    assert later.evaluate("JSON.parse(localStorage.getItem('leerbot-gesprek')).id") not in (oud, None)


@pytest.mark.parametrize("viewport", [DESKTOP, SMAL], ids=["1280px", "320px"])
def test_no_wcag_violations_and_no_horizontal_scrolling(pagina: tuple[Page, Paginafouten],
                                                          viewport: ViewportSize) -> None:
    page, fouten = pagina
    page.set_viewport_size(viewport)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _axe(page)
    _geen_horizontaal_scrollen(page)

    page.get_by_label("Je bericht").fill("Welke knoppen zijn er? " + "eenheelheellangwoordzonderspaties" * 3)
    page.get_by_role("button", name="Verstuur").click()
    expect(page.get_by_role("log").get_by_role("button")).to_have_count(2)
    _axe(page)
    _geen_horizontaal_scrollen(page)
    if SCHERMAFDRUKKEN:
        naam = "chat-320.png" if viewport is SMAL else "chat-desktop.png"
        page.screenshot(path=str(Path(SCHERMAFDRUKKEN) / naam), full_page=viewport is SMAL)
    assert fouten.console == [], fouten.console


def test_the_english_page_is_clean_too(browser: Browser, web: Web) -> None:
    context = browser.new_context(viewport=SMAL, base_url=web.url)
    page = context.new_page()
    fouten = Paginafouten(page)
    page.goto("/chat?taal=en")
    expect(page.get_by_label("Your message")).to_be_visible()
    assert re.fullmatch(r"en", page.evaluate("document.documentElement.lang"))
    _axe(page)
    _geen_horizontaal_scrollen(page)
    assert fouten.console == []
    context.close()
