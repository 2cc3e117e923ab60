"""A slow Rasa server (really paused with SIGSTOP, not simulated): the user hears within seconds that
the assistant is slower, and then gets the answer exactly once; a second slow turn soon after gets its answer
without a second notice."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from leerbot.supervisor import Supervisor
from testkit.fake_telegram import FakeTelegram
from tests.e2e.conftest import wait_for_text

pytestmark = pytest.mark.e2e


async def test_slow_rasa_gets_a_notice_then_one_answer(
    stack: Supervisor, telegram: FakeTelegram, chat_id: int
) -> None:
    # Warm up this conversation first, so the pause hits the answer and not the language set-up.
    telegram.push_text(chat_id, "hoi")
    await wait_for_text(telegram, chat_id, "leerplicht")
    rasa = stack.by_name("rasa")
    assert rasa.process is not None
    os.kill(rasa.process.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        telegram.push_text(chat_id, "mag mijn zoon een dag eerder op vakantie?")
        await wait_for_text(telegram, chat_id, "trager", timeout=10)
        assert time.monotonic() - started < 6
        await asyncio.sleep(3)
    finally:
        os.kill(rasa.process.pid, signal.SIGCONT)
    await wait_for_text(telegram, chat_id, "13a", timeout=60)
    await asyncio.sleep(2)
    assert len([m for m in telegram.sent_messages(chat_id) if "13a" in m["text"]]) == 1

    os.kill(rasa.process.pid, signal.SIGSTOP)
    try:
        telegram.push_text(chat_id, "krijgt mijn zoon vrij voor de bruiloft van zijn oom?")
        await asyncio.sleep(4.5)
    finally:
        os.kill(rasa.process.pid, signal.SIGCONT)
    await wait_for_text(telegram, chat_id, "art. 14", timeout=60)
    assert len([m for m in telegram.sent_messages(chat_id) if "trager" in m["text"]]) == 1
