"""consulent queue: consulenten, teams, tickets, transcripts, audit log, processed updates, retention

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _moment(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "consulenten",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("actief_ticket_id", sa.Integer(), nullable=True),
        _moment("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consulenten")),
        sa.UniqueConstraint("external_id", name=op.f("uq_consulenten_external_id")),
    )
    op.create_table(
        "consulent_teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consulent_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["consulent_id"], ["consulenten.id"], ondelete="CASCADE",
                                name=op.f("fk_consulent_teams_consulent_id_consulenten")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consulent_teams")),
        sa.UniqueConstraint("consulent_id", "team", name=op.f("uq_consulent_teams_consulent_id")),
    )
    op.create_index(op.f("ix_consulent_teams_consulent_id"), "consulent_teams", ["consulent_id"])
    op.create_index(op.f("ix_consulent_teams_team"), "consulent_teams", ["team"])
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("onderwerp", sa.String(length=60), nullable=False),
        sa.Column("prioriteit", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("consulent_id", sa.Integer(), nullable=True),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("melding_referentie", sa.String(length=20), nullable=True),
        sa.Column("uitkomst", sa.String(length=40), nullable=True),
        sa.Column("notitie", sa.Text(), nullable=True),
        _moment("created_at"),
        _moment("opgepakt_at", nullable=True),
        _moment("gesloten_at", nullable=True),
        sa.ForeignKeyConstraint(["consulent_id"], ["consulenten.id"], name=op.f("fk_tickets_consulent_id_consulenten")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    for column in ("team", "external_id", "status"):
        op.create_index(op.f(f"ix_tickets_{column}"), "tickets", [column])
    op.create_table(
        "ticket_berichten",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("van", sa.String(length=20), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        _moment("created_at"),
        _moment("afgeleverd_at", nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE",
                                name=op.f("fk_ticket_berichten_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_berichten")),
    )
    op.create_index(op.f("ix_ticket_berichten_ticket_id"), "ticket_berichten", ["ticket_id"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        _moment("at"),
        sa.Column("wie", sa.String(length=200), nullable=False),
        sa.Column("actie", sa.String(length=40), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_ticket_id"), "audit", ["ticket_id"])
    op.create_table(
        "verwerkte_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        _moment("at"),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_verwerkte_updates")),
    )
    op.create_table(
        "team_instellingen",
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("bewaartermijn_dagen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team", name=op.f("pk_team_instellingen")),
    )


def downgrade() -> None:
    for table in ("team_instellingen", "verwerkte_updates", "audit", "ticket_berichten", "tickets",
                  "consulent_teams", "consulenten"):
        op.drop_table(table)
