"""The queue tests' environment: a migrated database (SQLite and PostgreSQL, from tests/conftest.py), the hand-off
and the consulent's work on it, a clock the test moves."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from basis.berichten import ChatUser
from bot.consulent import ConsulentWerk
from bot.overdracht import Overdracht
from content.loader import default_rule_set
from store.db import make_engine, make_session_factory, upgrade
from store.scholen import Scholen
from store.wachtrij import Wachtrij
from testkit.klok import Zetklok
from tests.db.omgeving import Omgeving


@pytest.fixture
async def omgeving(database_url: str) -> AsyncIterator[Omgeving]:
    upgrade(database_url)
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    klok, wachtrij, hervat = Zetklok(), Wachtrij(sessions), []

    async def hervatten(user: ChatUser) -> None:
        hervat.append(user.sender_id)

    try:
        yield Omgeving(klok, wachtrij, Overdracht(wachtrij, Scholen(sessions), klok, default_rule_set()),
                       ConsulentWerk(wachtrij, klok, default_rule_set(), hervatten), hervat=hervat)
    finally:
        await engine.dispose()
