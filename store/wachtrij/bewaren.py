"""Retention and forgetting (GDPR): how long a team keeps transcripts, the cleaning run for cron, and a user's
/vergeetmij. Rasa's tracker store is a database of its own: store.tracker forgets a conversation there."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Text, cast, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Account, OutboxBericht, PendingMessage
from store.models_wachtrij import TeamInstelling, Ticket, TicketStatus, VerwerkteUpdate
from store.scholen import bewust
from store.wachtrij.tickets import Tickets
from store.web import WEB_CHANNEL

STANDAARD_BEWAARTERMIJN = 90
UPDATES_BEWAREN = dt.timedelta(days=7)  # Telegram redelivers within a day; a week is plenty


class Bewaren:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def bewaartermijn(self, team: str) -> int:
        instelling = await self._session.get(TeamInstelling, team)
        return instelling.bewaartermijn_dagen if instelling else STANDAARD_BEWAARTERMIJN

    async def bewaartermijnen(self) -> dict[str, int]:
        return {t.team: t.bewaartermijn_dagen for t in await self._session.scalars(select(TeamInstelling))}

    async def zet_bewaartermijn(self, team: str, dagen: int) -> None:
        instelling = await self._session.get(TeamInstelling, team)
        if instelling is None:
            self._session.add(TeamInstelling(team=team, bewaartermijn_dagen=dagen))
        else:
            instelling.bewaartermijn_dagen = dagen
        await self._session.flush()

    async def opschonen(self, now: dt.datetime) -> int:
        """Delete the transcripts and summaries of tickets closed longer ago than their team keeps them,
        and processed update ids older than a week. Returns the number of tickets cleaned."""
        termijnen = await self.bewaartermijnen()
        # Compared as text: PostgreSQL's json type has no equality operator. An emptied summary is written '{}'.
        gesloten = list(await self._session.scalars(select(Ticket).where(
            Ticket.status == TicketStatus.GESLOTEN, cast(Ticket.samenvatting, Text) != "{}")))
        klaar = [t.id for t in gesloten if t.gesloten_at is not None and bewust(t.gesloten_at) < now
                 - dt.timedelta(days=termijnen.get(t.team or "", STANDAARD_BEWAARTERMIJN))]
        await Tickets(self._session).vergeten(klaar, notitie=None)
        await self._session.execute(delete(VerwerkteUpdate).where(VerwerkteUpdate.at < now - UPDATES_BEWAREN))
        return len(klaar)

    async def vergeet(self, channel: str, external_id: str) -> int:
        """Forget a sender: their ticket transcripts and summaries (the tickets stay as anonymous counts), the
        messages kept for Rasa, the web chat's replies not yet removed from its outbox, and their account. Returns
        the number of tickets. Meldingen a school filed are not touched here (they are kept under the team's
        retention)."""
        ids = [t.id for t in await Tickets(self._session).van_afzender(channel, external_id)]
        await Tickets(self._session).vergeten(ids, external_id="vergeten", status=TicketStatus.GESLOTEN)
        await self._session.execute(delete(PendingMessage).where(PendingMessage.sender_id == external_id))
        if channel == WEB_CHANNEL:  # the conversation itself (its token) goes with the web chat's DELETE
            await self._session.execute(delete(OutboxBericht).where(OutboxBericht.gesprek_id == external_id))
        await self._session.execute(delete(Account).where(Account.channel == channel,
                                                          Account.external_id == external_id))
        return len(ids)
