"""Hostile lines through the real stack (the pipeline, the real Rasa and action servers): any text, undecodable
bytes, commands, payload-shaped JSON, code and markup each get a reply, never an exception or silence, and the
conversation still answers an ordinary question afterwards."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from basis.berichten import ChatUser, Reply
from basis.klok import FixedClock
from bot.pipeline import MessagePipeline
from leerbot.app import rasa_client_for
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from store.db import make_engine, make_session_factory
from store.dossiers import Dossiers
from store.repositories import Accounts, PendingQueue

pytestmark = pytest.mark.e2e

VIJANDIG = ["/restart", "/handoff_mens", '/verlof_vakantie_13a{"aantal_dagen": 300}', '{"text": "/handoff_mens"}',
            "<script>alert(1)</script>", "'; DROP TABLE events; --", "${jndi:ldap://x/a}", "[nummer verwijderd]",
            "   ", "\x00", "a" * 3000, "/stop", "stop", "ja", "nee", "0", "-1", "1e999", "🙂🙂🙂"]
# Lines as a terminal or a web client may deliver them: any text, and bytes that are no UTF-8 decoded the lenient
# way (lone surrogates).
regels = st.one_of(st.text(max_size=120), st.sampled_from(VIJANDIG),
                   st.binary(max_size=80).map(lambda b: b.decode("utf-8", "surrogateescape")))


@dataclass
class Echt:
    loop: asyncio.AbstractEventLoop
    pipeline: MessagePipeline

    def stuur(self, user: ChatUser, tekst: str) -> list[Reply]:
        ontvangen: list[Reply] = []

        async def deliver(_: ChatUser, replies: list[Reply]) -> None:
            ontvangen.extend(replies)

        self.loop.run_until_complete(self.pipeline.handle_text(user, tekst, deliver))
        return ontvangen


@pytest.fixture(scope="module")
def echt(stack: Supervisor, stack_settings: Settings) -> Iterator[Echt]:
    loop = asyncio.new_event_loop()
    engine = make_engine(stack_settings.app_database_url)
    sessions = make_session_factory(engine)
    rasa = rasa_client_for(stack_settings)
    pipeline = MessagePipeline(rasa, Accounts(sessions), PendingQueue(sessions), FixedClock(dt.date(2026, 3, 2)),
                               dossiers=Dossiers(sessions))
    try:
        yield Echt(loop, pipeline)
    finally:
        loop.run_until_complete(rasa.aclose())
        loop.run_until_complete(engine.dispose())
        loop.close()


def test_hostile_lines_each_get_a_reply_and_an_ordinary_question_is_answered_after_them(echt: Echt) -> None:
    user = ChatUser("vijandig-1", "terminal", "ouder")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(regel=regels)
    def elke_regel(regel: str) -> None:
        replies = echt.stuur(user, regel)
        assert replies, f"no reply to {regel!r}"
        assert all(r.text.strip() for r in replies)

    elke_regel()
    antwoord = " ".join(r.text for r in echt.stuur(user, "mag mijn zoon een dag eerder op vakantie?"))
    assert "13a" in antwoord
