"""The web chat's application: `create_app` wires the API, the page and the security middleware to a pipeline;
`serveer` runs it with uvicorn and answers the web users' kept messages once Rasa is back."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
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
from store.kanaal_outbox import KanaalOutbox
from store.web import WEB_CHANNEL, Outbox, WebGesprekken
from web import api
from web.embed import widget_router
from web.insluiten import INSLUITEN, laad_insluiten
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
    insluiten: Path = INSLUITEN  # which municipality's widget may be framed where (web/insluiten.py)


def create_app(
    pipeline: MessagePipeline, sessions: async_sessionmaker[AsyncSession], klok: Clock,
    instellingen: WebInstellingen | None = None, anderen: Mapping[str, Deliver] | None = None,
) -> FastAPI:
    """The web chat on `pipeline`. `anderen`: how to reach users of other channels from here (Telegram, when
    the web chat runs in the bot's process); users of a channel served elsewhere (a consulent on Telegram, when
    this is `leerbot web` alone) are reached through the kanaal-outbox, which that channel's process sends."""
    instellingen = instellingen or WebInstellingen()
    postbus = Postbus(Outbox(sessions))
    routes = dict(anderen or {})
    elders = KanaalOutbox(sessions)

    async def deliver(user: ChatUser, replies: list[Reply]) -> None:
        if user.channel == WEB_CHANNEL:
            await postbus.deliver(user, replies)
        elif user.channel in routes:
            await routes[user.channel](user, replies)
        else:
            await elders.deliver(user, replies)

    # No /docs or /openapi.json: a public endpoint shows no more than it serves.
    app = FastAPI(title="leerbot web", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.chat = api.Chat(pipeline, klok, WebGesprekken(sessions), postbus, deliver,
                              per_gesprek=Limieten(instellingen.per_gesprek_per_minuut),
                              per_adres=Limieten(instellingen.per_adres_per_minuut))
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(widget_router(laad_insluiten(instellingen.insluiten)))

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


class _Webserver(uvicorn.Server):
    """Ends the chat's event streams before uvicorn's own shutdown, which waits for every open connection to
    finish: with a page open, stopping (Ctrl-C, a restart) would otherwise hang until the browser went away."""

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        app = self.config.app
        if isinstance(app, FastAPI):
            app.state.chat.postbus.alles_dicht()
        await super().shutdown(sockets)


class _ZonderSignalen(_Webserver):
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
    return _Webserver(config) if eigen_signalen else _ZonderSignalen(config)


async def serveer(server: uvicorn.Server, retry_seconds: float = 2.0, nalooptijd: float = 10.0) -> None:
    """Serve the app of `uvicorn_server` until uvicorn is told to stop (Ctrl-C, SIGTERM, should_exit); meanwhile
    answer the web users' messages that were kept while Rasa was down, and wake the streams of conversations that
    got replies from another process (the outbox poller, web/outbox.py). Turns still running when it stops get
    `nalooptijd` seconds to finish; then they are cancelled, and the pipeline keeps their messages for the next
    start (the browser was told 202 and will not send them again)."""
    app = server.config.app
    if not isinstance(app, FastAPI):
        raise TypeError("serveer() serves the app of create_app()")
    chat: api.Chat = app.state.chat
    # Beside the server, for as long as it runs (uvicorn runs without lifespan events, see uvicorn_server): the
    # retry of kept messages and the one outbox poller of this process. Open streams are ended by the server's
    # shutdown (_Webserver) and allowed again here, when it serves again (a restart by leerbot.web_toezicht).
    chat.postbus.alles_dicht(False)
    achtergrond = [asyncio.ensure_future(_bewaarde_berichten(chat, retry_seconds)),
                   asyncio.ensure_future(chat.postbus.uitkijken())]
    log.info("serving the web chat on http://%s:%d/chat", server.config.host, server.config.port)
    try:
        await server.serve()
    finally:
        for taak in achtergrond:
            taak.cancel()
        await asyncio.gather(*achtergrond, return_exceptions=True)
        if chat.bezig:  # turns still running: a few seconds to finish, so their answers reach the outbox
            _, lopend = await asyncio.wait(set(chat.bezig), timeout=nalooptijd)
            for taak in lopend:
                taak.cancel()
            if lopend:  # while the database is still there: each cancelled turn keeps its message
                await asyncio.wait(lopend, timeout=5.0)


async def _bewaarde_berichten(chat: api.Chat, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            await chat.pipeline.retry_pending(WEB_CHANNEL, chat.deliver)
        except Exception as exc:  # the next round tries again
            log.warning("answering kept web messages failed: %s", type(exc).__name__)
