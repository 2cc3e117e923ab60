"""messages for another channel's process: what a web chat in a process of its own sends consulenten on Telegram

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kanaal_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("bericht", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kanaal_outbox")),
    )
    op.create_index(op.f("ix_kanaal_outbox_channel"), "kanaal_outbox", ["channel"])


def downgrade() -> None:
    op.drop_index(op.f("ix_kanaal_outbox_channel"), table_name="kanaal_outbox")
    op.drop_table("kanaal_outbox")
