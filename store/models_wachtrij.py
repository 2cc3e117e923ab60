"""Models of the consulent queue: consulenten and their teams, tickets with their messages, the audit log,
processed Telegram updates and per-team retention."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, _now


class TicketStatus(str, enum.Enum):
    """Where a hand-off is. A ticket starts in GEMEENTE_GEVRAAGD (no team yet: the user is asked their
    municipality) or straight in WACHTEND; outside office hours it waits as CONTACT_GEVRAAGD until the user said
    how to be reached; a consulent's claim makes it OPGEPAKT; GESLOTEN ends it; HEROPEND puts it back in line."""

    GEMEENTE_GEVRAAGD = "gemeente_gevraagd"
    WACHTEND = "wachtend"
    CONTACT_GEVRAAGD = "contact_gevraagd"
    OPGEPAKT = "opgepakt"
    GESLOTEN = "gesloten"
    HEROPEND = "heropend"

    def __str__(self) -> str:  # the value, as format() and the database give it
        return self.value


# In the team's queue, waiting for a consulent to claim it.
IN_DE_RIJ = (TicketStatus.WACHTEND, TicketStatus.CONTACT_GEVRAAGD, TicketStatus.HEROPEND)
# The user's messages go to the ticket, not to the assistant.
VOOR_DE_GEBRUIKER_OPEN = (TicketStatus.GEMEENTE_GEVRAAGD, *IN_DE_RIJ, TicketStatus.OPGEPAKT)


class Uitkomst(str, enum.Enum):
    """How a ticket ended: one of the consulent's outcomes, or the user left, or nobody could take it."""

    BEANTWOORD = "beantwoord"
    DOORVERWEZEN = "doorverwezen"
    MELDING_IN_BEHANDELING = "melding_in_behandeling"
    GEEN_ACTIE_NODIG = "geen_actie_nodig"
    NIET_BEREIKBAAR = "niet_bereikbaar"
    GEBRUIKER_GESTOPT = "gebruiker_gestopt"
    GEEN_CONSULENT = "geen_consulent"

    def __str__(self) -> str:
        return self.value


def _als_tekst(soort: type[enum.Enum], lengte: int) -> Enum:
    """An enum stored as its value in a plain VARCHAR (no database enum type to migrate when a value is added)."""
    return Enum(soort, native_enum=False, create_constraint=False, length=lengte,
                values_callable=lambda leden: [lid.value for lid in leden])


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
    team: Mapped[str | None] = mapped_column(String(100), index=True, nullable=True)  # None: not known yet
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64), index=True)
    rol: Mapped[str] = mapped_column(String(20))
    onderwerp: Mapped[str] = mapped_column(String(60))
    prioriteit: Mapped[int] = mapped_column(Integer, default=0)  # 1: worrying signals, first in line
    status: Mapped[TicketStatus] = mapped_column(_als_tekst(TicketStatus, 20), index=True)
    consulent_id: Mapped[int | None] = mapped_column(ForeignKey("consulenten.id"), nullable=True)
    samenvatting: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the hand-off summary
    # How the user wants to be reached: {"soort": "telegram" | "telefoon" | "e-mail", "waarde": ...}; SQL NULL
    # when not given (none_as_null: not a JSON null).
    contact: Mapped[dict[str, str] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    melding_referentie: Mapped[str | None] = mapped_column(String(20), nullable=True)
    uitkomst: Mapped[Uitkomst | None] = mapped_column(_als_tekst(Uitkomst, 40), nullable=True)
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
