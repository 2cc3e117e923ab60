"""Tickets with their transcript messages and their audit rows: one aggregate, so a state change and the audit
row that records it are written in one unit of work (store.wachtrij.werk.Wachtrij.werk).

Claiming is one conditional UPDATE, so exactly one consulent wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, null, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models_wachtrij import (
    IN_DE_RIJ,
    VOOR_DE_GEBRUIKER_OPEN,
    AuditRegel,
    Consulent,
    Ticket,
    TicketBericht,
    TicketStatus,
    Uitkomst,
)
from store.scholen import bewust


class Tickets:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    # --- the ticket and its states -------------------------------------------------------------------

    async def aanmaken(self, *, team: str | None, channel: str, external_id: str, rol: str, onderwerp: str,
                       prioriteit: int, samenvatting: Mapping[str, Any], now: dt.datetime,
                       melding_referentie: str | None = None) -> Ticket:
        """A new ticket in its team's queue; without a team (None) it waits for the user's municipality."""
        status = TicketStatus.WACHTEND if team is not None else TicketStatus.GEMEENTE_GEVRAAGD
        ticket = Ticket(team=team, channel=channel, external_id=external_id, rol=rol, onderwerp=onderwerp,
                        prioriteit=prioriteit, status=status, samenvatting=dict(samenvatting),
                        melding_referentie=melding_referentie, created_at=now)
        self._session.add(ticket)
        await self._session.flush()
        return ticket

    async def ticket(self, ticket_id: int) -> Ticket | None:
        return await self._session.get(Ticket, ticket_id, populate_existing=True)

    async def open_van(self, channel: str, external_id: str) -> Ticket | None:
        """The user's conversation ticket that is not closed (their messages go there, not to Rasa)."""
        ticket: Ticket | None = await self._session.scalar(select(Ticket).where(
            Ticket.channel == channel, Ticket.external_id == external_id, Ticket.status.in_(VOOR_DE_GEBRUIKER_OPEN),
            Ticket.melding_referentie.is_(None)).order_by(Ticket.id.desc()).limit(1))
        return ticket

    async def van_afzender(self, channel: str, external_id: str) -> list[Ticket]:
        return list(await self._session.scalars(select(Ticket).where(Ticket.channel == channel,
                                                                    Ticket.external_id == external_id)))

    async def in_de_rij(self, teams: Iterable[str]) -> list[Ticket]:
        """Tickets of these teams waiting for a consulent: the most urgent first, then the longest waiting."""
        return list(await self._session.scalars(select(Ticket).where(
            Ticket.team.in_(list(teams)), Ticket.status.in_(IN_DE_RIJ))
            .order_by(Ticket.prioriteit.desc(), Ticket.created_at, Ticket.id)))

    async def plaats(self, ticket: Ticket) -> int:
        """1 for the first in line of its team; 0 when not in line."""
        if ticket.team is None:
            return 0
        voor = [t.id for t in await self.in_de_rij([ticket.team])]
        return voor.index(ticket.id) + 1 if ticket.id in voor else 0

    async def gemiddelde_wachttijd(self, team: str, now: dt.datetime) -> dt.timedelta | None:
        """Mean time to claim of the team's last 20 claimed tickets, if there are any."""
        rows = (await self._session.execute(select(Ticket.created_at, Ticket.opgepakt_at).where(
            Ticket.team == team, Ticket.opgepakt_at.is_not(None)).order_by(Ticket.id.desc()).limit(20))).all()
        duren = [bewust(op) - bewust(aan) for aan, op in rows if op is not None]
        return sum(duren, dt.timedelta()) / len(duren) if duren else None

    async def gemeente_bekend(self, ticket_id: int, team: str, gemeente: str) -> Ticket | None:
        """The user named their municipality: the ticket joins that team's queue."""
        ticket = await self.ticket(ticket_id)
        if ticket is None or ticket.status != TicketStatus.GEMEENTE_GEVRAAGD:
            return None
        ticket.team, ticket.status = team, TicketStatus.WACHTEND
        ticket.samenvatting = {**ticket.samenvatting, "gemeente": gemeente}
        await self._session.flush()
        return ticket

    async def zet_taal(self, ticket_id: int, taal: str) -> None:
        """The language the user writes in now: what the consulent side sends them follows it."""
        ticket = await self.ticket(ticket_id)
        if ticket is not None and ticket.samenvatting.get("taal") != taal:
            ticket.samenvatting = {**ticket.samenvatting, "taal": taal}
            await self._session.flush()

    async def contact_vragen(self, ticket_id: int) -> None:
        """Outside office hours: the ticket waits while the user is asked how to be reached."""
        await self._session.execute(update(Ticket).where(Ticket.id == ticket_id,
                                                         Ticket.status == TicketStatus.WACHTEND)
                                    .values(status=TicketStatus.CONTACT_GEVRAAGD))

    async def zet_contact(self, ticket_id: int, contact: Mapping[str, str]) -> None:
        """How the user wants to be reached; a ticket that asked for it waits on as before."""
        ticket = await self.ticket(ticket_id)
        if ticket is None:
            return
        ticket.contact = dict(contact)
        if ticket.status == TicketStatus.CONTACT_GEVRAAGD:
            ticket.status = TicketStatus.WACHTEND
        await self._session.flush()

    async def pak(self, ticket_id: int, consulent: Consulent, teams: Iterable[str],
                  now: dt.datetime) -> tuple[bool, Ticket | None]:
        """Claim a ticket: True for the one consulent whose UPDATE changed the row; it becomes their active one."""
        result = await self._session.execute(
            update(Ticket).where(Ticket.id == ticket_id, Ticket.team.in_(list(teams)), Ticket.status.in_(IN_DE_RIJ))
            .values(status=TicketStatus.OPGEPAKT, consulent_id=consulent.id, opgepakt_at=now)
            .execution_options(synchronize_session=False))
        gewonnen = bool(result.rowcount)  # type: ignore[attr-defined]
        if gewonnen:
            await self._session.execute(update(Consulent).where(Consulent.id == consulent.id)
                                        .values(actief_ticket_id=ticket_id).execution_options(synchronize_session=False))
        return gewonnen, await self.ticket(ticket_id)

    async def houder(self, ticket: Ticket) -> Consulent | None:
        if ticket.consulent_id is None:
            return None
        return await self._session.get(Consulent, ticket.consulent_id)

    async def overdragen(self, ticket_id: int, *, team: str | None = None, consulent_id: int | None = None,
                         now: dt.datetime) -> Ticket | None:
        """To another team (back in its queue) or to another consulent (claimed by them)."""
        ticket = await self.ticket(ticket_id)
        if ticket is None or ticket.status == TicketStatus.GESLOTEN:
            return None
        if team is not None:
            # A ticket still waiting for the user's contact details keeps waiting for them in the new queue.
            wacht_op_contact = ticket.status == TicketStatus.CONTACT_GEVRAAGD
            ticket.team, ticket.consulent_id = team, None
            ticket.status = TicketStatus.CONTACT_GEVRAAGD if wacht_op_contact else TicketStatus.WACHTEND
        if consulent_id is not None:
            ticket.status, ticket.consulent_id, ticket.opgepakt_at = TicketStatus.OPGEPAKT, consulent_id, now
        await self._session.flush()
        return ticket

    async def sluiten(self, ticket_id: int, uitkomst: Uitkomst, notitie: str, now: dt.datetime) -> Ticket | None:
        """Close with an outcome; whoever worked on it is free again. None when it was closed already."""
        ticket = await self.ticket(ticket_id)
        if ticket is None or ticket.status == TicketStatus.GESLOTEN:
            return None
        ticket.status, ticket.uitkomst, ticket.notitie = TicketStatus.GESLOTEN, uitkomst, notitie
        ticket.gesloten_at = now
        await self._session.execute(update(Consulent).where(Consulent.actief_ticket_id == ticket_id)
                                    .values(actief_ticket_id=None).execution_options(synchronize_session=False))
        await self._session.flush()
        return ticket

    async def heropenen(self, ticket_id: int) -> Ticket | None:
        ticket = await self.ticket(ticket_id)
        if ticket is None or ticket.status != TicketStatus.GESLOTEN:
            return None
        ticket.status, ticket.consulent_id, ticket.gesloten_at = TicketStatus.HEROPEND, None, None
        await self._session.flush()
        return ticket

    # --- transcript and relay ------------------------------------------------------------------------

    async def bericht(self, ticket_id: int, van: str, tekst: str, now: dt.datetime,
                      afgeleverd: bool = False) -> TicketBericht:
        bericht = TicketBericht(ticket_id=ticket_id, van=van, tekst=tekst, created_at=now,
                                afgeleverd_at=now if afgeleverd else None)
        self._session.add(bericht)
        await self._session.flush()
        return bericht

    async def berichten(self, ticket_id: int) -> list[TicketBericht]:
        return list(await self._session.scalars(select(TicketBericht).where(TicketBericht.ticket_id == ticket_id)
                                                .order_by(TicketBericht.id)))

    async def afgeleverd(self, bericht_ids: Iterable[int], now: dt.datetime) -> None:
        await self._session.execute(update(TicketBericht).where(TicketBericht.id.in_(list(bericht_ids)))
                                    .values(afgeleverd_at=now).execution_options(synchronize_session=False))

    async def niet_afgeleverd(self, ouder_dan: dt.datetime) -> list[tuple[TicketBericht, Ticket]]:
        """Relay messages not delivered yet (Telegram failed), oldest first, for another try."""
        rows = (await self._session.execute(select(TicketBericht, Ticket).join(
            Ticket, Ticket.id == TicketBericht.ticket_id).where(
            TicketBericht.afgeleverd_at.is_(None), TicketBericht.created_at < ouder_dan,
            or_(TicketBericht.van == "consulent", Ticket.status == TicketStatus.OPGEPAKT))
            .order_by(TicketBericht.id))).all()
        return [(b, t) for b, t in rows]

    # --- audit ---------------------------------------------------------------------------------------

    async def audit(self, wie: str, actie: str, ticket_id: int | None, now: dt.datetime, details: str = "") -> None:
        """Who viewed, claimed, transferred, closed or reopened what. Flushed at once, so a failing write
        fails the unit of work it records, and the change it records is rolled back with it."""
        self._session.add(AuditRegel(wie=wie, actie=actie, ticket_id=ticket_id, details=details, at=now))
        await self._session.flush()

    async def audit_regels(self, ticket_id: int | None = None, wie: str | None = None) -> list[AuditRegel]:
        query = select(AuditRegel).order_by(AuditRegel.id)
        if ticket_id is not None:
            query = query.where(AuditRegel.ticket_id == ticket_id)
        if wie is not None:
            query = query.where(AuditRegel.wie.contains(wie))
        return list(await self._session.scalars(query))

    async def vergeten(self, ticket_ids: list[int], **ook: Any) -> None:
        """Remove the transcripts, summaries and contact details of these tickets (retention, or a user's
        request); `ook` sets other columns in the same UPDATE."""
        if not ticket_ids:
            return
        await self._session.execute(delete(TicketBericht).where(TicketBericht.ticket_id.in_(ticket_ids)))
        await self._session.execute(update(Ticket).where(Ticket.id.in_(ticket_ids))
                                    .values(samenvatting={}, contact=null(), **ook)
                                    .execution_options(synchronize_session=False))
