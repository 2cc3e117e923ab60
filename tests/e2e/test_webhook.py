"""Webhook mode, as several bot workers behind a reverse proxy run: Telegram's POST with the secret header is
answered through the whole stack; a POST without it is refused and never reaches the assistant."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.telegram_app import build_application, run_webhook
from leerbot.app import pipeline_for
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from testkit.fake_telegram import FakeTelegram
from testkit.poorten import free_port
from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.e2e
SECRET = "geheim_123"


def update(update_id: int, chat: int, text: str) -> dict[str, object]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 1_770_000_000, "text": text,
        "from": {"id": chat, "is_bot": False, "first_name": "Ouder"},
        "chat": {"id": chat, "type": "private", "first_name": "Ouder"}}}


async def test_webhook_updates_with_the_secret_are_answered_others_refused(
    stack: Supervisor, stack_settings: Settings, chat_id: int,
) -> None:
    fake = FakeTelegram().start()
    port = free_port()
    url = f"https://bot.example.nl/telegram/{free_port()}"
    stop = asyncio.Event()
    try:
        async with pipeline_for(stack_settings) as pipeline:
            application, _ = build_application("123456:TEST-TOKEN", pipeline, base_url=fake.base_url,
                                               base_file_url=fake.base_file_url)
            serving = asyncio.create_task(run_webhook(application, stop, listen="127.0.0.1", port=port,
                                                      webhook_url=url, secret=SECRET))
            local = f"http://127.0.0.1:{port}/{url.split('/', 3)[3]}"
            async with httpx.AsyncClient(timeout=5) as client:
                for _ in range(50):  # the worker's server starts in the background
                    if fake.calls_of("setWebhook"):
                        break
                    await asyncio.sleep(0.1)
                [registered] = fake.calls_of("setWebhook")
                assert (registered["url"], registered["secret_token"]) == (url, SECRET)
                refused = await client.post(local, json=update(9_000_001, chat_id, "hoi"))
                assert refused.status_code == 403
                taken = await client.post(local, json=update(9_000_002, chat_id, "mag mijn zoon een dag eerder op "
                                                             "vakantie?"),
                                          headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
                assert taken.status_code == 200
                rule, question = await wait_for(fake, chat_id, 2)  # the rule, and a question with buttons
                assert "13a" in rule["text"]
                assert question["reply_markup"]["inline_keyboard"]
            await asyncio.sleep(1.0)
            assert len(fake.sent_messages(chat_id)) == 2  # the refused update was never answered
            stop.set()
            await serving
    finally:
        stop.set()
        fake.stop()
