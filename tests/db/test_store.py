"""The app database on SQLite and PostgreSQL: migrations, accounts and the queue of kept messages."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect

from store.db import make_engine, make_session_factory, sync_url, upgrade
from store.repositories import Accounts, PendingQueue


def test_migrations_create_tables_and_are_idempotent(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)  # a second run changes nothing and does not fail
    from sqlalchemy import create_engine

    engine = create_engine(sync_url(database_url))
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"accounts", "pending_messages", "alembic_version"} <= tables


async def test_account_is_created_once_and_keeps_language(database_url: str) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        accounts = Accounts(make_session_factory(engine))
        first, created = await accounts.get_or_create("telegram", "tg-1")
        again, created_again = await accounts.get_or_create("telegram", "tg-1")
        assert (created, created_again) == (True, False)
        assert first.id == again.id
        assert first.role == "ouder"
        await accounts.set_language("telegram", "tg-1", "en")
        assert (await accounts.get_or_create("telegram", "tg-1"))[0].language == "en"
    finally:
        await engine.dispose()


async def test_pending_queue_keeps_order_per_channel(database_url: str) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        queue = PendingQueue(make_session_factory(engine))
        for index, sender in enumerate(["tg-1", "tg-2", "tg-1"]):
            await queue.add(sender_id=sender, channel="telegram", role="ouder", language="nl",
                            text=f"bericht {index}", peildatum=dt.date(2026, 3, 2))
        await queue.add(sender_id="term-1", channel="terminal", role="ouder", language="nl", text="x",
                        peildatum=None)
        kept = await queue.oldest_first("telegram")
        assert [m.text for m in kept] == ["bericht 0", "bericht 1", "bericht 2"]
        assert kept[0].peildatum == dt.date(2026, 3, 2)
        assert await queue.count("telegram") == 3
        assert await queue.has_pending("tg-2")
        await queue.count_attempt(kept[1].id)
        await queue.remove(kept[1].id)
        assert not await queue.has_pending("tg-2")
        assert await queue.count("terminal") == 1
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///x/app.db", "sqlite:///x/app.db"),
        ("sqlite+aiosqlite:///x/app.db", "sqlite:///x/app.db"),
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
    ],
)
def test_sync_url_picks_a_synchronous_driver(given: str, expected: str) -> None:
    assert sync_url(given) == expected


async def test_sqlite_runs_in_wal_mode_and_many_concurrent_writers_all_succeed(tmp_path: Path) -> None:
    """Under load the pooled SQLite connections wrote at once and timed out ('database is locked')."""
    from sqlalchemy import text

    from store.wachtrij import Wachtrij

    url = f"sqlite:///{tmp_path / 'druk.db'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        wachtrij = Wachtrij(make_session_factory(engine))
        now = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)

        async def nieuwe_update(update_id: int) -> bool:
            async with wachtrij.werk() as w:
                return await w.updates.nieuw(update_id, now)

        nieuw = await asyncio.gather(*(nieuwe_update(n) for n in range(200)))
        assert all(nieuw)
        assert not any(await asyncio.gather(*(nieuwe_update(n) for n in range(0, 200, 10))))
    finally:
        await engine.dispose()
