"""the web chat: its conversations (hashed tokens) and the outbox of replies streamed to the browser

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_gesprekken",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_gesprekken")),
    )
    op.create_table(
        "web_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("gesprek_id", sa.String(length=64), nullable=False),
        sa.Column("bericht", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_outbox")),
    )
    op.create_index(op.f("ix_web_outbox_gesprek_id"), "web_outbox", ["gesprek_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_web_outbox_gesprek_id"), table_name="web_outbox")
    op.drop_table("web_outbox")
    op.drop_table("web_gesprekken")
