"""Conversation dossiers in the app database: read before each message, written after each answer that changed
them. The pipeline treats the content as opaque JSON (its meaning is dossier/model.py's)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Gespreksdossier
from store.scholen import bewust

# A conversation quiet for this long starts afresh, as Rasa's session does (session_expiration_time, 12 hours).
GELDIG = dt.timedelta(hours=12)


class Dossiers:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def lees(self, channel: str, external_id: str, now: dt.datetime) -> dict[str, Any]:
        """The dossier of this user's current conversation; empty when there is none or it went stale."""
        async with self._sessions() as session:
            rij = await session.scalar(select(Gespreksdossier).where(
                Gespreksdossier.channel == channel, Gespreksdossier.external_id == external_id))
        if rij is None or now - bewust(rij.updated_at) > GELDIG:
            return {}
        gegevens = json.loads(rij.gegevens or "{}")
        return gegevens if isinstance(gegevens, dict) else {}

    async def bewaar(self, channel: str, external_id: str, gegevens: dict[str, Any], now: dt.datetime) -> None:
        tekst = json.dumps(gegevens, ensure_ascii=False, sort_keys=True)
        async with self._sessions() as session:
            rij = await session.scalar(select(Gespreksdossier).where(
                Gespreksdossier.channel == channel, Gespreksdossier.external_id == external_id))
            if rij is None:
                session.add(Gespreksdossier(channel=channel, external_id=external_id, gegevens=tekst, updated_at=now))
            else:
                rij.gegevens, rij.updated_at = tekst, now
            try:
                await session.commit()
            except IntegrityError:  # written by a concurrent message of the same sender; the later one wins
                await session.rollback()
                await self.bewaar(channel, external_id, gegevens, now)

    async def vergeet(self, channel: str, external_id: str) -> None:
        async with self._sessions() as session:
            await session.execute(delete(Gespreksdossier).where(
                Gespreksdossier.channel == channel, Gespreksdossier.external_id == external_id))
            await session.commit()

    async def opschonen(self, now: dt.datetime) -> int:
        """Delete dossiers of conversations that ended (quiet longer than GELDIG)."""
        async with self._sessions() as session:
            resultaat = await session.execute(delete(Gespreksdossier).where(
                Gespreksdossier.updated_at < now - GELDIG))
            await session.commit()
            return int(getattr(resultaat, "rowcount", 0) or 0)
