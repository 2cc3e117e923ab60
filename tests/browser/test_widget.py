"""The widget on a municipality's page, in a real Chromium (Debian's, driven by Playwright as in test_chat.py): the
host page comes from another site (http://localhost:<port>, a small server of its own with a strict
Content-Security-Policy that allows our origin only in script-src and frame-src) than the chat
(http://127.0.0.1:<port>, tests/webserver.py). Keyboard only from the launcher into the frame and back, a reload
that keeps the conversation, zero axe-core WCAG 2.1 A/AA violations on the host page with the widget closed and
open and inside the frame with buttons (axe does not enter a frame of another origin, so it runs in the frame
itself) at 1280 and 320 px, a site outside the allow-list refused by frame-ancestors, "new conversation", the
typing indicator, the municipality's theme and the self-hosted font."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Frame,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

from content.teksten import tekst
from testkit.nep_rasa import ANTWOORD, ANTWOORD_MET_KNOPPEN
from tests.browser.chromium import Paginafouten, chromium_pad
from tests.browser.test_chat import DESKTOP, SCHERMAFDRUKKEN, SMAL, WCAG21, _tab_naar
from tests.webserver import Web, web_server
from web.widget import VERSIE, integriteit, script_bestand

pytestmark = pytest.mark.browser

# Playwright turns off Chromium's third-party storage partitioning (its switch list, playwright#32230); without it
# Chromium refuses localStorage to a frame of another site altogether, which a visitor's Chromium, Chrome, Firefox
# or Safari does not: they give the frame storage of its own per host site. This is Playwright's list of switched
# off features without that one, passed after Playwright's (the last --disable-features counts), so these tests see
# what a visitor's browser does. test_without_third_party_storage_the_chat_still_works runs without it.
ZONDER_PLAYWRIGHTS_PARTITIONERING = ("--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,"
                                     "DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,"
                                     "LensOverlay,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,"
                                     "OptimizationHints,NetworkTimeServiceQuerying")
KNOP = tekst("web_titel", "nl")
VENSTER = tekst("web_widget_venster", "nl")
# axe on the host page leaves our frame alone (it cannot enter another origin's frame, and would wait for it): the
# frame gets its own run.
WCAG21_ZONDER_FRAMES = {**WCAG21, "iframes": False}


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    with web_server(tmp_path_factory.mktemp("widget")) as server:
        yield server


@pytest.fixture(scope="module")
def gast(web: Web) -> Iterator[Callable[..., str]]:
    """A municipality's page on http://localhost:<port>/?gemeente=…&taal=…: another site than the chat's
    127.0.0.1, with a strict CSP of its own; the widget added by the one tag of docs/web.md, pinned with
    Subresource Integrity."""
    pad = script_bestand()
    assert pad is not None
    sri = integriteit(pad.read_bytes())

    class Pagina(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path != "/":
                self.send_response(204)  # the favicon: nothing, and no 404 in the console
                self.end_headers()
                return
            vraag = parse_qs(url.query)
            gemeente, taal = vraag.get("gemeente", ["voorbeeld"])[0], vraag.get("taal", ["nl"])[0]
            body = f"""<!doctype html>
<html lang="{taal}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gemeente - verlof aanvragen</title>
</head>
<body>
<header><a href="#inhoud">Naar de inhoud</a></header>
<main id="inhoud">
<h1>Verlof aanvragen</h1>
<p>Wil je je kind een dag van school houden? Lees hier wat mag, of vraag het de assistent.</p>
</main>
<script src="{web.url}/widget-{VERSIE}.js" integrity="{sri}" crossorigin="anonymous"
  data-gemeente="{gemeente}" defer></script>
</body>
</html>
""".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", f"default-src 'none'; script-src {web.url}; "
                                                        f"frame-src {web.url}; base-uri 'none'; form-action 'none'")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pagina)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    poort = server.server_address[1]
    yield lambda gemeente="voorbeeld", taal="nl": f"http://localhost:{poort}/?gemeente={gemeente}&taal={taal}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    chromium_pad()
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=chromium_pad(), args=[ZONDER_PLAYWRIGHTS_PARTITIONERING])
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    yield context
    context.close()


def _pagina(context: BrowserContext, url: str) -> tuple[Page, Paginafouten]:
    page = context.new_page()
    fouten = Paginafouten(page)
    page.goto(url)
    return page, fouten


def _schoon(fouten: Paginafouten) -> None:
    assert fouten.csp() == []
    assert fouten.pagina == []


def _frame(page: Page) -> Frame:
    """The widget's frame, loaded."""
    handle = page.locator("#leerbot-widget-paneel iframe").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_load_state()
    return frame


def _open(page: Page) -> Frame:
    """Open the widget with the keyboard on its launcher; the focus is in the frame's message box."""
    knop = page.get_by_role("button", name=KNOP)
    knop.focus()
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    frame = _frame(page)
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'IFRAME'")
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'bericht'")
    return frame


def _axe(doel: Page | Frame, options: Mapping[str, object] = WCAG21) -> None:
    resultaat = Axe().run(doel, options=dict(options))
    assert resultaat.violations_count == 0, resultaat.generate_report()


def _breedte_past(doel: Page | Frame) -> None:
    breedte, venster = doel.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert breedte <= venster, (breedte, venster)


def test_keyboard_only_from_the_launcher_into_the_frame_and_back(context: BrowserContext, gast: Callable[..., str],
                                                                 web: Web) -> None:
    page, fouten = _pagina(context, gast())
    knop = page.get_by_role("button", name=KNOP)
    expect(knop).to_have_attribute("aria-expanded", "false")
    stijl = "e => { const s = getComputedStyle(e); return [s.position, s.backgroundColor, s.color, s.outlineStyle]; }"
    # Styled under the host's CSP, which allows no style at all (default-src 'none'): through the CSSOM.
    assert knop.evaluate(stijl) == ["fixed", "rgb(81, 21, 239)", "rgb(255, 255, 255)", "none"]
    assert _tab_naar(page, "leerbot-widget-knop", maximaal=3) == 2  # past the host's own link
    assert knop.evaluate(stijl) == ["fixed", "rgb(255, 221, 0)", "rgb(11, 12, 12)", "dashed"]  # keyboard focus
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    frame = _frame(page)
    assert page.locator("iframe").get_attribute("title") == VENSTER
    assert frame.url == f"{web.url}/embed/voorbeeld?taal=nl"
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'bericht'")

    log = frame.get_by_role("log", name="Gesprek")
    page.keyboard.type("Welke knoppen zijn er?")
    page.keyboard.press("Enter")
    expect(log).to_contain_text(str(ANTWOORD_MET_KNOPPEN[0]["text"]))
    expect(log.get_by_role("button")).to_have_count(2)
    assert frame.evaluate("document.activeElement.id") == "bericht"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert frame.evaluate("document.activeElement.textContent") == "Verlof"
    antwoorden = log.locator(".chat__bericht--assistent")
    page.keyboard.press("Enter")
    expect(antwoorden).to_have_count(2)
    expect(log.get_by_role("button").first).to_be_disabled()
    assert frame.evaluate("document.activeElement.id") == "bericht"

    # Escape in the frame closes the widget and puts the focus back on the launcher.
    page.keyboard.press("Escape")
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#leerbot-widget-paneel")).to_be_hidden()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'leerbot-widget-knop'")
    # Opened again: the same conversation, the focus in the message box again; the close button closes too.
    page.keyboard.press("Enter")
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'bericht'")
    expect(antwoorden).to_have_count(2)
    page.keyboard.press("Shift+Tab")  # the log
    page.keyboard.press("Shift+Tab")  # the close button, before the log
    assert frame.evaluate("document.activeElement.id") == "sluit"
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "false")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'leerbot-widget-knop'")
    # Escape on the launcher itself closes an open widget as well.
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    knop.focus()
    page.keyboard.press("Escape")
    expect(knop).to_have_attribute("aria-expanded", "false")
    _schoon(fouten)


def test_a_reload_of_the_host_page_keeps_the_conversation(context: BrowserContext, gast: Callable[..., str]) -> None:
    page, fouten = _pagina(context, gast())
    frame = _open(page)
    page.keyboard.type("Mag mijn dochter een dag vrij?")
    page.keyboard.press("Enter")
    expect(frame.get_by_role("log")).to_contain_text(ANTWOORD[0]["text"])
    opgeslagen = frame.evaluate("localStorage.getItem('leerbot-gesprek')")
    assert opgeslagen is not None
    assert page.evaluate("localStorage.length") == 0  # nothing of ours in the host's storage
    assert context.cookies() == []

    page.reload()
    frame = _open(page)
    log = frame.get_by_role("log")
    expect(log.locator(".chat__bericht")).to_have_count(2)
    expect(log).to_contain_text("Mag mijn dochter een dag vrij?")
    assert frame.evaluate("localStorage.getItem('leerbot-gesprek')") == opgeslagen
    _schoon(fouten)


@pytest.mark.parametrize("viewport", [DESKTOP, SMAL], ids=["1280px", "320px"])
def test_no_wcag_violations_closed_open_and_in_the_frame(browser: Browser, gast: Callable[..., str],
                                                         viewport: ViewportSize) -> None:
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page, fouten = _pagina(context, gast())
    expect(page.get_by_role("button", name=KNOP)).to_be_visible()
    _axe(page, WCAG21_ZONDER_FRAMES)
    _breedte_past(page)

    frame = _open(page)
    _axe(page, WCAG21_ZONDER_FRAMES)
    _breedte_past(page)
    _axe(frame)
    frame.get_by_label("Je bericht").fill("Welke knoppen zijn er? " + "eenheelheellangwoordzonderspaties" * 3)
    page.keyboard.press("Enter")
    expect(frame.get_by_role("log").get_by_role("button")).to_have_count(2)
    _axe(frame)
    _breedte_past(frame)
    _breedte_past(page)
    if SCHERMAFDRUKKEN:
        page.screenshot(path=str(Path(SCHERMAFDRUKKEN) / ("widget-320.png" if viewport is SMAL else
                                                          "widget-desktop.png")))
    assert fouten.console == [], fouten.console
    _schoon(fouten)
    context.close()


def test_the_english_widget(context: BrowserContext, gast: Callable[..., str], web: Web) -> None:
    page, fouten = _pagina(context, gast(taal="en"))
    knop = page.get_by_role("button", name=tekst("web_titel", "en"))
    expect(knop).to_have_attribute("lang", "en")
    knop.click()
    frame = _frame(page)
    assert frame.url == f"{web.url}/embed/voorbeeld?taal=en"
    expect(frame.get_by_label("Your message")).to_be_focused()
    assert page.locator("iframe").get_attribute("title") == tekst("web_widget_venster", "en")
    _axe(frame)
    _schoon(fouten)


def test_a_site_not_in_the_allow_list_gets_the_frame_refused(context: BrowserContext, gast: Callable[..., str],
                                                             web: Web) -> None:
    # Zeestad allows only https://www.zeestad.example and https://zeestad.example; this page is on localhost.
    page, fouten = _pagina(context, gast("zeestad"))
    page.get_by_role("button", name=KNOP).click()
    frame = _frame(page)
    for _ in range(50):  # Chromium's page for a refused frame
        if frame.url == "chrome-error://chromewebdata/":
            break
        page.wait_for_timeout(100)
    assert frame.url == "chrome-error://chromewebdata/"
    # And the console message Chromium writes for it (on the host page's console).
    assert fouten.console == [f"Framing '{web.url}/' violates the following Content Security Policy directive: "
                              "\"frame-ancestors 'self' https://www.zeestad.example https://zeestad.example\". "
                              "The request has been blocked.\n"]
    assert fouten.pagina == []

    # The same page with a municipality that allows it: the chat loads (so the refusal above was the allow-list).
    page, fouten = _pagina(context, gast("voorbeeld"))
    page.get_by_role("button", name=KNOP).click()
    assert _frame(page).url == f"{web.url}/embed/voorbeeld?taal=nl"
    assert fouten.console == []


@pytest.mark.parametrize("beweging", ["reduce", "no-preference"])
def test_new_conversation_and_the_typing_indicator(browser: Browser, gast: Callable[..., str], web: Web,
                                                   beweging: str) -> None:
    context = browser.new_context(viewport=DESKTOP, reduced_motion=beweging)  # type: ignore[arg-type]
    page, fouten = _pagina(context, gast())
    frame = _open(page)
    log, typt, status = frame.get_by_role("log"), frame.locator("#typt"), frame.locator("#status")
    assert typt.get_attribute("role") == "status"
    web.nep.wacht = 1.5  # the assistant takes a while: the indicator shows meanwhile
    try:
        page.keyboard.type("Mag ik een dag vrij?")
        page.keyboard.press("Enter")
        expect(typt).to_have_text(tekst("web_typt", "nl"))
        expect(typt).to_be_visible()
        animatie = typt.evaluate("e => getComputedStyle(e, '::before').animationName")
        assert animatie == ("none" if beweging == "reduce" else "chat-typt")
        expect(log).to_contain_text(ANTWOORD[0]["text"])
        expect(typt).to_have_text("")
    finally:
        web.nep.wacht = 0.0
    assert frame.evaluate("document.activeElement.id") == "bericht"  # the answer was announced, not focused

    oud = frame.evaluate("JSON.parse(localStorage.getItem('leerbot-gesprek'))")
    page.keyboard.press("Tab")  # Verstuur
    page.keyboard.press("Tab")
    assert frame.evaluate("document.activeElement.textContent") == tekst("web_nieuw_gesprek", "nl")
    page.keyboard.press("Enter")
    expect(log.locator(".chat__bericht")).to_have_count(0)
    expect(status).to_have_text(tekst("web_nieuw_begonnen", "nl"))
    assert frame.evaluate("document.activeElement.id") == "bericht"
    nieuw = frame.evaluate("JSON.parse(localStorage.getItem('leerbot-gesprek'))")
    assert nieuw["id"] != oud["id"]
    # A new conversation leaves the old one as it was (only "Wis dit gesprek" forgets it).
    kop = {"Authorization": f"Bearer {oud['token']}"}
    assert web.gebeurtenissen(oud["id"], kop, 2)[1]["data"]["tekst"] == ANTWOORD[0]["text"]
    page.keyboard.type("Nog een vraag")
    page.keyboard.press("Enter")
    expect(log.locator(".chat__bericht")).to_have_count(2)

    frame.get_by_role("button", name=tekst("web_wis_gesprek", "nl")).click()
    expect(log.locator(".chat__bericht")).to_have_count(0)
    expect(status).to_have_text(tekst("web_gewist", "nl"))
    verwijderd = httpx.get(f"{web.url}/api/gesprekken/{nieuw['id']}/gebeurtenissen",
                           headers={"Authorization": f"Bearer {nieuw['token']}"})
    assert verwijderd.status_code == 404
    _schoon(fouten)
    context.close()


def test_the_municipality_theme_and_the_font(context: BrowserContext, web: Web) -> None:
    kleuren = {}
    for gemeente in ("voorbeeld", "zeestad"):
        page, fouten = _pagina(context, f"{web.url}/embed/{gemeente}")
        klassen = page.evaluate("document.documentElement.className").split()
        assert ("zeestad-theme" in klassen) == (gemeente == "zeestad"), klassen
        page.evaluate("document.fonts.ready")
        kleuren[gemeente] = page.get_by_role("button", name="Verstuur").evaluate(
            "e => getComputedStyle(e).backgroundColor")
        # Noto Sans, regular and bold, from our own origin (font-src 'self'), not a fallback.
        assert page.evaluate("document.fonts.check('16px \"Noto Sans\"') && document.fonts.check('bold 16px "
                             "\"Noto Sans\"')")
        geladen = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.weight).sort()")
        assert geladen == ["400", "700"], geladen
        _axe(page)
        _schoon(fouten)
        page.close()
    assert kleuren == {"voorbeeld": "rgb(81, 21, 239)", "zeestad": "rgb(0, 78, 85)"}


def test_the_demo_page_shows_the_widget(context: BrowserContext, web: Web) -> None:
    page, fouten = _pagina(context, f"{web.url}/voorbeeld")
    expect(page.get_by_role("heading", level=1)).to_have_text(tekst("web_voorbeeld_titel", "nl"))
    expect(page.locator("code")).to_contain_text(f'src="/widget-{VERSIE}.js"')
    frame = _open(page)
    assert frame.url == f"{web.url}/embed/voorbeeld?taal=nl"
    page.keyboard.type("Mag ik op vakantie?")
    page.keyboard.press("Enter")
    expect(frame.get_by_role("log")).to_contain_text(ANTWOORD[0]["text"])
    _axe(page, WCAG21_ZONDER_FRAMES)
    assert fouten.console == [], fouten.console
    _schoon(fouten)


@pytest.mark.parametrize("pad", ["/chat", "/chat?taal=en", "/embed/voorbeeld", "/embed/zeestad?taal=en"])
def test_the_heading_wraps_between_words_at_320px(browser: Browser, web: Web, pad: str) -> None:
    context = browser.new_context(viewport=SMAL)
    page, fouten = _pagina(context, f"{web.url}{pad}")
    page.evaluate("document.fonts.ready")
    # Each word of the heading in one piece: a word broken over two lines has two rectangles.
    woorden = page.locator("h1").evaluate("""h => {
        const tekst = h.firstChild, uit = [];
        let begin = 0;
        for (const woord of tekst.data.split(' ')) {
          const r = document.createRange();
          r.setStart(tekst, begin);
          r.setEnd(tekst, begin + woord.length);
          uit.push([woord, r.getClientRects().length]);
          begin += woord.length + 1;
        }
        return uit;
      }""")
    assert len(woorden) >= 4
    assert [w for w, stukken in woorden if stukken != 1] == [], woorden
    _breedte_past(page)
    _schoon(fouten)
    context.close()


def test_without_third_party_storage_the_chat_still_works(playwright: Playwright, gast: Callable[..., str]) -> None:
    """Playwright's own switches (partitioning off): Chromium denies the frame its localStorage. The chat then
    works for as long as the page is open, and no script fails."""
    chromium = playwright.chromium.launch(executable_path=chromium_pad())
    context = chromium.new_context(viewport=DESKTOP)
    page, fouten = _pagina(context, gast())
    frame = _open(page)
    assert re.search("denied", frame.evaluate("(() => { try { localStorage.length; return 'ok'; } "
                                              "catch (e) { return e.message; } })()"))
    page.keyboard.type("Mag mijn dochter een dag vrij?")
    page.keyboard.press("Enter")
    expect(frame.get_by_role("log")).to_contain_text(ANTWOORD[0]["text"])
    _schoon(fouten)
    chromium.close()


def test_messages_from_elsewhere_are_ignored(context: BrowserContext, gast: Callable[..., str]) -> None:
    """The frame takes "open" only from its parent window, the widget takes "sluit" only from our origin's frame."""
    page, fouten = _pagina(context, gast())
    frame = _open(page)
    knop = page.get_by_role("button", name=KNOP)
    frame.get_by_role("log").focus()
    # The frame to itself: not its parent, so the focus stays on the log.
    frame.evaluate("window.postMessage({leerbot: 1, soort: 'open'}, '*')")
    page.wait_for_timeout(300)
    assert frame.evaluate("document.activeElement.id") == "log"
    # The host page's own window (another origin than ours) asking the widget to close: ignored.
    page.evaluate("window.postMessage({leerbot: 1, soort: 'sluit'}, '*')")
    page.wait_for_timeout(300)
    expect(knop).to_have_attribute("aria-expanded", "true")
    # The real parent's "open" is taken: the focus goes to the message box.
    page.evaluate("document.querySelector('#leerbot-widget-paneel iframe').contentWindow"
                  ".postMessage({leerbot: 1, soort: 'open'}, '*')")
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'bericht'")
    _schoon(fouten)
