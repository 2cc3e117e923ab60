"""The books of the load test's web users: every event a stream delivered against every message that was sent.

One conversation, one stream, one book. A turn sent expects, from the calibration on the quiet stack, a number of
assistant events (and for typed text the echo of the user's own words, once); everything the stream delivers
while that turn is the latest is put to its account. At the end the books are compared with the outbox itself
(a second stream from the start of the conversation). What counts as what:

- **lost**: expected events that never arrived (also not late), and events the outbox holds that the stream
  never delivered;
- **late**: events that arrived, but after the simulated user's patience (the user stops playing then);
- **duplicated**: an event id delivered a second time, an echo more than once, assistant events beyond the
  turn's calibrated count, and any event on a stream of a conversation that sent nothing;
- **out of order**: an event whose id is lower than one the stream delivered before it, a turn's replies before
  its echo, and a stream whose ids are not the outbox's order;
- **wrong**: a turn's replies differ from the calibrated ones (numbers and the conversation's own values
  masked): another conversation's answer would show here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bench.load import normalise, percentile
from bench.scenarios import Values

GEBRUIKER = "gebruiker"  # `van` of the echo of the user's typed text (store/web.py)


@dataclass
class WebBeurt:
    """One message a web user sent, and what its stream delivered for it."""

    scenario: str
    index: int
    sent_at: float
    expected: int  # assistant events, from the calibration
    echo_expected: bool  # typed text is echoed once; a pressed button is not
    patience: float
    received: int = 0  # assistant events that are not "slower than usual"
    echoes: int = 0
    slow_notices: int = 0
    surplus: int = 0  # assistant events beyond `expected`
    before_echo: int = 0  # assistant events that came before the echo of this turn's text
    first_at: float | None = None
    complete_at: float | None = None  # when the expected-th assistant event arrived
    texts: list[str] = field(default_factory=list)
    wrong: bool = False

    def beoordeel(self, calibrated: list[str], values: Values, echo: str = "") -> None:
        """Wrong when the replies that came differ from the calibrated ones (numbers and the conversation's own
        name masked), or, all of them there, lack this conversation's own value `echo` (filled in already). Replies
        that did not come are lost, not also wrong."""
        texts = [normalise(t, values) for t in self.texts]
        complete = self.received >= self.expected
        self.wrong = texts != calibrated[:len(texts)] or (complete and bool(echo) and echo not in "\n".join(self.texts))

    @property
    def latency(self) -> float | None:
        """Sent (just before the POST) → the turn's last expected reply on the stream."""
        return None if self.complete_at is None else self.complete_at - self.sent_at

    @property
    def late(self) -> bool:
        return self.complete_at is not None and self.complete_at - self.sent_at > self.patience

    @property
    def lost(self) -> int:
        return max(0, self.expected - self.received) + (1 if self.echo_expected and not self.echoes else 0)


class Gesprekboek:
    """One web conversation's books."""

    def __init__(self, gesprek_id: str, slow_notices: frozenset[str] = frozenset()) -> None:
        self.gesprek_id = gesprek_id
        self.slow_notices = slow_notices
        self.ids: list[int] = []  # every distinct id, in the order the stream delivered them
        self._seen: set[int] = set()
        self.last_id = 0  # the highest id delivered: Last-Event-ID on a reconnect
        self.turns: list[WebBeurt] = []
        self.repeated_ids = 0
        self.out_of_order = 0
        self.unsolicited = 0  # events before anything was sent
        self.bad_events = 0  # an event without a numeric id or without JSON data
        self.outbox_missing = 0  # ids the outbox holds that the stream never delivered
        self.outbox_unknown = 0  # ids the stream delivered that the outbox does not hold
        self.outbox_order_differs = False

    def stuur(self, scenario: str, index: int, expected: int, echo: bool, at: float, patience: float) -> WebBeurt:
        turn = WebBeurt(scenario, index, at, expected, echo, patience)
        self.turns.append(turn)
        return turn

    def ontvang(self, event_id: str | None, data: str, at: float) -> None:
        """An event as the stream delivered it (id as the SSE `id` field, data as the `data` field)."""
        try:
            number = int(event_id or "")
            bericht: dict[str, Any] = json.loads(data)
            van, tekst = str(bericht["van"]), str(bericht["tekst"])
        except (ValueError, KeyError, TypeError):
            self.bad_events += 1
            return
        if number in self._seen:
            self.repeated_ids += 1
            return
        if number < self.last_id:
            self.out_of_order += 1
        self._seen.add(number)
        self.ids.append(number)
        self.last_id = max(self.last_id, number)
        if not self.turns:
            self.unsolicited += 1
            return
        turn = self.turns[-1]
        if van == GEBRUIKER:
            turn.echoes += 1
            return
        if turn.echo_expected and not turn.echoes:
            turn.before_echo += 1
        if tekst in self.slow_notices:
            turn.slow_notices += 1
            return
        turn.received += 1
        if turn.received > turn.expected:
            turn.surplus += 1
            return
        turn.texts.append(tekst)
        if turn.first_at is None:
            turn.first_at = at
        if turn.received == turn.expected:
            turn.complete_at = at

    def vergelijk_met_outbox(self, outbox_ids: list[int]) -> None:
        """The ids a fresh stream from the conversation's start replays (the outbox's rows, in its order)."""
        delivered = set(self.ids)
        stored = set(outbox_ids)
        self.outbox_missing = len(stored - delivered)
        self.outbox_unknown = len(delivered - stored)
        self.outbox_order_differs = [i for i in self.ids if i in stored] != [i for i in outbox_ids if i in delivered]

    @property
    def duplicated(self) -> int:
        extra_echoes = sum(max(0, t.echoes - (1 if t.echo_expected else 0)) for t in self.turns)
        return self.repeated_ids + extra_echoes + sum(t.surplus for t in self.turns) + self.unsolicited

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.turns) + self.outbox_missing

    @property
    def out_of_order_total(self) -> int:
        return self.out_of_order + sum(1 for t in self.turns if t.before_echo) + int(self.outbox_order_differs)


def samenvatting(boeken: list[Gesprekboek]) -> dict[str, Any]:
    """The figures of all web conversations together."""
    turns = [t for b in boeken for t in b.turns]
    latencies = sorted(t.latency for t in turns if t.latency is not None)
    return {
        "turns": len(turns),
        "turns_text": sum(1 for t in turns if t.echo_expected),
        "turns_button": sum(1 for t in turns if not t.echo_expected),
        "replies_expected": sum(t.expected for t in turns),
        "replies_received": sum(min(t.received, t.expected) for t in turns),
        "events_received": sum(len(b.ids) for b in boeken),
        "lost": sum(b.lost for b in boeken),
        "late_turns": sum(1 for t in turns if t.late),
        "duplicated": sum(b.duplicated for b in boeken),
        "out_of_order": sum(b.out_of_order_total for b in boeken),
        "wrong_replies": sum(1 for t in turns if t.wrong),
        "bad_events": sum(b.bad_events for b in boeken),
        "slow_notices": sum(t.slow_notices for t in turns),
        "outbox_missing_from_stream": sum(b.outbox_missing for b in boeken),
        "outbox_unknown_on_stream": sum(b.outbox_unknown for b in boeken),
        "latency_ms": {p: _ms(percentile(latencies, q)) for p, q in (("p50", 50), ("p95", 95))},
        "latency_max_ms": _ms(latencies[-1]) if latencies else None,
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)
