"""the web outbox numbers each conversation's rows (volgnummer, unique per conversation): the event ids a stream
resumes after, gap-free even when processes commit out of id order

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On SQLite the table is rebuilt with AUTOINCREMENT: a rowid table hands the id of a deleted last row out
    # again, which the outbox poller (web/outbox.py), past that id already, would never see.
    sqlite = op.get_bind().dialect.name == "sqlite"
    autoincrement = {"sqlite_autoincrement": True}  # for every rebuild, or the next one drops it again
    with op.batch_alter_table("web_outbox", recreate="always" if sqlite else "auto",
                              table_kwargs=autoincrement) as batch:
        batch.add_column(sa.Column("volgnummer", sa.Integer(), nullable=True))
    # Rows already there are numbered in id order (they were streamed in that order).
    op.execute("UPDATE web_outbox SET volgnummer = (SELECT count(*) FROM web_outbox AS eerder"
               " WHERE eerder.gesprek_id = web_outbox.gesprek_id AND eerder.id <= web_outbox.id)")
    with op.batch_alter_table("web_outbox", table_kwargs=autoincrement) as batch:
        batch.alter_column("volgnummer", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(op.f("uq_web_outbox_gesprek_id"), ["gesprek_id", "volgnummer"])


def downgrade() -> None:
    with op.batch_alter_table("web_outbox") as batch:
        batch.drop_constraint(op.f("uq_web_outbox_gesprek_id"), type_="unique")
        batch.drop_column("volgnummer")
