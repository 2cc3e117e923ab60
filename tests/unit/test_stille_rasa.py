""""No reply" is not "down": a turn Rasa takes without a word is answered at once; only silence while the action
server is down keeps the message, and a kept message is tried again after ever longer waits, a bounded number of
times, without holding up anyone else's messages.

Rasa is a small real HTTP server on loopback that answers like Rasa's REST channel and status and health
endpoints; the pipeline, its client and the database are the real ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from basis.berichten import ChatUser, Reply
from basis.klok import AMSTERDAM
from bot.pipeline import MAX_TRIES, MessagePipeline
from bot.rasa_client import RasaClient, RasaUnavailable
from content import teksten as t
from store.db import make_engine, make_session_factory, upgrade
from store.repositories import Accounts, PendingQueue
from testkit.klok import Zetklok
from testkit.nep_rasa import ANTWOORD, NepRasa

# The clock starts on a Monday morning; the retries are measured in its time.
BEGIN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)


@dataclass
class Omgeving:
    nep: NepRasa
    pipeline: MessagePipeline
    klok: Zetklok
    pending: PendingQueue
    ontvangen: dict[str, list[Reply]] = field(default_factory=dict)

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        self.ontvangen.setdefault(user.sender_id, []).extend(replies)

    def teksten(self, sender: str) -> list[str]:
        return [r.text for r in self.ontvangen.get(sender, [])]

    async def stuur(self, sender: str, tekst: str) -> None:
        await self.pipeline.handle_text(ChatUser(sender, "test", "ouder"), tekst, self.deliver)

    async def later(self, seconden: float) -> None:
        self.klok.moment += dt.timedelta(seconds=seconden)
        await self.pipeline.retry_pending("test", self.deliver)


@pytest.fixture
def nep() -> Iterator[NepRasa]:
    server = NepRasa()
    yield server
    server.close()


@pytest.fixture
async def omgeving(nep: NepRasa, tmp_path: Path) -> AsyncIterator[Omgeving]:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rasa = RasaClient(nep.url, "token", timeout_seconds=5, action_health_url=f"{nep.url}/health")
    klok = Zetklok(BEGIN)
    pending = PendingQueue(sessions)
    try:
        yield Omgeving(nep, MessagePipeline(rasa, Accounts(sessions), pending, klok), klok, pending)
    finally:
        await rasa.aclose()
        await engine.dispose()


async def test_client_returns_silence_from_a_working_stack_and_raises_while_the_action_server_is_down(
    nep: NepRasa,
) -> None:
    rasa = RasaClient(nep.url, "token", timeout_seconds=5, action_health_url=f"{nep.url}/health")
    try:
        assert await rasa.send_message("a", "stil maar", {}) == []
        nep.actions_up = False
        with pytest.raises(RasaUnavailable):
            await rasa.send_message("a", "stil maar", {})
        assert await rasa.send_message("a", "een vraag", {}) == ANTWOORD  # an answer needs no health check
    finally:
        await rasa.aclose()


async def test_silence_from_a_working_stack_is_answered_at_once_and_nothing_is_kept(omgeving: Omgeving) -> None:
    await omgeving.stuur("ouder-1", "stil maar")
    (antwoord,) = omgeving.ontvangen["ouder-1"]
    assert antwoord.text == t.tekst("geen_antwoord", "nl")
    assert [b.payload for b in antwoord.buttons] == ["/handoff_mens"]
    assert await omgeving.pending.count("test") == 0

    await omgeving.stuur("ouder-1", "mag hij een dag eerder op vakantie?")  # the next message is not held up
    assert omgeving.teksten("ouder-1")[-1] == ANTWOORD[0]["text"]


async def test_a_kept_message_is_tried_after_growing_waits_and_given_up_after_a_bounded_number_of_tries(
    omgeving: Omgeving,
) -> None:
    omgeving.nep.actions_up = False
    await omgeving.stuur("ouder-1", "stil maar")
    assert omgeving.teksten("ouder-1") == [t.tekst("assistent_onbereikbaar", "nl")]
    assert await omgeving.pending.count("test") == 1

    for _ in range(62):  # a retry round every second for a minute: tries after 1, 3, 7, 15, 31 and 61 s
        await omgeving.later(1)
    assert len(omgeving.nep.berichten) == 1 + 6

    rondes = 0
    while await omgeving.pending.count("test") and rondes < 2000:
        await omgeving.later(5)
        rondes += 1
    assert len(omgeving.nep.berichten) == 1 + MAX_TRIES
    assert omgeving.teksten("ouder-1")[-1] == t.tekst("storing", "nl")
    assert omgeving.klok.moment - BEGIN < dt.timedelta(minutes=10)


async def test_a_message_that_cannot_be_answered_holds_up_no_one_else_and_its_sender_only_until_given_up(
    omgeving: Omgeving,
) -> None:
    omgeving.nep.actions_up = False
    await omgeving.stuur("ouder-1", "stil maar")
    await omgeving.stuur("ouder-1", "mag hij een dag eerder op vakantie?")  # kept behind the first, in order
    await omgeving.stuur("ouder-2", "mag zij een dag eerder op vakantie?")
    assert omgeving.teksten("ouder-2") == [ANTWOORD[0]["text"]]  # another sender is answered at once

    rondes = 0
    while await omgeving.pending.count("test") and rondes < 2000:
        await omgeving.later(5)
        rondes += 1
    assert omgeving.teksten("ouder-1") == [
        t.tekst("assistent_onbereikbaar", "nl"), t.tekst("storing", "nl"), ANTWOORD[0]["text"],
    ]
