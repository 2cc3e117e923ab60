"""The kanaal-outbox on SQLite and PostgreSQL: what a web chat in a process of its own has for a consulent on
Telegram is sent by the bot's process once, in order, also when two workers send at the same time, and kept for
the next round when the send fails."""

from __future__ import annotations

import asyncio

from basis.berichten import Button, ChatUser, Reply
from store.db import make_engine, make_session_factory, upgrade
from store.kanaal_outbox import KanaalOutbox

CONSULENT = ChatUser("tg-7", "telegram", "consulent")


async def test_messages_are_sent_once_in_order_by_the_channel_that_serves_them(database_url: str) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        outbox = KanaalOutbox(make_session_factory(engine))
        await outbox.deliver(CONSULENT, [Reply("Nieuw ticket #1", (Button("Pak #1", "/pak 1"),))])
        await outbox.deliver(CONSULENT, [Reply("[#1] een vraag"), Reply("[#1] nog een")])
        await outbox.deliver(ChatUser("andere-7", "ander"), [Reply("niet voor telegram")])
        verstuurd: list[tuple[ChatUser, Reply]] = []

        async def telegram(user: ChatUser, replies: list[Reply]) -> None:
            await asyncio.sleep(0.01)
            verstuurd.extend((user, r) for r in replies)

        aantallen = await asyncio.gather(outbox.bezorg("telegram", telegram), outbox.bezorg("telegram", telegram))
        assert sum(aantallen) == 3
        assert [r.text for _, r in verstuurd] == ["Nieuw ticket #1", "[#1] een vraag", "[#1] nog een"]
        assert verstuurd[0] == (CONSULENT, Reply("Nieuw ticket #1", (Button("Pak #1", "/pak 1"),)))
        assert await outbox.bezorg("telegram", telegram) == 0  # gone once sent

        async def faalt(user: ChatUser, replies: list[Reply]) -> None:
            raise ConnectionError("Telegram is away")

        await outbox.deliver(CONSULENT, [Reply("[#1] later")])
        assert await outbox.bezorg("telegram", faalt) == 0
        assert await outbox.bezorg("telegram", telegram) == 1  # kept for the next round
        assert verstuurd[-1][1].text == "[#1] later"
        assert await outbox.bezorg("ander", telegram) == 1
    finally:
        await engine.dispose()
