"""The load test's books: lost, duplicated and wrong replies are counted, not assumed away."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.load import Calibrated, Inbox, Player, normalise, percentile, summary_of
from bench.scenarios import SCENARIOS, Values


class ScriptedTelegram:
    """Stands in for the bot behind the fake Bot API: answers each pushed text with scripted replies."""

    def __init__(self, inbox: Inbox, answers: dict[str, list[str]]) -> None:
        self.inbox = inbox
        self.answers = answers

    def push_text(self, chat: int, text: str) -> int:
        for n, reply in enumerate(self.answers.get(text, [])):
            self.inbox.loop.call_later(0.01 * (n + 1), self.inbox.on_send, chat, reply, time.monotonic())
        return 1


def player_for(answers: dict[str, list[str]]) -> tuple[Player, Any]:
    inbox = Inbox(asyncio.get_running_loop())
    player = Player(ScriptedTelegram(inbox, answers), inbox, codes=[], turn_timeout=0.3)  # type: ignore[arg-type]
    scenario = SCENARIOS[0]  # one turn
    player.calibration[(scenario.name, 0)] = Calibrated(["Art. #a: het schoolhoofd beslist (# dagen)."], 0)
    return player, scenario


async def play(player: Player, scenario: Any, chat: int) -> bool:
    player.chats[chat] = "stap"
    return await player._play("stap", chat, scenario, 0, scenario.turns[0], Values("Sara", 20, 12))


async def test_a_turn_answered_as_calibrated_counts_clean() -> None:
    text = SCENARIOS[0].turns[0].text
    player, scenario = player_for({text: ["Art. 13a: het schoolhoofd beslist (10 dagen)."]})
    assert await play(player, scenario, 1)
    await asyncio.sleep(0.05)
    summary = summary_of(player.results)
    assert (summary["lost_replies"], summary["wrong_replies"]) == (0, 0)
    assert summary["latency_ms"]["p95"] is not None
    assert player.duplicates() == {"stap": 0}


async def test_missing_duplicated_and_foreign_replies_are_each_counted() -> None:
    text = SCENARIOS[0].turns[0].text
    player, scenario = player_for({text: []})
    assert not await play(player, scenario, 1)  # nothing came: one lost reply, no latency
    assert summary_of(player.results)["lost_replies"] == 1
    assert player.results[0].latency is None

    player, scenario = player_for({text: ["Art. 13a: het schoolhoofd beslist (3 dagen)."] * 2})
    await play(player, scenario, 2)
    await asyncio.sleep(0.1)  # the second copy arrives after the turn was complete
    assert player.duplicates() == {"stap": 1}

    player, scenario = player_for({text: ["Welke gemeente?"]})  # another conversation's answer
    await play(player, scenario, 3)
    assert summary_of(player.results)["wrong_replies"] == 1


def test_normalise_masks_numbers_and_the_conversations_own_name() -> None:
    values = Values("Sara de Vries", 20, 12)
    assert normalise("Ticket #12 voor Sara de Vries, VZ-2026-000123", values) == "Ticket ## voor {naam}, VZ-#-#"


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50.0, 95.0, 99.0)
    assert percentile([], 95) is None
