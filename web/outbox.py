"""From the outbox to the browser: a reply written in this process wakes its conversation's event streams at once;
a reply another process wrote (the bot relaying a consulent's words) is found by the process's one poller, which
looks for rows newer than the newest it saw and wakes only the conversations that got some: every second, and on
PostgreSQL at once when the writer's NOTIFY arrives."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from basis.berichten import ChatUser, Reply
from store.web import Outbox

log = logging.getLogger(__name__)

# How often the poller looks in the outbox for rows another process wrote: one cheap query per round, however
# many streams are open. On PostgreSQL a writer's NOTIFY brings the look forward; this is then the fallback.
KIJK_OPNIEUW_SECONDEN = 1.0
MIN_POZE_SECONDEN = 0.05
LUISTER_OPNIEUW_SECONDEN = 5.0  # after a lost LISTEN connection
LEES_OPNIEUW_SECONDEN = 1.0  # a stream's next read after a failed one (or sooner, when woken)
# Ids come from a sequence on PostgreSQL: a row that commits late can have a lower id than one already seen. An id
# skipped over is looked for again this long (an insert commits within it, or was rolled back and never comes).
GAT_SECONDEN = 30.0
MAX_GATEN = 1000
PER_RONDE = 1000  # rows per look; more wait for the next round, which then comes at once


class Postbus:
    """The web channel's `deliver` (write and wake), the streams that read from the outbox, and the poller that
    wakes them for rows from other processes (`uitkijken`, run beside the server by web.app.serveer)."""

    def __init__(self, outbox: Outbox, kijk_opnieuw_seconden: float = KIJK_OPNIEUW_SECONDEN) -> None:
        self.outbox = outbox
        self._kijk_opnieuw = kijk_opnieuw_seconden
        self._wachtenden: dict[str, set[asyncio.Event]] = {}
        self._gesloten: set[str] = set()
        self._dicht = False
        self._hoogste: int | None = None  # the highest outbox id the poller has seen
        self._gaten: dict[int, float] = {}  # ids below it not seen yet, with when they were first missed

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        await self.outbox.deliver(user, replies)
        self._wek(user.sender_id)

    async def gebruiker_zei(self, gesprek_id: str, tekst: str) -> None:
        await self.outbox.gebruiker_zei(gesprek_id, tekst)
        self._wek(gesprek_id)

    def sluit(self, gesprek_id: str) -> None:
        """The conversation was deleted: its open streams end."""
        self._gesloten.add(gesprek_id)
        self._wek(gesprek_id)

    def alles_dicht(self, dicht: bool = True) -> None:
        """The server stops: every open stream ends, or uvicorn would wait for them forever (the page reconnects,
        to this server once it is back). `False` when it serves again."""
        self._dicht = dicht
        for gesprek_id in list(self._wachtenden):
            self._wek(gesprek_id)

    def _wek(self, gesprek_id: str) -> None:
        for wekker in self._wachtenden.get(gesprek_id, ()):
            wekker.set()

    @property
    def open_stromen(self) -> int:
        return sum(len(w) for w in self._wachtenden.values())

    async def uitkijken(self) -> None:
        """The process's one poller; runs until cancelled. It looks every KIJK_OPNIEUW_SECONDEN, and on PostgreSQL
        also as soon as a writer anywhere notifies (but not more often than every MIN_POZE_SECONDEN, however busy).
        A failed look is logged and tried again next round."""
        nieuws = asyncio.Event()
        luisteraar = asyncio.ensure_future(self._luister(nieuws))
        try:
            while True:
                nieuws.clear()  # before looking, so a notification during the look brings the next one forward
                try:
                    vol = await self.kijk()
                except Exception as exc:
                    log.warning("looking in the web outbox failed: %s", type(exc).__name__)
                    vol = False
                if not vol:
                    await asyncio.sleep(MIN_POZE_SECONDEN)
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(nieuws.wait(), max(self._kijk_opnieuw - MIN_POZE_SECONDEN, 0))
        finally:
            luisteraar.cancel()
            await asyncio.gather(luisteraar, return_exceptions=True)

    async def _luister(self, nieuws: asyncio.Event) -> None:
        while True:
            try:
                await self.outbox.luister(nieuws.set)
                return  # not PostgreSQL: polling alone
            except Exception as exc:
                log.warning("listening for web outbox notifications failed (%s); polling meanwhile",
                            type(exc).__name__)
            await asyncio.sleep(LUISTER_OPNIEUW_SECONDEN)

    async def kijk(self) -> bool:
        """One look in the outbox: wake the conversations with rows the poller has not seen. True when the look
        was cut off at PER_RONDE rows (look again at once)."""
        if self._hoogste is None:  # the first look only learns where the outbox stands: no stream is open yet
            self._hoogste = await self.outbox.hoogste_id()
            return False
        nu = time.monotonic()
        self._gaten = {i: t for i, t in self._gaten.items() if nu - t < GAT_SECONDEN}
        rijen = await self.outbox.nieuwe_rijen(self._hoogste, list(self._gaten), PER_RONDE)
        for rij_id, gesprek_id in rijen:
            self._gaten.pop(rij_id, None)
            if rij_id > self._hoogste:
                self._gaten.update((i, nu) for i in range(self._hoogste + 1, rij_id))
                self._hoogste = rij_id
            self._wek(gesprek_id)
        if len(self._gaten) > MAX_GATEN:  # a burst of rolled-back inserts: forget the oldest gaps
            self._gaten = dict(sorted(self._gaten.items())[-MAX_GATEN:])
        return len(rijen) >= PER_RONDE

    async def berichten(self, gesprek_id: str, laatste: int) -> AsyncIterator[tuple[int, dict[str, Any]]]:
        """Every message of the conversation after volgnummer `laatste` (the event id), then each new one as it
        comes (woken by a write in this process or by the poller), until the conversation is deleted. Read by
        volgnummer, not by global id: a number is visible only after every lower one of the conversation."""
        wekker = asyncio.Event()
        self._wachtenden.setdefault(gesprek_id, set()).add(wekker)
        try:
            if laatste > 0:
                laatste = await self.outbox.hervat_na(gesprek_id, laatste)
            while gesprek_id not in self._gesloten and not self._dicht:
                wekker.clear()  # before reading, so a reply written while we read wakes the next wait
                try:
                    rijen = await self.outbox.na(gesprek_id, laatste)
                except Exception as exc:
                    # A busy or briefly unreachable database (a full connection pool under load, a restart): the
                    # stream stays open and reads again, instead of ending the browser's connection with an error.
                    log.warning("reading a web conversation's outbox failed (%s); trying again", type(exc).__name__)
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(wekker.wait(), LEES_OPNIEUW_SECONDEN)
                    continue
                for volgnummer, bericht in rijen:
                    yield volgnummer, bericht
                    laatste = volgnummer
                if not rijen:
                    await wekker.wait()
        finally:
            wachtend = self._wachtenden.get(gesprek_id)
            if wachtend is not None:
                wachtend.discard(wekker)
                if not wachtend:
                    del self._wachtenden[gesprek_id]
                    self._gesloten.discard(gesprek_id)
