"""Several Rasa servers behind one bot: requests spread by load, a refusing server is skipped, and the
settings refuse a set-up without shared stores."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pydantic import ValidationError

from bot.rasa_client import RasaClient, RasaUnavailable
from leerbot.settings import Settings
from leerbot.supervisor import build_processes, lock_store_env
from testkit.poorten import free_port


class TinyRasa:
    """Answers the REST channel with its own name after `delay` seconds (a stand-in for a busy server)."""

    def __init__(self, name: str, delay: float = 0.0) -> None:
        self.name, self.delay, self.handled = name, delay, 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.handled += 1
                time.sleep(server.delay)
                body = json.dumps([{"recipient_id": "x", "text": server.name}]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"


@pytest.fixture
def servers() -> Iterator[tuple[TinyRasa, TinyRasa]]:
    slow, fast = TinyRasa("slow", delay=0.5), TinyRasa("fast")
    yield slow, fast
    for server in (slow, fast):
        server.http.shutdown()
        server.http.server_close()


async def test_requests_go_to_the_least_busy_server(servers: tuple[TinyRasa, TinyRasa]) -> None:
    slow, fast = servers
    client = RasaClient([slow.url, fast.url], "token", timeout_seconds=5)
    try:
        first = asyncio.ensure_future(client.send_message("s0", "hoi", {}))  # a tie: the first server in turn
        await asyncio.sleep(0.1)
        # While the slow server works on that turn, the next ones go to the other server.
        later = [await client.send_message(f"s{n}", "hoi", {}) for n in range(1, 4)]
        assert (await first)[0]["text"] == "slow"
    finally:
        await client.aclose()
    assert [a[0]["text"] for a in later] == ["fast"] * 3
    assert (slow.handled, fast.handled) == (1, 3)


async def test_a_server_that_refuses_is_skipped_and_all_down_is_unavailable(
    servers: tuple[TinyRasa, TinyRasa],
) -> None:
    _, fast = servers
    dead = f"http://127.0.0.1:{free_port()}"
    client = RasaClient([dead, fast.url], "token", timeout_seconds=5)
    try:
        for n in range(4):
            assert (await client.send_message(f"s{n}", "hoi", {}))[0]["text"] == "fast"
    finally:
        await client.aclose()
    assert fast.handled == 4
    nobody = RasaClient([dead], "token", timeout_seconds=5)
    try:
        with pytest.raises(RasaUnavailable):
            await nobody.send_message("s", "hoi", {})
    finally:
        await nobody.aclose()


def test_several_rasa_servers_need_redis_and_a_shared_postgres_tracker_store() -> None:
    with pytest.raises(ValidationError, match="LEERBOT_REDIS_URL"):
        Settings(rasa_servers=2, rasa_tracker_url="postgresql://db/rasa")
    with pytest.raises(ValidationError, match="PostgreSQL"):
        Settings(rasa_servers=2, redis_url="redis://127.0.0.1:6379/1")
    settings = Settings(rasa_servers=2, redis_url="redis://:geheim@cache:6380/4", rasa_port=7000,
                        rasa_tracker_url="postgresql://db/rasa")
    assert settings.rasa_urls == ["http://127.0.0.1:7000", "http://127.0.0.1:7001"]
    rasa = [p for p in build_processes(settings) if p.name.startswith("rasa")]
    assert [p.argv[-1] for p in rasa] == ["7000", "7001"]
    assert {p.env["RASA_LOCK_STORE"] for p in rasa} == {"redis"}
    assert lock_store_env(settings.redis_url) == {"RASA_LOCK_STORE": "redis", "RASA_REDIS_HOST": "cache",
                                                  "RASA_REDIS_PORT": "6380", "RASA_REDIS_DB": "4",
                                                  "RASA_REDIS_PASSWORD": "geheim"}
    assert lock_store_env("")["RASA_LOCK_STORE"] == "in_memory"
    elsewhere = Settings(rasa_urls_setting="http://rasa-1:5005/, http://rasa-2:5005")
    assert elsewhere.rasa_urls == ["http://rasa-1:5005", "http://rasa-2:5005"]
