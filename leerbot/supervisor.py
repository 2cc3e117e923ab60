"""Start, watch and stop the Rasa server and the action server as one unit.

Children get no standard input, write their logs to var/log/, live in their own process group, and are
told by the kernel to stop if this process dies (PR_SET_PDEATHSIG), so nothing is left behind. A child
that exits while the assistant runs is restarted and health-checked again.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from leerbot.settings import Settings

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    os.setsid()
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class ManagedProcess:
    """One child process with the URL that tells whether it is ready."""

    name: str
    argv: list[str]
    health_url: str
    env: dict[str, str]
    cwd: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    restarts: int = 0

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log_file:
            # Popen from the main thread only: PDEATHSIG fires when the *thread* that forked ends.
            self.process = subprocess.Popen(
                self.argv, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=log_file,
                stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
            )
        log.info("started %s (pid %s), log in %s", self.name, self.process.pid, self.log_path)

    @property
    def exited(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    async def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.exited:
                    raise StartupError(f"{self.name} stopped during start-up; see {self.log_path}")
                try:
                    response = await client.get(self.health_url)
                    if response.status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.5)
        raise StartupError(f"{self.name} was not ready after {timeout:.0f} s; see {self.log_path}")

    def stop(self, grace: float = 10.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        pgid = self.process.pid  # the child called setsid(), so its pid is its process group
        with _suppress_lookup():
            os.killpg(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with _suppress_lookup():
                os.killpg(pgid, signal.SIGKILL)
            self.process.wait(timeout=5)
        log.info("stopped %s", self.name)


class StartupError(RuntimeError):
    """Raised when a child process cannot start or does not become healthy in time."""


def check_ports_free(settings: Settings) -> None:
    """Fail early, with the setting to change, when a port is taken (say, by a running `make run`)."""
    rasa_ports = [(settings.rasa_port + n, "LEERBOT_RASA_PORT") for n in range(settings.rasa_servers)]
    web_port = [(settings.web_port, "LEERBOT_WEB_PORT")] if settings.web_in_run else []
    for port, variable in (*rasa_ports, (settings.action_port, "LEERBOT_ACTION_PORT"), *web_port):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                raise StartupError(
                    f"port {port} is already in use (is the assistant already running?); "
                    f"choose another with {variable}=..."
                ) from None


class _suppress_lookup:
    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> bool:
        return exc_type is ProcessLookupError


def lock_store_env(redis_url: str) -> dict[str, str]:
    """nlu/endpoints.yml reads the lock store from these: in memory for one Rasa server, else Redis."""
    if not redis_url:
        return {"RASA_LOCK_STORE": "in_memory", "RASA_REDIS_HOST": "", "RASA_REDIS_PORT": "0", "RASA_REDIS_DB": "0",
                "RASA_REDIS_PASSWORD": ""}
    url = urlsplit(redis_url)
    return {"RASA_LOCK_STORE": "redis", "RASA_REDIS_HOST": url.hostname or "127.0.0.1",
            "RASA_REDIS_PORT": str(url.port or 6379), "RASA_REDIS_DB": url.path.strip("/") or "1",
            "RASA_REDIS_PASSWORD": url.password or ""}


def build_processes(settings: Settings) -> list[ManagedProcess]:
    """The Rasa server(s) (their own venv) and the action server (the app venv)."""
    logs = settings.var_dir / "log"
    base_env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONUNBUFFERED": "1",
    }
    rasa_env = {
        **base_env,
        "ACTION_ENDPOINT_URL": settings.action_endpoint_url,
        "RASA_TRACKER_URL": settings.tracker_database_url,
        **lock_store_env(settings.redis_url),
    }
    token = settings.rasa_auth_token.get_secret_value()
    rasa_servers = [
        ManagedProcess(
            name="rasa" if n == 0 else f"rasa-{n + 1}",
            argv=[
                # `rasa run` through nlu/rasa_server.py, which adds a throughput fix (see there).
                str(settings.rasa_executable.parent / "python"), str(settings.project_root / "nlu" / "rasa_server.py"),
                "run", "--enable-api", f"--auth-token={token}",
                "--model", str(settings.model_path), "--endpoints", "nlu/endpoints.yml",
                "--credentials", "nlu/credentials.yml", "--interface", settings.rasa_host,
                "--port", str(settings.rasa_port + n),
            ],
            health_url=f"{url}/status?token={token}",
            env=rasa_env,
            cwd=settings.project_root,
            log_path=logs / f"rasa-{settings.rasa_port + n}.log",
        )
        for n, url in enumerate(settings.rasa_urls)
    ]
    actions = ManagedProcess(
        name="actions",
        argv=[sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_port)],
        health_url=settings.action_health_url,
        env=base_env,
        cwd=settings.project_root,
        log_path=logs / f"actions-{settings.action_port}.log",
    )
    return [actions, *rasa_servers]


class Supervisor:
    """Starts the children together, restarts any that exit, and stops them all on the way out."""

    def __init__(self, processes: list[ManagedProcess], startup_timeout: float) -> None:
        self.processes = processes
        self.startup_timeout = startup_timeout
        self._stopping = False

    def by_name(self, name: str) -> ManagedProcess:
        return next(p for p in self.processes if p.name == name)

    async def start(self) -> None:
        started = time.monotonic()
        self._stopping = False  # a supervisor stopped before may be started again, and then watched
        if not self.processes:  # `leerbot bot`: Rasa and the action server run elsewhere
            return
        for process in self.processes:
            process.start()
        try:
            await asyncio.gather(*(p.wait_healthy(self.startup_timeout) for p in self.processes))
        except BaseException:
            self.stop()
            raise
        log.info("assistant ready in %.1f s", time.monotonic() - started)

    async def watch(self, interval: float = 1.0) -> None:
        """Restart a child that exited; runs until cancelled."""
        while not self._stopping:
            for process in self.processes:
                if process.exited and not self._stopping:
                    code = process.process.returncode if process.process else None
                    log.warning("%s exited (code %s); restarting", process.name, code)
                    process.restarts += 1
                    process.start()
                    try:
                        await process.wait_healthy(self.startup_timeout)
                    except StartupError as exc:
                        log.error("%s", exc)
            await asyncio.sleep(interval)

    def stop(self) -> None:
        self._stopping = True
        for process in reversed(self.processes):
            process.stop()
