"""The web chat's outbox on SQLite and PostgreSQL: the process's one poller wakes only the streams of conversations
that got rows from another process (one query per round, however many streams are open), also for a row that
commits after a later one; writers racing on one conversation number its rows without a gap a reader skips."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from basis.berichten import ChatUser, Reply
from store.db import async_url, make_engine, make_session_factory, sync_url, upgrade
from store.web import Outbox, voeg_toe
from web.outbox import Postbus

RONDE = 0.05
NU = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


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
                await voeg_toe(laat, "web-traag", ['{"van": "assistent", "tekst": "laat"}'], NU)  # not committed
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


async def test_writers_racing_on_one_conversation_leave_no_gap_a_reader_skips(database_url: str) -> None:
    """Two processes (two engines) write 40 messages each into one conversation at once while a reader follows it
    as a stream does, resuming after the highest number it saw: it gets all 80, once each, numbered 1 to 80."""
    async with _engines(database_url) as (een, twee):
        schrijvers = [Outbox(make_session_factory(e)) for e in (een, twee)]
        lezer = Outbox(make_session_factory(een))
        gezien: list[tuple[int, str]] = []
        klaar = asyncio.Event()

        async def volg() -> None:
            laatste = 0
            while True:
                einde = klaar.is_set()
                for volgnummer, bericht in await lezer.na("web-race", laatste):
                    gezien.append((volgnummer, bericht["tekst"]))
                    laatste = volgnummer
                if einde:
                    return
                await asyncio.sleep(0)

        async def schrijf(n: int) -> None:
            await schrijvers[n % 2].deliver(ChatUser("web-race", "web"), [Reply(f"bericht {n}")])

        lezen = asyncio.ensure_future(volg())
        await asyncio.gather(*(schrijf(n) for n in range(80)))
        klaar.set()
        await lezen
        assert [v for v, _ in gezien] == list(range(1, 81))
        assert sorted(t for _, t in gezien) == sorted(f"bericht {n}" for n in range(80))


async def test_a_later_writer_waits_for_an_uncommitted_row_of_the_same_conversation(postgres_url: str) -> None:
    """Number n + 1 never becomes visible before n: the second writer of a conversation waits for the first's
    commit, then takes the next number."""
    async with _engines(postgres_url) as (eigen, ander):
        lezer = Outbox(make_session_factory(eigen))
        async with make_session_factory(ander)() as eerste:
            await voeg_toe(eerste, "web-x", ['{"van": "assistent", "tekst": "eerste"}'], NU)
            tweede = asyncio.ensure_future(lezer.deliver(ChatUser("web-x", "web"), [Reply("tweede")]))
            await asyncio.sleep(0.5)
            assert not tweede.done()
            assert await lezer.na("web-x", 0) == []
            await eerste.commit()
        await asyncio.wait_for(tweede, 5)
        assert [(v, b["tekst"]) for v, b in await lezer.na("web-x", 0)] == [(1, "eerste"), (2, "tweede")]
        assert [v for v, _ in await lezer.na("web-x", 1)] == [2]


def test_the_migration_numbers_existing_rows_per_conversation_in_id_order(database_url: str) -> None:
    upgrade(database_url, "0007")
    engine = create_engine(sync_url(database_url))
    try:
        with engine.begin() as db:
            for gesprek in ("web-a", "web-b", "web-a", "web-a", "web-b"):
                db.execute(text("INSERT INTO web_outbox (gesprek_id, bericht, created_at) VALUES (:g, '{}', :t)"),
                           {"g": gesprek, "t": NU})
        upgrade(database_url)
        with engine.begin() as db:
            rijen = db.execute(text("SELECT id, gesprek_id, volgnummer FROM web_outbox ORDER BY id")).all()
            assert [(g, v) for _, g, v in rijen] == [("web-a", 1), ("web-b", 1), ("web-a", 2), ("web-a", 3),
                                                     ("web-b", 2)]
            # The id of a deleted last row is not handed out again (the poller is past it).
            db.execute(text("DELETE FROM web_outbox WHERE id = :i"), {"i": rijen[-1][0]})
            db.execute(text("INSERT INTO web_outbox (gesprek_id, volgnummer, bericht, created_at) "
                            "VALUES ('web-c', 1, '{}', :t)"), {"t": NU})
            assert db.scalar(text("SELECT max(id) FROM web_outbox")) > rijen[-1][0]
    finally:
        engine.dispose()


async def test_a_last_event_id_from_before_the_volgnummers_resumes_after_the_rows_it_saw(database_url: str) -> None:
    """A page left open across the upgrade sends an outbox id; the stream resumes after the rows up to it."""
    async with _engines(database_url) as (eigen, _ander):
        outbox = Outbox(make_session_factory(eigen))
        for n in range(6):  # interleaved, so ids and volgnummers differ
            await outbox.deliver(ChatUser(f"web-{n % 2}", "web"), [Reply(f"bericht {n}")])
        assert await outbox.hervat_na("web-1", 2) == 2  # a volgnummer stays what it is
        assert await outbox.hervat_na("web-1", 4) == 2  # id 4 (its 2nd row), above its highest volgnummer (3)
        assert await outbox.hervat_na("web-1", 9) == 3


async def test_on_postgresql_a_writers_notify_wakes_the_poller_at_once(postgres_url: str) -> None:
    """With a fallback of a minute, only the NOTIFY of a write in another process can bring its row within
    seconds."""
    async with _engines(postgres_url) as (eigen, ander):
        postbus = Postbus(Outbox(make_session_factory(eigen)), kijk_opnieuw_seconden=60.0)
        elders = Outbox(make_session_factory(ander))
        ontvangen: list[dict[str, Any]] = []
        poller = asyncio.ensure_future(postbus.uitkijken())
        stroom = asyncio.ensure_future(_lees(postbus, "web-1", ontvangen))
        try:
            await _tot(lambda: postbus.open_stromen == 1)
            for _ in range(25):  # until the poller listens: each write notifies
                await elders.deliver(ChatUser("web-1", "web"), [Reply("meteen")])
                await asyncio.sleep(0.2)
                if ontvangen:
                    break
            assert ontvangen
            assert ontvangen[0]["tekst"] == "meteen"
        finally:
            for taak in (poller, stroom):
                taak.cancel()
            await asyncio.gather(poller, stroom, return_exceptions=True)


async def test_a_stream_outlives_a_read_that_fails_and_delivers_what_came_meanwhile(database_url: str) -> None:
    """The failure `make bench` met at its cap: every pooled connection busy, so a stream's read times out. The
    stream stays open, reads again and misses nothing (before, it ended the browser's connection with an error)."""
    upgrade(database_url)
    engine = create_async_engine(async_url(database_url), pool_size=1, max_overflow=0, pool_timeout=0.2)
    try:
        sessions = make_session_factory(engine)
        postbus = Postbus(Outbox(sessions), kijk_opnieuw_seconden=RONDE)
        gesprek = "web-vol"
        ontvangen: list[dict[str, Any]] = []
        async with engine.connect():  # the pool's only connection is taken: the stream's first read fails
            lezer = asyncio.ensure_future(_lees(postbus, gesprek, ontvangen))
            await asyncio.sleep(0.5)
            assert not lezer.done()
            assert ontvangen == []
        await postbus.deliver(ChatUser(sender_id=gesprek, channel="web"), [Reply(text="na de storing")])
        await _tot(lambda: [b["tekst"] for b in ontvangen] == ["na de storing"])
        assert not lezer.done()
        postbus.sluit(gesprek)
        await asyncio.wait_for(lezer, 5)
    finally:
        await engine.dispose()
