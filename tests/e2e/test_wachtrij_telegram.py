"""The consulent queue end to end: one parent and two consulenten (and one of another team) on the fake
Telegram Bot API, the real Rasa and action servers, the queue in the database."""

from __future__ import annotations

import asyncio
import re

import pytest

from basis.klok import clock_from_setting
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from store.db import make_engine, make_session_factory, upgrade
from store.wachtrij import Wachtrij
from testkit.fake_telegram import FakeTelegram
from tests.e2e.test_meldingen_telegram import draaiende_bot, zeg

pytestmark = pytest.mark.e2e
OUDER, PETRA, KARIM, ANNA, ONBEKEND = 300_001, 300_002, 300_003, 300_004, 300_005
ZONDER_TEAM, STOPPER, CONSULENT_ZWOLLE = 300_006, 300_007, 300_008


async def registreer(settings: Settings) -> None:
    engine = make_engine(settings.app_database_url)
    try:
        now = clock_from_setting(settings.today).now()
        async with Wachtrij(make_session_factory(engine)).werk() as w:
            for chat, naam, team in ((PETRA, "Petra", "ijssel-vecht"), (KARIM, "Karim", "ijssel-vecht"),
                                     (ANNA, "Anna", "nijmegen")):
                await w.consulenten.toevoegen(f"tg-{chat}", naam, [team], now)
    finally:
        await engine.dispose()


async def wacht_op(fake: FakeTelegram, chat: int, fragment: str, vanaf: int = 0) -> str:
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        for bericht in fake.sent_messages(chat)[vanaf:]:
            if fragment in bericht["text"]:
                return str(bericht["text"])
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{chat} never got {fragment!r}: {[m['text'][:80] for m in fake.sent_messages(chat)]}")
        await asyncio.sleep(0.05)


async def test_handoff_race_relay_transfer_restart_close_and_the_bot_again(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str,
) -> None:
    settings = stack_settings.model_copy(update={"database_url": sqlite_url})
    upgrade(sqlite_url)
    await registreer(settings)
    async with draaiende_bot(settings) as fake:
        await zeg(fake, OUDER, "ik wil graag met iemand van leerplicht praten", "In welke gemeente")
        antwoord = await zeg(fake, OUDER, "Zwolle", "Je staat in de wachtrij")
        if "niet bereikbaar" in antwoord:  # outside office hours (the test clock keeps the real time of day)
            await wacht_op(fake, OUDER, "Hoe wil je")
            await zeg(fake, OUDER, "telegram", "Genoteerd")
        nieuw = await wacht_op(fake, PETRA, "Nieuw ticket")
        await wacht_op(fake, KARIM, "Nieuw ticket")
        nummer = int(re.search(r"#(\d+)", nieuw).group(1))  # type: ignore[union-attr]
        assert "De wachtrij is leeg" in await zeg(fake, ANNA, "/wachtrij", "wachtrij")
        assert "bestaat niet in jouw team" in await zeg(fake, ANNA, f"/pak {nummer}", "bestaat niet")
        assert "alleen voor geregistreerde" in await zeg(fake, ONBEKEND, f"/pak {nummer}", "geregistreerde")
        await zeg(fake, OUDER, "het gaat over mijn zoon van 12", "bewaard")

        # Both consulenten claim at once: exactly one wins, the other hears who has it.
        voor = {c: len(fake.sent_messages(c)) for c in (PETRA, KARIM)}
        assert "Nieuw ticket" in fake.last_bot_message(PETRA)["text"]
        fake.push_button(PETRA, fake.last_bot_message(PETRA), f"/pak {nummer}")  # the button under the ticket
        fake.push_text(KARIM, f"/pak {nummer}")
        uitslagen = [await wacht_op(fake, c, f"#{nummer}", voor[c]) for c in (PETRA, KARIM)]
        winnaars = [u for u in uitslagen if u.startswith("Je hebt ticket")]
        assert len(winnaars) == 1
        assert any("al opgepakt door" in u for u in uitslagen)
        winnaar, ander = (PETRA, KARIM) if uitslagen[0].startswith("Je hebt") else (KARIM, PETRA)
        assert "het gaat over mijn zoon van 12" in winnaars[0]  # kept while waiting, shown on claim
        await wacht_op(fake, OUDER, "heeft je gesprek opgepakt")

        # Relay both ways; the parent never sees who the consulent is.
        fake.push_text(OUDER, "Mag hij mee naar de begrafenis van zijn opa in Marokko?")
        await wacht_op(fake, winnaar, f"[#{nummer}] Mag hij mee")
        fake.push_text(winnaar, "Ja, daar kijken we samen naar.")
        gezien = await wacht_op(fake, OUDER, "Een consulent van Team Leerplicht/Doorstroompunt: Ja, daar kijken")
        assert "Petra" not in gezien
        assert "Karim" not in gezien

        # A transfer to the colleague.
        naam = "Karim" if winnaar == PETRA else "Petra"
        await zeg(fake, winnaar, f"/overdragen {nummer} {naam}", "overgedragen aan")
        await wacht_op(fake, ander, "aan je overgedragen")

    # Every process restarts in the middle of the conversation.
    stack.stop()
    await stack.start()
    fake = FakeTelegram().start()
    try:
        async with draaiende_bot(settings, fake):
            fake.push_text(OUDER, "Bent u er nog?")
            await wacht_op(fake, ander, f"[#{nummer}] Bent u er nog?")
        # The bot stopped before Telegram knew the update was handled: Telegram sends it again.
        fake.redeliver(fake._delivered[-1]["update_id"])
        async with draaiende_bot(settings, fake):
            fake.push_text(OUDER, "Hallo?")
            await wacht_op(fake, ander, f"[#{nummer}] Hallo?")
            doorgestuurd = [m["text"] for m in fake.sent_messages(ander)]
            assert doorgestuurd.count(f"[#{nummer}] Bent u er nog?") == 1
            await _afronden(fake, ander, nummer)
    finally:
        fake.stop()

    engine = make_engine(settings.app_database_url)
    try:
        async with Wachtrij(make_session_factory(engine)).werk() as w:
            acties = [r.actie for r in await w.tickets.audit_regels(nummer)]
            berichten = await w.tickets.berichten(nummer)
        assert acties[:2] == ["opgepakt", "overgedragen"]
        assert acties[-1] == "gesloten"
        transcript = [(b.van, b.tekst) for b in berichten]
        assert transcript.count(("gebruiker", "Bent u er nog?")) == 1
        assert all(b.afgeleverd_at is not None for b in berichten)
    finally:
        await engine.dispose()


async def _afronden(fake: FakeTelegram, ander: int, nummer: int) -> None:
    """The consulent answers and closes; the parent is back with the assistant, which answers again."""
    fake.push_text(ander, "Ja hoor. U kunt het verlof bij de directeur aanvragen.")
    await wacht_op(fake, OUDER, "U kunt het verlof bij de directeur aanvragen")
    await zeg(fake, ander, f"/sluit {nummer} beantwoord verlof art. 14 uitgelegd", "is gesloten")
    await wacht_op(fake, OUDER, "weer met de assistent")
    # The assistant answers again.
    antwoord = await zeg(fake, OUDER, "mag mijn zoon een dag eerder op vakantie?", "13a")
    assert "schoolhoofd" in antwoord


async def test_every_way_out_of_a_handoff_returns_the_user_to_the_assistant(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str,
) -> None:
    """Issue 15, point 6: a municipality without a consulent here, and /stop while waiting, both give the
    conversation back to the assistant, which answers the next question (it used to stay paused for good)."""
    settings = stack_settings.model_copy(update={"database_url": sqlite_url})
    upgrade(sqlite_url)
    async with draaiende_bot(settings) as fake:
        # Nobody of the Zwolle team is registered yet: the ticket ends at once.
        await zeg(fake, ZONDER_TEAM, "ik wil graag met iemand van leerplicht praten", "In welke gemeente")
        geen = await zeg(fake, ZONDER_TEAM, "Zwolle", "geen consulent")
        assert "aan de assistent blijven stellen" in geen
        antwoord = await zeg(fake, ZONDER_TEAM, "mag mijn zoon een dag eerder op vakantie?", "13a")
        assert "schoolhoofd" in antwoord

    engine = make_engine(settings.app_database_url)
    try:
        now = clock_from_setting(settings.today).now()
        async with Wachtrij(make_session_factory(engine)).werk() as w:
            await w.consulenten.toevoegen(f"tg-{CONSULENT_ZWOLLE}", "Joke", ["ijssel-vecht"], now)
    finally:
        await engine.dispose()
    async with draaiende_bot(settings) as fake:
        # Waiting in the queue, the user stops: back to the assistant.
        await zeg(fake, STOPPER, "ik wil graag met iemand van leerplicht praten", "In welke gemeente")
        await zeg(fake, STOPPER, "Zwolle", "Doorstroompunt")
        await wacht_op(fake, CONSULENT_ZWOLLE, "Nieuw ticket")
        await zeg(fake, STOPPER, "/stop", "weer met de assistent")
        antwoord = await zeg(fake, STOPPER, "mag mijn zoon een dag eerder op vakantie?", "13a")
        assert "schoolhoofd" in antwoord
