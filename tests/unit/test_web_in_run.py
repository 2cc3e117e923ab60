"""`leerbot run` serves the web chat in its own process beside Telegram or the terminal (web_erbij): the chat
answers while the context is open, stops with it, leaves the process's signal handlers alone (the process stops
everything on one stop event), and is not started when LEERBOT_WEB_IN_RUN is off."""

from __future__ import annotations

import asyncio
import signal
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from basis.berichten import ChatUser, Reply
from leerbot.app import onderdelen_for, web_erbij
from leerbot.settings import Settings
from store.db import upgrade
from testkit.nep_rasa import ANTWOORD, NepRasa
from testkit.poorten import free_port


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
                for _ in range(100):
                    if _luistert(port):
                        break
                    await _wacht()
                assert (await http.get("/healthz")).json() == {"status": "ok"}
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
