"""HTTP client for the Rasa server(s): the REST channel for messages, the tracker API for slots.

With several Rasa servers (they share the tracker store and a Redis lock store) each request goes to the
server with the fewest requests in flight, so a slow turn on one does not hold up the others; a server that
refuses connections is skipped for a few seconds and the request goes to the next one.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

log = logging.getLogger(__name__)


class RasaUnavailable(Exception):
    """Raised when the Rasa server (or the action server behind it) cannot be reached or fails to answer.

    Not raised for a turn that was taken and had nothing to say: that is an empty answer, which the pipeline
    answers at once, never a message to keep and try again (a retried message that cannot be answered would
    hold up every later message of its sender)."""


# A server that refused a connection is left alone this long before it is tried again.
DOWN_SECONDS = 3.0


@dataclass
class _Server:
    http: httpx.AsyncClient
    in_flight: int = 0
    down_until: float = 0.0


class RasaClient:
    """One pooled HTTP client per Rasa server for the life of the front end (not one per message)."""

    def __init__(self, base_urls: str | Sequence[str], auth_token: str, timeout_seconds: float,
                 action_health_url: str | None = None) -> None:
        self._token = auth_token
        self._action_health_url = action_health_url
        urls = [base_urls] if isinstance(base_urls, str) else list(base_urls)
        self._servers = [
            _Server(httpx.AsyncClient(
                base_url=url,
                timeout=httpx.Timeout(timeout_seconds, connect=2.0),
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
            ))
            for url in urls
        ]
        self._turn = itertools.count()  # breaks ties between equally busy servers in turn

    async def aclose(self) -> None:
        for server in self._servers:
            await server.http.aclose()

    async def send_message(
        self, sender_id: str, text: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Send one user message through the REST channel and return what Rasa answers."""
        body = {"sender": sender_id, "message": text, "metadata": metadata}
        result = await self._request("POST", "/webhooks/rest/webhook", json=body)
        if not isinstance(result, list):
            raise RasaUnavailable("unexpected answer from the REST channel")
        if not result and not await self._actions_up():
            # Rasa answers a turn whose custom action could not run with silence, so silence while the action
            # server does not answer its health check means "down": keep the message. Silence from a working
            # stack is a turn with nothing to say, returned as such.
            raise RasaUnavailable("no reply and the action server does not answer")
        return result

    async def set_slots(self, sender_id: str, slots: dict[str, Any]) -> None:
        """Write slots (language, role) into the conversation through Rasa's tracker API.

        Sent twice on purpose. Rasa stamps posted events when it parses the request, and only then starts
        the session of a conversation it has not seen; on the next message it reads only events newer
        than that session start, so a first post to a new conversation is silently lost. The second
        post lands after the session start. Setting a slot to the value it has is harmless, and this
        happens only when the role or language of a sender changes.
        """
        path = f"/conversations/{quote(sender_id, safe='')}/tracker/events"
        params = {"token": self._token, "include_events": "NONE"}
        events = [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]
        for _ in range(2):
            await self._request("POST", path, params=params, json=events)

    async def post_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Append events (e.g. pause and resume while a person takes over) to an existing conversation."""
        path = f"/conversations/{quote(sender_id, safe='')}/tracker/events"
        await self._request("POST", path, params={"token": self._token, "include_events": "NONE"}, json=events)

    async def tracker_state(self, sender_id: str) -> dict[str, Any]:
        """The conversation's current state (latest intent, slots, active form) and its applied events."""
        result = await self._request(
            "GET", f"/conversations/{quote(sender_id, safe='')}/tracker",
            params={"token": self._token, "include_events": "APPLIED"},
        )
        return dict(result) if isinstance(result, dict) else {}

    async def is_ready(self) -> bool:
        """True when a server answers and has a model loaded."""
        for server in self._servers:
            try:
                response = await server.http.get("/status", params={"token": self._token}, timeout=3.0)
            except httpx.HTTPError:
                continue
            if response.status_code == 200 and bool(response.json().get("model_file")):
                return True
        return False

    async def _actions_up(self) -> bool:
        if self._action_health_url is None:  # no action server known: silence can only mean a failure
            return False
        try:
            response = await self._servers[0].http.get(self._action_health_url, timeout=3.0)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    def _order(self) -> list[_Server]:
        """Servers to try: the least busy first (ties in turn), those that refused lately last."""
        now, turn = time.monotonic(), next(self._turn)
        n = len(self._servers)
        return sorted(self._servers, key=lambda s: (s.down_until > now, s.in_flight,
                                                    (self._servers.index(s) - turn) % n))

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        for server in self._order():
            server.in_flight += 1
            try:
                response = await server.http.request(method, path, **kwargs)
            except httpx.ConnectError:
                # Nothing reached this server, so another may take the request without doing it twice.
                server.down_until = time.monotonic() + DOWN_SECONDS
                continue
            except httpx.HTTPError as exc:
                raise RasaUnavailable(type(exc).__name__) from exc
            finally:
                server.in_flight -= 1
            return self._answer(response)
        raise RasaUnavailable("ConnectError")

    @staticmethod
    def _answer(response: httpx.Response) -> Any:
        if response.status_code >= 400:
            # Rasa answers 500 when, for instance, the action server is down.
            raise RasaUnavailable(f"HTTP {response.status_code}")
        return response.json()
