"""CPU time and memory of the assistant's processes, read from /proc (Linux)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Sample:
    pid: int
    role: str  # bot | rasa | actions | make
    cpu_seconds: float
    rss_bytes: int
    peak_rss_bytes: int  # VmHWM: the most this process ever had resident


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(root: int) -> list[int]:
    tree = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def role_of(argv: list[str]) -> str:
    """Which of the assistant's long-running processes this is; make, shells and the short set-up commands
    (`leerbot train`, `leerbot db upgrade`) are "other"."""
    if len(argv) < 3 or not Path(argv[0]).name.startswith("python"):
        return "other"
    if argv[1:3] == ["-m", "rasa_sdk"]:
        return "actions"
    if argv[1].endswith(("/rasa", "rasa_server.py")) and argv[2] == "run":
        return "rasa"
    if argv[1].endswith("/leerbot") and argv[2] in ("run", "bot"):
        return "bot"
    return "other"


def sample(pid: int) -> Sample | None:
    try:
        argv = (Path(f"/proc/{pid}") / "cmdline").read_bytes().split(b"\0")
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields = {line.split(":")[0]: line.split(":")[1].strip() for line in status.splitlines() if ":" in line}

    def kib(name: str) -> int:
        return int(fields.get(name, "0 kB").split()[0]) * 1024

    # utime and stime are the 14th and 15th fields of stat; after the ")" they are the 12th and 13th.
    cpu = (int(stat[11]) + int(stat[12])) / _TICKS
    return Sample(pid, role_of([a.decode(errors="replace") for a in argv if a]), cpu, kib("VmRSS"), kib("VmHWM"))


def sample_tree(root: int) -> list[Sample]:
    """Every process under `root` that is one of ours (make and shells are left out)."""
    samples = [s for s in (sample(pid) for pid in descendants(root)) if s is not None]
    return [s for s in samples if s.role in {"bot", "rasa", "actions"}]


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, all cores together."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return sum(fields) - idle, sum(fields)
