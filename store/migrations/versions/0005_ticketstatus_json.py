"""tickets: the hand-off's sub-states as statuses, the summary and contact as JSON

A ticket whose municipality was not known had team '?'; now it has no team and status 'gemeente_gevraagd'.
A waiting ticket that asked for contact details had 'contact_gevraagd' in its summary; now that is its status.
`samenvatting` and `contact` become JSON columns (json on PostgreSQL, JSON on SQLite).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ONBEKEND_TEAM = "?"  # the old placeholder
_tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("team", sa.String),
                    sa.column("status", sa.String), sa.column("samenvatting", sa.Text), sa.column("contact", sa.Text))


def _nieuwe_stand(team: str | None, status: str, samenvatting: dict[str, object],
                  contact: str | None) -> tuple[str | None, str]:
    if team == ONBEKEND_TEAM:
        return None, "gemeente_gevraagd" if status in ("wachtend", "heropend") else status
    if samenvatting.pop("contact_gevraagd", False) and status == "wachtend" and contact is None:
        return team, "contact_gevraagd"
    return team, status


def upgrade() -> None:
    # The data first, while both columns are still text on either database.
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("team", existing_type=sa.String(length=100), nullable=True)
    verbinding = op.get_bind()
    for rij in verbinding.execute(sa.select(_tickets)).all():
        samenvatting = json.loads(rij.samenvatting or "{}")
        team, status = _nieuwe_stand(rij.team, rij.status, samenvatting, rij.contact)
        verbinding.execute(_tickets.update().where(_tickets.c.id == rij.id).values(
            team=team, status=status, samenvatting=json.dumps(samenvatting)))
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("samenvatting", existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=False,
                           postgresql_using="samenvatting::json")
        batch.alter_column("contact", existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True,
                           postgresql_using="contact::json")


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("samenvatting", existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=False,
                           postgresql_using="samenvatting::text")
        batch.alter_column("contact", existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True,
                           postgresql_using="contact::text")
    verbinding = op.get_bind()
    for rij in verbinding.execute(sa.select(_tickets)).all():
        samenvatting = json.loads(rij.samenvatting or "{}")
        if rij.status == "contact_gevraagd":
            samenvatting["contact_gevraagd"] = True
        status = {"gemeente_gevraagd": "wachtend", "contact_gevraagd": "wachtend"}.get(rij.status, rij.status)
        verbinding.execute(_tickets.update().where(_tickets.c.id == rij.id).values(
            team=rij.team if rij.team is not None else ONBEKEND_TEAM, status=status,
            samenvatting=json.dumps(samenvatting)))
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("team", existing_type=sa.String(length=100), nullable=False)
