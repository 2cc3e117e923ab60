"""Forgetting a sender everywhere the assistant keeps something of them, in one place: for /vergeetmij (and so the
web chat's DELETE, which sends that command), and for the retention run's idle web conversations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.dossiers import Dossiers
from store.meldingen import Concepten
from store.tracker import vergeet_gesprek
from store.wachtrij import Wachtrij
from store.web import WEB_CHANNEL, WebGesprekken


async def vergeet_afzender(sessions: async_sessionmaker[AsyncSession], channel: str, external_id: str,
                           tracker_url: str | None) -> None:
    """Ticket transcripts and summaries (the tickets stay as anonymous counts), kept messages, a web user's outbox
    rows, the account, a melding draft, the dossier, and the conversation in Rasa's tracker store (when its URL is
    given; unreachable is logged there and the rest is forgotten regardless)."""
    async with Wachtrij(sessions).werk() as w:
        await w.bewaren.vergeet(channel, external_id)
    await Concepten(sessions).verwijderen(channel, external_id)
    await Dossiers(sessions).vergeet(channel, external_id)
    if tracker_url:
        await vergeet_gesprek(tracker_url, external_id)


async def opschonen_web(sessions: async_sessionmaker[AsyncSession], tracker_url: str | None, bewaar_dagen: int,
                        now: dt.datetime) -> int:
    """Forget the web conversations idle longer than `bewaar_dagen` (no outbox row since, or never one), as
    /vergeetmij forgets, then the conversations themselves. Returns how many."""
    gesprekken = WebGesprekken(sessions)
    stil = await gesprekken.stil_sinds(now - dt.timedelta(days=bewaar_dagen))
    for gesprek_id in stil:
        await vergeet_afzender(sessions, WEB_CHANNEL, gesprek_id, tracker_url)
        await gesprekken.vergeet(gesprek_id)
    return len(stil)
