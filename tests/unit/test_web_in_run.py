"""`leerbot run` serves the web chat in its own process beside Telegram or the terminal (web_erbij): the chat
answers while the context is open, stops with it, leaves the process's signal handlers alone (the process stops
everything on one stop event), and is not started when LEERBOT_WEB_IN_RUN is off. It is supervised: start-up
waits for /healthz and fails with the reason when the port is taken or the database does not answer; a server that
ends on its own is started again, after pauses that double while it keeps failing."""

from __future__ import annotations

import asyncio
import signal
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from basis.berichten import ChatUser, Reply
from leerbot.app import onderdelen_for, web_erbij
from leerbot.settings import Settings
from leerbot.supervisor import StartupError
from store.db import upgrade
from testkit.nep_rasa import ANTWOORD, NepRasa
from testkit.poorten import free_port


def _instellingen(tmp_path: Path, nep: NepRasa, database_url: str = "") -> Settings:
    return Settings(database_url=database_url or f"sqlite:///{tmp_path / 'app.db'}", var_dir=tmp_path,
                    rasa_urls_setting=nep.url, action_port=int(nep.url.rsplit(":", 1)[1]), web_port=free_port())


def _luistert(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


async def _niets(_user: ChatUser, _replies: list[Reply]) -> None:
    return None


async def test_the_web_chat_runs_beside_the_other_channels_and_stops_with_them(tmp_path: Path) -> None:
    nep = NepRasa()
    port = free_port()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'app.db'}", var_dir=tmp_path, rasa_urls_setting=nep.url,
                        action_port=int(nep.url.rsplit(":", 1)[1]), web_port=port)
    upgrade(settings.app_database_url)
    voor = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        async with onderdelen_for(settings) as onderdelen, httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") \
                as http:
            async with web_erbij(settings, onderdelen, {"telegram": _niets}):
                assert _luistert(port)  # entered once it answers /healthz
                assert (await http.get("/healthz")).json() == {"status": "ok", "database": "ok"}
                gesprek = (await http.post("/api/gesprekken")).json()
                kop = {"Authorization": f"Bearer {gesprek['token']}"}
                assert (await http.post(f"/api/gesprekken/{gesprek['id']}/berichten", headers=kop,
                                        json={"tekst": "mag hij een dag eerder op vakantie?"})).status_code == 202
                async with http.stream("GET", f"/api/gesprekken/{gesprek['id']}/gebeurtenissen", headers=kop) as s:
                    regels = [r async for r in _tot_antwoord(s.aiter_lines())]
                assert any(ANTWOORD[0]["text"] in r for r in regels)
                assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == voor
            assert not _luistert(port)

            uit = settings.model_copy(update={"web_in_run": False})
            async with web_erbij(uit, onderdelen, {}):
                await _wacht()
                assert not _luistert(port)
    finally:
        nep.close()


async def _wacht() -> None:
    await asyncio.sleep(0.05)


async def _tot_antwoord(regels: AsyncIterator[str]) -> AsyncIterator[str]:
    """The lines of the event stream up to the one with the assistant's answer."""
    async for regel in regels:
        yield regel
        if ANTWOORD[0]["text"] in regel:
            return


async def test_an_open_event_stream_does_not_keep_the_web_chat_from_stopping(tmp_path: Path) -> None:
    """uvicorn waits for open responses before it stops; a stream is ended when it is told to stop."""
    nep = NepRasa()
    settings = _instellingen(tmp_path, nep)
    upgrade(settings.app_database_url)
    port = settings.web_port
    try:
        async with onderdelen_for(settings) as onderdelen, \
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            stroom_open = asyncio.Event()

            async def lees(kop: dict[str, str], gesprek_id: str) -> str:
                async with http.stream("GET", f"/api/gesprekken/{gesprek_id}/gebeurtenissen", headers=kop) as s:
                    stroom_open.set()
                    async for _ in s.aiter_lines():
                        pass
                return "ended"

            async def bedien() -> asyncio.Future[str]:
                async with web_erbij(settings, onderdelen, {}):
                    gesprek = (await http.post("/api/gesprekken")).json()
                    lezer = asyncio.ensure_future(lees({"Authorization": f"Bearer {gesprek['token']}"},
                                                       gesprek["id"]))
                    await asyncio.wait_for(stroom_open.wait(), 5)
                return lezer  # the stream is open while the context is left

            lezer = await asyncio.wait_for(bedien(), 10)
            assert await asyncio.wait_for(lezer, 3) == "ended"
            assert not _luistert(port)
    finally:
        nep.close()


async def test_start_up_fails_with_the_reason_when_the_port_is_taken(tmp_path: Path) -> None:
    nep = NepRasa()
    settings = _instellingen(tmp_path, nep)
    upgrade(settings.app_database_url)
    try:
        with socket.socket() as bezet:
            bezet.bind(("127.0.0.1", settings.web_port))
            bezet.listen()
            async with onderdelen_for(settings) as onderdelen:
                # uvicorn ends a failed bind with sys.exit: caught, the process goes on to report it.
                with pytest.raises(StartupError, match=f"port {settings.web_port} taken.*LEERBOT_WEB_PORT"):
                    async with web_erbij(settings, onderdelen, {}):
                        raise AssertionError("entered without a server")
    finally:
        nep.close()


async def test_start_up_fails_when_the_database_does_not_answer(tmp_path: Path) -> None:
    nep = NepRasa()
    settings = _instellingen(tmp_path, nep, database_url=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/x")
    try:
        async with onderdelen_for(settings) as onderdelen:
            with pytest.raises(StartupError, match=r"not ready after 3 s.*503.*onbereikbaar"):
                async with web_erbij(settings, onderdelen, {}, start_seconden=3.0):
                    raise AssertionError("entered without a database")
            assert not _luistert(settings.web_port)
    finally:
        nep.close()


async def test_a_server_that_ends_on_its_own_is_restarted_with_growing_pauses(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    nep = NepRasa()
    settings = _instellingen(tmp_path, nep)
    upgrade(settings.app_database_url)
    port = settings.web_port
    try:
        async with onderdelen_for(settings) as onderdelen, httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") \
                as http:
            async with web_erbij(settings, onderdelen, {}, min_pauze=0.2, max_pauze=0.8) as bewaakt:
                assert bewaakt is not None
                gesprek = (await http.post("/api/gesprekken")).json()

                # It ends, and while it is down something else takes its port: each try fails, the pause doubles.
                eerste = bewaakt.server
                assert eerste is not None
                eerste.should_exit = True
                await _tot(lambda: not _luistert(port))
                with socket.socket() as bezet:
                    bezet.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    bezet.bind(("127.0.0.1", port))
                    bezet.listen()
                    await _tot(lambda: bewaakt.herstarts >= 4, seconden=10)
                # The port is free again: the next try serves the same app, the conversation is still there.
                await _tot(lambda: bewaakt.server is not eerste and bewaakt.server is not None
                           and bewaakt.server.started, seconden=10)
                assert (await http.get("/healthz")).status_code == 200
                kop = {"Authorization": f"Bearer {gesprek['token']}"}
                assert (await http.post(f"/api/gesprekken/{gesprek['id']}/berichten", headers=kop,
                                        json={"tekst": "nog daar?"})).status_code == 202
            assert not _luistert(port)
    finally:
        nep.close()
    meldingen = [r.getMessage() for r in caplog.records if r.name == "leerbot.web_toezicht"]
    assert meldingen[0] == "the web chat ended unexpectedly (it stopped); restarting in 0.2 s"
    assert "the web chat ended unexpectedly (uvicorn could not start (exit code 3; is port " \
           f"{port} taken?)); restarting in 0.4 s" in meldingen
    assert any(m.endswith("restarting in 0.8 s") for m in meldingen)
    assert not any(m.endswith("restarting in 1.6 s") for m in meldingen)  # the limit


async def _tot(voorwaarde: Callable[[], bool], seconden: float = 5.0) -> None:
    for _ in range(int(seconden / 0.02)):
        if voorwaarde():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("not within time")
