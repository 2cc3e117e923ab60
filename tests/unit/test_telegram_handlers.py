"""The real python-telegram-bot Application with a request class that never touches the network.

Rasa is not running here (its port is closed), which is the real 'Rasa is down' path: messages are kept
in the database and the user is told so.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from basis.berichten import ChatUser, Reply
from basis.klok import FixedClock
from bot.pipeline import MAX_MESSAGE_CHARS, MessagePipeline
from bot.rasa_client import RasaClient
from bot.redact import PLACEHOLDER
from bot.telegram_app import TelegramFrontEnd, build_application
from store.db import make_engine, make_session_factory, upgrade
from store.repositories import Accounts, PendingQueue
from testkit.fake_telegram import BOT_USER
from testkit.poorten import free_port

CHAT = 777


class OfflineRequest(BaseRequest):
    """Answers the few Bot API methods the handlers use from memory; any other call fails the test."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((name, params))
        if name == "getMe":
            result: Any = BOT_USER
        elif name == "sendMessage":
            result = {"message_id": len(self.calls), "date": 0, "chat": {"id": CHAT, "type": "private"},
                      "text": params["text"]}
        else:
            raise AssertionError(f"unexpected Bot API call {name}")
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def sent_texts(self) -> list[str]:
        return [params["text"] for name, params in self.calls if name == "sendMessage"]


@pytest.fixture
async def offline_bot(tmp_path: Path) -> AsyncIterator[tuple[Application, OfflineRequest, PendingQueue]]:  # type: ignore[type-arg]
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rasa = RasaClient(f"http://127.0.0.1:{free_port()}", "token", timeout_seconds=5)
    pending = PendingQueue(sessions)
    import datetime as dt

    pipeline = MessagePipeline(rasa, Accounts(sessions), pending, FixedClock(dt.date(2026, 3, 2)))
    request = OfflineRequest()
    application, _ = build_application(
        "123:ABC", pipeline, base_url="http://offline/bot", base_file_url="http://offline/file/bot",
        request=request,
    )
    await application.initialize()
    try:
        yield application, request, pending
    finally:
        await application.shutdown()
        await rasa.aclose()
        await engine.dispose()


def _update(application: Application, update_id: int, **message: Any) -> Update:  # type: ignore[type-arg]
    data = {"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": {"id": CHAT, "type": "private"},
        "from": {"id": CHAT, "is_bot": False, "first_name": "Ouder"}, **message}}
    return Update.de_json(data, application.bot)


async def test_message_is_kept_when_rasa_is_down_and_the_user_is_told_once(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, pending = offline_bot
    await application.process_update(_update(application, 1, text="mag mijn zoon een dag eerder op vakantie?"))
    await application.process_update(_update(application, 2, text="hallo?"))
    texts = request.sent_texts()
    assert len(texts) == 1
    assert "bewaard" in texts[0]
    kept = await pending.oldest_first("telegram")
    assert [m.text for m in kept] == ["mag mijn zoon een dag eerder op vakantie?", "hallo?"]


async def test_personal_number_is_never_stored_or_echoed(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, pending = offline_bot
    await application.process_update(_update(application, 1, text="BSN 123456782, staat mijn kind ingeschreven?"))
    assert "BSN" in request.sent_texts()[0]
    assert all("123456782" not in t for t in request.sent_texts())
    kept = await pending.oldest_first("telegram")
    assert kept[0].text == f"BSN {PLACEHOLDER}, staat mijn kind ingeschreven?"


async def test_sticker_photo_and_voice_get_a_friendly_answer(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, _ = offline_bot
    sticker = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
               "is_animated": False, "is_video": False}
    await application.process_update(_update(application, 1, sticker=sticker))
    await application.process_update(
        _update(application, 2, photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]))
    await application.process_update(
        _update(application, 3, voice={"file_id": "v", "file_unique_id": "v", "duration": 2}))
    assert request.sent_texts() == [request.sent_texts()[0]] * 3
    assert "alleen tekst" in request.sent_texts()[0]


async def test_unknown_command_is_answered(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, _ = offline_bot
    await application.process_update(_update(
        application, 1, text="/geheim", entities=[{"type": "bot_command", "offset": 0, "length": 7}]))
    assert "commando ken ik niet" in request.sent_texts()[0]


async def test_very_long_message_is_refused_without_losing_anything(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, pending = offline_bot
    await application.process_update(_update(application, 1, text="a" * 10_000))
    assert f"maximaal {MAX_MESSAGE_CHARS}" in request.sent_texts()[0]
    assert await pending.count("telegram") == 0  # never reached Rasa, so no form answer was overwritten


async def test_markup_characters_are_sent_as_plain_text(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, _ = offline_bot
    await application.process_update(_update(application, 1, text="<b>hoi</b> *vet* _schuin_ [x](y)"))
    sends = [params for name, params in request.calls if name == "sendMessage"]
    assert sends
    assert all("parse_mode" not in params for params in sends)


async def test_english_user_gets_english_fixed_texts(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, _ = offline_bot
    await application.process_update(_update(application, 1, text="What is the fine if we leave two days early?"))
    assert "kept" in request.sent_texts()[0]


async def test_arabic_or_turkish_gets_a_bilingual_answer_with_a_consulent_button(offline_bot) -> None:  # type: ignore[no-untyped-def]
    application, request, pending = offline_bot
    await application.process_update(_update(application, 1, text="Merhaba, oğlum için okuldan nasıl izin alabilirim?"))
    await application.process_update(_update(application, 2, text="مرحبا، أريد التحدث مع موظف"))
    sends = [params for name, params in request.calls if name == "sendMessage"]
    assert len(sends) == 2
    for params in sends:
        assert "alleen Nederlands en Engels" in params["text"]
        assert "only understand Dutch and English" in params["text"]
        assert "handoff_mens" in json.dumps(params["reply_markup"])
    assert await pending.count("telegram") == 0  # answered by the front end, never waiting for Rasa


async def test_a_consulent_answering_a_web_user_on_telegram_writes_to_the_web_outbox() -> None:
    bij_web: list[tuple[ChatUser, list[Reply]]] = []

    async def outbox(user: ChatUser, replies: list[Reply]) -> None:
        bij_web.append((user, replies))

    front = TelegramFrontEnd(pipeline=None, anderen={"web": outbox})  # type: ignore[arg-type]
    await front.deliver(ChatUser("web-abc", "web"), [Reply("Een consulent van team X: hallo")])
    assert bij_web == [(ChatUser("web-abc", "web"), [Reply("Een consulent van team X: hallo")])]
    with pytest.raises(LookupError):  # so a relay message stays undelivered and is tried again
        await front.deliver(ChatUser("x", "elders"), [Reply("hallo")])
