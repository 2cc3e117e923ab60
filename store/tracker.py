"""Rasa's tracker store, a database of its own (settings.tracker_database_url): only forgetting happens here."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from store.db import async_url

log = logging.getLogger(__name__)


async def vergeet_gesprek(tracker_url: str, sender_id: str) -> bool:
    """Delete a sender's conversation from Rasa's `events` table (Rasa's API cannot delete). False when the
    tracker store could not be reached; that is logged, and the user's other data are forgotten regardless."""
    engine = create_async_engine(async_url(tracker_url))
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DELETE FROM events WHERE sender_id = :s"), {"s": sender_id})
        return True
    except DBAPIError:
        log.warning("could not delete a conversation from Rasa's tracker store")
        return False
    finally:
        await engine.dispose()
