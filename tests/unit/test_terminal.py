"""The terminal chat shows its own user's replies only (issue 15, point 6: nothing meant for consulenten reaches
a user on any channel)."""

from __future__ import annotations

import asyncio
import io

from basis.berichten import ChatUser, Reply
from bot.terminal import TerminalChat


def test_the_terminal_prints_its_users_replies_and_never_a_notice_for_a_consulent() -> None:
    uit = io.StringIO()
    chat = TerminalChat(pipeline=None, stdin=io.StringIO(""), stdout=uit)  # type: ignore[arg-type]
    consulent = ChatUser(sender_id="tg-42", channel="telegram", role="consulent")
    asyncio.run(chat.deliver(consulent, [Reply("Nieuw ticket #2 — /pak 2")]))
    asyncio.run(chat.deliver(chat.user, [Reply("Je staat in de wachtrij.")]))
    assert "Je staat in de wachtrij." in uit.getvalue()
    assert "Nieuw ticket" not in uit.getvalue()
