"""Small, typed queries on the app database used by the front ends."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Account, Modus, PendingMessage


class Accounts:
    """The people behind senders: their role and the language they last wrote in."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get_or_create(self, channel: str, external_id: str) -> tuple[Account, bool]:
        """The account, and whether it was created just now."""
        async with self._sessions() as session:
            account = await session.scalar(
                select(Account).where(Account.channel == channel, Account.external_id == external_id)
            )
            if account is not None:
                return account, False
            account = Account(channel=channel, external_id=external_id, role="ouder", language="nl")
            session.add(account)
            try:
                await session.commit()
            except IntegrityError:  # created by a concurrent message of the same sender
                await session.rollback()
                found = await session.scalar(
                    select(Account).where(Account.channel == channel, Account.external_id == external_id))
                if found is None:
                    raise
                return found, False
            return account, True

    async def set_language(self, channel: str, external_id: str, language: str) -> None:
        """One UPDATE by the natural key; the account exists once get_or_create has run for it."""
        async with self._sessions() as session:
            await session.execute(
                update(Account)
                .where(Account.channel == channel, Account.external_id == external_id)
                .values(language=language)
            )
            await session.commit()

    async def modus(self, channel: str, external_id: str) -> Modus | None:
        """The sender's persisted mode; None when the router has not decided one yet."""
        async with self._sessions() as session:
            waarde = await session.scalar(
                select(Account.modus).where(Account.channel == channel, Account.external_id == external_id))
        return Modus(waarde) if waarde else None

    async def zet_modus(self, channel: str, external_id: str, modus: Modus) -> None:
        await self.get_or_create(channel, external_id)
        async with self._sessions() as session:
            await session.execute(
                update(Account)
                .where(Account.channel == channel, Account.external_id == external_id)
                .values(modus=modus.value)
            )
            await session.commit()


class PendingQueue:
    """Messages kept while Rasa was unreachable, answered in arrival order per sender."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(
        self, *, sender_id: str, channel: str, role: str, language: str, text: str,
        peildatum: dt.date | None, now: dt.datetime | None = None,
    ) -> None:
        async with self._sessions() as session:
            message = PendingMessage(sender_id=sender_id, channel=channel, role=role, language=language, text=text,
                                     peildatum=peildatum, attempts=0)
            if now is not None:  # the front end's clock, which also decides when to give up
                message.created_at = now
            session.add(message)
            await session.commit()

    async def has_pending(self, sender_id: str) -> bool:
        async with self._sessions() as session:
            count = await session.scalar(
                select(func.count()).select_from(PendingMessage).where(PendingMessage.sender_id == sender_id)
            )
            return bool(count)

    async def count(self, channel: str) -> int:
        async with self._sessions() as session:
            total = await session.scalar(
                select(func.count()).select_from(PendingMessage).where(PendingMessage.channel == channel)
            )
            return int(total or 0)

    async def oldest_first(self, channel: str) -> list[PendingMessage]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(PendingMessage).where(PendingMessage.channel == channel).order_by(PendingMessage.id)
            )
            return list(rows)

    async def remove(self, message_id: int) -> None:
        async with self._sessions() as session:
            await session.execute(delete(PendingMessage).where(PendingMessage.id == message_id))
            await session.commit()

    async def count_attempt(self, message_id: int) -> None:
        async with self._sessions() as session:
            await session.execute(
                update(PendingMessage)
                .where(PendingMessage.id == message_id)
                .values(attempts=PendingMessage.attempts + 1)
            )
            await session.commit()
