"""A fake Telegram Bot API server on loopback, for end-to-end tests of the real python-telegram-bot stack.

It implements the methods the bot uses, records every call, and serves updates through long polling.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Leerbot", "username": "leerbot_test_bot",
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}
_JSON_FIELDS = {"chat_id", "reply_markup", "offset", "timeout", "limit", "allowed_updates", "message_id",
                "show_alert", "disable_notification", "protect_content", "reply_parameters", "link_preview_options",
                "commands"}


_UPDATE_IDS_LOCK = threading.Lock()
_NEXT_UPDATE_ID = [1]


def _first_update_id() -> int:
    with _UPDATE_IDS_LOCK:
        return _NEXT_UPDATE_ID[0]


def _bump_update_ids(next_id: int) -> None:
    with _UPDATE_IDS_LOCK:
        _NEXT_UPDATE_ID[0] = max(_NEXT_UPDATE_ID[0], next_id)



class FakeTelegram:
    """Thread-safe state of the fake API: queued updates, recorded calls, sent messages."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._delivered: list[dict[str, Any]] = []
        # Telegram numbers one bot's updates upwards for good; fakes of one test run continue the count,
        # so a bot that remembers handled update ids (to drop redeliveries) sees new ids from a new fake.
        self._next_update_id = _first_update_id()
        self._next_message_id = 1000
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.bot_messages: list[dict[str, Any]] = []
        # Called (in a server thread) for every message the bot sends: chat id, text, time.monotonic().
        # The load test uses it to time replies without scanning `calls`.
        self.on_send: Callable[[int, str, float], None] | None = None
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/file/bot"

    def start(self) -> FakeTelegram:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what tests do -------------------------------------------------------------------------
    def push_text(self, chat_id: int, text: str) -> int:
        """Queue a typed message; returns its update id."""
        message = self._user_message(chat_id, text=text)
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push({"message": message})

    def push_message(self, chat_id: int, **fields: Any) -> None:
        self._push({"message": {**self._user_message(chat_id), **fields}})

    def push_button(self, chat_id: int, bot_message: dict[str, Any], data: str) -> int:
        query = {"id": str(time.monotonic_ns()), "from": self._user(chat_id), "chat_instance": str(chat_id),
                 "message": bot_message, "data": data}
        return self._push({"callback_query": query})

    def sent_messages(self, chat_id: int) -> list[dict[str, Any]]:
        with self._condition:
            return [params for method, params in self.calls
                    if method == "sendMessage" and int(params["chat_id"]) == chat_id]

    def wait_for_messages(self, chat_id: int, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        """Block until the bot has sent at least `count` messages to the chat; return them all."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                sent = [p for m, p in self.calls if m == "sendMessage" and int(p["chat_id"]) == chat_id]
                if len(sent) >= count:
                    return sent
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    texts = [p.get("text", "")[:80] for p in sent]
                    raise AssertionError(f"expected {count} messages to {chat_id}, got {len(sent)}: {texts}")
                self._condition.wait(remaining)

    def last_bot_message(self, chat_id: int) -> dict[str, Any]:
        with self._condition:
            return [m for m in self.bot_messages if m["chat"]["id"] == chat_id][-1]

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        with self._condition:
            return [params for name, params in self.calls if name == method]

    # --- internals -------------------------------------------------------------------------------
    def _user(self, chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "Ouder", "language_code": "nl"}

    def _user_message(self, chat_id: int, **fields: Any) -> dict[str, Any]:
        with self._condition:
            self._next_message_id += 1
            message_id = self._next_message_id
        return {"message_id": message_id, "date": int(time.time()), "from": self._user(chat_id),
                "chat": {"id": chat_id, "type": "private", "first_name": "Ouder"}, **fields}

    def _push(self, update: dict[str, Any]) -> int:
        with self._condition:
            update["update_id"] = self._next_update_id
            self._next_update_id += 1
            _bump_update_ids(self._next_update_id)
            self._updates.append(update)
            self._delivered.append(update)
            self._condition.notify_all()
            return int(update["update_id"])

    def redeliver(self, update_id: int) -> None:
        """Queue an update that was delivered before again, with its id (what Telegram does when the bot
        did not confirm it, e.g. after a crash)."""
        with self._condition:
            earlier = next(u for u in self._delivered if u["update_id"] == update_id)
            self._updates.append(dict(earlier))
            self._condition.notify_all()

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)  # short polls keep shutdown fast
        deadline = time.monotonic() + timeout
        with self._condition:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.monotonic() < deadline:
                self._condition.wait(deadline - time.monotonic())
            return list(self._updates)

    def _bot_message(self, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
        with self._condition:
            if message_id is None:
                self._next_message_id += 1
                message_id = self._next_message_id
        chat_id = int(params["chat_id"]) if "chat_id" in params else 0
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "from": BOT_USER,
                                   "chat": {"id": chat_id, "type": "private"}, "text": params.get("text", "")}
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method != "getUpdates":
            with self._condition:
                self.calls.append((method, params))
                self._condition.notify_all()
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        if method in {"deleteWebhook", "setWebhook", "answerCallbackQuery", "sendChatAction", "setMyCommands", "close"}:
            return 200, {"ok": True, "result": True}
        if method == "sendMessage":
            if len(params.get("text", "")) > 4096:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
            message = self._bot_message(params)
            with self._condition:
                self.bot_messages.append(message)
            if self.on_send is not None:
                self.on_send(int(params["chat_id"]), str(params.get("text", "")), time.monotonic())
            return 200, {"ok": True, "result": message}
        if method in {"editMessageText", "editMessageReplyMarkup"}:
            return 200, {"ok": True, "result": self._bot_message(params, int(params.get("message_id", 0)))}
        return 404, {"ok": False, "error_code": 404, "description": f"Not Found: {method} is not faked"}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as api.telegram.org does; every answer has a length

            def do_POST(self) -> None:
                self._answer()

            def do_GET(self) -> None:
                self._answer()

            def _answer(self) -> None:
                method = self.path.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = fake._call(method, _parse(self.headers.get("Content-Type", ""), body))
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot stopped polling mid-request (shutdown)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler


def _parse(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return dict(json.loads(body))
    params: dict[str, Any] = {key: values[0] for key, values in parse_qs(body.decode()).items()}
    for key in _JSON_FIELDS & params.keys():
        with contextlib.suppress(json.JSONDecodeError):
            params[key] = json.loads(params[key])
    return params
