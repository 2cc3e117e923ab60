"""schools, link codes, linked accounts, melding drafts, meldingen and their status history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _moment(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "scholen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brin", sa.String(length=6), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("gemeente", sa.String(length=100), nullable=False),
        _moment("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scholen")),
        sa.UniqueConstraint("brin", name=op.f("uq_scholen_brin")),
    )
    op.create_table(
        "koppelcodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        _moment("expires_at"),
        _moment("used_at", nullable=True),
        _moment("created_at"),
        sa.ForeignKeyConstraint(["school_id"], ["scholen.id"], name=op.f("fk_koppelcodes_school_id_scholen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_koppelcodes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_koppelcodes_code_hash")),
    )
    op.create_table(
        "school_koppelingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        _moment("linked_at"),
        _moment("revoked_at", nullable=True),
        sa.ForeignKeyConstraint(["school_id"], ["scholen.id"],
                                name=op.f("fk_school_koppelingen_school_id_scholen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_koppelingen")),
    )
    op.create_index(op.f("ix_school_koppelingen_school_id"), "school_koppelingen", ["school_id"])
    op.create_index(op.f("ix_school_koppelingen_external_id"), "school_koppelingen", ["external_id"])
    op.create_table(
        "koppel_pogingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("mislukt", sa.Integer(), nullable=False),
        _moment("gepauzeerd_tot", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_koppel_pogingen")),
        sa.UniqueConstraint("channel", "external_id", name=op.f("uq_koppel_pogingen_channel")),
    )
    op.create_table(
        "melding_concepten",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("velden", sa.Text(), nullable=False),
        sa.Column("gevraagd", sa.String(length=40), nullable=True),
        sa.Column("actief", sa.Boolean(), nullable=False),
        _moment("created_at"),
        _moment("updated_at"),
        sa.ForeignKeyConstraint(["school_id"], ["scholen.id"],
                                name=op.f("fk_melding_concepten_school_id_scholen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_melding_concepten")),
        sa.UniqueConstraint("channel", "external_id", name=op.f("uq_melding_concepten_channel")),
    )
    op.create_table(
        "meldingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referentie", sa.String(length=20), nullable=True),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("koppeling_id", sa.Integer(), nullable=False),
        sa.Column("leerling_naam", sa.String(length=200), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.Column("woonplaats", sa.String(length=100), nullable=False),
        sa.Column("schooltype", sa.String(length=10), nullable=False),
        sa.Column("leerjaar", sa.String(length=40), nullable=False),
        sa.Column("eerste_dag", sa.Date(), nullable=False),
        sa.Column("laatste_dag", sa.Date(), nullable=False),
        sa.Column("uren", sa.Float(), nullable=False),
        sa.Column("aaneengesloten", sa.Boolean(), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("acties", sa.Text(), nullable=False),
        sa.Column("verzoek", sa.String(length=40), nullable=False),
        sa.Column("contact_naam", sa.String(length=200), nullable=False),
        sa.Column("contact_telefoon", sa.String(length=40), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("ouders_geinformeerd", sa.Boolean(), nullable=False),
        sa.Column("categorie", sa.String(length=20), nullable=False),
        sa.Column("meldplichtig", sa.Boolean(), nullable=False),
        sa.Column("termijn", sa.Date(), nullable=True),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("buiten_regio", sa.Boolean(), nullable=False),
        sa.Column("mogelijk_dubbel", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        _moment("created_at"),
        sa.ForeignKeyConstraint(["school_id"], ["scholen.id"], name=op.f("fk_meldingen_school_id_scholen")),
        sa.ForeignKeyConstraint(["koppeling_id"], ["school_koppelingen.id"],
                                name=op.f("fk_meldingen_koppeling_id_school_koppelingen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meldingen")),
        sa.UniqueConstraint("referentie", name=op.f("uq_meldingen_referentie")),
    )
    op.create_index(op.f("ix_meldingen_school_id"), "meldingen", ["school_id"])
    op.create_index(op.f("ix_meldingen_team"), "meldingen", ["team"])
    op.create_table(
        "melding_statussen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("melding_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("door", sa.String(length=100), nullable=False),
        _moment("at"),
        sa.ForeignKeyConstraint(["melding_id"], ["meldingen.id"],
                                name=op.f("fk_melding_statussen_melding_id_meldingen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_melding_statussen")),
    )
    op.create_index(op.f("ix_melding_statussen_melding_id"), "melding_statussen", ["melding_id"])


def downgrade() -> None:
    for table in ("melding_statussen", "meldingen", "melding_concepten", "koppel_pogingen", "school_koppelingen",
                  "koppelcodes", "scholen"):
        op.drop_table(table)
