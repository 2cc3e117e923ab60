"""The consulenten who work the queue, with their teams and the ticket their text goes to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models_wachtrij import Consulent, ConsulentTeam


class Consulenten:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def toevoegen(self, external_id: str, naam: str, teams: Iterable[str], now: dt.datetime) -> Consulent:
        """Register a consulent for these teams (again: active, with the teams added)."""
        consulent = await self._session.scalar(select(Consulent).where(Consulent.external_id == external_id))
        if consulent is None:
            consulent = Consulent(channel="telegram", external_id=external_id, naam=naam, created_at=now)
            self._session.add(consulent)
            await self._session.flush()
        consulent.naam, consulent.actief = naam, True
        bestaand = set(await self._session.scalars(select(ConsulentTeam.team).where(
            ConsulentTeam.consulent_id == consulent.id)))
        for team in set(teams) - bestaand:
            self._session.add(ConsulentTeam(consulent_id=consulent.id, team=team))
        await self._session.flush()
        return consulent

    async def verwijderen(self, external_id: str) -> bool:
        result = await self._session.execute(update(Consulent).where(Consulent.external_id == external_id)
                                             .values(actief=False))
        await self._session.execute(delete(ConsulentTeam).where(ConsulentTeam.consulent_id.in_(
            select(Consulent.id).where(Consulent.external_id == external_id))))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def alle(self) -> list[tuple[Consulent, list[str]]]:
        """The active consulenten by name, each with their teams."""
        rows = list(await self._session.scalars(select(Consulent).where(Consulent.actief).order_by(Consulent.naam)))
        teams = (await self._session.execute(select(ConsulentTeam.consulent_id, ConsulentTeam.team))).all()
        return [(c, sorted(t for cid, t in teams if cid == c.id)) for c in rows]

    async def van_account(self, external_id: str) -> tuple[Consulent, list[str]] | None:
        """The registered, active consulent behind a chat account, with their teams."""
        consulent = await self._session.scalar(select(Consulent).where(Consulent.external_id == external_id,
                                                                        Consulent.actief))
        if consulent is None:
            return None
        teams = list(await self._session.scalars(select(ConsulentTeam.team).where(
            ConsulentTeam.consulent_id == consulent.id)))
        return consulent, sorted(teams)

    async def bemand(self, team: str) -> bool:
        """Whether any active consulent works this team's queue."""
        aantal = await self._session.scalar(select(func.count()).select_from(ConsulentTeam).join(
            Consulent, Consulent.id == ConsulentTeam.consulent_id).where(ConsulentTeam.team == team, Consulent.actief))
        return bool(aantal)

    async def van_team(self, team: str) -> list[Consulent]:
        return list(await self._session.scalars(select(Consulent).join(
            ConsulentTeam, ConsulentTeam.consulent_id == Consulent.id).where(ConsulentTeam.team == team,
                                                                              Consulent.actief)))

    async def zet_actief_ticket(self, consulent_id: int, ticket_id: int | None) -> None:
        """The ticket the consulent's plain text goes to (None: their text goes to the assistant)."""
        await self._session.execute(update(Consulent).where(Consulent.id == consulent_id)
                                    .values(actief_ticket_id=ticket_id))
