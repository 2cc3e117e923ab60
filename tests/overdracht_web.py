"""What the hand-off tests from the web share (tests/unit, tests/e2e, tests/browser): registering a consulent
and waiting for what the fake Telegram Bot API and a conversation's event stream receive."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from basis.klok import Clock
from store.db import make_engine, make_session_factory
from store.wachtrij import Wachtrij
from testkit.fake_telegram import FakeTelegram
from tests.webserver import stroom

TEAM = "ijssel-vecht"  # Zwolle's team, "Team Leerplicht/Doorstroompunt"


def registreer(database_url: str, klok: Clock, chat_id: int, naam: str = "Petra", team: str = TEAM) -> None:
    """A consulent of `team` on Telegram chat `chat_id`."""

    async def toevoegen() -> None:
        engine = make_engine(database_url)
        try:
            async with Wachtrij(make_session_factory(engine)).werk() as w:
                await w.consulenten.toevoegen(f"tg-{chat_id}", naam, [team], klok.now())
        finally:
            await engine.dispose()

    with ThreadPoolExecutor(1) as thread:  # a loop of its own: sync Playwright runs one in this thread
        thread.submit(asyncio.run, toevoegen()).result()


def telegram_wacht_op(fake: FakeTelegram, chat_id: int, fragment: str, vanaf: int = 0,
                      seconden: float = 30) -> str:
    """The text of the first message to the chat (from message number `vanaf` on) that contains `fragment`."""
    deadline = time.monotonic() + seconden
    while True:
        for bericht in fake.sent_messages(chat_id)[vanaf:]:
            if fragment in bericht["text"]:
                return str(bericht["text"])
        if time.monotonic() > deadline:
            gezien = [m["text"][:80] for m in fake.sent_messages(chat_id)]
            raise AssertionError(f"{chat_id} never got {fragment!r}: {gezien}")
        time.sleep(0.05)


def ticketnummer(tekst: str) -> int:
    gevonden = re.search(r"#(\d+)", tekst)
    assert gevonden is not None, tekst
    return int(gevonden.group(1))


class Luisteraar:
    """A web conversation's event stream (after `laatste`), read in a thread as an open page reads it, until the
    server ends it."""

    def __init__(self, url: str, gesprek_id: str, kop: dict[str, str], laatste: str | None = None) -> None:
        self.events: list[dict[str, Any]] = []
        self.fout: BaseException | None = None
        self._args = (url, gesprek_id, kop, laatste)
        self._thread = threading.Thread(target=self._lees, daemon=True)
        self._thread.start()

    def _lees(self) -> None:
        try:
            for event in stroom(*self._args, wacht=120):
                self.events.append(event)
        except BaseException as fout:  # handed to the test
            self.fout = fout

    def beëindigd(self, seconden: float = 5) -> bool:
        self._thread.join(seconden)
        return not self._thread.is_alive()

    def teksten(self, vanaf: int = 0) -> list[str]:
        return [str(e["data"]["tekst"]) for e in self.events[vanaf:]]

    def wacht_op(self, fragment: str, vanaf: int = 0, seconden: float = 30) -> dict[str, Any]:
        """The data of the first event (from event number `vanaf` on) whose text contains `fragment`."""
        deadline = time.monotonic() + seconden
        while True:
            for event in self.events[vanaf:]:
                if fragment in event["data"]["tekst"]:
                    return dict(event["data"])
            if time.monotonic() > deadline or self.fout is not None:
                raise AssertionError(f"the web user never got {fragment!r}: {self.teksten()} ({self.fout!r})")
            time.sleep(0.05)
