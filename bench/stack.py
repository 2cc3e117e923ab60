"""The assistant as a user starts it (`make run` with a bot token), pointed at the fake Bot API."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from bench import procs

ROOT = Path(__file__).resolve().parent.parent
# Settings a developer's shell may carry that would point the bench at another database or Rasa, or move or switch
# off the web chat its web users talk to (on 127.0.0.1).
_CLEARED = ("DATABASE_URL", "RASA_TRACKER_URL", "LEERBOT_REDIS_URL", "LEERBOT_RASA_SERVERS", "TELEGRAM_BOT_TOKEN",
            "LEERBOT_WEB_IN_RUN", "LEERBOT_WEB_LISTEN")


class Stack:
    """`make run` in its own process group, with its output in a log file."""

    def __init__(self, name: str, var_dir: Path, env: dict[str, str]) -> None:
        self.name = name
        self.var_dir = var_dir
        self.env = {**{k: v for k, v in os.environ.items() if k not in _CLEARED}, **env,
                    "LEERBOT_VAR_DIR": str(var_dir)}
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0
        self.peaks: dict[int, procs.Sample] = {}

    def start(self) -> float:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        log = (self.var_dir / "make-run.log").open("ab")
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(["make", "run"], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        return self.started_at

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def sample(self) -> list[procs.Sample]:
        """The bot, Rasa and action processes now; their last samples are kept for after they stop."""
        if self.process is None:
            return []
        samples = procs.sample_tree(self.process.pid)
        for sample in samples:
            self.peaks[sample.pid] = sample
        return samples

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.sample()
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 20) -> str:
        path = self.var_dir / "make-run.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""
