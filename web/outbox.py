"""From the outbox to the browser: a reply written here wakes its conversation's event streams at once; a reply
another process wrote (the bot relaying a consulent's words) is found by looking again every few seconds."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from basis.berichten import ChatUser, Reply
from store.web import Outbox

# How long a stream waits for a wake-up before it looks in the outbox anyway (replies from another process).
KIJK_OPNIEUW_SECONDEN = 2.0


class Postbus:
    """The web channel's `deliver` (write and wake) and the streams that read from the outbox."""

    def __init__(self, outbox: Outbox, kijk_opnieuw_seconden: float = KIJK_OPNIEUW_SECONDEN) -> None:
        self.outbox = outbox
        self._kijk_opnieuw = kijk_opnieuw_seconden
        self._wachtenden: dict[str, set[asyncio.Event]] = {}
        self._gesloten: set[str] = set()
        self._gestopt = False

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

    def stop(self) -> None:
        """The server stops: every open stream ends, so uvicorn need not wait for them (it waits for every open
        connection, and a stream never finishes by itself); the browser reconnects with its Last-Event-ID."""
        self._gestopt = True
        for wekkers in self._wachtenden.values():
            for wekker in wekkers:
                wekker.set()

    def _wek(self, gesprek_id: str) -> None:
        for wekker in self._wachtenden.get(gesprek_id, ()):
            wekker.set()

    async def berichten(self, gesprek_id: str, laatste_id: int) -> AsyncIterator[tuple[int, dict[str, Any]]]:
        """Every message of the conversation after `laatste_id`, then each new one as it comes, until the
        conversation is deleted or the server stops."""
        wekker = asyncio.Event()
        self._wachtenden.setdefault(gesprek_id, set()).add(wekker)
        try:
            while gesprek_id not in self._gesloten and not self._gestopt:
                wekker.clear()  # before reading, so a reply written while we read wakes the next wait
                rijen = await self.outbox.na(gesprek_id, laatste_id)
                for rij_id, bericht in rijen:
                    yield rij_id, bericht
                    laatste_id = rij_id
                if not rijen:
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(wekker.wait(), self._kijk_opnieuw)
        finally:
            wachtend = self._wachtenden.get(gesprek_id)
            if wachtend is not None:
                wachtend.discard(wekker)
                if not wachtend:
                    del self._wachtenden[gesprek_id]
                    self._gesloten.discard(gesprek_id)
