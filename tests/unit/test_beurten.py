"""One turn at a time per sender (issue 15: the per-sender lock dict was never cleaned)."""

from __future__ import annotations

import asyncio

import pytest

from bot.beurten import Beurten


def test_turns_of_one_sender_keep_their_order_and_leave_no_lock_behind() -> None:
    beurten = Beurten()
    volgorde: list[str] = []

    async def beurt(afzender: str, naam: str, wacht: float) -> None:
        async with beurten.van(afzender):
            volgorde.append(f"{naam} begint")
            await asyncio.sleep(wacht)
            volgorde.append(f"{naam} klaar")

    async def alles() -> None:
        await asyncio.gather(beurt("a", "a1", 0.02), beurt("a", "a2", 0), beurt("b", "b1", 0))

    asyncio.run(alles())
    assert volgorde.index("a1 klaar") < volgorde.index("a2 begint")  # one sender: one turn at a time
    assert volgorde.index("b1 begint") < volgorde.index("a1 klaar")  # another sender does not wait
    assert len(beurten) == 0


def test_a_turn_that_fails_still_frees_its_lock() -> None:
    beurten = Beurten()

    async def fout() -> None:
        async with beurten.van("a"):
            raise ValueError("kapot")

    with pytest.raises(ValueError, match="kapot"):
        asyncio.run(fout())
    assert len(beurten) == 0
