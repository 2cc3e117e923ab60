"""A real uvicorn serving the web chat (in a thread, on a free port) with the real pipeline on a SQLite file and
the loopback stand-in for Rasa: for the API tests (tests/unit/test_web.py) and the browser tests (tests/browser)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from leerbot.app import onderdelen_for, web_app_for
from leerbot.settings import Settings
from store.db import upgrade
from testkit.nep_rasa import NepRasa
from testkit.poorten import free_port
from web.app import serveer, uvicorn_server


@dataclass
class Web:
    url: str
    database: Path
    nep: NepRasa
    logs: list[str]

    def nieuw(self) -> tuple[str, dict[str, str]]:
        antwoord = httpx.post(f"{self.url}/api/gesprekken")
        assert antwoord.status_code == 201
        gesprek = antwoord.json()
        return gesprek["id"], {"Authorization": f"Bearer {gesprek['token']}"}

    def stuur(self, gesprek_id: str, kop: dict[str, str], **inhoud: str) -> httpx.Response:
        return httpx.post(f"{self.url}/api/gesprekken/{gesprek_id}/berichten", headers=kop, json=inhoud)

    def gebeurtenissen(self, gesprek_id: str, kop: dict[str, str], aantal: int,
                       laatste: str | None = None) -> list[dict[str, Any]]:
        """The first `aantal` events of the stream (after `laatste`), each with its id; fails after 10 s."""
        koppen = {**kop, **({"Last-Event-ID": laatste} if laatste else {})}
        events: list[dict[str, Any]] = []
        huidig: dict[str, Any] = {}
        with httpx.stream("GET", f"{self.url}/api/gesprekken/{gesprek_id}/gebeurtenissen", headers=koppen,
                          timeout=httpx.Timeout(10.0)) as stroom:
            assert stroom.status_code == 200
            assert stroom.headers["content-type"].startswith("text/event-stream")
            for regel in stroom.iter_lines():
                if regel.startswith("id:"):
                    huidig["id"] = regel[3:].strip()
                elif regel.startswith("event:"):
                    huidig["event"] = regel[6:].strip()
                elif regel.startswith("data:"):
                    huidig["data"] = json.loads(regel[5:])
                elif not regel and "data" in huidig:
                    events.append(huidig)
                    huidig = {}
                    if len(events) == aantal:
                        break
        return events


class Verzamelaar(logging.Handler):
    def __init__(self, regels: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.regels = regels

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.regels.append(self.format(record))


@contextlib.contextmanager
def web_server(tmp_path: Path, **instellingen: Any) -> Iterator[Web]:
    """The web chat served until the block ends; `instellingen` override Settings (the per-address limit is high,
    every test client comes from loopback)."""
    nep = NepRasa()
    database = tmp_path / "app.db"
    settings = Settings(database_url=f"sqlite:///{database}", var_dir=tmp_path, rasa_urls_setting=nep.url,
                        action_port=int(nep.url.rsplit(":", 1)[1]),
                        **{"web_per_adres_per_minuut": 1000, **instellingen})
    upgrade(settings.app_database_url)
    port = free_port()
    servers: list[uvicorn.Server] = []

    async def serve() -> None:
        async with onderdelen_for(settings) as onderdelen:
            servers.append(uvicorn_server(web_app_for(settings, onderdelen), "127.0.0.1", port))
            await serveer(servers[0], retry_seconds=0.2)

    logs: list[str] = []
    verzamelaar, root = Verzamelaar(logs), logging.getLogger()
    niveau = root.level
    root.addHandler(verzamelaar)
    root.setLevel(logging.INFO)
    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not (servers and servers[0].started):
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    try:
        yield Web(f"http://127.0.0.1:{port}", database, nep, logs)
    finally:
        servers[0].should_exit = True
        thread.join(15)
        root.removeHandler(verzamelaar)
        root.setLevel(niveau)
        nep.close()
