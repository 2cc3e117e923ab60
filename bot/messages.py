"""Rasa's REST output turned into channel-neutral replies (the types themselves live in basis.berichten)."""

from __future__ import annotations

from typing import Any

from basis.berichten import PAYLOAD_KEY, Button, Reply


def replies_from_rasa(output: list[dict[str, Any]]) -> list[Reply]:
    """Rasa's REST output → replies. A 'custom' item belongs to the text uttered just before it."""
    replies: list[Reply] = []
    for item in output:
        custom = item.get("custom")
        if isinstance(custom, dict) and PAYLOAD_KEY in custom:
            data = custom[PAYLOAD_KEY]
            if replies:
                last = replies[-1]
                replies[-1] = Reply(last.text, last.buttons, {**last.data, **data})
            else:
                replies.append(Reply("", (), dict(data)))
            continue
        text = item.get("text") or ""
        buttons = tuple(
            Button(str(b.get("title", "")), str(b.get("payload", "")))
            for b in item.get("buttons") or []
            if b.get("payload")
        )
        if text or buttons:
            replies.append(Reply(text, buttons))
    return replies
