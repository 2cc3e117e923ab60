"""The queue as the router sees it (bot/router.py): the hand-off and the consulent's work, the privacy
commands, and what follows an answer of the assistant (a hand-off asked for or on worrying signals, or the offer
of a consulent when the leerplichtambtenaar decides)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import AFZENDER, CONSULENT_SPREEKT, Button, ChatUser, Deliver, Reply
from basis.klok import Clock
from basis.taal import Language
from bot.consulent import ConsulentWerk
from bot.overdracht import Hervat, Overdracht, _niets, profiel_van, taal_van
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.urgentie import GEVAAR, Urgentie, gevaar_in, urgentie
from content import teksten as t
from content.schema import RuleSet
from rules.besluit import Beslisser
from rules.besluit_data import BesluitData
from store.dossiers import Dossiers
from store.meldingen import Concepten
from store.scholen import Scholen
from store.vergeten import vergeet_afzender
from store.wachtrij import Wachtrij

LAATSTE_BERICHTEN = 6
OPNIEUW_NA = dt.timedelta(seconds=10)  # younger undelivered messages are still being sent
log = logging.getLogger(__name__)


def feiten_per_zaak(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The facts the user gave, per case of the conversation (the pupil's shared ones under "leerling"), in the
    user's own words where a number was computed from them, so the consulent need not ask them again."""
    def waarden(feiten: dict[str, Any]) -> dict[str, Any]:
        return {naam: f.get("zoals_gezegd") or f.get("waarde") for naam, f in feiten.items() if isinstance(f, dict)}

    per_zaak = {str(z.get("onderwerp")): waarden(z.get("feiten") or {}) for z in dossier.get("zaken") or []}
    gedeeld = waarden(dossier.get("gedeeld") or {})
    return {**({"leerling": gedeeld} if gedeeld else {}), **{k: v for k, v in per_zaak.items() if v}}


class WachtrijDienst:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], rasa: RasaClient, clock: Clock, rules: RuleSet,
                 tracker_database_url: str | None = None) -> None:
        self.wachtrij = Wachtrij(sessions)
        self._sessions, self._rasa, self._clock = sessions, rasa, clock
        self._tracker_url = tracker_database_url
        self._einde: Hervat = _niets
        self._rules = rules
        self.overdracht = Overdracht(self.wachtrij, Scholen(sessions), clock, rules, self._hervat)
        self.consulenten = ConsulentWerk(self.wachtrij, clock, rules, self._hervat)

    def bij_einde(self, einde: Hervat) -> None:
        """Who is told that a user's hand-off ended (the router, which gives them back to the assistant)."""
        self._einde = einde

    async def is_consulent(self, user: ChatUser) -> bool:
        async with self.wachtrij.werk() as w:
            return await w.consulenten.van_account(user.sender_id) is not None

    async def na_rasa(self, user: ChatUser, tekst: str, taal: Language, replies: list[Reply],
                      deliver: Deliver) -> list[Reply]:
        """Replies to add after Rasa's: the crisis lines and a ticket on danger, a ticket when the user asked
        for a person (first in line when the conversation shows urgency), an offer when the leerplichtambtenaar
        decides."""
        gevraagd = any(r.data.get("handoff") for r in replies)
        if user.role == "consulent":
            # A consulent is never offered a consulent, nor put in the queue they work themselves.
            return [Reply(t.tekst("zelf_consulent", taal))] if gevraagd else []
        gevaar = gevaar_in(tekst, user.role)
        besluiten = [b for r in replies if (b := BesluitData.lees(r.data.get("decision"))) is not None]
        if gevaar or gevraagd:
            extra = [Reply(t.tekst("gevaar", taal), data={"handoff": True})] if gevaar else []
            samenvatting, hoe_dringend = await self._samenvatting(user, tekst, besluiten[-1] if besluiten else None)
            extra += await self.overdracht.start(user, taal, onderwerp=besluiten[-1].topic if besluiten else
                                                 "handoff_mens", reden="zorgelijk" if gevaar else "gevraagd",
                                                 prioriteit=GEVAAR if gevaar else hoe_dringend.prioriteit,
                                                 samenvatting=samenvatting, deliver=deliver)
            return extra
        if besluiten and besluiten[-1].decider is Beslisser.LEERPLICHTAMBTENAAR:
            return [Reply(t.tekst("aanbod", taal), (Button(t.tekst("knop_aanbod", taal), "/handoff_mens"),))]
        return []

    async def opnieuw_afleveren(self, deliver: Deliver) -> int:
        """Relay messages not marked delivered (Telegram failed after its retries): send them again."""
        aantal = 0
        async with self.wachtrij.werk() as w:
            onbezorgd = [(b, tk, await w.tickets.houder(tk)) for b, tk in
                         await w.tickets.niet_afgeleverd(self._clock.now() - OPNIEUW_NA)]
        for bericht, ticket, houder in onbezorgd:
            if bericht.van == "consulent":
                naar = ChatUser(ticket.external_id, ticket.channel)
                profiel = profiel_van(self._rules, ticket.team)
                reply = Reply(t.tekst("van_consulent", taal_van(ticket), team=profiel.team if profiel else ticket.team,
                                      tekst=bericht.tekst), data={AFZENDER: CONSULENT_SPREEKT})
            else:
                if houder is None:
                    continue
                naar = ChatUser(houder.external_id, houder.channel, "consulent")
                reply = Reply(f"[#{ticket.id}] {bericht.tekst}")
            try:
                await deliver(naar, [reply])
            except Exception:  # any channel's send error: still undeliverable, the next run tries again
                log.warning("relay message %d still not delivered", bericht.id)
                continue
            async with self.wachtrij.werk() as w:
                await w.tickets.afgeleverd([bericht.id], self._clock.now())
            aantal += 1
        return aantal

    async def _samenvatting(self, user: ChatUser, tekst: str,
                            besluit: BesluitData | None) -> tuple[dict[str, Any], Urgentie]:
        """What the consulent reads first — the question, the rule decision, the facts, the last messages and the
        urgency signals — and how pressing the conversation is."""
        try:
            state = await self._rasa.tracker_state(user.sender_id)
        except RasaUnavailable:
            state = {}
        laatste: list[str] = []
        gezegd: list[str] = [tekst]
        vraag = ""
        for event in state.get("events") or []:
            if event.get("event") == "user" and event.get("text"):
                laatste.append(f"gebruiker: {event['text']}")
                gezegd.append(str(event["text"]))
                intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or ""
                if not intent.startswith(("affirm", "deny", "inform", "waarom", "greet", "handoff")):
                    vraag = str(event["text"])
            elif event.get("event") == "bot" and event.get("text"):
                laatste.append(f"assistent: {str(event['text'])[:200]}")
        besluit = besluit or BesluitData.lees((state.get("slots") or {}).get("laatste_besluit"))
        dossier = await Dossiers(self._sessions).lees(user.channel, user.sender_id, self._clock.now())
        hoe_dringend = urgentie(gezegd, user.role, dossier, self._clock.today())
        return {"vraag": vraag, "besluit": besluit.als_json() if besluit else None,
                "laatste": laatste[-LAATSTE_BERICHTEN:], "rol": user.role, "feiten": feiten_per_zaak(dossier),
                "signalen": list(hoe_dringend.signalen)}, hoe_dringend

    async def _hervat(self, user: ChatUser) -> None:
        await self._einde(user)

    async def gegevens(self, user: ChatUser, taal: Language) -> str:
        async with self.wachtrij.werk() as w:
            tickets = await w.tickets.van_afzender(user.channel, user.sender_id)
            berichten = sum([len(await w.tickets.berichten(tk.id)) for tk in tickets])
        concept = await Concepten(self._sessions).ophalen(user.channel, user.sender_id, self._clock.now())
        return t.tekst("mijn_gegevens", taal, gesprekken=len(tickets), berichten=berichten,
                       concept=t.tekst("mijn_gegevens_concept" if concept else "mijn_gegevens_geen_concept", taal))

    async def vergeet(self, user: ChatUser, tekst: str, taal: Language) -> Reply:
        if "bevestig" not in tekst.lower():
            knop = Button(t.tekst("knop_vergeet_bevestig", taal), "/vergeetmij bevestig")
            return Reply(t.tekst("vergeet_zeker", taal), (knop,))
        # Everything kept of the sender, Rasa's tracker store included (its API cannot delete; the store does).
        await vergeet_afzender(self._sessions, user.channel, user.sender_id, self._tracker_url)
        return Reply(t.tekst("vergeet_gedaan", taal))
