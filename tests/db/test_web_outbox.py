"""The web chat's outbox on SQLite and PostgreSQL: the process's one poller wakes only the streams of conversations
that got rows from another process (one query per round, however many streams are open), also for a row that
commits after a later one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from basis.berichten import ChatUser, Reply
from store.db import make_engine, make_session_factory, upgrade
from store.models import OutboxBericht
from store.web import Outbox
from web.outbox import Postbus

RONDE = 0.05


@dataclass
class Vragen:
    """The outbox queries an engine ran: the poller's, and the streams' per conversation."""

    poller: int = 0
    per_gesprek: dict[str, int] = field(default_factory=dict)

    def luister(self, engine: AsyncEngine) -> None:
        def voor(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
            if "web_outbox.bericht" in statement and "SELECT" in statement:
                gesprek = next(w for w in _waarden(parameters) if str(w).startswith("web-"))
                self.per_gesprek[gesprek] = self.per_gesprek.get(gesprek, 0) + 1
            elif "SELECT web_outbox.id, web_outbox.gesprek_id" in statement:
                self.poller += 1

        event.listen(engine.sync_engine, "before_cursor_execute", voor)


def _waarden(parameters: Any) -> list[Any]:
    return list(parameters.values()) if isinstance(parameters, dict) else list(parameters)


@contextlib.asynccontextmanager
async def _engines(database_url: str) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    """The web server's engine and another process's (the bot relaying a consulent's words)."""
    upgrade(database_url)
    eigen, ander = make_engine(database_url), make_engine(database_url)
    try:
        yield eigen, ander
    finally:
        await eigen.dispose()
        await ander.dispose()


async def _lees(postbus: Postbus, gesprek_id: str, ontvangen: list[dict[str, Any]]) -> None:
    async for _id, bericht in postbus.berichten(gesprek_id, 0):
        ontvangen.append(bericht)


async def _tot(voorwaarde: Any, seconden: float = 5.0) -> None:
    for _ in range(int(seconden / 0.01)):
        if voorwaarde():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("not within time")


async def test_one_poller_wakes_only_the_conversations_that_got_rows_from_another_process(database_url: str) -> None:
    async with _engines(database_url) as (eigen, ander):
        vragen = Vragen()
        vragen.luister(eigen)
        postbus = Postbus(Outbox(make_session_factory(eigen)), kijk_opnieuw_seconden=RONDE)
        elders = Outbox(make_session_factory(ander))
        gesprekken = [f"web-{n}" for n in range(20)]
        ontvangen: dict[str, list[dict[str, Any]]] = {g: [] for g in gesprekken}
        poller = asyncio.ensure_future(postbus.uitkijken())
        stromen = [asyncio.ensure_future(_lees(postbus, g, ontvangen[g])) for g in gesprekken]
        try:
            await _tot(lambda: postbus.open_stromen == 20 and len(vragen.per_gesprek) == 20)
            await asyncio.sleep(20 * RONDE)  # quiet: the poller looks, the streams wait
            assert vragen.per_gesprek == dict.fromkeys(gesprekken, 1)  # each stream read once, on connecting
            assert 5 <= vragen.poller <= 25

            await elders.deliver(ChatUser("web-7", "web"), [Reply("een consulent zegt hallo")])
            await _tot(lambda: bool(ontvangen["web-7"]))
            await asyncio.sleep(5 * RONDE)
            assert ontvangen["web-7"] == [{"van": "assistent", "tekst": "een consulent zegt hallo", "knoppen": []}]
            assert not any(ontvangen[g] for g in gesprekken if g != "web-7")
            # Woken once: it read the row, then found nothing more; no other stream read again.
            assert vragen.per_gesprek == {g: 3 if g == "web-7" else 1 for g in gesprekken}
        finally:
            for taak in (poller, *stromen):
                taak.cancel()
            await asyncio.gather(poller, *stromen, return_exceptions=True)


async def test_a_row_that_commits_after_a_later_one_still_wakes_its_stream(postgres_url: str) -> None:
    """PostgreSQL hands out ids before commit: id n can become visible after n + 1 has been seen."""
    async with _engines(postgres_url) as (eigen, ander):
        postbus = Postbus(Outbox(make_session_factory(eigen)), kijk_opnieuw_seconden=RONDE)
        elders = Outbox(make_session_factory(ander))
        traag: list[dict[str, Any]] = []
        snel: list[dict[str, Any]] = []
        await postbus.kijk()  # learns where the outbox stands
        poller = asyncio.ensure_future(postbus.uitkijken())
        stromen = [asyncio.ensure_future(_lees(postbus, "web-traag", traag)),
                   asyncio.ensure_future(_lees(postbus, "web-snel", snel))]
        try:
            await _tot(lambda: postbus.open_stromen == 2)
            async with make_session_factory(ander)() as laat:
                laat.add(OutboxBericht(gesprek_id="web-traag", bericht='{"van": "assistent", "tekst": "laat"}'))
                await laat.flush()  # has its id now, not yet committed
                await elders.deliver(ChatUser("web-snel", "web"), [Reply("vroeg")])
                await _tot(lambda: bool(snel))
                await asyncio.sleep(5 * RONDE)  # the poller has passed the late row's id
                assert not traag
                await laat.commit()
            await _tot(lambda: bool(traag))
            assert traag[0]["tekst"] == "laat"
        finally:
            for taak in (poller, *stromen):
                taak.cancel()
            await asyncio.gather(poller, *stromen, return_exceptions=True)
