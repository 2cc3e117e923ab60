"""The web chat's tables: its conversations and the outbox of replies for the browser.

The outbox lives in the store, not in the web package, because more than the web server writes to it: the bot's
process relays a consulent's words to a web user and resends relay messages that failed before, and those must
reach the browser even when the web server runs in a process of its own (or was restarted in between).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import DateTime, String, Text, delete, func, insert, literal, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import AFZENDER, CONSULENT_SPREEKT, ChatUser, Reply
from basis.klok import SystemClock
from store.models import OutboxBericht, WebGesprek

# The channel name of the web chat's users (accounts.channel, tickets.channel, the pipeline's ChatUser).
WEB_CHANNEL = "web"


def als_json(reply: Reply, van: str = "assistent") -> str:
    """What the browser may see of a reply: who said it, its text and buttons, never its structured data."""
    return json.dumps({"van": van, "tekst": reply.text,
                       "knoppen": [{"titel": b.title, "payload": b.payload} for b in reply.buttons]},
                      ensure_ascii=False)


def _van(reply: Reply) -> str:
    """"consulent" for a consulent's relayed words, else "assistent" (the assistant and the front end's notices)."""
    return CONSULENT_SPREEKT if reply.data.get(AFZENDER) == CONSULENT_SPREEKT else "assistent"


class WebGesprekken:
    """Conversations of the web chat, looked up by id; only the hash of their token is stored."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def maak(self, gesprek_id: str, token_hash: str, nu: dt.datetime) -> None:
        async with self._sessions() as session:
            session.add(WebGesprek(id=gesprek_id, token_hash=token_hash, created_at=nu))
            await session.commit()

    async def token_hash(self, gesprek_id: str) -> str | None:
        async with self._sessions() as session:
            gevonden: str | None = await session.scalar(
                select(WebGesprek.token_hash).where(WebGesprek.id == gesprek_id))
            return gevonden

    async def stil_sinds(self, grens: dt.datetime) -> list[str]:
        """The conversations started before `grens` without an outbox row since (the user's own messages and every
        reply are rows, so a row is activity)."""
        recent = select(OutboxBericht.id).where(OutboxBericht.gesprek_id == WebGesprek.id,
                                                OutboxBericht.created_at >= grens)
        async with self._sessions() as session:
            return list(await session.scalars(select(WebGesprek.id).where(
                WebGesprek.created_at < grens, ~recent.exists()).order_by(WebGesprek.created_at)))

    async def vergeet(self, gesprek_id: str) -> None:
        """The conversation and everything the outbox still holds for it."""
        async with self._sessions() as session:
            await session.execute(delete(OutboxBericht).where(OutboxBericht.gesprek_id == gesprek_id))
            await session.execute(delete(WebGesprek).where(WebGesprek.id == gesprek_id))
            await session.commit()


# A write that lost the race for a conversation's next volgnummer to another writer tries again this often.
SCHRIJF_POGINGEN = 20
# On PostgreSQL every write notifies this channel at its commit, so the web servers' pollers look at once.
KANAAL = "web_outbox"


async def voeg_toe(session: AsyncSession, gesprek_id: str, berichten: list[str], nu: dt.datetime) -> None:
    """Add rows to a conversation, each numbered its highest volgnummer plus one by the INSERT itself: on SQLite
    the statement holds the write lock while it reads the highest, on PostgreSQL a concurrent writer that took the
    same number makes this one wait for its commit and then fail on the unique constraint (Outbox retries)."""
    verbinding = await session.connection()
    for bericht in berichten:
        hoogste = select(func.coalesce(func.max(OutboxBericht.volgnummer), 0) + 1).where(
            OutboxBericht.gesprek_id == gesprek_id).scalar_subquery()
        await session.execute(insert(OutboxBericht).from_select(
            ["gesprek_id", "volgnummer", "bericht", "created_at"],
            select(literal(gesprek_id, String), hoogste, literal(bericht, Text), literal(nu, DateTime(timezone=True)))))
    if verbinding.dialect.name == "postgresql":  # delivered when (and only if) the transaction commits
        await session.execute(text("SELECT pg_notify(:kanaal, '')"), {"kanaal": KANAAL})


class Outbox:
    """Replies for web conversations, numbered per conversation (volgnummer) in the order they were written."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        """A `Deliver` for web users: their replies are written to the outbox, whoever sends them."""
        if replies:
            await self._schrijf(user.sender_id, [als_json(r, van=_van(r)) for r in replies])

    async def gebruiker_zei(self, gesprek_id: str, tekst: str) -> None:
        """The user's own message (personal numbers already redacted), so a reloaded page shows both sides."""
        await self._schrijf(gesprek_id, [als_json(Reply(tekst), van="gebruiker")])

    async def _schrijf(self, gesprek_id: str, berichten: list[str]) -> None:
        for poging in range(SCHRIJF_POGINGEN):
            async with self._sessions() as session:
                try:
                    await voeg_toe(session, gesprek_id, berichten, SystemClock().now())
                    await session.commit()
                    return
                except IntegrityError:  # another writer took the number: read the new highest and try again
                    await session.rollback()
                    if poging == SCHRIJF_POGINGEN - 1:
                        raise
            await asyncio.sleep(random.uniform(0, 0.01 * (poging + 1)))  # noqa: S311 - spreading retries only

    async def na(self, gesprek_id: str, laatste: int) -> list[tuple[int, dict[str, Any]]]:
        """The messages of a conversation after volgnummer `laatste`, as (volgnummer, message), oldest first."""
        async with self._sessions() as session:
            rijen = await session.execute(
                select(OutboxBericht.volgnummer, OutboxBericht.bericht)
                .where(OutboxBericht.gesprek_id == gesprek_id, OutboxBericht.volgnummer > laatste)
                .order_by(OutboxBericht.volgnummer))
            return [(volgnummer, json.loads(bericht)) for volgnummer, bericht in rijen]

    async def hervat_na(self, gesprek_id: str, laatste: int) -> int:
        """The volgnummer a stream resumes after, for a browser's Last-Event-ID. One above the conversation's highest
        volgnummer is an outbox id from before migration 0008 (a page left open across the upgrade): it saw the
        rows up to that id."""
        van_gesprek = OutboxBericht.gesprek_id == gesprek_id
        async with self._sessions() as session:
            hoogste = int(await session.scalar(select(func.max(OutboxBericht.volgnummer)).where(van_gesprek)) or 0)
            if laatste <= hoogste:
                return laatste
            return int(await session.scalar(select(func.max(OutboxBericht.volgnummer)).where(
                van_gesprek, OutboxBericht.id <= laatste)) or 0)

    async def luister(self, nieuws: Callable[[], None]) -> None:
        """On PostgreSQL: call `nieuws` whenever a writer in any process commits outbox rows (LISTEN on KANAAL),
        until cancelled; a lost connection raises. Returns at once on other databases."""
        async with self._sessions() as session:
            verbinding = await session.connection()
            if verbinding.dialect.name != "postgresql":
                return
            url = verbinding.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        import psycopg  # the PostgreSQL driver, only where it is the database

        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as luisteraar:
            await luisteraar.execute(f"LISTEN {KANAAL}")
            async for _ in luisteraar.notifies():
                nieuws()

    async def hoogste_id(self) -> int:
        async with self._sessions() as session:
            return int(await session.scalar(select(func.max(OutboxBericht.id))) or 0)

    async def nieuwe_rijen(self, na_id: int, ook: list[int], limiet: int) -> list[tuple[int, str]]:
        """(id, conversation) of the rows after `na_id` and of those among `ook`, oldest first: what the web
        server's poller wakes streams for. One query on the primary key, however many streams are open."""
        voorwaarde = OutboxBericht.id > na_id
        if ook:
            voorwaarde = or_(voorwaarde, OutboxBericht.id.in_(ook))
        async with self._sessions() as session:
            rijen = await session.execute(select(OutboxBericht.id, OutboxBericht.gesprek_id).where(voorwaarde)
                                          .order_by(OutboxBericht.id).limit(limiet))
            return [(rij_id, gesprek_id) for rij_id, gesprek_id in rijen]

    async def aantal(self, gesprek_id: str) -> int:
        async with self._sessions() as session:
            return int(await session.scalar(
                select(func.count()).select_from(OutboxBericht).where(OutboxBericht.gesprek_id == gesprek_id)) or 0)
