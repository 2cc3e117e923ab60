"""The web chat's application: `create_app` wires the API, the page and the security middleware to a pipeline;
`serveer` runs it with uvicorn and answers the web users' kept messages once Rasa is back."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import ChatUser, Deliver, Reply
from basis.klok import Clock
from bot.pipeline import MessagePipeline
from store.web import WEB_CHANNEL, Outbox, WebGesprekken
from web import api
from web.outbox import Postbus
from web.pagina import chat_pagina
from web.security import Beveiliging, Limieten

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
DATABASE_SECONDEN = 5.0  # /healthz: a database slower than this to answer SELECT 1 counts as unreachable


@dataclass(frozen=True)
class WebInstellingen:
    """The knobs of leerbot.settings.Settings the web chat uses (web_*), so this package needs no `leerbot`."""

    max_body_bytes: int = 8192
    per_gesprek_per_minuut: float = 30.0
    per_adres_per_minuut: float = 120.0


def create_app(
    pipeline: MessagePipeline, sessions: async_sessionmaker[AsyncSession], klok: Clock,
    instellingen: WebInstellingen | None = None, anderen: Mapping[str, Deliver] | None = None,
) -> FastAPI:
    """The web chat on `pipeline`. `anderen`: how to reach users of other channels from here (Telegram, when
    the web chat runs in the bot's process); a user we cannot reach raises, so a relay stays undelivered and the
    process that can reach them sends it on its next try."""
    instellingen = instellingen or WebInstellingen()
    postbus = Postbus(Outbox(sessions))
    routes = dict(anderen or {})

    async def deliver(user: ChatUser, replies: list[Reply]) -> None:
        if user.channel == WEB_CHANNEL:
            await postbus.deliver(user, replies)
        elif user.channel in routes:
            await routes[user.channel](user, replies)
        else:
            raise LookupError(f"no way to reach channel {user.channel!r} from the web chat")

    # No /docs or /openapi.json: a public endpoint shows no more than it serves.
    app = FastAPI(title="leerbot web", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.chat = api.Chat(pipeline, klok, WebGesprekken(sessions), postbus, deliver,
                              per_gesprek=Limieten(instellingen.per_gesprek_per_minuut),
                              per_adres=Limieten(instellingen.per_adres_per_minuut))
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/chat", response_class=HTMLResponse)
    async def chat(taal: str = "nl") -> HTMLResponse:
        return HTMLResponse(chat_pagina("en" if taal == "en" else "nl"))

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        """Up, and whether the database answers (503 when not): what `leerbot run` waits for at start-up."""
        try:
            async with sessions() as session:
                await asyncio.wait_for(session.execute(text("SELECT 1")), DATABASE_SECONDEN)
        except (SQLAlchemyError, OSError, asyncio.TimeoutError) as exc:
            log.warning("health check: the database does not answer (%s)", type(exc).__name__)
            return JSONResponse({"status": "storing", "database": "onbereikbaar"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    app.add_middleware(Beveiliging, max_body_bytes=instellingen.max_body_bytes)
    return app


class _ZonderSignalen(uvicorn.Server):
    """uvicorn inside a process that handles its own signals (`leerbot run` stops Telegram, the terminal chat and
    this server on one stop event): it is stopped by setting should_exit, never by a signal of its own."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def uvicorn_server(app: FastAPI, host: str, port: int, *, eigen_signalen: bool = True) -> uvicorn.Server:
    """ws="none": uvicorn's websockets support needs a newer websockets than rasa-sdk allows, and the chat pushes
    with server-sent events anyway. No access log: it would hold every conversation's id and the client's
    address, and tells nothing the counts in our own log do not. `eigen_signalen=False` for a server beside
    others in one process."""
    config = uvicorn.Config(app, host=host, port=port, ws="none", lifespan="off", log_level="warning",
                            access_log=False)
    return uvicorn.Server(config) if eigen_signalen else _ZonderSignalen(config)


async def serveer(server: uvicorn.Server, retry_seconds: float = 2.0) -> None:
    """Serve the app of `uvicorn_server` until uvicorn is told to stop (Ctrl-C, SIGTERM, should_exit); meanwhile
    answer the web users' messages that were kept while Rasa was down, and wake the streams of conversations that
    got replies from another process (the outbox poller, web/outbox.py)."""
    app = server.config.app
    if not isinstance(app, FastAPI):
        raise TypeError("serveer() serves the app of create_app()")
    chat: api.Chat = app.state.chat
    # Beside the server, for as long as it runs (uvicorn runs without lifespan events, see uvicorn_server): the
    # retry of kept messages, the one outbox poller of this process, and the end of the open streams once it stops.
    chat.postbus.alles_dicht(False)
    achtergrond = [asyncio.ensure_future(_bewaarde_berichten(chat, retry_seconds)),
                   asyncio.ensure_future(chat.postbus.uitkijken()),
                   asyncio.ensure_future(_stromen_dicht_bij_stop(server, chat))]
    log.info("serving the web chat on http://%s:%d/chat", server.config.host, server.config.port)
    try:
        await server.serve()
    finally:
        for taak in achtergrond:
            taak.cancel()
        await asyncio.gather(*achtergrond, return_exceptions=True)
        if chat.bezig:  # turns still running: a few seconds to finish, so their answers reach the outbox
            await asyncio.wait(chat.bezig, timeout=10.0)


async def _stromen_dicht_bij_stop(server: uvicorn.Server, chat: api.Chat) -> None:
    """uvicorn waits for every open response before it stops, and an event stream never ends by itself: told to
    stop (should_exit, which uvicorn itself looks at every 0.1 s), the streams are ended."""
    while not server.should_exit:  # noqa: ASYNC110 - a plain attribute, set by a signal handler or our code
        await asyncio.sleep(0.1)
    chat.postbus.alles_dicht()


async def _bewaarde_berichten(chat: api.Chat, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            await chat.pipeline.retry_pending(WEB_CHANNEL, chat.deliver)
        except Exception as exc:  # the next round tries again
            log.warning("answering kept web messages failed: %s", type(exc).__name__)
