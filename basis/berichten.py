"""Channel-neutral messages: what a front end receives from the pipeline and renders its own way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["ouder", "school", "consulent"]

# The key under which the action server puts its structured data in a message's `custom` part.
PAYLOAD_KEY = "leerbot"
# Who speaks, in a reply's `data`, when it is not the assistant: AFZENDER: CONSULENT_SPREEKT marks a consulent's
# own words relayed to the user (the web page labels them; Telegram shows the text, which names the team).
AFZENDER = "van"
CONSULENT_SPREEKT = "consulent"


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


# How a front end is handed replies for one user: the same signature for every channel.
Deliver = Callable[[ChatUser, list[Reply]], Awaitable[None]]
