"""Render channel-neutral replies for Telegram and for the terminal."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from basis.berichten import Button, Reply

TELEGRAM_MAX_CHARS = 4096
CALLBACK_DATA_MAX_BYTES = 64


def split_text(text: str, limit: int = TELEGRAM_MAX_CHARS) -> list[str]:
    """Split at paragraph or line ends where possible, so no message exceeds Telegram's limit."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def telegram_keyboard(buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
    """Inline buttons whose callback data is the Rasa payload; a payload too long for Telegram sends
    its title as text instead, which goes through NLU like typed text."""
    if not buttons:
        return None
    rows = []
    for button in buttons:
        data = button.payload
        if len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
            data = button.title[:CALLBACK_DATA_MAX_BYTES]
        rows.append([InlineKeyboardButton(button.title, callback_data=data)])
    return InlineKeyboardMarkup(rows)


def terminal_lines(reply: Reply, first_number: int = 1) -> list[str]:
    """A reply as terminal lines; buttons become numbered options that can be typed."""
    lines = reply.text.splitlines() if reply.text else []
    for offset, button in enumerate(reply.buttons):
        lines.append(f"  {first_number + offset}) {button.title}")
    return lines
