"""The consulent queue in the database: consulenten, tickets, transcripts, audit log, processed updates.

Nothing of the queue lives in memory: a restart of any process finds every ticket, message and claim.
Claiming is one conditional UPDATE, so exactly one consulent wins.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models_wachtrij import (
    GESLOTEN,
    HEROPEND,
    OPEN_STATUSSEN,
    OPGEPAKT,
    WACHTEND,
    AuditRegel,
    Consulent,
    ConsulentTeam,
    TeamInstelling,
    Ticket,
    TicketBericht,
    VerwerkteUpdate,
)
from store.scholen import bewust

STANDAARD_BEWAARTERMIJN = 90


class Wachtrij:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    # --- consulenten ---------------------------------------------------------------------------------

    async def consulent_toevoegen(self, external_id: str, naam: str, teams: Iterable[str],
                                  now: dt.datetime) -> Consulent:
        async with self._sessions() as session:
            consulent = await session.scalar(select(Consulent).where(Consulent.external_id == external_id))
            if consulent is None:
                consulent = Consulent(channel="telegram", external_id=external_id, naam=naam, created_at=now)
                session.add(consulent)
                await session.flush()
            consulent.naam, consulent.actief = naam, True
            bestaand = set(await session.scalars(select(ConsulentTeam.team).where(
                ConsulentTeam.consulent_id == consulent.id)))
            for team in set(teams) - bestaand:
                session.add(ConsulentTeam(consulent_id=consulent.id, team=team))
            await session.commit()
            return consulent

    async def consulent_verwijderen(self, external_id: str) -> bool:
        async with self._sessions() as session:
            result = await session.execute(update(Consulent).where(Consulent.external_id == external_id)
                                           .values(actief=False))
            await session.execute(delete(ConsulentTeam).where(ConsulentTeam.consulent_id.in_(
                select(Consulent.id).where(Consulent.external_id == external_id))))
            await session.commit()
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def consulenten(self) -> list[tuple[Consulent, list[str]]]:
        async with self._sessions() as session:
            rows = list(await session.scalars(select(Consulent).where(Consulent.actief).order_by(Consulent.naam)))
            teams = (await session.execute(select(ConsulentTeam.consulent_id, ConsulentTeam.team))).all()
        return [(c, sorted(t for cid, t in teams if cid == c.id)) for c in rows]

    async def consulent(self, external_id: str) -> tuple[Consulent, list[str]] | None:
        """The registered, active consulent behind a chat account, with their teams."""
        async with self._sessions() as session:
            consulent = await session.scalar(select(Consulent).where(Consulent.external_id == external_id,
                                                                      Consulent.actief))
            if consulent is None:
                return None
            teams = list(await session.scalars(select(ConsulentTeam.team).where(
                ConsulentTeam.consulent_id == consulent.id)))
            return consulent, sorted(teams)

    async def bemand(self, team: str) -> bool:
        async with self._sessions() as session:
            aantal = await session.scalar(select(func.count()).select_from(ConsulentTeam).join(
                Consulent, Consulent.id == ConsulentTeam.consulent_id).where(ConsulentTeam.team == team,
                                                                              Consulent.actief))
            return bool(aantal)

    async def consulenten_van(self, team: str) -> list[Consulent]:
        async with self._sessions() as session:
            return list(await session.scalars(select(Consulent).join(
                ConsulentTeam, ConsulentTeam.consulent_id == Consulent.id).where(ConsulentTeam.team == team,
                                                                                  Consulent.actief)))

    async def zet_actief_ticket(self, consulent_id: int, ticket_id: int | None) -> None:
        async with self._sessions() as session:
            await session.execute(update(Consulent).where(Consulent.id == consulent_id)
                                  .values(actief_ticket_id=ticket_id))
            await session.commit()

    # --- tickets ---------------------------------------------------------------------------------------

    async def aanmaken(self, *, team: str, channel: str, external_id: str, rol: str, onderwerp: str,
                       prioriteit: int, samenvatting: Mapping[str, Any], now: dt.datetime,
                       melding_referentie: str | None = None) -> Ticket:
        async with self._sessions() as session:
            ticket = Ticket(team=team, channel=channel, external_id=external_id, rol=rol, onderwerp=onderwerp,
                            prioriteit=prioriteit, status=WACHTEND, samenvatting=json.dumps(dict(samenvatting)),
                            melding_referentie=melding_referentie, created_at=now)
            session.add(ticket)
            await session.commit()
            return ticket

    async def open_ticket_van(self, channel: str, external_id: str) -> Ticket | None:
        """The user's ticket that is waiting or being handled (their messages go there, not to Rasa)."""
        statussen = (*OPEN_STATUSSEN, OPGEPAKT)
        async with self._sessions() as session:
            ticket: Ticket | None = await session.scalar(select(Ticket).where(
                Ticket.channel == channel, Ticket.external_id == external_id, Ticket.status.in_(statussen),
                Ticket.melding_referentie.is_(None)).order_by(Ticket.id.desc()).limit(1))
            return ticket

    async def ticket(self, ticket_id: int) -> Ticket | None:
        async with self._sessions() as session:
            return await session.get(Ticket, ticket_id)

    async def wachtrij(self, teams: Iterable[str]) -> list[Ticket]:
        """Open tickets of these teams: the most urgent first, then the longest waiting."""
        async with self._sessions() as session:
            return list(await session.scalars(select(Ticket).where(
                Ticket.team.in_(list(teams)), Ticket.status.in_(OPEN_STATUSSEN))
                .order_by(Ticket.prioriteit.desc(), Ticket.created_at, Ticket.id)))

    async def plaats(self, ticket: Ticket) -> int:
        """1 for the first in line of its team."""
        voor = [t.id for t in await self.wachtrij([ticket.team])]
        return voor.index(ticket.id) + 1 if ticket.id in voor else 0

    async def gemiddelde_wachttijd(self, team: str, now: dt.datetime) -> dt.timedelta | None:
        """Mean time to claim of the team's last 20 claimed tickets, if there are any."""
        async with self._sessions() as session:
            rows = (await session.execute(select(Ticket.created_at, Ticket.opgepakt_at).where(
                Ticket.team == team, Ticket.opgepakt_at.is_not(None)).order_by(Ticket.id.desc()).limit(20))).all()
        duren = [bewust(op) - bewust(aan) for aan, op in rows if op is not None]
        return sum(duren, dt.timedelta()) / len(duren) if duren else None

    async def pak(self, ticket_id: int, consulent: Consulent, teams: Iterable[str],
                  now: dt.datetime) -> tuple[bool, Ticket | None]:
        """Claim a ticket: True for the one consulent whose UPDATE changed the row."""
        async with self._sessions() as session:
            result = await session.execute(
                update(Ticket).where(Ticket.id == ticket_id, Ticket.team.in_(list(teams)),
                                     Ticket.status.in_(OPEN_STATUSSEN))
                .values(status=OPGEPAKT, consulent_id=consulent.id, opgepakt_at=now))
            if result.rowcount:  # type: ignore[attr-defined]
                await session.execute(update(Consulent).where(Consulent.id == consulent.id)
                                      .values(actief_ticket_id=ticket_id))
            await session.commit()
            return bool(result.rowcount), await session.get(Ticket, ticket_id)  # type: ignore[attr-defined]

    async def houder(self, ticket: Ticket) -> Consulent | None:
        if ticket.consulent_id is None:
            return None
        async with self._sessions() as session:
            return await session.get(Consulent, ticket.consulent_id)

    async def overdragen(self, ticket_id: int, *, team: str | None = None, consulent_id: int | None = None,
                         now: dt.datetime) -> Ticket | None:
        """To another team (back in its queue) or to another consulent (claimed by them)."""
        async with self._sessions() as session:
            ticket = await session.get(Ticket, ticket_id)
            if ticket is None or ticket.status == GESLOTEN:
                return None
            if team is not None:
                ticket.team, ticket.status, ticket.consulent_id = team, WACHTEND, None
            if consulent_id is not None:
                ticket.status, ticket.consulent_id, ticket.opgepakt_at = OPGEPAKT, consulent_id, now
            await session.commit()
            return ticket

    async def sluiten(self, ticket_id: int, uitkomst: str, notitie: str, now: dt.datetime) -> Ticket | None:
        async with self._sessions() as session:
            ticket = await session.get(Ticket, ticket_id)
            if ticket is None or ticket.status == GESLOTEN:
                return None
            ticket.status, ticket.uitkomst, ticket.notitie, ticket.gesloten_at = GESLOTEN, uitkomst, notitie, now
            await session.execute(update(Consulent).where(Consulent.actief_ticket_id == ticket_id)
                                  .values(actief_ticket_id=None))
            await session.commit()
            return ticket

    async def heropenen(self, ticket_id: int) -> Ticket | None:
        async with self._sessions() as session:
            ticket = await session.get(Ticket, ticket_id)
            if ticket is None or ticket.status != GESLOTEN:
                return None
            ticket.status, ticket.consulent_id, ticket.gesloten_at = HEROPEND, None, None
            await session.commit()
            return ticket

    async def zet_samenvatting(self, ticket_id: int, samenvatting: Mapping[str, Any]) -> None:
        async with self._sessions() as session:
            await session.execute(update(Ticket).where(Ticket.id == ticket_id)
                                  .values(samenvatting=json.dumps(dict(samenvatting))))
            await session.commit()

    async def zet_contact(self, ticket_id: int, contact: Mapping[str, str]) -> None:
        async with self._sessions() as session:
            await session.execute(update(Ticket).where(Ticket.id == ticket_id)
                                  .values(contact=json.dumps(dict(contact))))
            await session.commit()

    # --- transcript and relay --------------------------------------------------------------------------

    async def bericht(self, ticket_id: int, van: str, tekst: str, now: dt.datetime,
                      afgeleverd: bool = False) -> TicketBericht:
        async with self._sessions() as session:
            bericht = TicketBericht(ticket_id=ticket_id, van=van, tekst=tekst, created_at=now,
                                    afgeleverd_at=now if afgeleverd else None)
            session.add(bericht)
            await session.commit()
            return bericht

    async def berichten(self, ticket_id: int) -> list[TicketBericht]:
        async with self._sessions() as session:
            return list(await session.scalars(select(TicketBericht).where(TicketBericht.ticket_id == ticket_id)
                                              .order_by(TicketBericht.id)))

    async def afgeleverd(self, bericht_ids: Iterable[int], now: dt.datetime) -> None:
        async with self._sessions() as session:
            await session.execute(update(TicketBericht).where(TicketBericht.id.in_(list(bericht_ids)))
                                  .values(afgeleverd_at=now))
            await session.commit()

    async def niet_afgeleverd(self, ouder_dan: dt.datetime) -> list[tuple[TicketBericht, Ticket]]:
        """Relay messages not delivered yet (Telegram failed), oldest first, for another try."""
        async with self._sessions() as session:
            rows = (await session.execute(select(TicketBericht, Ticket).join(
                Ticket, Ticket.id == TicketBericht.ticket_id).where(
                TicketBericht.afgeleverd_at.is_(None), TicketBericht.created_at < ouder_dan,
                or_(TicketBericht.van == "consulent", Ticket.status == OPGEPAKT)).order_by(TicketBericht.id))).all()
            return [(b, t) for b, t in rows]

    # --- audit, updates, retention, personal data ------------------------------------------------------

    async def audit(self, wie: str, actie: str, ticket_id: int | None, now: dt.datetime, details: str = "") -> None:
        async with self._sessions() as session:
            session.add(AuditRegel(wie=wie, actie=actie, ticket_id=ticket_id, details=details, at=now))
            await session.commit()

    async def audit_regels(self, ticket_id: int | None = None, wie: str | None = None) -> list[AuditRegel]:
        async with self._sessions() as session:
            query = select(AuditRegel).order_by(AuditRegel.id)
            if ticket_id is not None:
                query = query.where(AuditRegel.ticket_id == ticket_id)
            if wie is not None:
                query = query.where(AuditRegel.wie.contains(wie))
            return list(await session.scalars(query))

    async def nieuwe_update(self, update_id: int, now: dt.datetime) -> bool:
        """Record a Telegram update id; False when it was handled before (a redelivery)."""
        async with self._sessions() as session:
            session.add(VerwerkteUpdate(update_id=update_id, at=now))
            try:
                await session.commit()
            except IntegrityError:
                return False
            return True

    async def bewaartermijn(self, team: str) -> int:
        async with self._sessions() as session:
            instelling = await session.get(TeamInstelling, team)
            return instelling.bewaartermijn_dagen if instelling else STANDAARD_BEWAARTERMIJN

    async def bewaartermijnen(self) -> dict[str, int]:
        async with self._sessions() as session:
            return {t.team: t.bewaartermijn_dagen for t in await session.scalars(select(TeamInstelling))}

    async def zet_bewaartermijn(self, team: str, dagen: int) -> None:
        async with self._sessions() as session:
            instelling = await session.get(TeamInstelling, team)
            if instelling is None:
                session.add(TeamInstelling(team=team, bewaartermijn_dagen=dagen))
            else:
                instelling.bewaartermijn_dagen = dagen
            await session.commit()

    async def opschonen(self, now: dt.datetime) -> int:
        """Delete the transcripts and summaries of tickets closed longer ago than their team keeps them,
        and processed update ids older than a week. Returns the number of tickets cleaned."""
        async with self._sessions() as session:
            termijnen = {t.team: t.bewaartermijn_dagen for t in await session.scalars(select(TeamInstelling))}
            gesloten = list(await session.scalars(select(Ticket).where(Ticket.status == GESLOTEN,
                                                                      Ticket.samenvatting != "{}")))
            klaar = [t.id for t in gesloten if t.gesloten_at is not None and bewust(t.gesloten_at) < now
                     - dt.timedelta(days=termijnen.get(t.team, STANDAARD_BEWAARTERMIJN))]
            if klaar:
                await session.execute(delete(TicketBericht).where(TicketBericht.ticket_id.in_(klaar)))
                await session.execute(update(Ticket).where(Ticket.id.in_(klaar))
                                      .values(samenvatting="{}", contact=None, notitie=None))
            await session.execute(delete(VerwerkteUpdate).where(VerwerkteUpdate.at < now - dt.timedelta(days=7)))
            await session.commit()
            return len(klaar)

    async def tickets_van(self, channel: str, external_id: str) -> list[Ticket]:
        async with self._sessions() as session:
            return list(await session.scalars(select(Ticket).where(Ticket.channel == channel,
                                                                  Ticket.external_id == external_id)))

    async def vergeet(self, channel: str, external_id: str) -> int:
        """Remove a user's transcripts and summaries; the tickets stay as anonymous counts. Meldingen a
        school filed are not touched here (they are kept under the team's retention)."""
        async with self._sessions() as session:
            ids = list(await session.scalars(select(Ticket.id).where(Ticket.channel == channel,
                                                                    Ticket.external_id == external_id)))
            if ids:
                await session.execute(delete(TicketBericht).where(TicketBericht.ticket_id.in_(ids)))
                await session.execute(update(Ticket).where(Ticket.id.in_(ids)).values(
                    samenvatting="{}", contact=None, external_id="vergeten", status=GESLOTEN))
            await session.commit()
            return len(ids)
