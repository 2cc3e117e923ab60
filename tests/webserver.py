"""A real uvicorn serving the web chat (in a thread with an event loop of its own, on a free port) with the real
pipeline on a SQLite file: for the API tests (tests/unit/test_web.py), the browser tests (tests/browser) and the
hand-off tests (tests/e2e/test_web_overdracht.py).

`web_server` serves it as `leerbot web` does, with the loopback stand-in for Rasa. `Bediening` serves any
settings (the real Rasa of the e2e stack too), alone or as `leerbot run` does (`met_telegram`: the Telegram front
end on a fake Bot API in the same process, leerbot.app.web_erbij), and stops and starts again on the same port and
database: a restart, with nothing kept in memory."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bot.telegram_app import CHANNEL as TELEGRAM_CHANNEL
from bot.telegram_app import run_polling
from leerbot.app import onderdelen_for, telegram_voor, web_app_for, web_erbij
from leerbot.settings import Settings
from store.db import upgrade
from testkit.fake_telegram import FakeTelegram
from testkit.nep_rasa import NepRasa
from testkit.poorten import free_port
from web.app import serveer, uvicorn_server

TOKEN = "123456:TEST-TOKEN"


class Bediening:
    """The web chat of `settings` (on settings.web_port) in a thread: `start` and `stop` as often as needed, each
    start a new event loop and a new pipeline, as a new process would have. `met_telegram`: the Telegram front end
    (settings.telegram_api_base_url, a fake Bot API) beside it in the same loop, wired as `leerbot run` wires it;
    with `web=False` as well, the bot process alone (a deployment that serves the web chat in a process of its
    own)."""

    def __init__(self, settings: Settings, *, met_telegram: bool = False, web: bool = True,
                 retry_seconds: float = 0.2, nalooptijd: float = 10.0) -> None:
        self.nalooptijd = nalooptijd  # how long running turns may finish when the web chat alone stops
        self.settings = settings.model_copy(update={"pending_retry_seconds": retry_seconds, "web_in_run": web})
        self.met_telegram = met_telegram
        self.web = web
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None

    @property
    def draait(self) -> bool:
        return self._thread is not None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}"

    async def _serve(self, klaar: threading.Event) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        klaar.set()
        async with onderdelen_for(self.settings) as onderdelen:
            if self.met_telegram:  # as leerbot.app.run_assistant does it
                application, front = telegram_voor(self.settings, onderdelen, TOKEN)
                async with web_erbij(self.settings, onderdelen, {TELEGRAM_CHANNEL: front.deliver}):
                    await run_polling(application, self._stop)
            else:  # as leerbot.app.run_web does it, stopped by our event instead of a signal
                server = uvicorn_server(web_app_for(self.settings, onderdelen), "127.0.0.1", self.settings.web_port,
                                        eigen_signalen=False)
                serveren = asyncio.ensure_future(serveer(server, retry_seconds=self.settings.pending_retry_seconds,
                                                         nalooptijd=self.nalooptijd))
                await self._stop.wait()
                server.should_exit = True
                await serveren

    def start(self) -> None:
        klaar = threading.Event()
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(klaar),), daemon=True)
        self._thread.start()
        assert klaar.wait(10)
        deadline = time.monotonic() + 20
        while self.web and not _luistert(self.settings.web_port):
            assert self._thread.is_alive(), "the web server stopped while starting"
            assert time.monotonic() < deadline, "the web server did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop as Ctrl-C does, also with event streams open; fails when that takes more than 15 s."""
        assert self._thread is not None
        assert self._loop is not None
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)
        assert not self._thread.is_alive(), "the web server did not stop"
        self._thread = None


def _luistert(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class WebKlant:
    """What a page does with the API: start a conversation, send, read the event stream."""

    url: str

    def nieuw(self) -> tuple[str, dict[str, str]]:
        antwoord = httpx.post(f"{self.url}/api/gesprekken")
        assert antwoord.status_code == 201
        gesprek = antwoord.json()
        return gesprek["id"], {"Authorization": f"Bearer {gesprek['token']}"}

    def stuur(self, gesprek_id: str, kop: dict[str, str], **inhoud: str) -> httpx.Response:
        return httpx.post(f"{self.url}/api/gesprekken/{gesprek_id}/berichten", headers=kop, json=inhoud)

    def gebeurtenissen(self, gesprek_id: str, kop: dict[str, str], aantal: int,
                       laatste: str | None = None, wacht: float = 10.0) -> list[dict[str, Any]]:
        """The first `aantal` events of the stream (after `laatste`), each with its id; fails after `wacht` s."""
        return gebeurtenissen(self.url, gesprek_id, kop, aantal, laatste, wacht)


@dataclass
class Web(WebKlant):
    """The server of `web_server`: its database, the Rasa stand-in, the log at INFO, its start and stop."""

    database: Path
    nep: NepRasa
    logs: list[str]
    bediening: Bediening | None = None

    def herstart(self) -> None:
        """Stop the server and start it again on the same port and database (what was in memory is gone)."""
        assert self.bediening is not None
        self.bediening.stop()
        self.bediening.start()


def gebeurtenissen(url: str, gesprek_id: str, kop: dict[str, str], aantal: int, laatste: str | None = None,
                   wacht: float = 10.0) -> list[dict[str, Any]]:
    """The first `aantal` events of a conversation's stream (after `laatste`), each with its id; fails after
    `wacht` seconds without the next one."""
    events: list[dict[str, Any]] = []
    for event in stroom(url, gesprek_id, kop, laatste, wacht):
        events.append(event)
        if len(events) == aantal:
            break
    return events


def stroom(url: str, gesprek_id: str, kop: dict[str, str], laatste: str | None = None,
           wacht: float = 10.0) -> Iterator[dict[str, Any]]:
    """A conversation's events (after `laatste`) as they come, until the server ends the stream; fails after `wacht`
    seconds without a line (the keep-alive comment comes every 15 s)."""
    koppen = {**kop, **({"Last-Event-ID": laatste} if laatste else {})}
    huidig: dict[str, Any] = {}
    with httpx.stream("GET", f"{url}/api/gesprekken/{gesprek_id}/gebeurtenissen", headers=koppen,
                      timeout=httpx.Timeout(wacht)) as antwoord:
        assert antwoord.status_code == 200
        assert antwoord.headers["content-type"].startswith("text/event-stream")
        for regel in antwoord.iter_lines():
            if regel.startswith("id:"):
                huidig["id"] = regel[3:].strip()
            elif regel.startswith("event:"):
                huidig["event"] = regel[6:].strip()
            elif regel.startswith("data:"):
                huidig["data"] = json.loads(regel[5:])
            elif not regel and "data" in huidig:
                yield huidig
                huidig = {}


class Verzamelaar(logging.Handler):
    def __init__(self, regels: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.regels = regels

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.regels.append(self.format(record))


@contextlib.contextmanager
def web_server(tmp_path: Path, telegram: FakeTelegram | None = None, nalooptijd: float = 10.0,
               **instellingen: Any) -> Iterator[Web]:
    """The web chat served until the block ends; `instellingen` override Settings (the per-address limit is high,
    every test client comes from loopback). With `telegram` the Telegram front end on that fake Bot API runs in
    the same process, as in `leerbot run`. `Web.herstart` restarts it."""
    nep = NepRasa()
    database = tmp_path / "app.db"
    if telegram is not None:
        instellingen = {"telegram_api_base_url": telegram.base_url, "telegram_file_base_url": telegram.base_file_url,
                        **instellingen}
    settings = Settings(database_url=f"sqlite:///{database}", var_dir=tmp_path, rasa_urls_setting=nep.url,
                        action_port=int(nep.url.rsplit(":", 1)[1]), web_port=free_port(),
                        **{"web_per_adres_per_minuut": 1000, **instellingen})
    upgrade(settings.app_database_url)
    logs: list[str] = []
    verzamelaar, root = Verzamelaar(logs), logging.getLogger()
    niveau = root.level
    root.addHandler(verzamelaar)
    root.setLevel(logging.INFO)
    bediening = Bediening(settings, met_telegram=telegram is not None, nalooptijd=nalooptijd)
    try:
        bediening.start()
        yield Web(bediening.url, database, nep, logs, bediening)
    finally:
        if bediening.draait:
            bediening.stop()
        root.removeHandler(verzamelaar)
        root.setLevel(niveau)
        nep.close()

