"""A server-sent-event reader for the load test's web users: text chunks in, whole events out.

Written to the WHATWG rules (html.spec.whatwg.org, "Parsing an event stream"), not only to what our server sends
today, so a change in how the server frames its events (CRLF, a data field in two lines, a chunk that ends
halfway through a line) shows as a failed check of the books, not as a reader that silently misses events.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    id: str | None  # the stream's last event id after this event (None: no id was ever set)
    event: str  # "message" when the event has no type of its own
    data: str


class SseParser:
    """Feed it the stream's text as it comes; each call returns the events that chunk completed. Comments
    (": ping") and unknown fields are skipped; a block without data is no event."""

    def __init__(self) -> None:
        self._rest = ""
        self._cr_pending = False  # the last chunk ended in "\r": a "\n" at the start of the next is its pair
        self._data: list[str] = []
        self._type = ""
        self._last_id: str | None = None
        self._seen_data = False

    def feed(self, chunk: str) -> list[Event]:
        if not chunk:
            return []
        if self._cr_pending and chunk.startswith("\n"):
            chunk = chunk[1:]  # the "\n" of a "\r\n" whose "\r" ended the previous chunk (and its line)
        self._cr_pending = chunk.endswith("\r")
        # A line ends in "\r\n", "\n" or "\r"; what follows the last line end waits for the next chunk.
        lines = (self._rest + chunk).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._rest = lines.pop()
        return [event for event in map(self._line, lines) if event is not None]

    def _line(self, line: str) -> Event | None:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment: the server's keep-alive
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._seen_data = True
        elif name == "event":
            self._type = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        return None  # "retry" and unknown fields change nothing the load test reads

    def _dispatch(self) -> Event | None:
        data, kind, seen = "\n".join(self._data), self._type or "message", self._seen_data
        self._data, self._type, self._seen_data = [], "", False
        return Event(self._last_id, kind, data) if seen else None
