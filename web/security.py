"""What a public endpoint needs before any route runs: security headers on every response, a limit on the size of
a request body, and rate limits per conversation and per client address."""

from __future__ import annotations

from aiolimiter import AsyncLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def csp(frame_ancestors: str = "'self'", frame_src: str | None = None) -> str:
    """Only our own scripts, styles, fonts and API; nothing inline, no plug-ins. Framed only by `frame_ancestors`
    (our own pages, or a municipality's sites for the widget's frame); frames only `frame_src` (none but on the
    demo page, which frames our own widget)."""
    frames = f"frame-src {frame_src}; " if frame_src else ""
    return ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            f"font-src 'self'; {frames}base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}")


# Every response's, unless a route sets its own (the widget's frame, the demo page).
CSP = csp()
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class Beveiliging:
    """ASGI middleware: refuses a body over `max_body_bytes` with 413 (before the route reads it) and adds the
    security headers to every response, error pages included; the Content-Security-Policy CSP unless the route
    set one of its own."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def met_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), *HEADERS]
                if not any(naam.lower() == b"content-security-policy" for naam, _ in headers):
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        lengte = dict(scope.get("headers") or []).get(b"content-length")
        if lengte is not None and (not lengte.isdigit() or int(lengte) > self.max_body_bytes):
            await _te_groot(met_headers)
            return
        if lengte is not None or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, met_headers)
            return
        # Without a Content-Length (chunked) the body is read here, at most one chunk over the limit, and handed
        # on whole.
        body, meer = b"", True
        while meer:
            message = await receive()
            body += message.get("body", b"")
            meer = message.get("more_body", False)
            if len(body) > self.max_body_bytes:
                await _te_groot(met_headers)
                return
        gelezen = False

        async def opnieuw() -> Message:
            nonlocal gelezen
            if gelezen:
                return await receive()  # the disconnect, when it comes
            gelezen = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, opnieuw, met_headers)


async def _te_groot(send: Send) -> None:
    body = b'{"detail":"te groot"}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Limieten:
    """Requests per minute per key (a conversation, a client address); a key over its limit is refused at once
    (429), not made to wait. In-process: one web server, or one limit per server when there are several."""

    MAX_SLEUTELS = 10_000  # forgotten all at once beyond this: a flood of addresses cannot grow memory without end

    def __init__(self, per_minuut: float) -> None:
        self._per_minuut = per_minuut
        self._limiters: dict[str, AsyncLimiter] = {}

    async def mag(self, sleutel: str) -> bool:
        limiter = self._limiters.get(sleutel)
        if limiter is None:
            if len(self._limiters) >= self.MAX_SLEUTELS:
                self._limiters.clear()
            limiter = self._limiters[sleutel] = AsyncLimiter(self._per_minuut, 60.0)
        if not limiter.has_capacity():
            return False
        await limiter.acquire()
        return True
