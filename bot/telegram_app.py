"""The Telegram front end: python-telegram-bot as a transport adapter only. Rasa owns the conversation.

Replies are sent as plain text (no parse mode), so user text and Markdown/HTML characters in it can never
break the formatting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    Updater,
    filters,
)
from telegram.request import BaseRequest

from basis.berichten import ChatUser, Deliver, Reply
from basis.taal import Language
from bot.commandos import COMMANDOS
from bot.pipeline import MessagePipeline
from bot.render import split_text, telegram_keyboard
from content.teksten import tekst

log = logging.getLogger(__name__)

CHANNEL = "telegram"
SEND_BACKOFF_SECONDS = (0.5, 1.0, 2.0)
# Every command goes to the shared pipeline as text, where the router's registry (bot/commandos.py) routes it.
PIPELINE_COMMANDS = [c.naam for c in COMMANDOS]


def menu(taal: Language) -> list[BotCommand]:
    """Telegram's command menu: the everyday commands everyone may use, described in `taal`."""
    return [BotCommand(c.naam, tekst(c.hulp_sleutel, taal)) for c in COMMANDOS if c.in_menu and "ouder" in c.voor]


def chat_user(update: Update) -> ChatUser:
    chat = update.effective_chat
    if chat is None:  # the handlers below only take updates that come from a chat
        raise ValueError("update without a chat")
    return ChatUser(sender_id=f"tg-{chat.id}", channel=CHANNEL)


class TelegramFrontEnd:
    """Handlers and delivery for one Application; holds no conversation state of its own."""

    def __init__(self, pipeline: MessagePipeline, anderen: Mapping[str, Deliver] | None = None) -> None:
        self.pipeline = pipeline
        self.application: Application | None = None  # type: ignore[type-arg]
        self._anderen = dict(anderen or {})

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        """Send replies to the chat behind user.sender_id; structured data stays out of the chat. A user of
        another channel (a web user a consulent answers here) is reached through that channel's deliver; a
        channel we cannot reach raises, so a relay message stays undelivered and is tried again."""
        if user.channel != CHANNEL:
            anders = self._anderen.get(user.channel)
            if anders is None:
                raise LookupError(f"no way to reach channel {user.channel!r} from the Telegram front end")
            await anders(user, replies)
            return
        if self.application is None:
            raise RuntimeError("deliver() before build_application()")
        chat_id = int(user.sender_id.removeprefix("tg-"))
        for reply in replies:
            chunks = split_text(reply.text) if reply.text else []
            if not chunks and reply.buttons:
                chunks = ["…"]
            for index, chunk in enumerate(chunks):
                markup = telegram_keyboard(reply.buttons) if index == len(chunks) - 1 else None
                await self._send(chat_id, chunk, markup)

    async def _send(self, chat_id: int, text: str, markup: Any) -> None:
        """Send one message; network failures are retried with backoff (RetryAfter, Telegram's rate limit,
        is handled by the AIORateLimiter). The last failure propagates, so callers keep what was not sent."""
        if self.application is None:
            raise RuntimeError("send before build_application()")
        for wacht in (*SEND_BACKOFF_SECONDS, None):
            try:
                await self.application.bot.send_message(chat_id=chat_id, text=text, reply_markup=markup)
                return
            except NetworkError:
                if wacht is None:
                    raise
                await asyncio.sleep(wacht)

    async def skip_duplicates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self.pipeline.nieuwe_update(update.update_id):
            log.info("update %d was handled before; skipped", update.update_id)
            raise ApplicationHandlerStop

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message goes through the shared pipeline."""
        if update.effective_message is None:
            return
        await self.pipeline.handle_text(chat_user(update), update.effective_message.text or "", self.deliver)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A pressed inline button: acknowledge, show the choice, remove the keyboard, pass the payload."""
        query = update.callback_query
        if query is None:
            return
        await query.answer()
        choice = _button_title(query)
        shown = getattr(query.message, "text", None)  # None when Telegram no longer gives access
        if shown:
            with contextlib.suppress(TelegramError):
                suffix = f"\n\n→ {choice}" if choice else ""
                await query.edit_message_text(shown + suffix, reply_markup=None)
        await self.pipeline.handle_button(chat_user(update), query.data or "", self.deliver)

    async def on_unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A command we do not know gets a short pointer, not silence."""
        await self.pipeline.reply_fixed(chat_user(update), "onbekend_commando", self.deliver)

    async def on_not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice and other media: say that only text is read."""
        await self.pipeline.reply_fixed(chat_user(update), "alleen_tekst", self.deliver)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log first (type only, never message text), then tell the user without a traceback."""
        log.error("error while handling an update: %s", type(context.error).__name__, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(Exception):
                await self.pipeline.reply_fixed(chat_user(update), "storing", self.deliver)

    async def retry_kept_messages(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Job: answer messages kept while Rasa was down, and resend relay messages Telegram refused."""
        await self.pipeline.retry_pending(CHANNEL, self.deliver)
        await self.pipeline.retry_relay(self.deliver)


def _button_title(query: object) -> str:
    message = getattr(query, "message", None)
    markup = getattr(message, "reply_markup", None)
    data = getattr(query, "data", None)
    for row in getattr(markup, "inline_keyboard", ()) or ():
        for button in row:
            if button.callback_data == data:
                return str(button.text)
    return ""


def build_application(
    token: str,
    pipeline: MessagePipeline,
    *,
    base_url: str,
    base_file_url: str,
    retry_seconds: float = 2.0,
    request: BaseRequest | None = None,
    anderen: Mapping[str, Deliver] | None = None,
) -> tuple[Application, TelegramFrontEnd]:  # type: ignore[type-arg]
    """Application factory: handlers, rate limiter (Telegram's 30 msg/s), retry job, error handler. `anderen`:
    how to reach users of other channels (the web chat's outbox) when a consulent here answers them."""
    front = TelegramFrontEnd(pipeline, anderen)
    builder = (
        Application.builder()
        .token(token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    front.application = application
    # Before any handler: an update Telegram delivers a second time (after a restart) is dropped.
    application.add_handler(TypeHandler(Update, front.skip_duplicates), group=-1)
    application.add_handler(CommandHandler(PIPELINE_COMMANDS, front.on_text))
    application.add_handler(MessageHandler(filters.COMMAND, front.on_unknown_command))
    application.add_handler(CallbackQueryHandler(front.on_button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, front.on_text))
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, front.on_not_text)
    )
    application.add_error_handler(front.on_error)
    if application.job_queue is not None:
        application.job_queue.run_repeating(front.retry_kept_messages, interval=retry_seconds, first=retry_seconds)
    return application, front


async def run_webhook(
    application: Application, stop: asyncio.Event, *, listen: str, port: int, webhook_url: str,  # type: ignore[type-arg]
    secret: str,
) -> None:
    """Webhook mode until `stop` is set: Telegram posts updates to `webhook_url` (through a reverse proxy that
    ends TLS); updates without the secret header are refused. Several workers may serve the same URL."""
    await _serve(application, stop, lambda updater: updater.start_webhook(
        listen=listen, port=port, url_path=urlsplit(webhook_url).path.lstrip("/"), webhook_url=webhook_url,
        secret_token=secret, drop_pending_updates=False,
    ))


async def run_polling(application: Application, stop: asyncio.Event) -> None:  # type: ignore[type-arg]
    """Long polling until `stop` is set (Ctrl-C, or the supervisor stopping)."""
    await _serve(application, stop, lambda updater: updater.start_polling(drop_pending_updates=False))


async def _serve(
    application: Application, stop: asyncio.Event,  # type: ignore[type-arg]
    start_updates: Callable[[Updater], Awaitable[object]],
) -> None:
    async with application:
        if application.updater is None:
            raise RuntimeError("the application was built without an updater")
        await start_updates(application.updater)
        await application.start()
        for taal in ("nl", "en"):
            try:  # a missing menu is no reason not to serve
                await application.bot.set_my_commands(menu(taal), language_code=None if taal == "nl" else taal)
            except TelegramError:
                log.warning("could not set the command menu (%s)", taal)
        try:
            await stop.wait()
        finally:
            await application.updater.stop()
            await application.stop()
