"""The widget's server side on a real uvicorn (tests/webserver.py): the allow-list of embedding origins and its
validation, /embed/{gemeente} with its frame-ancestors (404 for a municipality not in the list), /chat keeping
'self', the pinned widget script (Subresource Integrity, CORS for the script only, never for the API) and the demo
page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from content.tekst import plaatshouders
from content.teksten import gespreks_tekst, tekst
from tests.webserver import Web, web_server
from web.insluiten import Insluiten, laad_insluiten
from web.security import CSP, csp
from web.widget import SJABLOON, VERSIE, WIDGET_TEKSTEN, integriteit, render, script_bestand

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    with web_server(tmp_path_factory.mktemp("widget")) as server:
        yield server


def _lijst(**gemeente: object) -> dict[str, object]:
    return {"gemeenten": {"testdorp": {"naam": "Testdorp", "oorsprongen": ["https://www.testdorp.nl"], **gemeente}}}


def test_the_allow_list_loads_with_the_demo_and_the_themed_example() -> None:
    insluiten = laad_insluiten()
    voorbeeld, zeestad = insluiten.gemeenten["voorbeeld"], insluiten.gemeenten["zeestad"]
    assert voorbeeld.thema is None
    assert voorbeeld.frame_ancestors == "'self' http://127.0.0.1:* http://localhost:*"
    assert zeestad.thema == "zeestad"
    assert zeestad.frame_ancestors == "'self' https://www.zeestad.example https://zeestad.example"


@pytest.mark.parametrize("oorsprong", [
    "https://www.gemeente.nl", "https://gemeente.nl:8443", "http://127.0.0.1:8080", "http://localhost:*",
    "http://127.0.0.1",
])
def test_an_origin_is_accepted(oorsprong: str) -> None:
    assert Insluiten.model_validate(_lijst(oorsprongen=[oorsprong])).gemeenten["testdorp"].oorsprongen == (oorsprong,)


@pytest.mark.parametrize("oorsprong", [
    "http://www.gemeente.nl",  # http only on this machine
    "https://www.gemeente.nl/",  # a path, even "/"
    "https://www.gemeente.nl/chat",
    "https://*.gemeente.nl",  # no wildcard hosts
    "https://www.gemeente.nl:*",  # any port only on this machine
    "https://www.gemeente.nl:99999",
    "www.gemeente.nl",
    "https://www.Gemeente.nl",  # as the browser writes an origin: lower case
    "*",
    "'self'",
    "https://www.gemeente.nl; script-src *",  # nothing that would add a directive to the header
])
def test_a_wrong_origin_is_refused(oorsprong: str) -> None:
    with pytest.raises(ValidationError):
        Insluiten.model_validate(_lijst(oorsprongen=[oorsprong]))


@pytest.mark.parametrize("fout", [
    {"oorsprongen": []},
    {"thema": "bestaat-niet"},
    {"thema": "voorbeeld"},
    {"thema": "../chat"},
    {"kleur": "rood"},
])
def test_a_wrong_entry_is_refused(fout: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Insluiten.model_validate(_lijst(**fout))


@pytest.mark.parametrize("naam", ["Testdorp", "test dorp", "test/dorp", ""])
def test_a_municipality_key_is_a_plain_name(naam: str) -> None:
    with pytest.raises(ValidationError):
        Insluiten.model_validate({"gemeenten": {naam: {"naam": "Testdorp", "oorsprongen": ["https://testdorp.nl"]}}})


def test_a_broken_allow_list_stops_the_start(tmp_path: Path) -> None:
    pad = tmp_path / "insluiten.yaml"
    pad.write_text("gemeenten:\n  testdorp:\n    naam: Testdorp\n    oorsprongen: [http://www.testdorp.nl]\n",
                   encoding="utf-8")
    with pytest.raises(ValidationError, match=re.escape("http:// only for 127.0.0.1 and localhost")):
        laad_insluiten(pad)


def test_the_embed_page_may_be_framed_by_its_municipality_only(web: Web) -> None:
    pagina = httpx.get(f"{web.url}/embed/zeestad")
    assert pagina.status_code == 200
    assert pagina.headers["content-security-policy"] == csp(
        "'self' https://www.zeestad.example https://zeestad.example")
    assert pagina.headers["content-security-policy"].endswith(
        "frame-ancestors 'self' https://www.zeestad.example https://zeestad.example")
    assert ('<html lang="nl" class="utrecht-root voorbeeld-theme zeestad-theme" '
            'data-ouders="https://www.zeestad.example https://zeestad.example">') in pagina.text
    assert re.findall(r"<script[^>]*>", pagina.text) == ['<script src="/static/chat.js" defer>',
                                                         '<script src="/static/embed.js" defer>']
    assert "style=" not in pagina.text
    assert "<style" not in pagina.text
    for blad in re.findall(r'<link rel="stylesheet" href="([^"]+)">', pagina.text):
        assert httpx.get(f"{web.url}{blad}").status_code == 200, blad
    assert "/static/themas/zeestad.css" in pagina.text
    assert 'id="sluit"' in pagina.text
    assert httpx.get(f"{web.url}/embed/zeestad?taal=en").text.startswith('<!doctype html>\n<html lang="en"')

    voorbeeld = httpx.get(f"{web.url}/embed/voorbeeld")
    assert voorbeeld.headers["content-security-policy"].endswith(
        "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*")
    assert "themas/zeestad.css" not in voorbeeld.text
    assert 'class="utrecht-root voorbeeld-theme"' in voorbeeld.text


@pytest.mark.parametrize("pad", ["/embed/onbekend", "/embed/Zeestad", "/embed/", "/embed/zeestad/extra"])
def test_a_municipality_not_in_the_list_gets_404_that_nobody_may_frame(web: Web, pad: str) -> None:
    antwoord = httpx.get(f"{web.url}{pad}")
    assert antwoord.status_code == 404
    assert antwoord.headers["content-security-policy"] == CSP


def test_the_chat_page_keeps_frame_ancestors_self_and_fonts_come_from_us(web: Web) -> None:
    pagina = httpx.get(f"{web.url}/chat")
    assert pagina.headers["content-security-policy"] == CSP
    assert CSP.endswith("frame-ancestors 'self'")
    assert "font-src 'self'" in CSP
    assert "frame-src" not in CSP  # default-src 'none': the chat frames nothing
    assert 'id="nieuw"' in pagina.text
    assert 'id="sluit"' not in pagina.text
    assert "embed.js" not in pagina.text
    font = httpx.get(f"{web.url}/static/vendor/noto-sans-5.3.0/noto-sans-latin-700-normal.woff2")
    assert font.status_code == 200
    assert font.content[:4] == b"wOF2"


def test_the_widget_script_is_pinned_and_may_be_loaded_with_subresource_integrity(web: Web) -> None:
    pad = script_bestand()
    assert pad is not None
    for url, cache in ((f"/widget-{VERSIE}.js", "public, max-age=31536000, immutable"), ("/widget.js", "no-cache")):
        antwoord = httpx.get(f"{web.url}{url}", headers={"Origin": "http://localhost:1234"})
        assert antwoord.status_code == 200
        assert antwoord.content == pad.read_bytes()
        assert antwoord.headers["content-type"] == "text/javascript; charset=utf-8"
        assert antwoord.headers["cache-control"] == cache
        assert antwoord.headers["access-control-allow-origin"] == "*"
        assert "access-control-allow-credentials" not in antwoord.headers
    for onbekend in ("/widget-0.0.1.js", "/widget-1.0.js", "/widget-..%2Fchat.js", "/widget-latest.js"):
        assert httpx.get(f"{web.url}{onbekend}").status_code == 404, onbekend


def test_the_api_does_not_open_cors(web: Web) -> None:
    """The chat in the frame calls the API from our own origin: no other origin's page may call it."""
    herkomst = {"Origin": "https://www.zeestad.example"}
    nieuw = httpx.post(f"{web.url}/api/gesprekken", headers=herkomst)
    assert nieuw.status_code == 201
    assert "access-control-allow-origin" not in nieuw.headers
    voorvlucht = httpx.options(f"{web.url}/api/gesprekken", headers={
        **herkomst, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in voorvlucht.headers
    assert voorvlucht.status_code == 405


def test_the_released_script_is_the_template_with_its_version_and_the_catalogue_texts() -> None:
    """A released version never changes: a change to web/widget.js or to one of its texts fails here until VERSIE
    is raised and `python -m web.widget` has written the new file (the old one stays, for pages pinned to it)."""
    pad = script_bestand()
    assert pad is not None, f"no web/static/widget/widget-{VERSIE}.js: run python -m web.widget"
    assert pad.read_bytes() == render(), "raise VERSIE in web/widget.py and run python -m web.widget"
    script = pad.read_text(encoding="ascii")
    assert f'const VERSIE = "{VERSIE}";' in script
    assert '"knop": "Vraag het de leerplichtassistent"' in script
    assert integriteit(b"") == "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"


def test_the_docs_snippet_pins_the_current_version() -> None:
    pad = script_bestand()
    assert pad is not None
    docs = " ".join((ROOT / "docs" / "web.md").read_text(encoding="utf-8").split())
    assert f'/widget-{VERSIE}.js" integrity="{integriteit(pad.read_bytes())}"' in docs


def test_the_scripts_write_no_html_and_style_only_through_the_cssom() -> None:
    for naam in ("web/widget.js", "web/static/embed.js", "web/static/chat.js"):
        script = (ROOT / naam).read_text(encoding="utf-8")
        for verboden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                         'setAttribute("style"', "cssText", 'createElement("style")', "insertRule"):
            assert verboden not in script, (naam, verboden)
    widget = SJABLOON.read_text(encoding="utf-8")
    assert "postMessage({ leerbot: 1, soort: \"open\" }, ONS)" in widget  # never to "*"
    assert "gebeurtenis.origin !== ONS" in widget
    embed = (ROOT / "web/static/embed.js").read_text(encoding="utf-8")
    assert "toegestaan(gebeurtenis.origin)" in embed
    assert '"*"' not in embed


def test_the_demo_page_shows_the_tag_and_may_frame_our_own_pages_only(web: Web) -> None:
    pagina = httpx.get(f"{web.url}/voorbeeld")
    assert pagina.status_code == 200
    assert pagina.headers["content-security-policy"] == csp(frame_src="'self'")
    pad = script_bestand()
    assert pad is not None
    regel = (f'<script src="/widget-{VERSIE}.js" integrity="{integriteit(pad.read_bytes())}" '
             'crossorigin="anonymous" data-gemeente="voorbeeld" defer></script>')
    assert regel in pagina.text  # the tag itself
    assert regel.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in pagina.text  # and shown
    zeestad = httpx.get(f"{web.url}/voorbeeld?gemeente=zeestad&taal=en")
    assert 'data-gemeente="zeestad"' in zeestad.text
    assert '<html lang="en"' in zeestad.text
    assert httpx.get(f"{web.url}/voorbeeld?gemeente=onbekend").status_code == 404


def test_the_widget_texts_exist_without_placeholders() -> None:
    bron = (ROOT / "web" / "widget.py").read_text(encoding="utf-8")
    sleutels = set(re.findall(r'\bt\("(web_\w+)"\)', bron)) | set(WIDGET_TEKSTEN.values())
    assert len(sleutels) >= 5
    for sleutel in sleutels:
        for taal in ("nl", "en"):
            assert "{" not in tekst(sleutel, taal)
            assert not plaatshouders(gespreks_tekst(sleutel).nl)


def test_a_deployment_names_its_own_allow_list_in_the_settings(tmp_path: Path) -> None:
    """LEERBOT_WEB_INSLUITEN: a deployment's municipalities replace the demo entries of content/."""
    pad = tmp_path / "insluiten.yaml"
    pad.write_text("gemeenten:\n  testdorp:\n    naam: Testdorp\n    oorsprongen: [https://www.testdorp.nl]\n",
                   encoding="utf-8")
    with web_server(tmp_path / "server", web_insluiten=pad) as eigen:
        pagina = httpx.get(f"{eigen.url}/embed/testdorp")
        assert pagina.status_code == 200
        assert "frame-ancestors 'self' https://www.testdorp.nl" in pagina.headers["content-security-policy"]
        assert httpx.get(f"{eigen.url}/embed/voorbeeld").status_code == 404
