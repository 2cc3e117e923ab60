"""The cold start as a user meets it: `make run` on a set-up machine until the first answer to a real question
(one that goes through Rasa, the action server and the rules), measured three times; the median is reported.
Part of `make bench` (and alone with `make bench BENCH_ARGS=--cold-only`)."""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.load import Inbox
from bench.stack import Stack
from testkit.fake_telegram import FakeTelegram
from testkit.poorten import free_port

CHAT = 4242
VRAAG = "Wij hebben een camping en kunnen nooit in de zomer weg. Mag onze dochter in mei een week mee op vakantie?"
# The answer names who decides; a notice that the assistant is still starting does not.
ANTWOORD = "directeur"
STARTS = 3
TIMEOUT_S = 300


async def een_start(var_dir: Path, peildatum: str) -> float:
    """Seconds from `make run` to the answer to VRAAG, which is sent at once (it waits while the stack starts)."""
    shutil.rmtree(var_dir, ignore_errors=True)
    fake = FakeTelegram().start()
    inbox = Inbox(asyncio.get_running_loop())
    fake.on_send = inbox.on_send
    env = {"TELEGRAM_BOT_TOKEN": "123456:BENCH", "TELEGRAM_API_BASE_URL": fake.base_url,
           "TELEGRAM_FILE_BASE_URL": fake.base_file_url, "LEERBOT_TODAY": peildatum,
           "LEERBOT_RASA_PORT": str(free_port()), "LEERBOT_ACTION_PORT": str(free_port()),
           # `make run` serves the web chat too: on a free port, so a chat on 8080 elsewhere does not stop it.
           "LEERBOT_WEB_PORT": str(free_port())}
    stack = Stack(var_dir.name, var_dir, env)
    try:
        started = stack.start()
        fake.push_text(CHAT, VRAAG)
        while True:
            antwoorden = [at for text, at in inbox.messages[CHAT] if ANTWOORD in text]
            if antwoorden:
                return round(antwoorden[0] - started, 1)
            if not stack.running():
                raise RuntimeError(f"`make run` stopped:\n{stack.log_tail()}")
            if time.monotonic() - started > TIMEOUT_S:
                raise RuntimeError(f"no answer after {TIMEOUT_S} s:\n{stack.log_tail()}")
            await asyncio.sleep(0.1)
    finally:
        stack.stop()
        fake.stop()


async def koude_starts(out: Path, peildatum: str) -> dict[str, Any]:
    """Three cold starts one after another; each starts from a stopped stack with a fresh var folder."""
    tijden = []
    for ronde in range(1, STARTS + 1):
        tijden.append(await een_start(out / f"cold-{ronde}", peildatum))
        print(f"[cold start {ronde}/{STARTS}] first answer {tijden[-1]} s after `make run`", file=sys.stderr)
    return {"runs_s": tijden, "median_s": statistics.median(tijden)}
