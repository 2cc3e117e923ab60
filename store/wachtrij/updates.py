"""Telegram update ids already handled, so an update Telegram delivers again (after a restart) is handled once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from store.models_wachtrij import VerwerkteUpdate


class VerwerkteUpdates:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def nieuw(self, update_id: int, now: dt.datetime) -> bool:
        """Record an update id; False when it was handled before (a redelivery)."""
        # INSERT … ON CONFLICT DO NOTHING rather than catching the duplicate key: a failed statement would spoil
        # the unit of work it runs in (PostgreSQL aborts the transaction), and both databases speak this SQL.
        dialect = sqlite if self._session.get_bind().dialect.name == "sqlite" else postgresql
        # RETURNING tells whether the row went in (a rowcount is not reported the same way by every driver).
        nieuw = await self._session.scalar(dialect.insert(VerwerkteUpdate).values(update_id=update_id, at=now)
                                           .on_conflict_do_nothing(index_elements=["update_id"])
                                           .returning(VerwerkteUpdate.update_id))
        return nieuw is not None
