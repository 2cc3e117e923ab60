"""Channel-neutral messages: what a front end receives from the pipeline and renders its own way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from actions.context import PAYLOAD_KEY

Role = Literal["ouder", "school", "consulent"]


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One message to show. `data` is structured payload for eval and hand-off; never shown to users."""

    text: str
    buttons: tuple[Button, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChatUser:
    """Who is talking, as the front end knows them."""

    sender_id: str
    channel: str
    role: Role = "ouder"


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
