"""Melding drafts and filed meldingen, with their status history and reference numbers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Melding, MeldingConcept, MeldingStatus
from store.scholen import bewust

CONCEPT_BEWAARD = dt.timedelta(days=7)
STATUSSEN = ("geregistreerd", "in behandeling", "afgesloten", "ingetrokken", "ter kennisgeving aangenomen")
AFGEROND = ("afgesloten", "ingetrokken", "ter kennisgeving aangenomen")


class Concepten:
    """One draft per account, kept in the database so it survives any restart; gone after 7 days."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def ophalen(self, channel: str, external_id: str, now: dt.datetime) -> MeldingConcept | None:
        async with self._sessions() as session:
            concept = await session.scalar(select(MeldingConcept).where(
                MeldingConcept.channel == channel, MeldingConcept.external_id == external_id))
            if concept is not None and bewust(concept.updated_at) < now - CONCEPT_BEWAARD:
                await session.delete(concept)
                await session.commit()
                return None
            return concept

    async def bewaren(self, channel: str, external_id: str, school_id: int, velden: Mapping[str, Any],
                      gevraagd: str | None, actief: bool, now: dt.datetime) -> None:
        async with self._sessions() as session:
            concept = await session.scalar(select(MeldingConcept).where(
                MeldingConcept.channel == channel, MeldingConcept.external_id == external_id))
            if concept is None:
                concept = MeldingConcept(channel=channel, external_id=external_id, created_at=now)
                session.add(concept)
            concept.school_id, concept.velden = school_id, json.dumps(dict(velden))
            concept.gevraagd, concept.actief, concept.updated_at = gevraagd, actief, now
            await session.commit()

    async def verwijderen(self, channel: str, external_id: str) -> None:
        async with self._sessions() as session:
            await session.execute(delete(MeldingConcept).where(
                MeldingConcept.channel == channel, MeldingConcept.external_id == external_id))
            await session.commit()

    async def opschonen(self, now: dt.datetime) -> int:
        async with self._sessions() as session:
            result = await session.execute(delete(MeldingConcept).where(
                MeldingConcept.updated_at < now - CONCEPT_BEWAARD))
            await session.commit()
            return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _datum(waarde: Any) -> dt.date:
    return waarde if isinstance(waarde, dt.date) else dt.date.fromisoformat(str(waarde))


class Meldingen:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def opslaan(self, gegevens: Mapping[str, Any], door: str, now: dt.datetime) -> Melding:
        """Store a melding with status geregistreerd, give it its reference, and flag possible duplicates:
        the same pupil (name and date of birth) in an overlapping period, filed by another school."""
        async with self._sessions() as session:
            melding = Melding(**{**gegevens, "geboortedatum": _datum(gegevens["geboortedatum"]),
                                 "eerste_dag": _datum(gegevens["eerste_dag"]),
                                 "laatste_dag": _datum(gegevens["laatste_dag"])},
                              status="geregistreerd", created_at=now)
            andere = list(await session.scalars(select(Melding).where(
                func.lower(Melding.leerling_naam) == melding.leerling_naam.lower(),
                Melding.geboortedatum == melding.geboortedatum, Melding.school_id != melding.school_id,
                Melding.eerste_dag <= melding.laatste_dag, Melding.laatste_dag >= melding.eerste_dag)))
            for ander in andere:
                ander.mogelijk_dubbel = True
            melding.mogelijk_dubbel = bool(andere)
            session.add(melding)
            await session.flush()
            melding.referentie = f"VZ-{now.year}-{melding.id:06d}"
            session.add(MeldingStatus(melding_id=melding.id, status="geregistreerd", door=door, at=now))
            await session.commit()
            return melding

    async def van_school(self, school_id: int) -> list[Melding]:
        async with self._sessions() as session:
            return list(await session.scalars(
                select(Melding).where(Melding.school_id == school_id).order_by(Melding.id.desc())))

    async def status_zetten(self, referentie: str, status: str, door: str, now: dt.datetime,
                            school_id: int | None = None) -> Melding | None:
        """Change the status (one of DUO's), kept in the history; limited to one school when given."""
        if status not in STATUSSEN:
            raise ValueError(f"unknown status {status!r}")
        async with self._sessions() as session:
            query = select(Melding).where(Melding.referentie == referentie.upper())
            if school_id is not None:
                query = query.where(Melding.school_id == school_id)
            melding = await session.scalar(query)
            if melding is None:
                return None
            melding.status = status
            session.add(MeldingStatus(melding_id=melding.id, status=status, door=door, at=now))
            await session.commit()
            return melding

    async def lijst(self, team: str | None = None, van: dt.date | None = None,
                    tot: dt.date | None = None) -> list[Melding]:
        """Meldingen of one team (or all), filed from `van` up to and including `tot`, oldest first."""
        async with self._sessions() as session:
            query = select(Melding).order_by(Melding.id)
            if team:
                query = query.where(Melding.team == team)
            rows = list(await session.scalars(query))
        return [m for m in rows if (van is None or bewust(m.created_at).date() >= van)
                and (tot is None or bewust(m.created_at).date() <= tot)]

    async def met_historie(self, referentie: str) -> tuple[Melding, list[MeldingStatus]] | None:
        async with self._sessions() as session:
            melding = await session.scalar(select(Melding).where(Melding.referentie == referentie.upper()))
            if melding is None:
                return None
            historie = list(await session.scalars(
                select(MeldingStatus).where(MeldingStatus.melding_id == melding.id).order_by(MeldingStatus.id)))
            return melding, historie

    async def opschonen(self, termijnen: Mapping[str, int], standaard: int, now: dt.datetime) -> int:
        """Delete meldingen that are finished (afgesloten, ingetrokken, ter kennisgeving aangenomen) and
        whose last status is older than their team's retention, with their status history."""
        async with self._sessions() as session:
            klaar = list(await session.scalars(select(Melding).where(Melding.status.in_(AFGEROND))))
            rows = (await session.execute(select(MeldingStatus.melding_id, func.max(MeldingStatus.at))
                                          .group_by(MeldingStatus.melding_id))).all()
            laatste: dict[int, dt.datetime] = {int(r[0]): r[1] for r in rows}
            weg = [m.id for m in klaar if m.id in laatste and bewust(laatste[m.id])
                   < now - dt.timedelta(days=termijnen.get(m.team, standaard))]
            if weg:
                await session.execute(delete(MeldingStatus).where(MeldingStatus.melding_id.in_(weg)))
                await session.execute(delete(Melding).where(Melding.id.in_(weg)))
            await session.commit()
            return len(weg)
