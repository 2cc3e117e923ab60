"""the router's mode per account

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: accounts from before the router get their mode from their open ticket or draft on first use.
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("modus", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("modus")
