"""Schools file verzuimmeldingen through Telegram: fake Bot API → python-telegram-bot → pipeline → Rasa for
the first message, then the melding conversation; on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.telegram_app import build_application, run_polling
from leerbot.app import pipeline_for
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from store.db import make_engine, make_session_factory, upgrade
from store.scholen import Scholen
from testkit.fake_telegram import FakeTelegram

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def school_settings(request: pytest.FixtureRequest, stack_settings: Settings) -> Settings:
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url"))
    upgrade(url)
    return stack_settings.model_copy(update={"database_url": url})


@pytest.fixture
async def bot(stack: Supervisor, school_settings: Settings) -> AsyncIterator[FakeTelegram]:
    async with draaiende_bot(school_settings) as fake:
        yield fake


class draaiende_bot:
    """The real Application on a fresh fake Bot API, with the app database of `settings`."""

    def __init__(self, settings: Settings, fake: FakeTelegram | None = None) -> None:
        self.settings = settings
        self.eigen = fake is None  # a fake of its own is started and stopped here
        self.fake = fake or FakeTelegram()
        self.stop = asyncio.Event()

    async def __aenter__(self) -> FakeTelegram:
        if self.eigen:
            self.fake.start()
        self._pipeline = pipeline_for(self.settings)
        pipeline = await self._pipeline.__aenter__()
        application, _ = build_application("123456:TEST-TOKEN", pipeline, base_url=self.fake.base_url,
                                           base_file_url=self.fake.base_file_url, retry_seconds=1.0)
        self._polling = asyncio.create_task(run_polling(application, self.stop))
        return self.fake

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        await self._polling
        await self._pipeline.__aexit__(None, None, None)
        if self.eigen:
            self.fake.stop()


async def code_voor(settings: Settings, brin: str = "12AB") -> str:
    from basis.klok import clock_from_setting

    engine = make_engine(settings.app_database_url)
    try:
        _, code = await Scholen(make_session_factory(engine)).toevoegen(
            brin, "Het Baken", "Zwolle", clock_from_setting(settings.today).now())
    finally:
        await engine.dispose()
    return code


async def zeg(fake: FakeTelegram, chat: int, tekst: str, verwacht: str, knop: bool = False) -> str:
    """Send a message (or press the button with that payload) and wait for a reply containing `verwacht`;
    returns the text of every new reply."""
    eerder = len(fake.sent_messages(chat))
    if knop:
        fake.push_button(chat, fake.last_bot_message(chat), tekst)
    else:
        fake.push_text(chat, tekst)
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        nieuw = "\n".join(m["text"] for m in fake.sent_messages(chat)[eerder:])
        if verwacht in nieuw:
            return nieuw
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"after {tekst!r} expected {verwacht!r}, got: {nieuw!r}")
        await asyncio.sleep(0.05)


LEERLING = [("Sara de Vries", "geboortedatum"), ("14-03-2012", "gemeente"), ("Zwolle", "groep of klas"),
            ("2 havo", "periode")]
AFRONDING = [("gesprek met leerling en ouders, mentor", "advies, spreekuur"), ("spreekuur", "contactpersoon"),
             ("Mevr. J. Bakker", "telefoonnummer"), ("038 123 4567", "e-mailadres"),
             ("j.bakker@hetbaken.nl", "ouders verteld"), ("ja", "Klopt alles")]


async def koppel_en_start(fake: FakeTelegram, chat: int, settings: Settings, eerste: str) -> None:
    await zeg(fake, chat, f"/koppel {await code_voor(settings)}", "Gekoppeld")
    await zeg(fake, chat, eerste, "naam van de leerling")


@pytest.mark.parametrize(("eerste", "verzuim", "soort", "team_tekst"), [
    ("ik wil een verzuimmelding doen", [("van 2 t/m 20 februari", "Hoeveel uur"), ("18", "aaneengesloten"),
                                        ("nee", "reden"), ("spijbelen", "Wat heeft de school")],
     "wettelijk verzuim", "uiterlijk"),
    ("/melding", [("van 2 t/m 27 februari", "Hoeveel uur"), ("10 uur", "aaneengesloten"),
                                    ("nee", "reden"), ("spijbelt soms het laatste uur", "Wat heeft de school")],
     "overig verzuim", "Melden mag"),
    ("/melding", [("van 9 t/m 13 februari", "Hoeveel uur"), ("30 uur", "aaneengesloten"),
                                    ("ja", "reden"), ("vakantie naar Turkije zonder verlof", "Wat heeft de school")],
     "luxe verzuim", "DUO verwacht"),
    ("/melding", [("van 5 januari t/m 27 februari", "Hoeveel uur"), ("200", "aaneengesloten"),
                                         ("ja", "reden"), ("thuiszitter, angstklachten", "Wat heeft de school")],
     "langdurig relatief verzuim", "DUO verwacht"),
])
async def test_each_kind_of_verzuim_is_filed_stored_and_listed_for_the_team(
    bot: FakeTelegram, chat_id: int, school_settings: Settings, eerste: str, verzuim: list[tuple[str, str]],
    soort: str, team_tekst: str,
) -> None:
    await koppel_en_start(bot, chat_id, school_settings, eerste)
    for tekst, verwacht in LEERLING:
        await zeg(bot, chat_id, tekst, verwacht)
    uitleg = ""
    for tekst, verwacht in verzuim:
        uitleg = await zeg(bot, chat_id, tekst, verwacht)
    assert f"Dit is {soort}" in uitleg
    assert team_tekst in uitleg
    for tekst, verwacht in AFRONDING:
        await zeg(bot, chat_id, tekst, verwacht)
    opgeslagen = await zeg(bot, chat_id, "versturen", "kenmerk", knop=True)
    assert "Team Leerplicht/Doorstroompunt" in opgeslagen
    referentie = opgeslagen.split("kenmerk ")[1].split()[0]
    cli = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "leerbot.cli", "meldingen", "export", "--format", "json", "--team", "ijssel-vecht"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
        env={**os.environ, "DATABASE_URL": school_settings.database_url},
    )
    rijen = json.loads(cli.stdout)
    assert len(rijen) == 1, (cli.stdout, cli.stderr[-2000:], school_settings.database_url)
    [melding] = rijen
    assert melding["referentie"] == referentie
    assert melding["categorie"] in soort
    assert melding["status"] == "geregistreerd"
    assert (melding["leerling_naam"], melding["woonplaats"], melding["leerjaar"]) == ("Sara de Vries", "Zwolle",
                                                                                       "2 havo")
    assert (melding["contact_email"], melding["ouders_geinformeerd"]) == ("j.bakker@hetbaken.nl", True)


async def test_every_bad_answer_gets_a_specific_question_and_nothing_is_lost(
    bot: FakeTelegram, chat_id: int, school_settings: Settings,
) -> None:
    await koppel_en_start(bot, chat_id, school_settings, "/melding")
    stappen = [
        ("Sara de Vries", "geboortedatum"),
        ("14-03-2023", "Dan is de leerling 2 jaar"), ("14-03-1996", "Dan is de leerling 29 jaar"),
        ("14-03-2027", "in de toekomst"), ("14-03-2012", "gemeente"),
        ("Zwole", "Bedoel je Zwolle"), ("Zwolle", "groep of klas"), ("2 havo", "periode"),
        ("van 1 t/m 5 april 2026", "in de toekomst"), ("van 20 t/m 2 februari", "vóór de eerste"),
        ("van 1 september 2024 t/m 20 februari", "langer dan een schooljaar"),
        ("van 16 t/m 17 februari", "Hoeveel uur"), ("40 uur", "past niet in die periode"),
        ("12", "aaneengesloten"), ("nee", "reden"), ("spijbelen", "Wat heeft de school"),
        ("gesprek met ouders", "advies"), ("advies", "contactpersoon"), ("J. Bakker", "telefoonnummer"),
        ("12345", "geen geldig telefoonnummer"), ("+99 1234", "geen geldig telefoonnummer"),
        ("+32 2 555 12 34", "e-mailadres"), ("j.bakker@hetbaken", "geen geldig e-mailadres"),
        ("j.bakker@hetbaken.nl", "ouders verteld"), ("ja", "Klopt alles"),
    ]
    for tekst, verwacht in stappen:
        await zeg(bot, chat_id, tekst, verwacht)
    samenvatting = bot.sent_messages(chat_id)[-2]["text"]
    assert "Sara de Vries" in samenvatting
    assert "16 februari 2026 – 17 februari 2026" in samenvatting
    assert "+32 2 555 12 34" in samenvatting


async def test_a_correction_keeps_the_rest_and_a_cancel_saves_nothing(
    bot: FakeTelegram, chat_id: int, school_settings: Settings,
) -> None:
    await koppel_en_start(bot, chat_id, school_settings, "/melding 18 uur ongeoorloofd")
    for tekst, verwacht in [*LEERLING, ("van 2 t/m 20 februari", "aaneengesloten"), ("nee", "reden"),
                            ("spijbelen", "Wat heeft de school"), *AFRONDING]:
        await zeg(bot, chat_id, tekst, verwacht)
    gewijzigd = await zeg(bot, chat_id, "nee, 12 uur", "Klopt alles")
    assert "Uren ongeoorloofd: 12" in gewijzigd
    assert "Sara de Vries" in gewijzigd
    await zeg(bot, chat_id, "wijzig de woonplaats", "gemeente")
    assert "Woongemeente: Kampen" in await zeg(bot, chat_id, "Kampen", "Klopt alles")
    assert "niets opgeslagen" in await zeg(bot, chat_id, "stop", "niets opgeslagen", knop=True)
    await zeg(bot, chat_id, "/mijnmeldingen", "nog geen meldingen")


async def test_an_unlinked_account_is_refused_and_told_how_to_get_linked(bot: FakeTelegram, chat_id: int) -> None:
    antwoord = await zeg(bot, chat_id, "/melding", "/koppel")
    assert "naam van de leerling" not in antwoord
    assert "Die code klopt niet" in await zeg(bot, chat_id, "/koppel ABCD-EFGH", "code")


async def test_a_draft_is_resumed_after_every_process_restarted(
    stack: Supervisor, stack_settings: Settings, sqlite_url: str, postgres_url: str, chat_id: int,
) -> None:
    instellingen = [stack_settings.model_copy(update={"database_url": url}) for url in (sqlite_url, postgres_url)]
    for settings in instellingen:
        upgrade(settings.database_url)
        async with draaiende_bot(settings) as fake:
            await koppel_en_start(fake, chat_id, settings, "/melding")
            for tekst, verwacht in LEERLING[:2]:
                await zeg(fake, chat_id, tekst, verwacht)
    # Rasa, the action server and the bot all stop; the drafts are only in the databases.
    stack.stop()
    await stack.start()
    for settings in instellingen:
        async with draaiende_bot(settings) as fake:
            await zeg(fake, chat_id, "Zwolle", "groep of klas")
            await zeg(fake, chat_id, "2 havo", "periode")
