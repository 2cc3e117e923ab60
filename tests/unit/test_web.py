"""The web chat's API on a real uvicorn server (in a thread, on a free port) with the real pipeline, a SQLite file
and the loopback stand-in for Rasa: a message sent comes back as a server-sent event, a reconnect replays only what
was missed, tokens and limits are enforced, nothing personal is echoed or kept, and DELETE forgets."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from basis.berichten import ChatUser
from content.tekst import plaatshouders
from content.teksten import gespreks_tekst, tekst
from testkit.nep_rasa import ANTWOORD
from tests.webserver import Web, web_server
from web.api import Chat
from web.app import STATIC
from web.pagina import SCRIPT_TEKSTEN
from web.security import CSP

PER_GESPREK = 6
BSN = "111222333"  # passes the eleven test


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    with web_server(tmp_path, web_per_gesprek_per_minuut=PER_GESPREK) as server:
        yield server


def test_a_message_sent_comes_back_with_its_answer_as_events(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    assert web.stuur(gesprek_id, kop, tekst="Mag ik op vakantie buiten de schoolvakanties?").status_code == 202
    events = web.gebeurtenissen(gesprek_id, kop, 2)
    assert [e["data"]["van"] for e in events] == ["gebruiker", "assistent"]
    assert events[0]["data"]["tekst"] == "Mag ik op vakantie buiten de schoolvakanties?"
    assert events[1]["data"] == {"van": "assistent", "tekst": ANTWOORD[0]["text"], "knoppen": []}
    assert {e["event"] for e in events} == {"bericht"}
    assert int(events[0]["id"]) < int(events[1]["id"])
    assert web.nep.berichten == ["Mag ik op vakantie buiten de schoolvakanties?"]

    # A pressed button's payload takes the same way (and is not echoed: the page shows the button's title).
    assert web.stuur(gesprek_id, kop, knop="/start").status_code == 202
    assert web.gebeurtenissen(gesprek_id, kop, 1, laatste=events[1]["id"])[0]["data"]["van"] == "assistent"


def test_a_reconnect_with_last_event_id_replays_only_what_came_later(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    web.stuur(gesprek_id, kop, tekst="eerste vraag")
    eerste = web.gebeurtenissen(gesprek_id, kop, 2)
    web.stuur(gesprek_id, kop, tekst="tweede vraag")
    later = web.gebeurtenissen(gesprek_id, kop, 2, laatste=eerste[-1]["id"])
    assert [e["data"]["tekst"] for e in later] == ["tweede vraag", ANTWOORD[0]["text"]]
    assert min(int(e["id"]) for e in later) > int(eerste[-1]["id"])
    # Without Last-Event-ID (a reloaded page) the whole conversation comes again, in order.
    alles = web.gebeurtenissen(gesprek_id, kop, 4)
    assert [e["id"] for e in alles] == [e["id"] for e in eerste + later]


def test_a_message_kept_while_the_assistant_is_down_is_answered_in_the_stream_once_it_is_back(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    web.nep.actions_up = False  # Rasa answers nothing and the action server is down: the message is kept
    web.stuur(gesprek_id, kop, tekst="stil maar")
    voor = web.gebeurtenissen(gesprek_id, kop, 2)
    assert voor[1]["data"]["tekst"] == tekst("assistent_onbereikbaar", "nl")
    web.nep.actions_up = True
    na = web.gebeurtenissen(gesprek_id, kop, 1, laatste=voor[1]["id"])
    assert na[0]["data"]["tekst"] == tekst("geen_antwoord", "nl")  # the kept message's turn, answered
    assert web.nep.berichten == ["stil maar", "stil maar"]


def test_tokens_are_required_and_open_only_their_own_conversation(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    ander_id, _ = web.nieuw()
    berichten = f"{web.url}/api/gesprekken/{gesprek_id}/berichten"
    assert httpx.post(berichten, json={"tekst": "hoi"}).status_code == 401
    assert httpx.post(berichten, json={"tekst": "hoi"}, headers={"Authorization": "Bearer fout"}).status_code == 401
    assert httpx.post(berichten, json={"tekst": "hoi"}, headers={"Authorization": "Basic eDp5"}).status_code == 401
    assert web.stuur(ander_id, kop, tekst="hoi").status_code == 401
    assert httpx.get(f"{web.url}/api/gesprekken/{ander_id}/gebeurtenissen", headers=kop).status_code == 401
    assert httpx.delete(f"{web.url}/api/gesprekken/{ander_id}", headers=kop).status_code == 401
    assert web.stuur("web-bestaatniet", kop, tekst="hoi").status_code == 404
    assert web.nep.berichten == []
    with sqlite3.connect(web.database) as db:
        (opgeslagen,) = db.execute("SELECT token_hash FROM web_gesprekken WHERE id = ?", (gesprek_id,)).fetchone()
    assert opgeslagen != kop["Authorization"].removeprefix("Bearer ")
    assert len(opgeslagen) == 64


def test_a_body_too_big_a_malformed_message_and_too_many_messages_are_refused(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    assert web.stuur(gesprek_id, kop, tekst="x" * 9000).status_code == 413
    chunked = httpx.post(f"{web.url}/api/gesprekken/{gesprek_id}/berichten", headers=kop,
                         content=iter([b'{"tekst": "', b"x" * 9000, b'"}']))
    assert chunked.status_code == 413
    assert web.stuur(gesprek_id, kop, tekst="a", knop="b").status_code == 422
    assert web.stuur(gesprek_id, kop).status_code == 422
    antwoorden = [web.stuur(gesprek_id, kop, tekst=f"vraag {n}") for n in range(PER_GESPREK + 2)]
    assert [a.status_code for a in antwoorden].count(202) == PER_GESPREK
    assert antwoorden[-1].status_code == 429
    assert antwoorden[-1].headers["retry-after"] == "60"
    # Another conversation has its own limit.
    ander_id, ander_kop = web.nieuw()
    assert web.stuur(ander_id, ander_kop, tekst="hoi").status_code == 202


def test_a_personal_number_is_not_echoed_stored_or_logged(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    web.stuur(gesprek_id, kop, tekst=f"Mijn zoon heeft BSN {BSN}, mag hij op verlof? Bel 06-12345678, iban "
                                     "NL91ABNA0417164300")
    events = web.gebeurtenissen(gesprek_id, kop, 3)
    stroom = json.dumps([e["data"] for e in events])
    assert BSN not in stroom
    assert "12345678" not in stroom
    assert "0417164300" not in stroom
    assert "BSN" in events[0]["data"]["tekst"]  # the rest of the message is kept
    assert any("BSN" in e["data"]["tekst"] and e["data"]["van"] == "assistent" for e in events)  # the warning
    ruw = b"".join(p.read_bytes() for p in web.database.parent.glob(web.database.name + "*"))
    assert BSN.encode() not in ruw
    assert b"12345678" not in ruw
    assert b"0417164300" not in ruw
    assert BSN not in b"".join(web.nep.ontvangen).decode()
    assert any("web conversation started" in regel for regel in web.logs)  # the log is read at INFO
    assert not any(BSN in regel or "verlof" in regel for regel in web.logs)


def test_markup_in_a_message_comes_back_as_data_only(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    aanval = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    web.stuur(gesprek_id, kop, tekst=aanval)
    assert web.gebeurtenissen(gesprek_id, kop, 1)[0]["data"]["tekst"] == aanval


def test_the_page_script_never_writes_html_and_the_page_has_no_inline_script(web: Web) -> None:
    script = (STATIC / "chat.js").read_text(encoding="utf-8")
    for verboden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert verboden not in script, verboden
    pagina = httpx.get(f"{web.url}/chat")
    assert pagina.status_code == 200
    assert re.findall(r"<script[^>]*>", pagina.text) == ['<script src="/static/chat.js" defer>']
    assert "style=" not in pagina.text
    assert "<style" not in pagina.text
    assert 'role="log"' in pagina.text
    assert 'aria-live="polite"' in pagina.text
    assert '<label class="utrecht-form-label" for="bericht">Je bericht</label>' in pagina.text
    assert '<button type="submit" class="utrecht-button utrecht-button--primary-action">Verstuur</button>' \
        in pagina.text
    assert '<html lang="nl" class="utrecht-root voorbeeld-theme">' in pagina.text
    for blad in re.findall(r'<link rel="stylesheet" href="([^"]+)">', pagina.text):  # the vendored NLDS CSS too
        assert httpx.get(f"{web.url}{blad}").status_code == 200, blad
    assert '<html lang="en" class="utrecht-root voorbeeld-theme">' in httpx.get(f"{web.url}/chat?taal=en").text
    assert httpx.get(f"{web.url}/static/chat.js").status_code == 200


def test_the_page_texts_exist_without_placeholders() -> None:
    bron = (STATIC.parent / "pagina.py").read_text(encoding="utf-8")
    sleutels = set(re.findall(r'\bt\("(web_\w+)"\)', bron)) | set(SCRIPT_TEKSTEN)
    assert len(sleutels) >= 10
    for sleutel in sleutels:
        for taal in ("nl", "en"):
            assert "{" not in tekst(sleutel, taal)
            assert not plaatshouders(gespreks_tekst(sleutel).nl)


def test_every_response_carries_the_security_headers(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    antwoorden = [httpx.get(f"{web.url}/chat"), httpx.get(f"{web.url}/static/chat.css"),
                  httpx.post(f"{web.url}/api/gesprekken"), web.stuur(gesprek_id, {}, tekst="hoi"),
                  web.stuur(gesprek_id, kop, tekst="x" * 9000), httpx.get(f"{web.url}/bestaat-niet"),
                  httpx.get(f"{web.url}/healthz")]
    for antwoord in antwoorden:
        assert antwoord.headers["content-security-policy"] == CSP, antwoord.request.url
        assert antwoord.headers["x-content-type-options"] == "nosniff"
        assert antwoord.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP
    assert httpx.get(f"{web.url}/docs").status_code == 404


def test_delete_forgets_the_conversation_like_vergeetmij(web: Web) -> None:
    gesprek_id, kop = web.nieuw()
    web.stuur(gesprek_id, kop, tekst="Mag ik op vakantie?")
    web.gebeurtenissen(gesprek_id, kop, 2)
    with sqlite3.connect(web.database) as db:
        assert db.execute("SELECT count(*) FROM accounts WHERE external_id = ?", (gesprek_id,)).fetchone() == (1,)
    assert httpx.delete(f"{web.url}/api/gesprekken/{gesprek_id}", headers=kop).status_code == 204
    with sqlite3.connect(web.database) as db:
        for tabel, kolom in (("web_outbox", "gesprek_id"), ("web_gesprekken", "id"), ("accounts", "external_id"),
                             ("pending_messages", "sender_id")):
            telling = db.execute(f"SELECT count(*) FROM {tabel} WHERE {kolom} = ?", (gesprek_id,))  # noqa: S608
            assert telling.fetchone() == (0,), tabel
    assert httpx.get(f"{web.url}/api/gesprekken/{gesprek_id}/gebeurtenissen", headers=kop).status_code == 404
    assert web.stuur(gesprek_id, kop, tekst="hoi").status_code == 404


async def test_a_turn_that_fails_tells_the_user_and_logs_no_text(caplog: pytest.LogCaptureFixture) -> None:
    gezegd: list[tuple[str, str]] = []

    class Pijplijn:
        async def reply_fixed(self, user: ChatUser, sleutel: str, deliver: object) -> None:
            gezegd.append((user.sender_id, sleutel))

    async def faalt() -> None:
        raise RuntimeError("de geheime vraag van de ouder")

    chat = Chat(Pijplijn(), None, None, None, None, None, None)  # type: ignore[arg-type]
    await chat.beurt(ChatUser("web-x", "web"), faalt())
    assert gezegd == [("web-x", "storing")]
    assert "web turn failed: RuntimeError" in caplog.text
    assert "geheime" not in caplog.text
