"""Markdown tables of a `make bench` result: `python -m bench.report var/bench/result.json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def tables(result: dict[str, Any]) -> str:
    lines = []
    for name in ("single", "scaled"):
        if name not in result:
            continue
        setup = result[name]
        lines += [
            f"### {name}: cold start {setup['cold_start_s']} s, {setup['messages_per_turn']} bot messages per "
            f"user turn, peak RSS {setup['peak_rss_total_mb']} MB (sum of per-process peaks; "
            f"{setup['peak_rss_concurrent_mb']} MB at once)",
            "",
            "| step | offered msg/s | sent msg/s | replies/s | user turns/s | open convs | p50 ms | p95 ms | p99 ms "
            "| lost | dup | wrong | slow notices | CPU cores (machine) | CPU by process | web turns | web p95 ms |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for step in setup["steps"]:
            latency = step["latency_ms"]
            cpu = ", ".join(f"{k.split('-')[0] if k != 'load-generator' else k} {v}"
                            for k, v in step["cpu_cores"].items())
            lines.append(
                f"| {step['step']} | {step['offered_messages_per_s']} | {step['messages_per_s']} | "
                f"{step['replies_per_s']} | {step['user_turns_per_s']} | {step['conversations_open_max']} | "
                f"{latency['p50']} | {latency['p95']} | {latency['p99']} | {step['lost_replies']} | "
                f"{step['duplicated_replies']} | {step['wrong_replies']} | {step['slow_notices']} | "
                f"{step['machine_cores_busy']} | {cpu} | {step.get('web', {}).get('turns', '–')} | "
                f"{step.get('web', {}).get('latency_ms', {}).get('p95', '–')} |")
        consulent = setup["consulent_messages"]
        lines += ["", f"Consulent notices: {consulent['received']} received, {consulent['expected']} expected. "
                      f"Peak RSS per process (MB): {setup['peak_rss_mb']}. Errors in the logs: "
                      f"{setup['errors_logged']}.", ""]
        if "web" in setup:
            lines += web_table(setup["web"])
        if "web_idle_cpu_cores" in setup:
            lines += [f"With the web streams open and nothing sent (10 s before the first step), CPU cores by process: "
                      f"{setup['web_idle_cpu_cores']}.", ""]
    return "\n".join(lines)


def web_table(web: dict[str, Any]) -> list[str]:
    """The web users of one set-up: their streams, and the senders' turns booked against what came."""
    latency = web["latency_ms"]
    return [
        f"Web users: {web['users']} conversations, streams opened in {web['open_all_s']} s (per stream p50 "
        f"{web['open_ms']['p50']} ms, p95 {web['open_ms']['p95']} ms); {web['senders']} of them sending, "
        f"{web['offered_turns_per_s']} turns/s offered ({web['turns_not_offered']} released with no sender free, "
        f"{web['senders_whole_script']} senders through the whole script).",
        "",
        "| streams held whole run | fewest open | reconnects | turns (text + button) | replies (of expected) "
        "| p50 ms | p95 ms | max ms | lost | late | duplicated | out of order | wrong | slow notices | 429s "
        "| errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {web['streams_held_whole_run']} of {web['users']} | {web['streams_open_min_during_load']} | "
        f"{web['stream_reconnects']} | {web['turns']} ({web['turns_text']} + {web['turns_button']}) | "
        f"{web['replies_received']} ({web['replies_expected']}) | {latency['p50']} | {latency['p95']} | "
        f"{web['latency_max_ms']} | {web['lost']} | {web['late_turns']} | {web['duplicated']} | "
        f"{web['out_of_order']} | {web['wrong_replies']} | {web['slow_notices']} | {web['http_429']} | "
        f"{web['errors'] or 'none'} |",
        "",
    ]


if __name__ == "__main__":
    print(tables(json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "var/bench/result.json").read_text())))
