"""The web chat's tables: its conversations and the outbox of replies for the browser.

The outbox lives in the store, not in the web package, because more than the web server writes to it: the bot's
process relays a consulent's words to a web user and resends relay messages that failed before, and those must
reach the browser even when the web server runs in a process of its own (or was restarted in between).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import ChatUser, Reply
from store.models import OutboxBericht, WebGesprek

# The channel name of the web chat's users (accounts.channel, tickets.channel, the pipeline's ChatUser).
WEB_CHANNEL = "web"


def als_json(reply: Reply, van: str = "assistent") -> str:
    """What the browser may see of a reply: who said it, its text and buttons, never its structured data."""
    return json.dumps({"van": van, "tekst": reply.text,
                       "knoppen": [{"titel": b.title, "payload": b.payload} for b in reply.buttons]},
                      ensure_ascii=False)


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

    async def vergeet(self, gesprek_id: str) -> None:
        """The conversation and everything the outbox still holds for it."""
        async with self._sessions() as session:
            await session.execute(delete(OutboxBericht).where(OutboxBericht.gesprek_id == gesprek_id))
            await session.execute(delete(WebGesprek).where(WebGesprek.id == gesprek_id))
            await session.commit()


class Outbox:
    """Replies for web conversations, in id order per conversation."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        """A `Deliver` for web users: their replies are written to the outbox, whoever sends them."""
        if not replies:
            return
        async with self._sessions() as session:
            session.add_all(OutboxBericht(gesprek_id=user.sender_id, bericht=als_json(r)) for r in replies)
            await session.commit()

    async def gebruiker_zei(self, gesprek_id: str, tekst: str) -> None:
        """The user's own message (personal numbers already redacted), so a reloaded page shows both sides."""
        async with self._sessions() as session:
            session.add(OutboxBericht(gesprek_id=gesprek_id, bericht=als_json(Reply(tekst), van="gebruiker")))
            await session.commit()

    async def na(self, gesprek_id: str, laatste_id: int) -> list[tuple[int, dict[str, Any]]]:
        """The replies of a conversation after `laatste_id`, oldest first."""
        async with self._sessions() as session:
            rijen = await session.execute(
                select(OutboxBericht.id, OutboxBericht.bericht)
                .where(OutboxBericht.gesprek_id == gesprek_id, OutboxBericht.id > laatste_id)
                .order_by(OutboxBericht.id))
            return [(rij_id, json.loads(bericht)) for rij_id, bericht in rijen]

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
