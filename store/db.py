"""Engines and sessions, made in factories (never at import time), and Alembic upgrades."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _with_driver(url: str, drivers: dict[str, str]) -> str:
    parsed = make_url(url)
    driver = drivers.get(parsed.get_backend_name())
    return parsed.set(drivername=driver).render_as_string(hide_password=False) if driver else url


def sync_url(url: str) -> str:
    """The URL with a synchronous driver, for Alembic."""
    return _with_driver(url, {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"})


def async_url(url: str) -> str:
    """The URL with an asyncio driver, so database work never blocks the bot's event loop."""
    # psycopg 3 serves both the sync and the asyncio API under one driver name.
    return _with_driver(url, {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+psycopg"})


def ensure_sqlite_dir(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


# How long a SQLite writer waits for another connection's write to finish before giving up.
SQLITE_BUSY_SECONDS = 30.0


def make_engine(url: str) -> AsyncEngine:
    ensure_sqlite_dir(url)
    if make_url(url).get_backend_name() != "sqlite":
        # A server's connections can go stale (a restart, a proxy's idle timeout): checked before use. The pool is
        # larger than SQLAlchemy's 5 + 10: the bot's process also serves the web chat, whose streams each read
        # their conversation when woken, and `make bench` ran out at 15 with 500 open streams beside the Telegram
        # load. 30 stays well under PostgreSQL's default of 100 connections, with Rasa's tracker beside it.
        return create_async_engine(async_url(url), pool_pre_ping=True, pool_size=10, max_overflow=20)
    # The pooled connections of one SQLite file write one at a time. Under load the default 5-second wait
    # ran out ("database is locked", seen in `make bench`); WAL lets readers go on while one connection writes.
    engine = create_async_engine(async_url(url), connect_args={"timeout": SQLITE_BUSY_SECONDS})
    event.listen(engine.sync_engine, "connect", _sqlite_wal)
    return engine


def _sqlite_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would eat a '%' in a password.
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Create or migrate the app database to the newest schema."""
    ensure_sqlite_dir(url)
    command.upgrade(alembic_config(url), revision)
