"""The web chat's JSON and event-stream API. Every message goes through the same pipeline as Telegram's; replies
come back through the outbox as server-sent events (docs/web.md)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, model_validator

from basis.berichten import ChatUser, Deliver, Reply
from basis.klok import Clock
from bot.pipeline import MessagePipeline
from bot.redact import zonder_nummers
from invoer.schoon import schoon
from store.web import WEB_CHANNEL, WebGesprekken
from web import tokens
from web.outbox import Postbus
from web.security import Limieten

log = logging.getLogger(__name__)

# The way /vergeetmij is confirmed in a chat: DELETE forgets through the very same command.
VERGEET_BEVESTIGD = "/vergeetmij bevestig"


@dataclass
class Chat:
    """What the routes share: the pipeline, the conversations, the outbox and the limits."""

    pipeline: MessagePipeline
    klok: Clock
    gesprekken: WebGesprekken
    postbus: Postbus
    deliver: Deliver
    per_gesprek: Limieten
    per_adres: Limieten
    bezig: set[asyncio.Task[None]] = field(default_factory=set)

    def op_achtergrond(self, user: ChatUser, werk: Awaitable[None]) -> None:
        """The pipeline's turn runs after the 202: the answer comes as an event, however long Rasa takes."""
        taak: asyncio.Task[None] = asyncio.ensure_future(self.beurt(user, werk))
        self.bezig.add(taak)
        taak.add_done_callback(self.bezig.discard)

    async def beurt(self, user: ChatUser, werk: Awaitable[None]) -> None:
        """One turn; a turn that fails is logged (the type only: the message text stays out of the log) and the
        user hears that something went wrong, as on Telegram, instead of waiting for nothing."""
        try:
            await werk
        except Exception as exc:
            log.error("web turn failed: %s", type(exc).__name__)
            try:
                await self.pipeline.reply_fixed(user, "storing", self.deliver)
            except Exception as fout:
                log.error("could not tell a web user of a failed turn: %s", type(fout).__name__)


class NieuwGesprek(BaseModel):
    id: str
    token: str


class Bericht(BaseModel):
    """Typed text, or the payload of a button the assistant showed: exactly one of the two."""

    tekst: str | None = None
    knop: str | None = None

    @model_validator(mode="after")
    def _een_van_beide(self) -> Bericht:
        if (self.tekst is None) == (self.knop is None):
            raise ValueError("stuur tekst of knop")
        return self


def chat_van(request: Request) -> Chat:
    chat: Chat = request.app.state.chat
    return chat


def _adres(request: Request) -> str:
    return request.client.host if request.client else "?"


async def _binnen_limiet(limieten: Limieten, sleutel: str) -> None:
    if not await limieten.mag(sleutel):
        raise HTTPException(429, "te veel verzoeken", headers={"Retry-After": "60"})


async def gesprek_van(
    gesprek_id: str, request: Request, chat: Annotated[Chat, Depends(chat_van)],
    authorization: Annotated[str | None, Header()] = None,
) -> ChatUser:
    """The conversation the bearer token opens, checked before any route (or stream) starts: 401 without the
    right token, 404 for an id that does not exist."""
    await _binnen_limiet(chat.per_adres, _adres(request))
    schema, _, token = (authorization or "").partition(" ")
    if schema.lower() != "bearer" or not token:
        raise HTTPException(401, "token ontbreekt", headers={"WWW-Authenticate": "Bearer"})
    opgeslagen = await chat.gesprekken.token_hash(gesprek_id)
    if opgeslagen is None:
        raise HTTPException(404, "onbekend gesprek")
    if not tokens.klopt(token.strip(), opgeslagen):
        raise HTTPException(401, "verkeerd token", headers={"WWW-Authenticate": "Bearer"})
    return ChatUser(sender_id=gesprek_id, channel=WEB_CHANNEL)


ChatDep = Annotated[Chat, Depends(chat_van)]
GesprekDep = Annotated[ChatUser, Depends(gesprek_van)]
router = APIRouter(prefix="/api/gesprekken")


@router.post("", status_code=201)
async def nieuw_gesprek(request: Request, chat: ChatDep) -> NieuwGesprek:
    """A new conversation; its token is in this answer only."""
    await _binnen_limiet(chat.per_adres, _adres(request))
    gesprek_id, token = tokens.nieuw_gesprek_id(), tokens.nieuw_token()
    await chat.gesprekken.maak(gesprek_id, tokens.token_hash(token), chat.klok.now())
    log.info("web conversation started")
    return NieuwGesprek(id=gesprek_id, token=token)


@router.post("/{gesprek_id}/berichten", status_code=202)
async def stuur(bericht: Bericht, user: GesprekDep, chat: ChatDep) -> dict[str, str]:
    await _binnen_limiet(chat.per_gesprek, user.sender_id)
    if bericht.tekst is not None:
        # The user's side of the transcript, through the same boundary as the pipeline's and without any number
        # (this copy is only for the page to show again; the pipeline reads the message itself).
        await chat.postbus.gebruiker_zei(user.sender_id, zonder_nummers(schoon(bericht.tekst)))
        chat.op_achtergrond(user, chat.pipeline.handle_text(user, bericht.tekst, chat.deliver))
    else:
        chat.op_achtergrond(user, chat.pipeline.handle_button(user, bericht.knop or "", chat.deliver))
    return {"status": "ontvangen"}


@router.get("/{gesprek_id}/gebeurtenissen", response_class=EventSourceResponse)
async def gebeurtenissen(
    user: GesprekDep, chat: ChatDep, last_event_id: Annotated[str | None, Header()] = None,
) -> AsyncIterator[ServerSentEvent]:
    """Every message after Last-Event-ID (all of them without it), then each new one; FastAPI adds a keep-alive
    comment every 15 seconds."""
    laatste = int(last_event_id) if last_event_id and last_event_id.isdigit() else 0
    async for rij_id, bericht in chat.postbus.berichten(user.sender_id, laatste):
        yield ServerSentEvent(id=str(rij_id), event="bericht", data=bericht)


@router.delete("/{gesprek_id}", status_code=204)
async def vergeet(user: GesprekDep, chat: ChatDep) -> Response:
    """Forget the conversation as /vergeetmij does (tickets, kept messages, dossier, account, Rasa's tracker),
    then the conversation itself and its outbox."""

    async def niets(_user: ChatUser, _replies: list[Reply]) -> None:
        return None  # the confirmation would go to an outbox that is deleted next

    await chat.pipeline.handle_text(user, VERGEET_BEVESTIGD, niets)
    await chat.gesprekken.vergeet(user.sender_id)
    chat.postbus.sluit(user.sender_id)
    log.info("web conversation forgotten")
    return Response(status_code=204)
