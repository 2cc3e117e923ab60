"""Web users of the load test: conversations of the web chat (`make run` serves it in the bot's process), each with
its event stream held open for the whole load, a share of them sending messages while the Telegram users play.

Every web conversation is one book (bench/web_boek.py). The senders play one script (WEB_SCRIPT: the parents'
questions and leave checks of bench/scenarios.py, with a pressed button early in it), calibrated once on the quiet
stack in a conversation of its own; under load their turns are released at an even pace, like the Telegram users'.
The streams are read with httpx and bench/sse.py; a dropped stream is opened again with Last-Event-ID, as the page
does, and counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import httpx

from bench.load import SLOW_NOTICES, TURN_TIMEOUT, CalibrationError, normalise, percentile
from bench.scenarios import SCENARIOS, Scenario, Turn, Values, values_for
from bench.sse import SseParser
from bench.web_boek import Gesprekboek, WebBeurt, samenvatting

# Parents' conversations only (no hand-off: its tickets would upset the Telegram consulent's books; no melding:
# that is school staff, on Telegram). The button early, so that short runs press it too.
WEB_SCRIPT_NAMES = ("dag eerder op vakantie", "vakantie buiten de schoolvakanties", "camping in mei",
                    "vakantie in het Engels", "meldplicht", "bruiloft oom", "toch op vakantie", "onbegrepen")
WEB_SCRIPT: tuple[Scenario, ...] = tuple(next(s for s in SCENARIOS if s.name == n) for n in WEB_SCRIPT_NAMES)
QUIET_SECONDS = 0.8  # calibration: a turn is complete when its stream has been silent this long
REPLAY_QUIET_SECONDS = 1.5  # the outbox check: the replay is complete when the stream has been silent this long
OPEN_AT_ONCE = 25  # conversations being opened at the same time (users arrive, they do not all click at once)
RECONNECT_SECONDS = 1.0


@dataclass
class WebGebruiker:
    """One web user: a conversation, its token, its stream and its books."""

    nummer: int
    gesprek_id: str
    token: str
    boek: Gesprekboek
    values: Values
    opened_at: float
    stream_ready_at: float | None = None
    connected: bool = False
    reconnects: int = 0
    nieuw: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None

    @property
    def kop(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class WebUsers:
    """`users` web conversations on the web chat at `base_url`, `senders` of them sending `turns_per_s` turns
    per second in all while `play` runs."""

    def __init__(self, base_url: str, users: int, senders: int, turns_per_s: float, seed: int = 11,
                 patience: float = TURN_TIMEOUT, log: Callable[[str], None] | None = None,
                 script: tuple[Scenario, ...] = WEB_SCRIPT) -> None:
        self.base_url = base_url
        self.script = script
        self.users = users
        self.senders = min(senders, users)
        self.turns_per_s = turns_per_s
        self.patience = patience
        self.rng = random.Random(seed)
        self.log = log or (lambda line: print(line, file=sys.stderr))
        self.gebruikers: list[WebGebruiker] = []
        self.calibration: dict[tuple[str, int], list[str]] = {}
        self.echo_checked: set[tuple[str, int]] = set()  # turns whose calibrated reply repeats the own value
        self.calibrated_replies: list[str] = []  # for the report: what the sequence is answered with
        self.errors: Counter[str] = Counter()
        self.too_many = 0  # 429s
        self.open_seconds = 0.0
        self.streams_open_min: int | None = None
        self.senders_done = 0  # senders that played the whole script
        self.turns_not_offered = 0  # a released turn with no sender waiting for it
        self._closing = False
        self._values = 0
        # One client for the streams (each holds a connection all the time), one for the short requests, so a
        # POST never waits for a pool slot behind 500 streams.
        self.streams = httpx.AsyncClient(base_url=base_url, limits=httpx.Limits(
            max_connections=users + 16, max_keepalive_connections=0),
            timeout=httpx.Timeout(30.0, read=60.0))  # the server sends a ping comment every 15 s
        self.requests = httpx.AsyncClient(base_url=base_url, limits=httpx.Limits(
            max_connections=max(64, self.senders + 16), max_keepalive_connections=max(64, self.senders + 16)),
            timeout=httpx.Timeout(30.0))

    # --- requests ------------------------------------------------------------------------------------

    def _status(self, code: int) -> None:
        if code == 429:
            self.too_many += 1
        else:
            self.errors[f"HTTP {code}"] += 1

    async def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if (await self.requests.get("/healthz")).status_code == 200:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the web chat at {self.base_url} did not answer /healthz in {timeout:.0f} s")
            await asyncio.sleep(0.5)

    async def _nieuw_gesprek(self) -> WebGebruiker | None:
        started = time.monotonic()
        try:
            response = await self.requests.post("/api/gesprekken")
        except httpx.HTTPError as exc:
            self.errors[type(exc).__name__] += 1
            return None
        if response.status_code != 201:
            self._status(response.status_code)
            return None
        made = response.json()
        values = values_for(self._values, self.rng)
        self._values += 1
        gebruiker = WebGebruiker(len(self.gebruikers), made["id"], made["token"],
                                 Gesprekboek(made["id"], SLOW_NOTICES), values, started)
        self.gebruikers.append(gebruiker)
        gebruiker.task = asyncio.ensure_future(self._houd_open(gebruiker))
        return gebruiker

    async def _houd_open(self, g: WebGebruiker) -> None:
        """The conversation's stream, for as long as the load runs; opened again with Last-Event-ID when it
        drops (counted)."""
        url = f"/api/gesprekken/{g.gesprek_id}/gebeurtenissen"
        while not self._closing:
            kop = {**g.kop, **({"Last-Event-ID": str(g.boek.last_id)} if g.boek.last_id else {})}
            try:
                async with self.streams.stream("GET", url, headers=kop) as response:
                    if response.status_code != 200:
                        self._status(response.status_code)
                    else:
                        g.connected = True
                        g.nieuw.set()
                        if g.stream_ready_at is None:
                            g.stream_ready_at = time.monotonic()
                        parser = SseParser()
                        async for chunk in response.aiter_text():
                            at = time.monotonic()
                            for event in parser.feed(chunk):
                                if event.event == "bericht":
                                    g.boek.ontvang(event.id, event.data, at)
                                    g.nieuw.set()
            except httpx.HTTPError as exc:
                if not self._closing:
                    self.errors[f"stream {type(exc).__name__}"] += 1
            finally:
                g.connected = False
            if self._closing:
                return
            g.reconnects += 1
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _stuur(self, g: WebGebruiker, scenario: str, index: int, turn: Turn, expected: int) -> WebBeurt | None:
        """Send one scripted turn; None when the server refused it (nothing was sent, so nothing is expected)."""
        text = g.values.fill(turn.text)
        # In the books before the POST: the echo of the text may be on the stream before the 202 is back here.
        beurt = g.boek.stuur(scenario, index, expected, not turn.button, time.monotonic(), self.patience)
        try:
            response = await self.requests.post(f"/api/gesprekken/{g.gesprek_id}/berichten", headers=g.kop,
                                                 json={"knop": text} if turn.button else {"tekst": text})
            refused = response.status_code != 202
            if refused:
                self._status(response.status_code)
        except httpx.HTTPError as exc:
            self.errors[type(exc).__name__] += 1
            refused = True
        if refused:
            g.boek.turns.remove(beurt)
            return None
        return beurt

    async def _wacht(self, g: WebGebruiker, until: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not until():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            g.nieuw.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(g.nieuw.wait(), remaining)
        return True

    # --- calibration ---------------------------------------------------------------------------------

    async def calibrate(self) -> None:
        """The script once, turn by turn, in a conversation of its own on the quiet stack: what each turn
        answers (normalised). Fails, naming the turn, when a turn gets no reply or its echo is missing, or when a
        reply of the script's first scenario lacks its fragment.

        The scripts' fragments are written for a fresh conversation; here the scenarios follow one another in one
        conversation, and the assistant answers a later question in the light of the earlier ones (the leave
        check's form of the first scenario is still asking for the days when the next question comes). So the
        fragments are checked for the first scenario only, and the later turns are calibrated as they are
        answered in this sequence: under load each sender plays the same sequence and must get the same."""
        g = await self._nieuw_gesprek()
        if g is None or not await self._wacht(g, lambda: g.connected, self.patience):
            raise CalibrationError(f"web: could not open a conversation and its stream ({dict(self.errors)})")
        self.gebruikers.remove(g)
        problems = []
        try:
            for scenario in self.script:
                for index, turn in enumerate(scenario.turns):
                    # Every reply counts here: the calibration learns how many there are.
                    beurt = await self._stuur(g, scenario.name, index, turn, 10**6)
                    if beurt is None or not await self._wacht(g, partial(_antwoord, beurt), self.patience):
                        problems.append(f"web {scenario.name}, turn {index + 1}: no reply in time")
                        break
                    await self._stil(g)
                    joined = "\n".join(beurt.texts)
                    echoed = bool(turn.echo) and g.values.fill(turn.echo) in joined
                    if echoed:
                        self.echo_checked.add((scenario.name, index))
                    fresh = scenario is self.script[0]
                    unlike_script = fresh and (turn.expect not in joined or (bool(turn.echo) and not echoed))
                    if unlike_script or beurt.echoes != int(not turn.button):
                        problems.append(f"web {scenario.name}, turn {index + 1} ({turn.expect or turn.echo!r}, "
                                        f"{beurt.echoes} echoes): {joined!r}")
                        break
                    self.calibration[(scenario.name, index)] = [normalise(t, g.values) for t in beurt.texts]
                    self.calibrated_replies.append(f"{scenario.name} #{index + 1}: {joined[:90]!r}")
                if problems:
                    break
        finally:
            await self._sluit(g)
        if problems:
            raise CalibrationError("\n".join(problems))

    async def _stil(self, g: WebGebruiker) -> None:
        while True:
            seen = len(g.boek.ids)
            await asyncio.sleep(QUIET_SECONDS)
            if len(g.boek.ids) == seen:
                return

    async def _sluit(self, g: WebGebruiker) -> None:
        if g.task is not None:
            g.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await g.task

    # --- the load ------------------------------------------------------------------------------------

    async def open_all(self) -> None:
        """`users` conversations, each with its stream open; OPEN_AT_ONCE are being opened at a time."""
        started = time.monotonic()
        gate = asyncio.Semaphore(OPEN_AT_ONCE)

        async def een() -> None:
            async with gate:
                g = await self._nieuw_gesprek()
                if g is not None:
                    await self._wacht(g, lambda: g.stream_ready_at is not None, 60.0)

        await asyncio.gather(*(een() for _ in range(self.users)))
        self.open_seconds = time.monotonic() - started
        self.log(f"[web] {self.streams_open()} of {self.users} streams open after {self.open_seconds:.1f} s "
                 f"(errors {dict(self.errors)}, 429s {self.too_many})")

    def streams_open(self) -> int:
        return sum(1 for g in self.gebruikers if g.connected)

    async def play(self, stop: asyncio.Event) -> None:
        """The senders play the script, turns released at turns_per_s until `stop` is set; meanwhile the number
        of open streams is watched."""
        permits: asyncio.Queue[asyncio.Future[bool]] = asyncio.Queue()

        async def release() -> None:
            tick = time.monotonic()
            while not stop.is_set():
                tick += 1.0 / self.turns_per_s
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), max(0.0, tick - time.monotonic()))
                if stop.is_set():
                    break
                if permits.empty():
                    self.turns_not_offered += 1
                else:
                    permits.get_nowait().set_result(True)
            while not permits.empty():
                permits.get_nowait().set_result(False)

        async def permit() -> bool:
            if stop.is_set():
                return False
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            await permits.put(future)
            return await future

        async def sender(g: WebGebruiker) -> None:
            for scenario in self.script:
                for index, turn in enumerate(scenario.turns):
                    if not await permit():
                        return
                    expected = len(self.calibration[(scenario.name, index)])
                    beurt = await self._stuur(g, scenario.name, index, turn, expected)
                    if beurt is None:
                        return
                    done = await self._wacht(g, partial(_compleet, beurt), self.patience)
                    if not done:
                        return  # a lost reply ends the conversation's script, as for the Telegram users
            self.senders_done += 1

        async def watch() -> None:
            while not stop.is_set():
                now_open = self.streams_open()
                self.streams_open_min = now_open if self.streams_open_min is None else min(self.streams_open_min,
                                                                                            now_open)
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), 1.0)

        chosen = self.rng.sample(self.gebruikers, min(self.senders, len(self.gebruikers)))
        await asyncio.gather(release(), watch(), *(sender(g) for g in chosen))

    async def check_outbox(self) -> None:
        """Each conversation that sent something, read again from its start: the outbox's ids in its order, to
        compare with what the held stream delivered."""
        gate = asyncio.Semaphore(16)

        async def een(g: WebGebruiker) -> None:
            async with gate:
                ids = await self._replay(g)
                if ids is not None:
                    g.boek.vergelijk_met_outbox(ids)

        await asyncio.gather(*(een(g) for g in self.gebruikers if g.boek.turns))

    async def _replay(self, g: WebGebruiker) -> list[int] | None:
        ids: list[int] = []
        try:
            async with self.requests.stream("GET", f"/api/gesprekken/{g.gesprek_id}/gebeurtenissen",
                                            headers=g.kop) as response:
                if response.status_code != 200:
                    self._status(response.status_code)
                    return None
                parser, chunks = SseParser(), response.aiter_text()
                while True:
                    try:
                        chunk = await asyncio.wait_for(chunks.__anext__(), REPLAY_QUIET_SECONDS)
                    except (asyncio.TimeoutError, StopAsyncIteration):
                        break
                    ids += [int(e.id) for e in parser.feed(chunk) if e.event == "bericht" and e.id and e.id.isdigit()]
        except httpx.HTTPError as exc:
            self.errors[f"replay {type(exc).__name__}"] += 1
            return None
        return ids

    async def close(self) -> None:
        self._closing = True
        for g in self.gebruikers:
            if g.task is not None:
                g.task.cancel()
        await asyncio.gather(*(g.task for g in self.gebruikers if g.task is not None), return_exceptions=True)
        await self.streams.aclose()
        await self.requests.aclose()

    # --- the figures ---------------------------------------------------------------------------------

    def judge(self) -> None:
        """Each turn's replies against the calibration (after the load settled)."""
        scripts = {s.name: s for s in self.script}
        for g in self.gebruikers:
            for beurt in g.boek.turns:
                turn = scripts[beurt.scenario].turns[beurt.index]
                echo = (beurt.scenario, beurt.index) in self.echo_checked
                beurt.beoordeel(self.calibration[(beurt.scenario, beurt.index)], g.values,
                                g.values.fill(turn.echo) if echo else "")

    def summary(self) -> dict[str, Any]:
        opens = sorted(g.stream_ready_at - g.opened_at for g in self.gebruikers if g.stream_ready_at is not None)
        held = sum(1 for g in self.gebruikers if g.connected and g.reconnects == 0)
        return {
            "users": self.users,
            "conversations_opened": len(self.gebruikers),
            "streams_opened": len(opens),
            "streams_held_whole_run": held,
            "streams_open_min_during_load": self.streams_open_min,
            "stream_reconnects": sum(g.reconnects for g in self.gebruikers),
            "open_all_s": round(self.open_seconds, 1),
            "open_ms": {"p50": _ms(percentile(opens, 50)), "p95": _ms(percentile(opens, 95)),
                        "max": _ms(opens[-1] if opens else None)},
            "senders": self.senders,
            "senders_whole_script": self.senders_done,
            "offered_turns_per_s": self.turns_per_s,
            "turns_not_offered": self.turns_not_offered,
            **samenvatting([g.boek for g in self.gebruikers]),
            "http_429": self.too_many,
            "errors": dict(self.errors),
            "calibrated_replies": self.calibrated_replies,
        }

    def turns_between(self, start: float, end: float) -> dict[str, Any]:
        """The web turns sent in a window (a Telegram load step): how many, and their latency."""
        turns = [t for g in self.gebruikers for t in g.boek.turns if start <= t.sent_at <= end]
        latencies = sorted(t.latency for t in turns if t.latency is not None)
        return {"turns": len(turns), "lost": sum(t.lost for t in turns),
                "latency_ms": {"p50": _ms(percentile(latencies, 50)), "p95": _ms(percentile(latencies, 95))}}


def _antwoord(beurt: WebBeurt) -> bool:
    return beurt.received > 0


def _compleet(beurt: WebBeurt) -> bool:
    return beurt.received >= beurt.expected and beurt.echoes >= int(beurt.echo_expected)


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)
