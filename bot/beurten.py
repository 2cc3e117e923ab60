"""One turn at a time per sender, in the order messages arrive."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class Beurten:
    """A lock per sender, dropped again once nobody holds it or waits for it, so a bot that runs for months does
    not keep one for every sender it ever saw."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}  # sender → lock, and how many hold or wait for it

    @contextlib.asynccontextmanager
    async def van(self, sender_id: str) -> AsyncIterator[None]:
        lock, aantal = self._locks.get(sender_id, (asyncio.Lock(), 0))
        self._locks[sender_id] = (lock, aantal + 1)
        try:
            async with lock:
                yield
        finally:
            lock, aantal = self._locks[sender_id]
            if aantal == 1:
                del self._locks[sender_id]
            else:
                self._locks[sender_id] = (lock, aantal - 1)

    def __len__(self) -> int:
        return len(self._locks)
