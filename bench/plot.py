"""The load test's picture: throughput and turn latency against the offered rate."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no screen on the machines this runs on
    import matplotlib.pyplot as plt

    figure, (throughput, latency) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, marker in (("single", "o"), ("scaled", "s")):
        if name not in result:
            continue
        steps = result[name]["steps"]
        offered = [s["offered_messages_per_s"] for s in steps]
        label = "1 Rasa, SQLite" if name == "single" else "2 Rasa, PostgreSQL + Redis"
        throughput.plot(offered, [s["messages_per_s"] for s in steps], marker=marker, label=f"{label}: sent")
        throughput.plot(offered, [s["user_turns_per_s"] for s in steps], marker=marker, linestyle=":",
                        label=f"{label}: user turns")
        for key, style in (("p50", "-"), ("p95", "--"), ("p99", ":")):
            values = [s["latency_ms"][key] for s in steps]
            latency.plot(offered, values, marker=marker, linestyle=style, label=f"{label} {key}")
    cap = result["telegram_cap_messages_per_s"]
    throughput.axhline(cap, color="grey", linewidth=0.8)
    throughput.set(xlabel="offered (bot messages/s)", ylabel="per second", title="Throughput")
    latency.axhline(500, color="grey", linewidth=0.8)
    latency.set(xlabel="offered (bot messages/s)", ylabel="turn latency (ms)", title="Latency (update → last reply)")
    latency.set_yscale("log")
    for axes in (throughput, latency):
        axes.grid(alpha=0.3)
        axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
