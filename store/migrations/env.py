"""Alembic environment: runs migrations with the URL that store.db.alembic_config sets."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from store import models_wachtrij  # noqa: F401 - registers the queue tables on Base.metadata
from store.models import Base

config = context.config


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection, target_metadata=Base.metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
