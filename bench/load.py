"""Simulated Telegram users against a running stack, through the fake Bot API.

Every reply is accounted for. A calibration pass on the quiet stack records, per scripted turn, how many
messages the bot sends (to the user, and to the consulent on duty) and what they say. Under load each
turn waits for exactly that many messages; a turn whose messages do not all arrive in time counts as lost
replies, messages beyond the expected total of a chat count as duplicates, and a reply that differs from
the calibrated one (numbers aside) or lacks the conversation's own value counts as a wrong reply.
"""

from __future__ import annotations

import asyncio
import math
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from bench.scenarios import SCENARIOS, Scenario, Turn, Values, pick, values_for
from content import teksten
from testkit.fake_telegram import FakeTelegram

TURN_TIMEOUT = 30.0
QUIET_SECONDS = 0.8  # calibration: a turn is complete when the bot has been silent this long
CONSULENT_CHAT = 900_001
SLOW_NOTICES = frozenset((teksten.tekst("assistent_trager", "nl"), teksten.tekst("assistent_trager", "en")))


def normalise(text: str, values: Values) -> str:
    """The text with this conversation's own values and all numbers masked (ticket numbers, references)."""
    return re.sub(r"\d+", "#", text.replace(values.naam, "{naam}"))


@dataclass
class Calibrated:
    """What the quiet stack answered to one scripted turn."""

    replies: list[str]  # normalised
    consulent_messages: int


@dataclass
class TurnResult:
    step: str
    scenario: str
    chat: int
    sent_at: float
    expected: int
    received: int = 0
    first_at: float | None = None
    last_at: float | None = None
    wrong: bool = False
    slow_notices: int = 0
    mismatch: str = ""  # for a wrong turn: what was expected and what came (normalised, shortened)

    @property
    def latency(self) -> float | None:
        """Update available → the turn's last expected reply received."""
        return None if self.last_at is None or self.received < self.expected else self.last_at - self.sent_at

    @property
    def first_latency(self) -> float | None:
        return None if self.first_at is None else self.first_at - self.sent_at


@dataclass
class Inbox:
    """Messages the bot sent, per chat, fed from the fake's server threads into the event loop."""

    loop: asyncio.AbstractEventLoop
    messages: dict[int, list[tuple[str, float]]] = field(default_factory=lambda: defaultdict(list))
    sent_log: list[tuple[str, float]] = field(default_factory=list)  # every message to any chat, in order
    _events: dict[int, asyncio.Event] = field(default_factory=dict)

    def on_send(self, chat: int, text: str, at: float) -> None:  # called in a server thread
        self.loop.call_soon_threadsafe(self._arrive, chat, text, at)

    def _arrive(self, chat: int, text: str, at: float) -> None:
        self.messages[chat].append((text, at))
        self.sent_log.append((text, at))
        event = self._events.get(chat)
        if event is not None:
            event.set()

    async def wait_new(self, chat: int, timeout: float) -> bool:
        event = self._events.setdefault(chat, asyncio.Event())
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        finally:
            event.clear()
        return True


class Player:
    """Plays scripted conversations on one fake Bot API and keeps the books."""

    def __init__(self, fake: FakeTelegram, inbox: Inbox, codes: list[str], seed: int = 7,
                 turn_timeout: float = TURN_TIMEOUT) -> None:
        self.fake = fake
        self.turn_timeout = turn_timeout
        self.inbox = inbox
        self.codes = codes
        self.rng = random.Random(seed)
        self.calibration: dict[tuple[str, int], Calibrated] = {}
        self.results: list[TurnResult] = []
        self.expected_consulent = 0
        self.consulent_baseline = 0  # notices the consulent got during calibration
        self.chats: dict[int, str] = {}  # chat → step, for the duplicate count
        self._next_chat = 500_000
        self._conversations = 0
        self.open_now = 0
        self.open_max = 0

    def new_conversation(self, scenario: Scenario | None = None) -> tuple[int, Scenario, Values] | None:
        """A new chat with its scenario (drawn from the mix unless given) and values; None when no link
        code is left for a school scenario."""
        scenario = scenario or pick(self.rng)
        values = values_for(self._conversations, self.rng)
        self._conversations += 1
        if scenario.linked_school:
            if not self.codes:
                return None
            values.code = self.codes.pop()
        self._next_chat += 1
        return self._next_chat, scenario, values

    def _push(self, chat: int, turn: Turn, values: Values) -> float:
        text = values.fill(turn.text)
        if turn.button:
            self.fake.push_button(chat, self.fake.last_bot_message(chat), text)
        else:
            self.fake.push_text(chat, text)
        return time.monotonic()

    # --- calibration ---------------------------------------------------------------------------------

    async def calibrate(self) -> None:
        """Each scenario once, turn by turn, on the quiet stack; fails, naming every turn that did not answer
        as scripted, when a fragment or the conversation's own value is missing."""
        problems = []
        for scenario in SCENARIOS:
            made = self.new_conversation(scenario)
            if made is None:
                raise CalibrationError("no link code left for the school scenario")
            chat, _, values = made
            for index, turn in enumerate(scenario.turns):
                before = len(self.inbox.messages[chat])
                consulent_before = len(self.inbox.messages[CONSULENT_CHAT])
                self._push(chat, turn, values)
                if not await self.inbox.wait_new(chat, self.turn_timeout):
                    problems.append(f"{scenario.name}, turn {index + 1}: no reply in time")
                    break
                await self._quiet(chat)
                texts = [text for text, _ in self.inbox.messages[chat][before:] if text not in SLOW_NOTICES]
                joined = "\n".join(texts)
                echoed = not turn.echo or values.fill(turn.echo) in joined
                if turn.expect not in joined or not echoed:  # "" is in every text
                    problems.append(f"{scenario.name}, turn {index + 1} ({turn.expect or turn.echo!r}): {joined!r}")
                    break
                consulent = len(self.inbox.messages[CONSULENT_CHAT]) - consulent_before
                self.calibration[(scenario.name, index)] = Calibrated([normalise(t, values) for t in texts],
                                                                      consulent)
        if problems:
            raise CalibrationError("\n".join(problems))
        self.consulent_baseline = len(self.inbox.messages[CONSULENT_CHAT])

    async def _quiet(self, chat: int) -> None:
        """Until neither the chat nor the consulent on duty got a message for a while."""
        while True:
            seen = len(self.inbox.messages[chat]) + len(self.inbox.messages[CONSULENT_CHAT])
            await asyncio.sleep(QUIET_SECONDS)
            if len(self.inbox.messages[chat]) + len(self.inbox.messages[CONSULENT_CHAT]) == seen:
                return

    def messages_per_turn(self) -> float:
        """Messages the bot sends per user turn in the mix (consulent notifications included)."""
        weight = {s.name: s.weight for s in SCENARIOS}
        messages = sum(weight[name] * (len(c.replies) + c.consulent_messages)
                       for (name, _), c in self.calibration.items())
        turns = sum(s.weight * len(s.turns) for s in SCENARIOS)
        return messages / turns

    # --- load ----------------------------------------------------------------------------------------

    async def run_step(self, step: str, rate: float, seconds: float, users: int) -> tuple[float, float]:
        """`users` conversations at a time, turns released at `rate` per second for `seconds`; returns the
        step's window (start, end of its last turn)."""
        permits: asyncio.Queue[asyncio.Future[bool]] = asyncio.Queue()
        start = time.monotonic()
        end = start + seconds

        async def release() -> None:
            tick = start
            while tick < end:
                tick += 1.0 / rate
                await asyncio.sleep(max(0.0, tick - time.monotonic()))
                if not permits.empty():  # nobody waiting: this turn is not offered (reported, not banked)
                    permits.get_nowait().set_result(True)
            while not permits.empty():
                permits.get_nowait().set_result(False)

        async def permit() -> bool:
            if time.monotonic() >= end:  # the releaser has stopped
                return False
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            await permits.put(future)
            return await future

        async def user() -> None:
            while time.monotonic() < end:
                made = self.new_conversation()
                if made is None:
                    continue  # a school scenario with no link code left: draw again
                chat, scenario, values = made
                self.chats[chat] = step
                opened = False
                for index, turn in enumerate(scenario.turns):
                    if not await permit():
                        break
                    if not opened:
                        opened = True
                        self.open_now += 1
                        self.open_max = max(self.open_max, self.open_now)
                    if not await self._play(step, chat, scenario, index, turn, values):
                        break  # a lost reply ends the conversation: the next turn would not make sense
                if opened:
                    self.open_now -= 1

        releaser = asyncio.ensure_future(release())
        await asyncio.gather(*(user() for _ in range(users)))
        await releaser
        last = max((r.last_at or r.sent_at for r in self.results if r.step == step), default=end)
        return start, max(last, end)

    async def _play(self, step: str, chat: int, scenario: Scenario, index: int, turn: Turn, values: Values) -> bool:
        calibrated = self.calibration[(scenario.name, index)]
        self.expected_consulent += calibrated.consulent_messages
        before = len(self.inbox.messages[chat])
        result = TurnResult(step, scenario.name, chat, self._push(chat, turn, values), len(calibrated.replies))
        self.results.append(result)
        deadline = result.sent_at + self.turn_timeout
        while True:
            arrived = self.inbox.messages[chat][before:]
            replies = [(t, at) for t, at in arrived if t not in SLOW_NOTICES]
            result.slow_notices = len(arrived) - len(replies)
            result.received = len(replies)
            if replies:
                result.first_at = replies[0][1]
                result.last_at = replies[min(len(replies), result.expected) - 1][1]
            if result.received >= result.expected:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not await self.inbox.wait_new(chat, remaining):
                break
        texts = [normalise(t, values) for t, _ in replies[:result.expected]]
        echo_missing = bool(turn.echo) and values.fill(turn.echo) not in "\n".join(t for t, _ in replies)
        result.wrong = texts != calibrated.replies[:len(texts)] or echo_missing
        if result.wrong:
            pairs = [(e, g) for e, g in zip(calibrated.replies, texts, strict=False) if e != g]
            pairs = pairs or [("(own value)", turn.echo)]
            result.mismatch = f"{scenario.name} #{index + 1}: {pairs[0][0][:70]!r} → {pairs[0][1][:70]!r}"
        return result.received >= result.expected

    def duplicates(self) -> dict[str, int]:
        """Per step: messages beyond what the chats' sent turns expect (checked after the load settled)."""
        expected: dict[int, int] = defaultdict(int)
        for result in self.results:
            expected[result.chat] += result.expected
        extra: dict[str, int] = defaultdict(int)
        for chat, step in self.chats.items():
            got = sum(1 for text, _ in self.inbox.messages[chat] if text not in SLOW_NOTICES)
            extra[step] += max(0, got - expected[chat])
        return dict(extra)

    def consulent_balance(self) -> dict[str, Any]:
        """The consulent on duty gets a notice per new ticket (hand-offs, meldingen): expected vs received."""
        got = self.inbox.messages[CONSULENT_CHAT][self.consulent_baseline:]
        kinds = sorted({re.sub(r"\d+", "#", text.splitlines()[0])[:60] for text, _ in got})
        return {"expected": self.expected_consulent, "received": len(got), "kinds": kinds}


class CalibrationError(RuntimeError):
    """The quiet stack did not answer a scripted turn as the script expects."""


def summary_of(results: list[TurnResult]) -> dict[str, Any]:
    latencies = sorted(r.latency for r in results if r.latency is not None)
    firsts = sorted(r.first_latency for r in results if r.first_latency is not None)
    return {
        "turns": len(results),
        "lost_replies": sum(max(0, r.expected - r.received) for r in results),
        "turns_incomplete": sum(1 for r in results if r.received < r.expected),
        "wrong_replies": sum(1 for r in results if r.wrong),
        "slow_notices": sum(r.slow_notices for r in results),
        "latency_ms": {p: _ms(percentile(latencies, q)) for p, q in (("p50", 50), ("p95", 95), ("p99", 99))},
        "first_reply_ms": {p: _ms(percentile(firsts, q)) for p, q in (("p50", 50), ("p95", 95))},
        "latency_max_ms": _ms(latencies[-1]) if latencies else None,
        "wrong_examples": sorted({r.mismatch for r in results if r.wrong})[:4],
    }


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of sorted values."""
    if not values:
        return None
    rank = max(1, min(len(values), math.ceil(q / 100 * len(values))))
    return values[rank - 1]


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)
