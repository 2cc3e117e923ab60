"""Assemble and run the whole assistant: supervisor, pipeline, and one front end."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import signal
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import Application

from basis.berichten import Deliver, Role
from basis.klok import Clock, clock_from_setting
from bot.pipeline import MessagePipeline
from bot.rasa_client import RasaClient
from bot.telegram_app import CHANNEL as TELEGRAM_CHANNEL
from bot.telegram_app import TelegramFrontEnd, build_application, run_polling, run_webhook
from bot.terminal import CHANNEL as TERMINAL_CHANNEL
from bot.terminal import TerminalChat
from bot.wachtrij_dienst import WachtrijDienst
from content.loader import default_rule_set
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor, build_processes, check_ports_free
from leerbot.web_toezicht import WebToezicht, health_url
from meldingen.gesprek import melding_gesprek
from store.db import make_engine, make_session_factory
from store.dossiers import Dossiers
from store.kanaal_outbox import KanaalOutbox
from store.repositories import Accounts, PendingQueue
from store.web import WEB_CHANNEL, Outbox
from web.app import WebInstellingen, create_app, serveer, uvicorn_server

log = logging.getLogger(__name__)


def rasa_client_for(settings: Settings) -> RasaClient:
    return RasaClient(settings.rasa_urls, settings.rasa_auth_token.get_secret_value(), settings.rasa_timeout_seconds,
                      action_health_url=settings.action_health_url)


@dataclass(frozen=True)
class Onderdelen:
    """The pipeline with the database and clock it runs on: what a front end is built from."""

    pipeline: MessagePipeline
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock


@contextlib.asynccontextmanager
async def onderdelen_for(settings: Settings) -> AsyncIterator[Onderdelen]:
    """The shared message path with its Rasa client and database, closed on the way out."""
    engine = make_engine(settings.app_database_url)
    sessions = make_session_factory(engine)
    rasa = rasa_client_for(settings)
    clock = clock_from_setting(settings.today, settings.time_of_day)
    rules = default_rule_set()  # the rule content, read once here and handed to whoever uses it
    dienst = WachtrijDienst(sessions, rasa, clock, rules, settings.tracker_database_url)
    try:
        yield Onderdelen(MessagePipeline(
            rasa, Accounts(sessions), PendingQueue(sessions), clock,
            slow_notice_seconds=settings.slow_notice_seconds,
            meldingen=melding_gesprek(sessions, clock, rules, dienst.wachtrij), wachtrij=dienst,
            dossiers=Dossiers(sessions),
        ), sessions, clock)
    finally:
        await rasa.aclose()
        await engine.dispose()


@contextlib.asynccontextmanager
async def pipeline_for(settings: Settings) -> AsyncIterator[MessagePipeline]:
    async with onderdelen_for(settings) as onderdelen:
        yield onderdelen.pipeline


def web_app_for(settings: Settings, onderdelen: Onderdelen, anderen: Mapping[str, Deliver] | None = None) -> FastAPI:
    """The web chat on the shared pipeline, with the limits of the settings; `anderen` reaches users of the
    channels served in the same process."""
    instellingen = WebInstellingen(max_body_bytes=settings.web_max_body_bytes,
                                   per_gesprek_per_minuut=settings.web_per_gesprek_per_minuut,
                                   per_adres_per_minuut=settings.web_per_adres_per_minuut)
    if settings.web_insluiten is not None:
        instellingen = dataclasses.replace(instellingen, insluiten=settings.web_insluiten)
    return create_app(onderdelen.pipeline, onderdelen.sessions, onderdelen.clock, instellingen, anderen)


@contextlib.asynccontextmanager
async def web_erbij(settings: Settings, onderdelen: Onderdelen, anderen: Mapping[str, Deliver],
                    **toezicht: float) -> AsyncIterator[WebToezicht | None]:
    """The web chat in this process, beside Telegram or the terminal chat (`leerbot run`, so `make run` serves
    it): a web user's hand-off reaches the consulenten served here; their answers go through the outbox, where they
    wake the open streams at once. Entered once /healthz answers (StartupError when it does not); restarted when it
    ends on its own (leerbot/web_toezicht.py; `toezicht` overrides its pauses in tests).
    Off with LEERBOT_WEB_IN_RUN=false."""
    if not settings.web_in_run:
        yield None
        return
    app = web_app_for(settings, onderdelen, anderen)  # one app, so a restarted server has the same limits' state

    async def serveer_hier(server: uvicorn.Server) -> None:
        await serveer(server, retry_seconds=settings.pending_retry_seconds)

    bewaakt = WebToezicht(lambda: uvicorn_server(app, settings.web_listen, settings.web_port, eigen_signalen=False),
                          serveer_hier, health_url(settings.web_listen, settings.web_port), **toezicht)
    await bewaakt.start()
    try:
        yield bewaakt
    finally:
        await bewaakt.stop()


async def run_web(settings: Settings) -> None:
    """`leerbot web`: the web chat alone, on web_listen:web_port; Rasa and the action server run elsewhere.
    A consulent's answer to a web user (from the bot's process) reaches the browser through the outbox."""
    async with onderdelen_for(settings) as onderdelen:
        server = uvicorn_server(web_app_for(settings, onderdelen), settings.web_listen, settings.web_port)
        await serveer(server, retry_seconds=settings.pending_retry_seconds)


def telegram_voor(settings: Settings, onderdelen: Onderdelen,
                  token: str) -> tuple[Application, TelegramFrontEnd]:  # type: ignore[type-arg]
    """The Telegram front end of `leerbot run`. A consulent here may answer a web user: that answer goes to the web
    chat's outbox, whichever process serves the web chat. What a web chat in a process of its own has for the
    consulenten here (a web user's ticket, their words) comes through the kanaal-outbox, sent on the retry job."""
    application, front = build_application(token, onderdelen.pipeline, base_url=settings.telegram_api_base_url,
                                           base_file_url=settings.telegram_file_base_url,
                                           retry_seconds=settings.pending_retry_seconds,
                                           anderen={WEB_CHANNEL: Outbox(onderdelen.sessions).deliver})
    elders = KanaalOutbox(onderdelen.sessions)

    async def van_elders(_context: object) -> None:
        await elders.bezorg(TELEGRAM_CHANNEL, front.deliver)

    if application.job_queue is not None:
        application.job_queue.run_repeating(van_elders, interval=settings.pending_retry_seconds,
                                            first=settings.pending_retry_seconds)
    return application, front


async def serve_telegram(application: Application, settings: Settings, stop: asyncio.Event) -> None:  # type: ignore[type-arg]
    secret = settings.telegram_webhook_secret
    if settings.telegram_webhook_url and secret is not None:
        log.info("serving Telegram (webhook on %s:%d); stop with Ctrl-C", settings.webhook_listen,
                 settings.webhook_port)
        await run_webhook(application, stop, listen=settings.webhook_listen, port=settings.webhook_port,
                          webhook_url=settings.telegram_webhook_url, secret=secret.get_secret_value())
    else:
        log.info("serving Telegram (long polling); stop with Ctrl-C")
        await run_polling(application, stop)


def _install_stop_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)


async def run_assistant(
    settings: Settings, role: Role = "ouder", force_terminal: bool = False, supervise: bool = True
) -> None:
    """Start Rasa and the action server (unless they run elsewhere: supervise=False), then serve Telegram
    (token set) or the terminal chat."""
    # The web chat comes with `leerbot run` only: `leerbot chat` is the terminal alone, and the several workers of a
    # deployment (`leerbot bot`) would all claim its port.
    settings = settings.model_copy(update={"web_in_run": settings.web_in_run and supervise and not force_terminal})
    stop = asyncio.Event()
    _install_stop_signals(stop)
    supervisor = Supervisor(build_processes(settings) if supervise else [], settings.startup_timeout_seconds)
    if supervise:
        check_ports_free(settings)
        log.info("starting the Rasa server and the action server (Rasa needs about a minute)")
    await supervisor.start()
    watcher = asyncio.ensure_future(supervisor.watch())
    try:
        async with onderdelen_for(settings) as onderdelen:
            pipeline = onderdelen.pipeline
            token = settings.telegram_bot_token
            if token is not None and not force_terminal:
                application, front = telegram_voor(settings, onderdelen, token.get_secret_value())
                async with web_erbij(settings, onderdelen, {TELEGRAM_CHANNEL: front.deliver}):
                    await serve_telegram(application, settings, stop)
            else:
                chat = TerminalChat(pipeline, role=role)
                if chat.interactive:
                    log.info("no TELEGRAM_BOT_TOKEN: terminal chat. Type your question; Ctrl-D or Ctrl-C stops.")
                retry = asyncio.ensure_future(chat.retry_loop(stop, settings.pending_retry_seconds))
                try:
                    async with web_erbij(settings, onderdelen, {TERMINAL_CHANNEL: chat.deliver}):
                        await chat.run(stop)
                finally:
                    retry.cancel()
    finally:
        watcher.cancel()
        supervisor.stop()
