"""`leerbot opschonen` forgets web conversations idle longer than LEERBOT_WEB_BEWAAR_DAGEN, on SQLite and PostgreSQL:
the conversation and its outbox, and what /vergeetmij forgets (account, kept messages, dossier, Rasa's tracker)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from basis.berichten import ChatUser, Reply
from basis.klok import SystemClock
from leerbot import wachtrij_cli
from leerbot.settings import Settings
from store.db import make_engine, make_session_factory, sync_url, upgrade
from store.dossiers import Dossiers
from store.repositories import Accounts, PendingQueue
from store.web import Outbox, WebGesprekken, voeg_toe

GESPREKKEN = ("web-oud", "web-actief", "web-nieuw")
TABELLEN = (("web_gesprekken", "id"), ("web_outbox", "gesprek_id"), ("accounts", "external_id"),
            ("pending_messages", "sender_id"), ("gespreksdossiers", "external_id"))


async def _gesprekken(database_url: str, nu: dt.datetime) -> None:
    """Two conversations started 40 days ago, one quiet since, one with a message yesterday; one started now."""
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    try:
        lang_geleden = nu - dt.timedelta(days=40)
        for gesprek_id, begonnen in zip(GESPREKKEN, (lang_geleden, lang_geleden, nu), strict=True):
            await WebGesprekken(sessions).maak(gesprek_id, "0" * 64, begonnen)
            await Accounts(sessions).get_or_create("web", gesprek_id)
            await Dossiers(sessions).bewaar("web", gesprek_id, {"zaken": []}, nu)
            await PendingQueue(sessions).add(sender_id=gesprek_id, channel="web", role="ouder", language="nl",
                                             text="bewaard", peildatum=None)
        for gesprek_id in GESPREKKEN[:2]:
            async with sessions() as session:
                await voeg_toe(session, gesprek_id, ['{"van": "gebruiker", "tekst": "hoi"}'], lang_geleden)
                await session.commit()
        await Outbox(sessions).deliver(ChatUser("web-actief", "web"), [Reply("gisteren nog")])
    finally:
        await engine.dispose()


def _tracker(pad: Path) -> str:
    with sqlite3.connect(pad) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)")
        db.executemany("INSERT INTO events (sender_id, data) VALUES (?, '{}')", [(g,) for g in GESPREKKEN])
    return f"sqlite:///{pad}"


def _over(database_url: str, tracker: Path) -> dict[str, set[str]]:
    """Per conversation: the tables (and Rasa's tracker) that still hold something of it."""
    engine = create_engine(sync_url(database_url))
    try:
        with engine.connect() as db, sqlite3.connect(tracker) as rasa:
            return {g: {tabel for tabel, kolom in TABELLEN
                        if db.scalar(text(f"SELECT count(*) FROM {tabel} WHERE {kolom} = :g"), {"g": g})}  # noqa: S608
                    | ({"events"} if rasa.execute("SELECT count(*) FROM events WHERE sender_id = ?", (g,)).fetchone()[0]
                       else set())
                    for g in GESPREKKEN}
    finally:
        engine.dispose()


def test_opschonen_forgets_web_conversations_idle_longer_than_web_bewaar_dagen(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    upgrade(database_url)
    nu = SystemClock().now()
    asyncio.run(_gesprekken(database_url, nu))
    tracker = tmp_path / "tracker.db"
    settings = Settings(database_url=database_url, var_dir=tmp_path, rasa_tracker_url=_tracker(tracker),
                        today=nu.date())
    alles = {"events", *(tabel for tabel, _ in TABELLEN)}
    assert _over(database_url, tracker) == {"web-oud": alles, "web-actief": alles, "web-nieuw": alles - {"web_outbox"}}

    assert wachtrij_cli.run(argparse.Namespace(command="opschonen"), settings) == 0
    assert "1 web conversation(s) idle over 30 days deleted" in capsys.readouterr().out
    assert _over(database_url, tracker) == {"web-oud": set(), "web-actief": alles,
                                            "web-nieuw": alles - {"web_outbox"}}

    # Five weeks on, with a shorter term: the others have been idle long enough too (a dossier older than a
    # conversation's 12 hours goes anyway, so that table is not what shows them kept or forgotten here).
    later = settings.model_copy(update={"today": nu.date() + dt.timedelta(days=35), "web_bewaar_dagen": 34})
    assert wachtrij_cli.run(argparse.Namespace(command="opschonen"), later) == 0
    assert "2 web conversation(s) idle over 34 days deleted" in capsys.readouterr().out
    assert _over(database_url, tracker) == {g: set() for g in GESPREKKEN}
