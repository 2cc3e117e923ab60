"""The router end to end (issue 15, points 1 and 6): commands from the registry, a typed '/word' that is no
command, and the ways out of a hand-off outside office hours — each through the real Application on the fake
Telegram Bot API, the real Rasa and action servers and the app database."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from basis.klok import clock_from_setting
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from store.db import make_engine, make_session_factory, upgrade
from store.wachtrij import Wachtrij
from testkit.fake_telegram import FakeTelegram
from tests.e2e.test_meldingen_telegram import draaiende_bot, zeg

pytestmark = pytest.mark.e2e
OUDER, CONSULENT, NACHT_ZONDER_TEAM, NACHT_MET_TEAM = 310_001, 310_002, 310_003, 310_004
NACHT = dt.time(22, 30)  # the e2e peildatum is a Monday; the teams' hours are 09:00-17:00 on working days
VRAAG = "mag mijn zoon een dag eerder op vakantie?"


async def registreer_consulent(settings: Settings, chat: int, team: str) -> None:
    engine = make_engine(settings.app_database_url)
    try:
        async with Wachtrij(make_session_factory(engine)).werk() as w:
            await w.consulenten.toevoegen(f"tg-{chat}", "Joke", [team],
                                          clock_from_setting(settings.today).now())
    finally:
        await engine.dispose()


async def test_commands_come_from_the_registry_and_a_typed_payload_changes_nothing(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str,
) -> None:
    settings = stack_settings.model_copy(update={"database_url": sqlite_url})
    upgrade(sqlite_url)
    await registreer_consulent(settings, CONSULENT, "ijssel-vecht")
    async with draaiende_bot(settings) as fake:
        menu = await _menu(fake)
        assert {"start", "help", "stop", "vergeetmij"} <= {c["command"] for c in _commands(menu[0])}
        assert "pak" not in {c["command"] for c in _commands(menu[0])}
        # A user typing what looks like a Rasa payload gets a plain answer; the conversation is not wedged.
        assert "commando ken ik niet" in await zeg(fake, OUDER, "/restart", "commando ken ik niet")
        assert "commando ken ik niet" in await zeg(fake, OUDER, "/handoff_mens", "commando ken ik niet")
        assert "schoolhoofd" in await zeg(fake, OUDER, VRAAG, "schoolhoofd")
        hulp = await zeg(fake, OUDER, "/help", "/vergeetmij")
        assert "/pak" not in hulp
        assert "/pak" in await zeg(fake, CONSULENT, "/help", "/sluit")
        assert "alleen voor geregistreerde" in await zeg(fake, OUDER, "/pak 1", "alleen voor geregistreerde")
        assert "niets om te stoppen" in await zeg(fake, OUDER, "/stop", "niets om te stoppen")


async def _menu(fake: FakeTelegram) -> list[dict[str, Any]]:
    """The setMyCommands calls, once the bot has made them (just after it starts polling)."""
    for _ in range(200):
        if calls := fake.calls_of("setMyCommands"):
            return calls
        await asyncio.sleep(0.05)
    raise AssertionError("the command menu was never set")


def _commands(call: dict[str, Any]) -> list[dict[str, str]]:
    return list(call["commands"])


async def test_outside_office_hours_every_way_out_returns_to_the_assistant(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str,
) -> None:
    settings = stack_settings.model_copy(update={"database_url": sqlite_url, "time_of_day": NACHT})
    upgrade(sqlite_url)
    async with draaiende_bot(settings) as fake:
        # At night, for a municipality whose team has nobody here: said at once, and the assistant goes on.
        await zeg(fake, NACHT_ZONDER_TEAM, "ik wil graag met iemand van leerplicht praten", "In welke gemeente")
        geen = await zeg(fake, NACHT_ZONDER_TEAM, "Nijmegen", "geen consulent")
        assert "aan de assistent blijven stellen" in geen
        assert "schoolhoofd" in await zeg(fake, NACHT_ZONDER_TEAM, VRAAG, "schoolhoofd")
    await registreer_consulent(settings, CONSULENT, "ijssel-vecht")
    async with draaiende_bot(settings) as fake:
        # At night, for a team that has people: no promise of contact before the team opens.
        await zeg(fake, NACHT_MET_TEAM, "ik wil graag met iemand van leerplicht praten", "In welke gemeente")
        nacht = await zeg(fake, NACHT_MET_TEAM, "Zwolle", "Hoe wil je dan bereikt worden")
        assert "nu niet bereikbaar" in nacht
        assert "09:00" in nacht
        bewaard = await zeg(fake, NACHT_MET_TEAM, "telegram", "Genoteerd", knop=True)
        assert "zodra het team weer bereikbaar is" in bewaard
        await zeg(fake, NACHT_MET_TEAM, "/stop", "weer met de assistent")
        assert "schoolhoofd" in await zeg(fake, NACHT_MET_TEAM, VRAAG, "schoolhoofd")
