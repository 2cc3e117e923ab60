"""Rasa going down mid-conversation: the user hears so within seconds, the message is kept, the
supervisor restarts Rasa, and the kept message is answered once Rasa is back. Runs last (zz): it
restarts the session's Rasa server."""

from __future__ import annotations

import asyncio
import time

import pytest

from leerbot.supervisor import Supervisor
from testkit.fake_telegram import FakeTelegram
from tests.e2e.conftest import wait_for, wait_for_text

pytestmark = pytest.mark.e2e


async def test_rasa_down_message_is_kept_and_answered_after_restart(
    stack: Supervisor, telegram: FakeTelegram, chat_id: int
) -> None:
    rasa = stack.by_name("rasa")
    assert rasa.process is not None
    rasa.process.kill()
    rasa.process.wait()

    started = time.monotonic()
    telegram.push_text(chat_id, "mag mijn zoon een dag eerder op vakantie?")
    (notice,) = await wait_for(telegram, chat_id, 1, timeout=10)
    assert time.monotonic() - started < 5
    assert "bewaard" in notice["text"]

    watcher = asyncio.create_task(stack.watch(interval=0.5))
    try:
        answer = await wait_for_text(telegram, chat_id, "13a", timeout=300)
    finally:
        watcher.cancel()
    assert "schoolhoofd" in answer
    assert rasa.restarts == 1
    assert len([m for m in telegram.sent_messages(chat_id) if "13a" in m["text"]]) == 1  # answered once


async def test_action_server_down_message_is_kept_and_answered_after_restart(
    stack: Supervisor, telegram: FakeTelegram, chat_id: int
) -> None:
    actions = stack.by_name("actions")
    assert actions.process is not None
    actions.process.kill()
    actions.process.wait()

    telegram.push_text(chat_id, "mag mijn zoon een dag eerder op vakantie?")
    notice = await wait_for_text(telegram, chat_id, "bewaard", timeout=10)
    assert "13a" not in notice

    watcher = asyncio.create_task(stack.watch(interval=0.5))
    try:
        answer = await wait_for_text(telegram, chat_id, "13a", timeout=120)
    finally:
        watcher.cancel()
    assert "schoolhoofd" in answer
    assert actions.restarts == 1
