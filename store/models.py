"""Typed SQLAlchemy models of the app database. Rasa's tracker store lives in a database of its own."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from basis.klok import SystemClock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return SystemClock().now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Modus(str, Enum):
    """Who answers a sender's next message (bot/router.py); one per account, changed only by the router."""

    ASSISTENT = "assistent"  # the assistant (Rasa)
    MELDING = "melding"  # the melding conversation waits for an answer to its question
    OVERDRACHT = "overdracht"  # a ticket is open: waiting in the queue, or talking with a consulent
    CONSULENT = "consulent"  # a registered consulent working the queue


class Account(Base):
    """A person talking to the assistant on one channel, with the role the front end gives them."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20), default="ouder")
    language: Mapped[str] = mapped_column(String(2), default="nl")
    # None until the router first decides it (accounts from before the router: read off their open ticket/draft).
    modus: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)


class PendingMessage(Base):
    """A user message Rasa could not take yet; answered in order once Rasa is back.

    The text is stored only after personal numbers were redacted, and deleted once answered.
    """

    __tablename__ = "pending_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(Text)
    peildatum: Mapped[dt.date | None] = mapped_column(nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class School(Base):
    """A school the leerplicht administration linked, identified by its BRIN code."""

    __tablename__ = "scholen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    brin: Mapped[str] = mapped_column(String(6), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    gemeente: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Koppelcode(Base):
    """A single-use code that links one chat account to a school. Only its SHA-256 is stored."""

    __tablename__ = "koppelcodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("scholen.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class SchoolKoppeling(Base):
    """A chat account of a staff member that may file meldingen for a school, until revoked."""

    __tablename__ = "school_koppelingen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("scholen.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64), index=True)
    linked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class KoppelPoging(Base):
    """Failed link attempts of one account, so guessing codes is paused after a few tries."""

    __tablename__ = "koppel_pogingen"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64))
    mislukt: Mapped[int] = mapped_column(Integer, default=0)
    gepauzeerd_tot: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class MeldingConcept(Base):
    """A melding being filled in: the answers so far (JSON) and the field asked; kept for 7 days."""

    __tablename__ = "melding_concepten"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64))
    school_id: Mapped[int] = mapped_column(ForeignKey("scholen.id"))
    velden: Mapped[str] = mapped_column(Text, default="{}")
    gevraagd: Mapped[str | None] = mapped_column(String(40), nullable=True)
    actief: Mapped[bool] = mapped_column(Boolean, default=True)  # False: paused, offered again on return
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # Always set from the injected clock by the repository (no onupdate: that would read the system clock).
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Melding(Base):
    """A verzuimmelding filed by a linked school: the municipality's intake, routed to a team."""

    __tablename__ = "meldingen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referentie: Mapped[str | None] = mapped_column(String(20), unique=True, nullable=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("scholen.id"), index=True)
    koppeling_id: Mapped[int] = mapped_column(ForeignKey("school_koppelingen.id"))
    leerling_naam: Mapped[str] = mapped_column(String(200))
    geboortedatum: Mapped[dt.date] = mapped_column(Date)
    woonplaats: Mapped[str] = mapped_column(String(100))
    schooltype: Mapped[str] = mapped_column(String(10))
    leerjaar: Mapped[str] = mapped_column(String(40))
    eerste_dag: Mapped[dt.date] = mapped_column(Date)
    laatste_dag: Mapped[dt.date] = mapped_column(Date)
    uren: Mapped[float] = mapped_column(Float)
    aaneengesloten: Mapped[bool] = mapped_column(Boolean)
    reden: Mapped[str] = mapped_column(Text)
    acties: Mapped[str] = mapped_column(Text)
    verzoek: Mapped[str] = mapped_column(String(40))
    contact_naam: Mapped[str] = mapped_column(String(200))
    contact_telefoon: Mapped[str] = mapped_column(String(40))
    contact_email: Mapped[str] = mapped_column(String(200))
    ouders_geinformeerd: Mapped[bool] = mapped_column(Boolean)
    categorie: Mapped[str] = mapped_column(String(20))
    meldplichtig: Mapped[bool] = mapped_column(Boolean)
    termijn: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    buiten_regio: Mapped[bool] = mapped_column(Boolean, default=False)
    mogelijk_dubbel: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MeldingStatus(Base):
    """Every status a melding had (DUO's statuses), with when and by whom."""

    __tablename__ = "melding_statussen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    melding_id: Mapped[int] = mapped_column(ForeignKey("meldingen.id"), index=True)
    status: Mapped[str] = mapped_column(String(30))
    door: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Gespreksdossier(Base):
    """The facts of a user's conversation with the assistant (JSON, see dossier/model.py): what the user said, per
    case. Replaced after a quiet spell (a new conversation), and deleted with /vergeetmij."""

    __tablename__ = "gespreksdossiers"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64))
    gegevens: Mapped[str] = mapped_column(Text, default="{}")
    # Always set from the injected clock by the repository.
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class WebGesprek(Base):
    """A conversation in the web chat. Its id is the sender id in the pipeline; its bearer token is given to the
    browser once and kept here only as SHA-256 (a 256-bit random token needs no slow hash)."""

    __tablename__ = "web_gesprekken"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class OutboxBericht(Base):
    """A reply waiting for (or already shown in) a web conversation: written by whichever process answers — the web
    server, or the bot relaying a consulent's words — and streamed to the browser in `volgnummer` order, so a
    reconnect resumes after the last number it saw (the event stream's Last-Event-ID). A row's volgnummer is the
    conversation's highest plus one, taken in the insert itself and unique per conversation (store/web.py), so
    when number n is visible every number below it is too; the global `id` only tells the web server's poller
    which conversations got rows (web/outbox.py)."""

    __tablename__ = "web_outbox"
    __table_args__ = (UniqueConstraint("gesprek_id", "volgnummer"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    gesprek_id: Mapped[str] = mapped_column(String(64), index=True)
    volgnummer: Mapped[int] = mapped_column(Integer)
    # As JSON: {"van": "assistent", "consulent" (a consulent's relayed words) or "gebruiker", "tekst": ...,
    # "knoppen": [{"titel": ..., "payload": ...}]}.
    bericht: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class KanaalBericht(Base):
    """A message for a user of a channel the writing process cannot reach: a consulent on Telegram told of a web
    user's ticket or words by a web chat that runs in a process of its own (`leerbot web`). The process that serves
    the channel sends it and deletes the row, so it survives a restart of either side."""

    __tablename__ = "kanaal_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(32), index=True)
    external_id: Mapped[str] = mapped_column(String(64))
    # As JSON: {"tekst": ..., "knoppen": [{"titel": ..., "payload": ...}]}; never a reply's structured data.
    bericht: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
