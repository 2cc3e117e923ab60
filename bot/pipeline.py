"""The one message-handling path of every front end (Telegram, terminal, evaluation).

It redacts personal numbers before anything is sent or stored, sets the user's role and language in the
Rasa conversation, calls Rasa, and hands channel-neutral replies to the front end's `deliver`. When Rasa
is slow the user hears so within seconds; when it is down the message is kept in the database and
answered, in order, once Rasa is back.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Any

from basis.berichten import Button, ChatUser, Deliver, Reply, Role
from basis.klok import Clock
from basis.taal import Language
from bot.beurten import Beurten
from bot.language import detect_language, other_language
from bot.messages import replies_from_rasa
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.redact import redact_personal_numbers
from bot.router import Router
from content import teksten as t
from invoer.schoon import schoon
from store.dossiers import Dossiers
from store.models import PendingMessage
from store.repositories import Accounts, PendingQueue
from store.scholen import bewust

if TYPE_CHECKING:
    from bot.wachtrij_dienst import WachtrijDienst
    from meldingen.gesprek import MeldingGesprek

log = logging.getLogger(__name__)


MAX_MESSAGE_CHARS = 2000
# A kept message Rasa takes but still cannot answer (e.g. the action server stays down) is tried again after
# ever longer waits (1, 2, 4 … at most 30 s), and given up with an apology after MAX_TRIES tries or MAX_KEPT,
# whichever comes first, so the sender's later messages are never held up for long. The waits add up to about
# eight minutes: a restart of the action server under load fits well within them.
MAX_KEPT = dt.timedelta(minutes=10)
MAX_TRIES = 20
LONGEST_WAIT_SECONDS = 30
# The initial value of the `taal` slot in nlu/domain/core.yml.
DOMAIN_SLOT_DEFAULTS = {"taal": "nl"}
# A chat hears "slower than usual" at most once in this long: under sustained load a notice per turn would
# nag, and every notice is a message that counts against Telegram's 30 messages per second.
SLOW_NOTICE_EVERY_SECONDS = 600.0
# How long a sender's role (linked school staff or not) is trusted before it is looked up again.
ROLE_CACHE_SECONDS = 60.0


def volgende_poging(message: PendingMessage) -> dt.datetime:
    """When a kept message may be tried (again): the waits before each of its tries so far and the next one (1, 2,
    4 … seconds, at most LONGEST_WAIT_SECONDS each) after it was kept. Computed from the count of tries, so the
    table needs no extra column."""
    wacht = sum(min(2 ** poging, LONGEST_WAIT_SECONDS) for poging in range(message.attempts + 1))
    return bewust(message.created_at) + dt.timedelta(seconds=wacht)


class MessagePipeline:
    """Turns one user message into replies; per sender, messages are handled strictly in order."""

    def __init__(
        self,
        rasa: RasaClient,
        accounts: Accounts,
        pending: PendingQueue,
        clock: Clock,
        slow_notice_seconds: float = 3.0,
        meldingen: MeldingGesprek | None = None,
        wachtrij: WachtrijDienst | None = None,
        dossiers: Dossiers | None = None,
    ) -> None:
        self._rasa = rasa
        self._dossiers = dossiers
        self._meldingen = meldingen
        self._wachtrij = wachtrij
        self._rollen: dict[str, tuple[Role, float]] = {}
        self._accounts = accounts
        self._pending = pending
        self._clock = clock
        self._slow_notice_seconds = slow_notice_seconds
        self._beurten = Beurten()
        self._slots_sent: dict[str, dict[str, str]] = {}
        self._nieuw: set[str] = set()  # senders whose account (and so Rasa conversation) was just created
        self._languages: dict[str, Language] = {}
        self._told_kept: set[str] = set()
        self._told_slow: dict[str, float] = {}  # sender → time.monotonic() of the last "slower" notice
        self.router = Router(accounts, rasa, self._assistent, meldingen, wachtrij,
                             rol_gewijzigd=lambda sender_id: self._rollen.pop(sender_id, None))

    async def handle_text(self, user: ChatUser, text: str, deliver: Deliver) -> None:
        """A typed message: cleaned, checked, redacted, then routed."""
        # The lock comes first, so concurrent updates of one chat keep their order.
        async with self._beurten.van(user.sender_id):
            await self._handle(user, text, deliver, knop=False)

    async def _handle(self, user: ChatUser, text: str, deliver: Deliver, *, knop: bool) -> None:
        """Typed text and button payloads alike (a web client can send any payload): cleaned, checked, redacted,
        then routed. A payload says nothing about the language, so a button keeps the last one."""
        text = schoon(text)  # the one boundary for text from any channel: before redaction and everything else
        language = self._languages.get(user.sender_id, "nl") if knop else await self._language_of(user, text)
        if not text:
            await deliver(user, [Reply(t.tekst("bericht_leeg", language))])
            return
        if len(text) > MAX_MESSAGE_CHARS:
            # Not sent to Rasa at all, so an open form keeps every answer given so far.
            notice = t.tekst("bericht_te_lang", language, length=len(text), limit=MAX_MESSAGE_CHARS)
            await deliver(user, [Reply(notice)])
            return
        clean, had_number = redact_personal_numbers(text)
        if had_number:
            await deliver(user, [Reply(t.tekst("geen_persoonsnummer", language))])
        user = await self._met_rol(user)
        await self.router.behandel(user, clean, language, deliver, knop=knop)

    async def _met_rol(self, user: ChatUser) -> ChatUser:
        """Registered consulenten and linked school staff get their role; looked up at most once a minute
        per sender."""
        if user.role != "ouder":
            return user  # the front end knows better (terminal --role, evaluation)
        bewaard = self._rollen.get(user.sender_id)
        if bewaard is None or bewaard[1] < time.monotonic():
            role: Role = "ouder"
            if self._wachtrij is not None and await self._wachtrij.is_consulent(user):
                role = "consulent"
            elif self._meldingen is not None and await self._meldingen.gekoppeld(user):
                role = "school"
            bewaard = (role, time.monotonic() + ROLE_CACHE_SECONDS)
            self._rollen[user.sender_id] = bewaard
        return dataclasses.replace(user, role=bewaard[0])

    async def handle_button(self, user: ChatUser, payload: str, deliver: Deliver) -> None:
        """A pressed button: its payload goes the same way as typed text (the router knows it is a button:
        only our own buttons may carry a Rasa payload)."""
        async with self._beurten.van(user.sender_id):
            await self._handle(user, payload, deliver, knop=True)

    async def reply_fixed(self, user: ChatUser, key: str, deliver: Deliver) -> None:
        """One of the front end's own sentences, in the user's last language."""
        await deliver(user, [Reply(t.tekst(key, self._languages.get(user.sender_id, "nl")))])

    async def retry_relay(self, deliver: Deliver) -> int:
        """Resend messages between users and consulenten that could not be delivered before."""
        return 0 if self._wachtrij is None else await self._wachtrij.opnieuw_afleveren(deliver)

    async def nieuwe_update(self, update_id: int) -> bool:
        """False when this Telegram update was handled before (delivered twice, e.g. across a restart)."""
        if self._wachtrij is None:
            return True
        async with self._wachtrij.wachtrij.werk() as w:
            return await w.updates.nieuw(update_id, self._clock.now())

    async def turn_state(self, user: ChatUser) -> dict[str, Any]:
        """What Rasa made of the conversation so far: for evaluation and hand-off summaries."""
        return await self._rasa.tracker_state(user.sender_id)

    async def pending_count(self, channel: str) -> int:
        return await self._pending.count(channel)

    async def retry_pending(self, channel: str, deliver: Deliver) -> int:
        """Answer kept messages of one channel once Rasa is ready again; returns how many were answered."""
        if not await self._pending.count(channel) or not await self._rasa.is_ready():
            return 0
        answered = 0
        blocked: set[str] = set()
        for message in await self._pending.oldest_first(channel):
            if message.sender_id in blocked or self._clock.now() < volgende_poging(message):
                blocked.add(message.sender_id)  # a sender's messages are answered in order
                continue
            user = ChatUser(message.sender_id, message.channel, message.role)  # type: ignore[arg-type]
            language: Language = "en" if message.language == "en" else "nl"
            async with self._beurten.van(user.sender_id):
                try:
                    output = await self._send(user, message.text, language, message.peildatum)
                except RasaUnavailable:
                    if message.attempts + 1 < MAX_TRIES and self._clock.now() - bewust(message.created_at) < MAX_KEPT:
                        await self._pending.count_attempt(message.id)
                        blocked.add(user.sender_id)
                        continue
                    log.error("gave up on a kept message after %d attempts", message.attempts + 1)
                    await self._pending.remove(message.id)
                    replies = [Reply(t.tekst("storing", language))]
                else:
                    await self._pending.remove(message.id)
                    replies = await self._met_dossier(user, replies_from_rasa(output)) or self._geen_antwoord(user,
                                                                                                           language)
            await deliver(user, replies)
            answered += 1
            if not await self._pending.has_pending(user.sender_id):
                self._told_kept.discard(user.sender_id)
        return answered

    async def _assistent(self, user: ChatUser, text: str, language: Language,
                         deliver: Deliver) -> list[Reply] | None:
        """The assistant's turn: Rasa's replies, or None when the message was kept (the user has been told);
        the caller holds the sender's lock."""
        if other_language(text) is not None and not text.startswith("/"):
            # Rasa would guess an intent from words it was never trained on; say what we do understand. A
            # consulent is never offered a consulent.
            buttons = () if user.role == "consulent" else (
                Button(t.tekst("knop_consulent_tweetalig", language), "/handoff_mens"),)
            return [Reply(t.tekst("andere_taal", language), buttons)]
        if await self._pending.has_pending(user.sender_id):
            await self._keep(user, text, language, deliver)
            return None
        call = asyncio.ensure_future(self._send(user, text, language, self._clock.today()))
        try:
            done, _ = await asyncio.wait({call}, timeout=self._slow_notice_seconds)
            told = self._told_slow.get(user.sender_id)
            if not done and (told is None or time.monotonic() - told > SLOW_NOTICE_EVERY_SECONDS):
                self._told_slow[user.sender_id] = time.monotonic()
                await deliver(user, [Reply(t.tekst("assistent_trager", language))])
            output = await call
        except RasaUnavailable as exc:
            log.warning("Rasa unavailable (%s); message kept for %s", exc, user.channel)
            await self._keep(user, text, language, deliver)
            return None
        except asyncio.CancelledError:
            # The process stops while Rasa works on the message (a web server's turn after its 202, which the
            # sender cannot send again): kept, so the next process answers it. Rasa may then see it twice.
            call.cancel()
            log.warning("stopped while Rasa answered; message kept for %s", user.channel)
            await self._keep(user, text, language, deliver)
            raise
        return await self._met_dossier(user, replies_from_rasa(output)) or self._geen_antwoord(user, language)

    @staticmethod
    def _geen_antwoord(user: ChatUser, language: Language) -> list[Reply]:
        """A turn Rasa took without a word to say: tell the user at once (rephrase, or a person)."""
        buttons = () if user.role == "consulent" else (Button(t.tekst("knop_consulent", language), "/handoff_mens"),)
        return [Reply(t.tekst("geen_antwoord", language), buttons)]

    async def _send(self, user: ChatUser, text: str, language: Language, peildatum: Any) -> list[dict[str, Any]]:
        # Only the language is a slot Rasa uses (its responses are chosen by it); the role travels in the
        # metadata, so a new school account costs no tracker calls either.
        slots: dict[str, str] = {"taal": language}
        bekend = self._slots_sent.get(user.sender_id)
        if bekend is None and user.sender_id in self._nieuw and slots == DOMAIN_SLOT_DEFAULTS:
            # A new sender writing Dutch: the conversation Rasa starts with this message has that value
            # already (the domain's initial value), so no tracker calls before the answer.
            self._nieuw.discard(user.sender_id)
            self._slots_sent[user.sender_id] = slots
        elif bekend != slots:
            await self._rasa.set_slots(user.sender_id, slots)
            self._slots_sent[user.sender_id] = slots
        metadata = {"peildatum": peildatum.isoformat() if peildatum else None, "rol": user.role,
                    "taal": language, "channel": user.channel}
        if self._dossiers is not None:
            # The facts of the conversation so far travel with the message; the answer returns them changed.
            metadata["dossier"] = await self._dossiers.lees(user.channel, user.sender_id, self._clock.now())
        return await self._rasa.send_message(user.sender_id, text, metadata)

    async def _met_dossier(self, user: ChatUser, replies: list[Reply]) -> list[Reply]:
        """Store the dossier the assistant returned (the last one of the turn) and keep it out of the replies."""
        dossier = None
        kaal: list[Reply] = []
        for reply in replies:
            if "dossier" in reply.data:
                dossier = reply.data["dossier"]
                reply = dataclasses.replace(reply, data={k: v for k, v in reply.data.items() if k != "dossier"})
            if reply.text or reply.buttons or reply.data:
                kaal.append(reply)
        if dossier is not None and self._dossiers is not None:
            await self._dossiers.bewaar(user.channel, user.sender_id, dossier, self._clock.now())
        return kaal

    async def _keep(self, user: ChatUser, text: str, language: Language, deliver: Deliver) -> None:
        await self._pending.add(
            sender_id=user.sender_id, channel=user.channel, role=user.role, language=language, text=text,
            peildatum=self._clock.today(), now=self._clock.now(),
        )
        if user.sender_id not in self._told_kept:
            self._told_kept.add(user.sender_id)
            await deliver(user, [Reply(t.tekst("assistent_onbereikbaar", language))])

    async def _language_of(self, user: ChatUser, text: str) -> Language:
        previous = self._languages.get(user.sender_id)
        if previous is None:
            account, created = await self._accounts.get_or_create(user.channel, user.sender_id)
            previous = "en" if account.language == "en" else "nl"
            if created:
                self._nieuw.add(user.sender_id)
        language = detect_language(text, previous)
        if language != previous:
            await self._accounts.set_language(user.channel, user.sender_id, language)
        self._languages[user.sender_id] = language
        return language
