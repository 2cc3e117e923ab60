"""The widget's routes: its script for a municipality's page (/widget.js, /widget-<version>.js), the chat inside
its frame (/embed/{gemeente}, framed only by that municipality's sites) and the demo page (/voorbeeld).

The API needs no CORS: the chat in the frame is served from our origin and calls the API from there, so every
request is same-origin. Only the script carries `Access-Control-Allow-Origin: *`: a host page that pins it with
Subresource Integrity loads it with `crossorigin="anonymous"`, a CORS request; it is public and sent without
credentials, so this opens nothing."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

from basis.taal import Language
from web.insluiten import Insluiten
from web.pagina import chat_pagina
from web.security import csp
from web.widget import VERSIE, script_bestand, voorbeeld_pagina

ONVERANDERLIJK = "public, max-age=31536000, immutable"  # a released version never changes (web/widget.py)


def _taal(taal: str) -> Language:
    return "en" if taal == "en" else "nl"


def _script(pad: Path, cache: str) -> Response:
    return Response(pad.read_bytes(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": cache, "Access-Control-Allow-Origin": "*",
                             "Cross-Origin-Resource-Policy": "cross-origin"})


def widget_router(insluiten: Insluiten) -> APIRouter:
    router = APIRouter()

    @router.get("/widget.js")
    async def widget_nieuwste() -> Response:
        pad = script_bestand(VERSIE)
        if pad is None:
            raise HTTPException(404)
        return _script(pad, "no-cache")  # revalidated on every load: an update reaches the page at once

    @router.get("/widget-{versie}.js")
    async def widget(versie: str) -> Response:
        pad = script_bestand(versie)
        if pad is None:
            raise HTTPException(404)
        return _script(pad, ONVERANDERLIJK)

    @router.get("/embed/{gemeente}", response_class=HTMLResponse)
    async def embed(gemeente: str, taal: str = "nl") -> HTMLResponse:
        ingesloten = insluiten.gemeenten.get(gemeente)
        if ingesloten is None:
            raise HTTPException(404)
        return HTMLResponse(chat_pagina(_taal(taal), ingesloten),
                            headers={"Content-Security-Policy": csp(ingesloten.frame_ancestors)})

    @router.get("/voorbeeld", response_class=HTMLResponse)
    async def voorbeeld(taal: str = "nl", gemeente: str = "voorbeeld") -> HTMLResponse:
        if gemeente not in insluiten.gemeenten:  # any in the list: our own origin may frame every one
            raise HTTPException(404)
        return HTMLResponse(voorbeeld_pagina(_taal(taal), gemeente),
                            headers={"Content-Security-Policy": csp(frame_src="'self'")})

    return router
