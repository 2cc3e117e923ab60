"""Schools, their single-use link codes and the staff accounts linked to them."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.klok import AMSTERDAM
from store.models import Koppelcode, KoppelPoging, School, SchoolKoppeling

CODE_ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read aloud and retyped
CODE_GELDIG = dt.timedelta(days=14)
MAX_MISLUKT = 5
PAUZE = dt.timedelta(minutes=15)


def bewust(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every moment here was written in Dutch local time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=AMSTERDAM)


def _hash(code: str) -> str:
    kaal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(kaal.encode()).hexdigest()


def nieuwe_code() -> str:
    tekens = "".join(secrets.choice(CODE_ALFABET) for _ in range(8))
    return f"{tekens[:4]}-{tekens[4:]}"


@dataclass(frozen=True)
class Koppelresultaat:
    uitkomst: str  # gekoppeld | fout | pauze
    school: School | None = None
    minuten: int = 0


class Scholen:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def toevoegen(self, brin: str, naam: str, gemeente: str, now: dt.datetime) -> tuple[School, str]:
        """A school (or the existing one with this BRIN) and a fresh link code, shown once."""
        async with self._sessions() as session:
            school = await session.scalar(select(School).where(School.brin == brin.upper()))
            if school is None:
                school = School(brin=brin.upper(), naam=naam, gemeente=gemeente, created_at=now)
                session.add(school)
                await session.flush()
            code = nieuwe_code()
            session.add(Koppelcode(school_id=school.id, code_hash=_hash(code), expires_at=now + CODE_GELDIG,
                                   created_at=now))
            await session.commit()
            return school, code

    async def lijst(self) -> list[tuple[School, int]]:
        """Every school with its number of active linked accounts."""
        async with self._sessions() as session:
            actief = (select(SchoolKoppeling.school_id, func.count().label("n"))
                      .where(SchoolKoppeling.revoked_at.is_(None)).group_by(SchoolKoppeling.school_id).subquery())
            rows = await session.execute(
                select(School, func.coalesce(actief.c.n, 0)).outerjoin(actief, actief.c.school_id == School.id)
                .order_by(School.brin))
            return [(school, int(n)) for school, n in rows.all()]

    async def intrekken(self, brin: str, now: dt.datetime, external_id: str | None = None) -> int:
        """Revoke the links of a school (or of one account of it), and its unused codes; returns links revoked."""
        async with self._sessions() as session:
            school = await session.scalar(select(School).where(School.brin == brin.upper()))
            if school is None:
                return 0
            query = update(SchoolKoppeling).where(SchoolKoppeling.school_id == school.id,
                                                  SchoolKoppeling.revoked_at.is_(None))
            if external_id is not None:
                query = query.where(SchoolKoppeling.external_id == external_id)
            result = await session.execute(query.values(revoked_at=now))
            if external_id is None:
                await session.execute(update(Koppelcode).where(Koppelcode.school_id == school.id,
                                                               Koppelcode.used_at.is_(None)).values(used_at=now))
            await session.commit()
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def koppel(self, channel: str, external_id: str, code: str, now: dt.datetime) -> Koppelresultaat:
        """Use a link code once. Wrong or expired codes count; after a few, the account pauses."""
        async with self._sessions() as session:
            poging = await session.scalar(select(KoppelPoging).where(
                KoppelPoging.channel == channel, KoppelPoging.external_id == external_id))
            if poging is not None and poging.gepauzeerd_tot and bewust(poging.gepauzeerd_tot) > now:
                minuten = max(1, int((bewust(poging.gepauzeerd_tot) - now).total_seconds() // 60) + 1)
                return Koppelresultaat("pauze", minuten=minuten)
            # Claimed with one UPDATE, so two accounts typing the same code cannot both win.
            claimed = await session.execute(
                update(Koppelcode).where(Koppelcode.code_hash == _hash(code), Koppelcode.used_at.is_(None),
                                         Koppelcode.expires_at > now)
                .values(used_at=now).returning(Koppelcode.school_id))
            school_id = claimed.scalar_one_or_none()
            if school_id is None:
                if poging is None:
                    poging = KoppelPoging(channel=channel, external_id=external_id, mislukt=0)
                    session.add(poging)
                poging.mislukt += 1
                if poging.mislukt >= MAX_MISLUKT:
                    poging.gepauzeerd_tot, poging.mislukt = now + PAUZE, 0
                await session.commit()
                return Koppelresultaat("fout")
            await session.execute(update(SchoolKoppeling).where(
                SchoolKoppeling.channel == channel, SchoolKoppeling.external_id == external_id,
                SchoolKoppeling.revoked_at.is_(None)).values(revoked_at=now))  # one school per account
            session.add(SchoolKoppeling(school_id=school_id, channel=channel, external_id=external_id, linked_at=now))
            if poging is not None:
                poging.mislukt, poging.gepauzeerd_tot = 0, None
            await session.commit()
            return Koppelresultaat("gekoppeld", school=await session.get(School, school_id))

    async def school_van(self, channel: str, external_id: str) -> tuple[School, int] | None:
        """The school this account files for, and the link's id; None when not (or no longer) linked."""
        async with self._sessions() as session:
            row = (await session.execute(
                select(School, SchoolKoppeling.id).join(SchoolKoppeling, SchoolKoppeling.school_id == School.id)
                .where(SchoolKoppeling.channel == channel, SchoolKoppeling.external_id == external_id,
                       SchoolKoppeling.revoked_at.is_(None)))).first()
            return (row[0], int(row[1])) if row else None
