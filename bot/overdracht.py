"""Hand-off to a person: the user's side of the consulent queue.

A conversation goes to the queue when the user asks for a person, when a topic needs the
leerplichtambtenaar and the user accepts, and at once (first in line, with the crisis lines) on worrying
signals. While a ticket is open the user's messages go to the ticket, not to Rasa: kept while waiting,
relayed once a consulent has it. The user sees "een consulent van <team>", never the person's account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from basis.berichten import Button, ChatUser, Deliver, Reply
from basis.klok import AMSTERDAM, Clock
from basis.taal import Language
from bot.redact import contact_apart
from content import teksten as t
from content.regio_schema import RegioProfiel
from content.schema import RuleSet
from invoer import antwoorden
from invoer.contact import emailadres, telefoonnummer
from meldingen.velden import lees_woonplaats
from rules.besluit import datum_tekst
from rules.regio import verantwoordelijk_team
from store.models_wachtrij import Ticket
from store.scholen import Scholen
from store.wachtrij import TicketStatus, Uitkomst, Wachtrij
from store.web import WEB_CHANNEL

Hervat = Callable[[ChatUser], Awaitable[None]]  # gives a sender's conversation back to the assistant (bot/router.py)
Taal = Language
CONSULENT_TAAL: Language = "nl"  # consulenten are the municipality's staff and read Dutch

STANDAARD_WACHT = dt.timedelta(minutes=15)


def profiel_van(rules: RuleSet, team: str | None) -> RegioProfiel | None:
    return next((p for p in rules.regios if p.id == team), None)


def taal_van(ticket: Ticket) -> Language:
    """The user's language as the pipeline last saw it in their messages to the ticket (kept in its summary), for
    what the consulent side sends them: pick-up, relay and close."""
    return "en" if (ticket.samenvatting or {}).get("taal") == "en" else "nl"


def binnen_kantoortijd(profiel: RegioProfiel, moment: dt.datetime) -> bool:
    lokaal = moment.astimezone(AMSTERDAM)
    tijden = profiel.kantoortijden
    return lokaal.isoweekday() in tijden.dagen and tijden.van <= lokaal.time() < tijden.tot


def volgende_opening(profiel: RegioProfiel, moment: dt.datetime) -> dt.datetime:
    lokaal = moment.astimezone(AMSTERDAM)
    tijden = profiel.kantoortijden
    for dagen in range(8):
        dag = (lokaal + dt.timedelta(days=dagen)).date()
        opening = dt.datetime.combine(dag, tijden.van, tzinfo=AMSTERDAM)
        if dag.isoweekday() in tijden.dagen and opening > lokaal:
            return opening
    return lokaal


async def _niets(_: ChatUser) -> None:
    return None


@dataclass(frozen=True)
class OverdrachtBeurt:
    """What a message to an open ticket gave: the user's replies, and whether the ticket is still open after it."""

    replies: list[Reply]
    open: bool


class Overdracht:
    """`hervat` is called whenever a ticket ends on the user's side (no consulent, /stop), so every way out of
    a hand-off returns the user to the assistant, as a consulent's /sluit does."""

    def __init__(self, wachtrij: Wachtrij, scholen: Scholen, clock: Clock, rules: RuleSet,
                 hervat: Hervat = _niets) -> None:
        self._wachtrij, self._scholen, self._clock, self._hervat = wachtrij, scholen, clock, hervat
        self._rules = rules

    async def open_ticket(self, user: ChatUser) -> Ticket | None:
        async with self._wachtrij.werk() as w:
            return await w.tickets.open_van(user.channel, user.sender_id)

    async def start(self, user: ChatUser, taal: Taal, *, onderwerp: str, reden: str, prioriteit: int,
                    samenvatting: Mapping[str, Any], deliver: Deliver) -> list[Reply]:
        """Open a ticket; its team comes from the school's municipality, else the user is asked for it."""
        now = self._clock.now()
        bestaand = await self.open_ticket(user)
        if bestaand is not None:
            return [Reply(t.tekst("al_in_wachtrij", taal, nummer=bestaand.id))]
        team: str | None = None  # not known yet: the user is asked for their municipality
        school = await self._scholen.school_van(user.channel, user.sender_id)
        van_school: dict[str, str] = {}
        if school is not None:
            team = verantwoordelijk_team(self._rules, school[0].gemeente).profiel.id
            van_school = {"school": school[0].naam, "gemeente": school[0].gemeente}  # who asks, for the summary
        async with self._wachtrij.werk() as w:
            ticket = await w.tickets.aanmaken(
                team=team, channel=user.channel, external_id=user.sender_id, rol=user.role, onderwerp=onderwerp,
                prioriteit=prioriteit,
                samenvatting={**samenvatting, **van_school, "reden": reden, "risico": reden == "zorgelijk",
                              "taal": taal}, now=now)
        if ticket.status == TicketStatus.GEMEENTE_GEVRAAGD:
            return [Reply(t.tekst("welke_gemeente", taal))]
        return await self._in_wachtrij(user, ticket, taal, deliver)

    async def bericht(self, user: ChatUser, tekst: str, taal: Taal, deliver: Deliver) -> OverdrachtBeurt | None:
        """A message from a user with an open ticket: an answer the queue asked for, kept, or relayed. None when
        the user has no open ticket (closed meanwhile): the assistant answers instead."""
        ticket = await self.open_ticket(user)
        if ticket is None:
            return None
        replies = await self._bericht(user, ticket, tekst, taal, deliver)
        # Only leaving the queue or a team without consulenten closes the ticket: after a municipality was named.
        gesloten = ticket.status == TicketStatus.GEMEENTE_GEVRAAGD or antwoorden.is_stop(tekst, alleen_stop=True)
        return OverdrachtBeurt(replies, not gesloten or await self.open_ticket(user) is not None)

    async def _bericht(self, user: ChatUser, ticket: Ticket, tekst: str, taal: Taal,
                       deliver: Deliver) -> list[Reply]:
        now = self._clock.now()
        if antwoorden.is_stop(tekst, alleen_stop=True):
            async with self._wachtrij.werk() as w:
                await w.tickets.sluiten(ticket.id, Uitkomst.GEBRUIKER_GESTOPT, "", now)
            await self._melden_aan_houder(ticket, t.tekst("gebruiker_gestopt", CONSULENT_TAAL, nummer=ticket.id),
                                          deliver)
            await self._hervat(user)
            return [Reply(t.tekst("wachtrij_verlaten", taal))]
        if ticket.samenvatting.get("taal") != taal:  # the user now writes another language: the consulent side follows
            async with self._wachtrij.werk() as w:
                await w.tickets.zet_taal(ticket.id, taal)
        if ticket.status == TicketStatus.GEMEENTE_GEVRAAGD:
            return await self._team_kiezen(user, ticket, tekst, taal, deliver)
        if ticket.status == TicketStatus.CONTACT_GEVRAAGD:
            return await self._contact(ticket, tekst, taal)
        # Phone numbers and IBANs are not kept in the transcript: the last phone number typed becomes the ticket's
        # contact (its own field, shown in the consulent's summary), so the consulent can still call.
        kaal, nummers, _ = contact_apart(tekst)
        async with self._wachtrij.werk() as w:
            await w.tickets.bericht(ticket.id, "gebruiker", kaal, now)
            if nummers:
                await w.tickets.zet_contact(ticket.id, {"soort": "telefoon", "waarde": nummers[-1]})
            plaats = await w.tickets.plaats(ticket)
        notitie = [Reply(t.tekst("telefoon_bij_vraag", taal))] if nummers else []
        if ticket.status == TicketStatus.OPGEPAKT:
            await self._relay_naar_consulent(ticket, deliver)
            if nummers:
                await self._melden_aan_houder(ticket, t.tekst("contact_uit_bericht", CONSULENT_TAAL, nummer=ticket.id,
                                                              telefoon=nummers[-1]), deliver)
            return notitie
        return [Reply(t.tekst("bewaard", taal, plaats=plaats)), *notitie]

    async def _team_kiezen(self, user: ChatUser, ticket: Ticket, tekst: str, taal: Taal,
                           deliver: Deliver) -> list[Reply]:
        gelezen = lees_woonplaats(tekst, rules=self._rules)
        if gelezen.fout is not None:
            hint = gelezen.details.get("suggesties")
            return [Reply(t.tekst("overdracht_gemeente_onbekend", taal, hint=hint or "-"))]
        gemeente = str(gelezen.waarden["_"])
        team = verantwoordelijk_team(self._rules, gemeente).profiel.id
        async with self._wachtrij.werk() as w:
            ticket = await w.tickets.gemeente_bekend(ticket.id, team, gemeente) or ticket
        return await self._in_wachtrij(user, ticket, taal, deliver)

    async def _in_wachtrij(self, user: ChatUser, ticket: Ticket, taal: Taal, deliver: Deliver) -> list[Reply]:
        """Tell the user their place and wait, or when the team opens; tell the team's consulenten."""
        profiel = profiel_van(self._rules, ticket.team)
        now = self._clock.now()
        async with self._wachtrij.werk() as w:
            bemand = profiel is not None and await w.consulenten.bemand(profiel.id)
            if profiel is None or not bemand:
                await w.tickets.sluiten(ticket.id, Uitkomst.GEEN_CONSULENT, "", now)
            else:
                if not binnen_kantoortijd(profiel, now):  # it waits while the user is asked how to be reached
                    await w.tickets.contact_vragen(ticket.id)
                plaats = await w.tickets.plaats(ticket)
                gemiddeld = await w.tickets.gemiddelde_wachttijd(profiel.id, now)
                consulenten = await w.consulenten.van_team(profiel.id)
        if profiel is None or not bemand:
            await self._hervat(user)  # nobody to wait for: the assistant goes on
            contact = profiel.contact if profiel is not None and profiel.contact is not None else None
            uitleg = (contact.en if taal == "en" else contact.nl) if contact else ""
            return [Reply(t.tekst("niemand", taal, uitleg=uitleg) + " " + t.tekst("weer_assistent", taal))]
        replies = []
        if binnen_kantoortijd(profiel, now):
            gemiddeld = gemiddeld or STANDAARD_WACHT
            minuten = max(1, round(gemiddeld.total_seconds() / 60 * plaats))
            replies.append(Reply(t.tekst("in_wachtrij", taal, team=profiel.team, plaats=plaats, minuten=minuten)))
        else:
            opening = volgende_opening(profiel, now)
            wanneer = t.tekst("moment", taal, datum=datum_tekst(opening.date().isoformat(), taal),
                              tijd=opening.strftime("%H:%M"))
            replies.append(Reply(t.tekst("buiten_kantoortijd", taal, team=profiel.team, wanneer=wanneer)))
            # A web user is not on Telegram: "here in the chat" is the web chat (kept on the device).
            web = user.channel == WEB_CHANNEL
            hier = Button(t.tekst("knop_chat", taal), "chat") if web else \
                Button(t.tekst("knop_telegram", taal), "telegram")
            replies.append(Reply(t.tekst("contact_vraag_web" if web else "contact_vraag", taal), (
                hier, Button(t.tekst("knop_telefoon", taal), "telefoon"),
                Button(t.tekst("knop_email", taal), "e-mail"))))
        for consulent in consulenten:
            melding = t.tekst("nieuw_ticket", CONSULENT_TAAL, nummer=ticket.id, onderwerp=ticket.onderwerp,
                              urgent=t.tekst("urgent_streep", CONSULENT_TAAL) if ticket.prioriteit else "")
            knoppen = (Button(t.tekst("knop_pak", CONSULENT_TAAL, nummer=ticket.id), f"/pak {ticket.id}"),
                       Button(t.tekst("knop_info", CONSULENT_TAAL), f"/info {ticket.id}"))
            await deliver(ChatUser(consulent.external_id, consulent.channel, "consulent"), [Reply(melding, knoppen)])
        return replies

    async def _contact(self, ticket: Ticket, tekst: str, taal: Taal) -> list[Reply]:
        keuze = tekst.strip().lower()
        if keuze in ("telegram", "chat"):
            contact = {"soort": "telegram"}
        elif keuze in ("telefoon", "e-mail", "email", "mail", "phone"):
            return [Reply(t.tekst("contact_telefoon" if keuze in ("telefoon", "phone") else "contact_email", taal))]
        elif (nummer := telefoonnummer(tekst)) is not None:
            contact = {"soort": "telefoon", "waarde": nummer}
        elif (adres := emailadres(tekst)) is not None:
            contact = {"soort": "e-mail", "waarde": adres}
        else:
            return [Reply(t.tekst("contact_ongeldig", taal))]
        async with self._wachtrij.werk() as w:
            await w.tickets.zet_contact(ticket.id, contact)
        return [Reply(t.tekst("contact_bewaard", taal))]

    async def _relay_naar_consulent(self, ticket: Ticket, deliver: Deliver) -> None:
        async with self._wachtrij.werk() as w:
            houder = await w.tickets.houder(ticket)
            berichten = await w.tickets.berichten(ticket.id)
        if houder is None:
            return
        open_berichten = [b for b in berichten
                          if b.van == "gebruiker" and b.afgeleverd_at is None]
        if not open_berichten:
            return
        regels = [Reply(f"[#{ticket.id}] {b.tekst}") for b in open_berichten]
        await deliver(ChatUser(houder.external_id, houder.channel, "consulent"), regels)
        async with self._wachtrij.werk() as w:
            await w.tickets.afgeleverd([b.id for b in open_berichten], self._clock.now())

    async def _melden_aan_houder(self, ticket: Ticket, tekst: str, deliver: Deliver) -> None:
        async with self._wachtrij.werk() as w:
            houder = await w.tickets.houder(ticket)
        if houder is not None:
            await deliver(ChatUser(houder.external_id, houder.channel, "consulent"), [Reply(tekst)])
