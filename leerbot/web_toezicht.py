"""The web chat served inside the bot's process (`leerbot run`), watched as leerbot.supervisor watches its children:
start-up waits until GET /healthz answers 200 (a taken port or an unreachable database fails it, with the reason),
and a server that ends while it should run is logged and started again, after a pause that doubles per quick
failure up to a limit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

import httpx
import uvicorn

from leerbot.supervisor import StartupError

log = logging.getLogger(__name__)

START_SECONDEN = 20.0  # uvicorn is up within a second; the rest is for a slow database's first answer
MIN_PAUZE, MAX_PAUZE = 1.0, 60.0
# A server that ran this long before it ended starts again after the shortest pause.
LANG_GENOEG_SECONDEN = 60.0


def health_url(listen: str, port: int) -> str:
    """Where this process reaches its own web chat: a wildcard address is asked on loopback."""
    host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(listen, listen)  # noqa: S104 - compared
    return f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"


class WebToezicht:
    """Runs `serveer(maak_server())` until `stop`, and again whenever it ends without being told to."""

    def __init__(self, maak_server: Callable[[], uvicorn.Server], serveer: Callable[[uvicorn.Server], Awaitable[None]],
                 health_url: str, start_seconden: float = START_SECONDEN, min_pauze: float = MIN_PAUZE,
                 max_pauze: float = MAX_PAUZE) -> None:
        self._maak, self._serveer, self.health_url = maak_server, serveer, health_url
        self._start_seconden, self._min_pauze, self._max_pauze = start_seconden, min_pauze, max_pauze
        self._server: uvicorn.Server | None = None
        self._taak: asyncio.Future[str] | None = None
        self._bewaking: asyncio.Task[None] | None = None
        self._stoppen = False
        self._begonnen = 0.0
        self.herstarts = 0

    @property
    def server(self) -> uvicorn.Server | None:
        """The uvicorn server running now (a test ends it to see it come back)."""
        return self._server

    async def start(self) -> None:
        """Serve, and return once /healthz answers; StartupError when it never does or the server ends first."""
        self._stoppen = False
        taak = self._begin()
        try:
            await self._wacht_gezond(taak)
        except BaseException:
            await self._stop_server()
            raise
        self._bewaking = asyncio.ensure_future(self._bewaak(taak))
        log.info("web chat ready (%s)", self.health_url)

    async def stop(self) -> None:
        self._stoppen = True
        if self._bewaking is not None:
            self._bewaking.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._bewaking
        await self._stop_server()

    def _begin(self) -> asyncio.Future[str]:
        self._server = self._maak()
        self._taak = taak = asyncio.ensure_future(self._draai(self._server))
        self._begonnen = time.monotonic()
        return taak

    async def _draai(self, server: uvicorn.Server) -> str:
        """One life of the server; why it ended. uvicorn ends a failed start (a taken port) with sys.exit, which
        in a task would end the whole event loop: it is caught here and told as a reason."""
        try:
            await self._serveer(server)
        except SystemExit as exc:
            return f"uvicorn could not start (exit code {exc.code}; is port {server.config.port} taken?)"
        except Exception as exc:
            return f"it failed: {type(exc).__name__}"
        return "it stopped"

    async def _stop_server(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._taak is not None:
            await self._taak

    async def _wacht_gezond(self, taak: asyncio.Future[str]) -> None:
        deadline, laatste = time.monotonic() + self._start_seconden, "no answer"
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if taak.done():
                    raise StartupError(f"the web chat stopped during start-up: {taak.result()}; choose "
                                       "another port with LEERBOT_WEB_PORT=... or leave it out with "
                                       "LEERBOT_WEB_IN_RUN=false")
                try:
                    antwoord = await client.get(self.health_url)
                    if antwoord.status_code == 200:
                        return
                    laatste = f"{antwoord.status_code} {antwoord.text[:200]}"
                except httpx.HTTPError as exc:
                    laatste = type(exc).__name__
                await asyncio.sleep(0.1)
        raise StartupError(f"the web chat was not ready after {self._start_seconden:.0f} s ({self.health_url}: "
                           f"{laatste})")

    async def _bewaak(self, taak: asyncio.Future[str]) -> None:
        """Start the server again whenever it ends; runs until stop() cancels it."""
        pauze = self._min_pauze
        while True:
            reden = await asyncio.shield(taak)
            if self._stoppen:
                return
            if time.monotonic() - self._begonnen >= LANG_GENOEG_SECONDEN:
                pauze = self._min_pauze
            self.herstarts += 1
            log.error("the web chat ended unexpectedly (%s); restarting in %.1f s", reden, pauze)
            await asyncio.sleep(pauze)
            pauze = min(pauze * 2, self._max_pauze)
            taak = self._begin()
            try:
                await self._wacht_gezond(taak)
                log.info("web chat restarted (%s)", self.health_url)
            except StartupError as exc:
                log.error("%s", exc)
