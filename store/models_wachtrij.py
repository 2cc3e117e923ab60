"""Models of the consulent queue: consulenten and their teams, tickets with their messages, the audit log,
processed Telegram updates and per-team retention."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, _now

WACHTEND, OPGEPAKT, GESLOTEN, HEROPEND = "wachtend", "opgepakt", "gesloten", "heropend"
OPEN_STATUSSEN = (WACHTEND, HEROPEND)  # waiting for a consulent


class Consulent(Base):
    """A registered consulent: only these may use the consulent commands, each for their own team(s)."""

    __tablename__ = "consulenten"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    actief_ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # where their text goes
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ConsulentTeam(Base):
    __tablename__ = "consulent_teams"
    __table_args__ = (UniqueConstraint("consulent_id", "team"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consulent_id: Mapped[int] = mapped_column(ForeignKey("consulenten.id", ondelete="CASCADE"), index=True)
    team: Mapped[str] = mapped_column(String(100), index=True)


class Ticket(Base):
    """A conversation handed to the consulenten of one team, with the summary they read first."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64), index=True)
    rol: Mapped[str] = mapped_column(String(20))
    onderwerp: Mapped[str] = mapped_column(String(60))
    prioriteit: Mapped[int] = mapped_column(Integer, default=0)  # 1: worrying signals, first in line
    status: Mapped[str] = mapped_column(String(20), index=True)
    consulent_id: Mapped[int | None] = mapped_column(ForeignKey("consulenten.id"), nullable=True)
    samenvatting: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the hand-off summary
    contact: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON: how the user wants to be reached
    melding_referentie: Mapped[str | None] = mapped_column(String(20), nullable=True)
    uitkomst: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notitie: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    opgepakt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    gesloten_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class TicketBericht(Base):
    """Every message of a handed-off conversation: the transcript, and the relay's delivery state."""

    __tablename__ = "ticket_berichten"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    van: Mapped[str] = mapped_column(String(20))  # gebruiker | consulent | assistent
    tekst: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    afgeleverd_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditRegel(Base):
    """Who viewed, claimed, transferred, closed or reopened which ticket, and when."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    wie: Mapped[str] = mapped_column(String(200))
    actie: Mapped[str] = mapped_column(String(40))
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    details: Mapped[str] = mapped_column(Text, default="")


class VerwerkteUpdate(Base):
    """Telegram update ids already handled, so an update delivered twice is handled once."""

    __tablename__ = "verwerkte_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class TeamInstelling(Base):
    """How long a team keeps transcripts (and meldingen) after a ticket closed."""

    __tablename__ = "team_instellingen"

    team: Mapped[str] = mapped_column(String(100), primary_key=True)
    bewaartermijn_dagen: Mapped[int] = mapped_column(Integer, default=90)
