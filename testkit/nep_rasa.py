"""A small real HTTP server on loopback that answers like Rasa's REST channel, status and tracker endpoints and
the action server's health check: for tests of the client and the pipeline where the real Rasa would only be
slow, never for tests of what the assistant says."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from basis.berichten import PAYLOAD_KEY

ANTWOORD = [{"recipient_id": "x", "text": "Verlof voor vakantie vraag je aan bij de directeur (art. 13a)."}]
# For a text that contains "knoppen": an answer with buttons, as Rasa sends them (the browser tests press one).
ANTWOORD_MET_KNOPPEN = [{"recipient_id": "x", "text": "Waar gaat je vraag over?",
                         "buttons": [{"title": "Verlof", "payload": "/vraag_verlof"},
                                     {"title": "Ziekte", "payload": "/vraag_ziekte"}]}]
# For a text that contains "medewerker": a request for a person, as Rasa answers it (utter_handoff_mens: the text,
# then the structured data that starts the hand-off).
ANTWOORD_OVERDRACHT = [{"recipient_id": "x", "text": "Voor je eigen situatie is een leerplichtconsulent de juiste "
                        "persoon."}, {"recipient_id": "x", "custom": {PAYLOAD_KEY: {"handoff": True}}}]


class NepRasa:
    """Answers the REST channel with ANTWOORD, with ANTWOORD_MET_KNOPPEN for a text that contains "knoppen", with
    ANTWOORD_OVERDRACHT for one with "medewerker", or with silence for a text that contains "stil"; its action
    server health check answers 200 only while `actions_up`."""

    def __init__(self) -> None:
        self.actions_up = True
        self.wacht = 0.0  # seconds before the REST channel answers: a slow Rasa
        self.berichten: list[str] = []
        self.ontvangen: list[bytes] = []  # every request body as it arrived: what Rasa's tracker store would keep
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a stopped test)
                    self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.startswith("/status"):
                    self._json(200, {"model_file": "model.tar.gz"})
                else:  # /health of the action server
                    self._json(200 if nep.actions_up else 503, {"status": "ok" if nep.actions_up else "down"})

            def do_POST(self) -> None:
                ruw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                nep.ontvangen.append(ruw)
                body = json.loads(ruw or b"null")
                if self.path.startswith("/webhooks/rest/webhook"):
                    nep.berichten.append(body["message"])
                    time.sleep(nep.wacht)
                    tekst = body["message"]
                    self._json(200, [] if "stil" in tekst else ANTWOORD_MET_KNOPPEN if "knoppen" in tekst
                               else ANTWOORD_OVERDRACHT if "medewerker" in tekst else ANTWOORD)
                else:  # tracker events (slots)
                    self._json(200, {})

            def log_message(self, format: str, *args: object) -> None:
                return

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
