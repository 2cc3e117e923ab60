"""One real stack per test session: the Rasa server with the trained model and the action server,
supervised as `leerbot run` does, on free ports; each test gets the real Telegram Application pointed at
a fresh fake Bot API server."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.telegram_app import build_application, run_polling
from leerbot.app import pipeline_for
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor, build_processes
from store.db import upgrade
from testkit.fake_telegram import FakeTelegram
from testkit.poorten import free_port

PEILDATUM = dt.date(2026, 3, 2)
_chat_ids = itertools.count(100_001)


def make_settings(var_dir: Path) -> Settings:
    return Settings(
        rasa_port=free_port(), action_port=free_port(), var_dir=var_dir,
        database_url=f"sqlite:///{var_dir / 'app.db'}", rasa_tracker_url=f"sqlite:///{var_dir / 'tracker.db'}",
        today=PEILDATUM, slow_notice_seconds=3.0, pending_retry_seconds=1.0,
        telegram_bot_token=None,
    )


@pytest.fixture(scope="session")
def stack_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = make_settings(tmp_path_factory.mktemp("stack"))
    if not settings.model_path.exists():
        pytest.fail(f"no trained model at {settings.model_path}; `make test` trains it first")
    upgrade(settings.app_database_url)
    return settings


@pytest.fixture(scope="session")
def stack(stack_settings: Settings) -> Iterator[Supervisor]:
    supervisor = Supervisor(build_processes(stack_settings), stack_settings.startup_timeout_seconds)
    asyncio.run(supervisor.start())
    try:
        yield supervisor
    finally:
        supervisor.stop()
        for process in supervisor.processes:
            if process.log_path.exists():
                tail = process.log_path.read_text(errors="replace").splitlines()[-15:]
                print(f"--- last lines of {process.name} log ---", *tail, sep="\n")


@pytest.fixture
async def telegram(stack: Supervisor, stack_settings: Settings) -> AsyncIterator[FakeTelegram]:
    """The real Application, long polling a fresh fake Bot API, on the session's stack."""
    fake = FakeTelegram().start()
    stop = asyncio.Event()
    async with pipeline_for(stack_settings) as pipeline:
        application, _ = build_application(
            "123456:TEST-TOKEN", pipeline, base_url=fake.base_url, base_file_url=fake.base_file_url,
            retry_seconds=stack_settings.pending_retry_seconds,
        )
        polling = asyncio.create_task(run_polling(application, stop))
        try:
            yield fake
        finally:
            stop.set()
            await polling
    fake.stop()


@pytest.fixture
def chat_id() -> int:
    """A new chat (and so a new Rasa conversation) for every test."""
    return next(_chat_ids)


async def wait_for(fake: FakeTelegram, chat: int, count: int, timeout: float = 30.0) -> list[dict]:  # type: ignore[type-arg]
    """Wait in a thread, so the bot on this event loop keeps running."""
    return await asyncio.to_thread(fake.wait_for_messages, chat, count, timeout)


async def wait_for_text(fake: FakeTelegram, chat: int, fragment: str, timeout: float = 30.0) -> str:
    """Wait until some message to the chat contains `fragment`; return that message's text."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        for message in fake.sent_messages(chat):
            if fragment in message["text"]:
                return str(message["text"])
        if asyncio.get_running_loop().time() > deadline:
            texts = [m["text"][:60] for m in fake.sent_messages(chat)]
            raise AssertionError(f"no message with {fragment!r} to {chat}: {texts}")
        await asyncio.sleep(0.1)
