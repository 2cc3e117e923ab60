"""`make bench`: the whole assistant under a ramp of simulated Telegram users.

Two set-ups, each started as a user starts it (`make run` with a bot token, pointed at a fake Bot API on
loopback): the single-instance default (SQLite, one Rasa server) and the scaled one (PostgreSQL for the app
and Rasa's tracker store, Redis as Rasa's lock store, two Rasa servers behind one bot). While the Telegram
users play, web users (bench/web.py) hold their conversations' event streams open on the web chat `make run`
serves, and some of them send messages. Writes var/bench/result.json and var/bench/bench.png; the last line
printed is a summary in JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import signal
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import procs
from bench.koude_start import koude_starts
from bench.load import CONSULENT_CHAT, SLOW_NOTICES, Inbox, Player, summary_of
from bench.plot import plot
from bench.stack import ROOT, Stack
from bench.web import WebUsers
from testkit.fake_telegram import FakeTelegram
from testkit.poorten import free_port

TELEGRAM_CAP = 30.0  # messages per second one bot may send in total
PEILDATUM = "2026-03-02"  # a Monday in term time: the scripted leave and melding dates fit it
PG = "postgresql+psycopg://postgres@127.0.0.1:5432"
OUT = ROOT / "var" / "bench"


@dataclass(frozen=True)
class Step:
    name: str
    load: float  # offered messages per second as a share of Telegram's cap
    seconds: float
    users: int  # conversations open at a time


SINGLE_STEPS = (Step("20%", 0.2, 15, 40), Step("35%", 0.35, 15, 60), Step("50%", 0.5, 15, 80),
                Step("75%", 0.75, 15, 120), Step("100%", 1.0, 60, 200))
SCALED_STEPS = (Step("35%", 0.35, 15, 60), Step("100%", 1.0, 45, 200))
# The web users all come from loopback: the per-address limit (docs/web.md) is raised for the bench only, through
# the setting; the per-conversation limit stays the default.
WEB_PER_ADRES_PER_MINUUT = "1000000"
WEB_IDLE_SECONDS = 10.0


@dataclass(frozen=True)
class WebLoad:
    users: int  # conversations whose event streams are held open for the whole load
    senders: int  # how many of them send messages
    turns_per_s: float  # their turns in all, released at an even pace


async def run_setup(name: str, env: dict[str, str], steps: tuple[Step, ...], player_seed: int,
                    calibration: Any | None, web: WebLoad) -> tuple[dict[str, Any], Any]:
    var_dir = OUT / name
    shutil.rmtree(var_dir, ignore_errors=True)
    fake = FakeTelegram().start()
    env = {**env, "TELEGRAM_BOT_TOKEN": "123456:BENCH", "TELEGRAM_API_BASE_URL": fake.base_url,
           "TELEGRAM_FILE_BASE_URL": fake.base_file_url, "LEERBOT_TODAY": PEILDATUM,
           "LEERBOT_RASA_PORT": str(consecutive_free_ports(int(env.get("LEERBOT_RASA_SERVERS", "1")))),
           "LEERBOT_ACTION_PORT": str(free_port()), "LEERBOT_WEB_PORT": str(free_port()),
           "LEERBOT_WEB_PER_ADRES_PER_MINUUT": WEB_PER_ADRES_PER_MINUUT}
    codes = await seed(env.get("DATABASE_URL") or f"sqlite:///{var_dir / 'leerbot.db'}")
    inbox = Inbox(asyncio.get_running_loop())
    fake.on_send = inbox.on_send
    player = Player(fake, inbox, codes, seed=player_seed)
    stack = Stack(name, var_dir, env)
    report: dict[str, Any] = {"setup": name, "steps": []}
    peak_sum = [0]

    async def watch() -> None:
        while True:
            peak_sum[0] = max(peak_sum[0], sum(s.rss_bytes for s in stack.sample()))
            await asyncio.sleep(0.5)

    watcher = asyncio.ensure_future(watch())
    web_users = WebUsers(f"http://127.0.0.1:{env['LEERBOT_WEB_PORT']}", web.users, web.senders, web.turns_per_s,
                         seed=player_seed) if web.users else None
    stop_web = asyncio.Event()
    try:
        started = stack.start()
        fake.push_text(100, "/start")
        while not inbox.messages[100]:
            if not stack.running():
                raise RuntimeError(f"`make run` stopped:\n{stack.log_tail()}")
            if time.monotonic() - started > 300:
                raise RuntimeError(f"no first reply after 300 s:\n{stack.log_tail()}")
            await asyncio.sleep(0.1)
        report["cold_start_s"] = round(inbox.messages[100][0][1] - started, 1)
        print(f"[{name}] first reply {report['cold_start_s']} s after `make run`", file=sys.stderr)
        if calibration is None:
            await player.calibrate()
        else:
            player.calibration = calibration
        per_turn = player.messages_per_turn()
        report["messages_per_turn"] = round(per_turn, 3)
        print(f"[{name}] calibrated: {per_turn:.2f} messages per user turn", file=sys.stderr)
        web_play = None
        if web_users is not None:
            await web_users.wait_ready()
            await web_users.calibrate()
            await web_users.open_all()
            # What the held streams cost the stack by themselves: its CPU while they are open and nothing is sent.
            before, idle_start = {s.pid: s for s in stack.sample()}, time.monotonic()
            await asyncio.sleep(WEB_IDLE_SECONDS)
            idle = time.monotonic() - idle_start
            report["web_idle_cpu_cores"] = {
                f"{s.role}-{s.pid}": round((s.cpu_seconds - before[s.pid].cpu_seconds) / idle, 2)
                for s in stack.sample() if s.pid in before}
            print(f"[{name}] {web.users} web streams open, nothing sent: CPU {report['web_idle_cpu_cores']}",
                  file=sys.stderr)
            web_play = asyncio.ensure_future(web_users.play(stop_web))
        print(f"[{name}] load steps start", file=sys.stderr)
        windows = []
        for step in steps:
            entry, window = await run_step(player, stack, step, per_turn, name)
            report["steps"].append(entry)
            windows.append(window)
        if web_play is not None:
            stop_web.set()
            await web_play  # the senders' turns still under way finish (or time out)
        await asyncio.sleep(3)  # late duplicates would arrive now
        if web_users is not None:
            await web_users.check_outbox()
            web_users.judge()
            report["web"] = web_users.summary()
            for entry, window in zip(report["steps"], windows, strict=True):
                entry["web"] = web_users.turns_between(*window)
            print(f"[{name}] web: {json.dumps(report['web'])}", file=sys.stderr)
        duplicates = player.duplicates()
        for entry in report["steps"]:
            entry["duplicated_replies"] = duplicates.get(entry["step"], 0)
        report["consulent_messages"] = player.consulent_balance()
    finally:
        watcher.cancel()
        stop_web.set()
        if web_users is not None:
            await web_users.close()
        stack.stop()
        fake.stop()
    report["peak_rss_mb"] = {f"{s.role}-{s.pid}": round(s.peak_rss_bytes / 2**20) for s in stack.peaks.values()}
    report["peak_rss_total_mb"] = round(sum(s.peak_rss_bytes for s in stack.peaks.values()) / 2**20)
    report["peak_rss_concurrent_mb"] = round(peak_sum[0] / 2**20)
    report["errors_logged"] = errors_logged(var_dir)
    return report, player.calibration


async def run_step(player: Player, stack: Stack, step: Step, per_turn: float,
                   name: str) -> tuple[dict[str, Any], tuple[float, float]]:
    rate = TELEGRAM_CAP * step.load / per_turn  # user turns per second
    player.open_max = 0
    cpu_before = {s.pid: s for s in stack.sample()}
    own_before = time.process_time()  # the load generator and fake Bot API share the machine
    busy_before, total_before = procs.machine_ticks()
    sends_before = len(player.inbox.sent_log)
    start, end = await player.run_step(step.name, rate, step.seconds, step.users)
    window_end = start + step.seconds
    cpu_after = stack.sample()
    own_cpu = time.process_time() - own_before
    busy_after, total_after = procs.machine_ticks()
    machine_busy = (busy_after - busy_before) / max(1, total_after - total_before) * (os.cpu_count() or 1)
    sent = [t for _, t in player.inbox.sent_log[sends_before:] if start <= t <= window_end]
    notices = sum(1 for text, t in player.inbox.sent_log[sends_before:] if start <= t <= window_end
                  and text in SLOW_NOTICES)
    results = [r for r in player.results if r.step == step.name]
    entry: dict[str, Any] = {
        "step": step.name,
        "offered_messages_per_s": round(TELEGRAM_CAP * step.load, 1),
        "offered_turns_per_s": round(rate, 2),
        "seconds": step.seconds,
        "messages_per_s": round(len(sent) / step.seconds, 2),  # everything sent, "slower than usual" too
        "replies_per_s": round((len(sent) - notices) / step.seconds, 2),
        "user_turns_per_s": round(sum(1 for r in results if r.sent_at <= window_end) / step.seconds, 2),
        "conversations_open_max": player.open_max,
        "drain_s": round(end - window_end, 1),
        **summary_of(results),
        "cpu_cores": {**{f"{s.role}-{s.pid}": round((s.cpu_seconds - cpu_before[s.pid].cpu_seconds) / (end - start), 2)
                         for s in cpu_after if s.pid in cpu_before},
                      "load-generator": round(own_cpu / (end - start), 2)},
        "machine_cores_busy": round(machine_busy, 2),  # everything, PostgreSQL and Redis included
    }
    print(f"[{name}] {json.dumps(entry)}", file=sys.stderr)
    return entry, (start, end)


def consecutive_free_ports(count: int) -> int:
    """A first port such that it and the next count - 1 are free (one per Rasa server)."""
    while True:
        first = free_port()
        if first + count <= 65535 and all(port_free(first + n) for n in range(1, count)):
            return first


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


async def seed(url: str) -> list[str]:
    """Schema, link codes for the school conversations, and one consulent on duty for Zwolle's team."""
    from basis.klok import FixedClock
    from store.db import make_engine, make_session_factory, upgrade
    from store.scholen import Scholen
    from store.wachtrij import Wachtrij

    await asyncio.to_thread(upgrade, url)
    engine = make_engine(url)
    now = FixedClock(__import__("datetime").date.fromisoformat(PEILDATUM)).now()
    try:
        sessions = make_session_factory(engine)
        scholen = Scholen(sessions)
        codes = [(await scholen.toevoegen("12AB", "Het Baken", "Zwolle", now))[1] for _ in range(120)]
        async with Wachtrij(sessions).werk() as w:
            await w.consulenten.toevoegen(f"tg-{CONSULENT_CHAT}", "Bench", ["ijssel-vecht"], now)
    finally:
        await engine.dispose()
    return codes


def errors_logged(var_dir: Path) -> dict[str, int]:
    counts = {}
    for path in [var_dir / "make-run.log", *sorted((var_dir / "log").glob("*.log"))]:
        if path.exists():
            counts[path.name] = sum(1 for line in path.read_text(errors="replace").splitlines()
                                    if " ERROR " in line or "Traceback" in line)
    return counts


def recreate_databases(*names: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')


def floors(single: dict[str, Any], scaled: dict[str, Any] | None) -> dict[str, Any]:
    cap = next((s for s in single["steps"] if s["step"] == "100%"), None)
    met: dict[str, Any] = {}
    if cap is not None:
        met["cap_30_msgs_per_s_60s"] = cap["messages_per_s"] >= 29.5 and cap["seconds"] >= 60
        met["cap_p95_le_500ms"] = (cap["latency_ms"]["p95"] or 1e9) <= 500
        met["cap_nothing_lost_or_duplicated"] = cap["lost_replies"] == 0 and cap["duplicated_replies"] == 0 \
            and cap["wrong_replies"] == 0
        met["open_conversations_200"] = cap["conversations_open_max"] >= 200
        consulent = single["consulent_messages"]
        met["consulent_notices_all_delivered_once"] = consulent["expected"] == consulent["received"]
        met["no_errors_logged"] = not any(single["errors_logged"].values())
    web = single.get("web")
    if web is not None:
        met["web_500_streams_held"] = web["users"] >= 500 and web["streams_held_whole_run"] == web["users"]
        met["web_nothing_lost_duplicated_or_out_of_order"] = web["turns"] > 0 and not any(
            web[k] for k in ("lost", "duplicated", "out_of_order", "wrong_replies", "bad_events"))
    met["peak_rss_le_2_5_gb"] = single["peak_rss_total_mb"] <= 2560
    met["cold_start_le_60s"] = single["cold_start_s"] <= 60
    if scaled is not None:
        step = scaled["steps"][-1]
        met["scaled_nothing_lost_mixed_or_duplicated"] = step["lost_replies"] == 0 and step["wrong_replies"] == 0 \
            and step["duplicated_replies"] == 0 and scaled["consulent_messages"]["expected"] == \
            scaled["consulent_messages"]["received"]
        met["scaled_p95_le_500ms"] = (step["latency_ms"]["p95"] or 1e9) <= 500
    return met


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--quick", action="store_true", help="one short step, single set-up only (a smoke test)")
    parser.add_argument("--quick-load", type=float, default=0.5, help="the quick step's load (share of the cap)")
    parser.add_argument("--only", choices=["single", "scaled"], help="run one set-up")
    parser.add_argument("--cold-only", action="store_true", help="only the three cold starts to a first answer")
    parser.add_argument("--web-users", type=int, default=500,
                        help="web conversations whose event streams are held open during the load (0: none)")
    parser.add_argument("--web-senders", type=int, default=50, help="how many of the web users send messages")
    parser.add_argument("--web-turns-per-s", type=float, default=1.0,
                        help="the web senders' turns per second, all together")
    args = parser.parse_args(argv)
    web = WebLoad(args.web_users, args.web_senders, args.web_turns_per_s)
    # Each held stream is a socket here and one in the bot's process (which inherits this limit through make).
    raise_open_files(4 * web.users + 2048)
    OUT.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"machine": machine(), "telegram_cap_messages_per_s": TELEGRAM_CAP,
                              "web_load": {"users": web.users, "senders": web.senders,
                                           "turns_per_s": web.turns_per_s}}
    calibration = None
    started = time.monotonic()
    if not args.quick:
        result["cold_start_first_answer"] = await koude_starts(OUT, PEILDATUM)
    if args.cold_only:
        result["seconds"] = round(time.monotonic() - started)
        (OUT / "result.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(summary_line(result)))
        return 0
    if args.only != "scaled":
        result["single"], calibration = await run_setup(
            "single", {}, (Step(f"{args.quick_load:.0%}", args.quick_load, 10, 30),) if args.quick else SINGLE_STEPS,
            1, None, web)
    if args.only != "single" and not args.quick:
        recreate_databases("leerbot_bench", "leerbot_bench_tracker")
        env = {"DATABASE_URL": f"{PG}/leerbot_bench",
               # Rasa (SQLAlchemy 1.4, psycopg2) takes the plain postgresql:// scheme.
               "RASA_TRACKER_URL": "postgresql://postgres@127.0.0.1:5432/leerbot_bench_tracker",
               "LEERBOT_RASA_SERVERS": "2", "LEERBOT_REDIS_URL": "redis://127.0.0.1:6379/3"}
        result["scaled"], _ = await run_setup("scaled", env, SCALED_STEPS, 2, calibration, web)
    result["seconds"] = round(time.monotonic() - started)
    if "single" in result:
        result["floors_met"] = floors(result["single"], result.get("scaled"))
        plot(result, OUT / "bench.png")
    (OUT / "result.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(summary_line(result)))
    return 0


def summary_line(result: dict[str, Any]) -> dict[str, Any]:
    line: dict[str, Any] = {"seconds": result["seconds"]}
    if "cold_start_first_answer" in result:
        line["cold_start_first_answer_median_s"] = result["cold_start_first_answer"]["median_s"]
    for name in ("single", "scaled"):
        if name in result:
            setup = result[name]
            line[name] = {
                "cold_start_s": setup["cold_start_s"], "peak_rss_total_mb": setup["peak_rss_total_mb"],
                "steps": {s["step"]: {k: s[k] for k in ("messages_per_s", "user_turns_per_s", "latency_ms",
                                                        "lost_replies", "duplicated_replies", "wrong_replies",
                                                        "conversations_open_max")} for s in setup["steps"]},
            }
            if "web" in setup:
                line[name]["web"] = {k: setup["web"][k] for k in (
                    "users", "streams_held_whole_run", "turns", "replies_received", "latency_ms", "latency_max_ms",
                    "lost", "duplicated", "out_of_order", "wrong_replies", "http_429", "errors")}
    if "floors_met" in result:
        line["floors_met"] = result["floors_met"]
    return line


def raise_open_files(needed: int) -> None:
    """The soft limit on open files up to `needed` (never above the hard limit, never lowered)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if wanted < needed:
        print(f"[bench] open files limited to {hard}; {needed} wanted for the web streams", file=sys.stderr)


def machine() -> dict[str, Any]:
    import platform

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


if __name__ == "__main__":
    # SIGTERM like Ctrl-C, so the `finally` blocks stop the stacks this started.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(asyncio.run(main(sys.argv[1:])))
