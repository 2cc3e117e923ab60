"""The unit of work of the consulent queue: one per use case, its repositories on one session and one
transaction, so a state change and the audit row that records it are committed together or not at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.wachtrij.bewaren import Bewaren
from store.wachtrij.consulenten import Consulenten
from store.wachtrij.tickets import Tickets
from store.wachtrij.updates import VerwerkteUpdates


class Werk:
    """The queue's repositories on one session; made by Wachtrij.werk()."""

    def __init__(self, session: AsyncSession) -> None:
        self.consulenten = Consulenten(session)
        self.tickets = Tickets(session)
        self.updates = VerwerkteUpdates(session)
        self.bewaren = Bewaren(session)


class Wachtrij:
    """The consulent queue in the database. Nothing of it lives in memory: a restart of any process finds every
    ticket, message and claim.

        async with wachtrij.werk() as w:
            gesloten = await w.tickets.sluiten(...)
            await w.tickets.audit(...)

    commits once when the block ends and rolls everything back when it raises. Send chat messages after the
    block, so nobody is told about a change that was not committed."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @asynccontextmanager
    async def werk(self) -> AsyncIterator[Werk]:
        async with self._sessions.begin() as session:  # commit at the end, rollback on an exception
            yield Werk(session)
