"""Hand-off to a person: the user's side of the consulent queue.

A conversation goes to the queue when the user asks for a person, when a topic needs the
leerplichtambtenaar and the user accepts, and at once (first in line, with the crisis lines) on worrying
signals. While a ticket is open the user's messages go to the ticket, not to Rasa: kept while waiting,
relayed once a consulent has it. The user sees "een consulent van <team>", never the person's account.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from basis.berichten import Button, ChatUser, Deliver, Reply
from basis.klok import AMSTERDAM, Clock
from bot import texts_overdracht as t
from content.loader import default_rule_set
from content.regio_schema import RegioProfiel
from invoer import antwoorden
from invoer.contact import emailadres, telefoonnummer
from meldingen.velden import lees_woonplaats
from rules.regio import verantwoordelijk_team
from store.models_wachtrij import OPGEPAKT, Ticket
from store.scholen import Scholen
from store.wachtrij import Wachtrij

Hervat = Callable[[str], Awaitable[None]]  # gives a sender's conversation back to the assistant (Rasa)
Taal = t.Taal

# Worrying signals: a child in danger or at home for weeks. Matched before Rasa sees the message.
GEVAAR = re.compile(
    r"zelfmoord|su[iï]cid|zelfdoding|dood (wil|willen)|(mezelf|zichzelf) (iets )?aan( te)? ?doen|"
    r"zelfbeschadig|snijdt zich|self[- ]?harm|kill (myself|himself|herself)|mishandel|misbruik|abuse|"
    r"geslagen|slaat (hem|haar|mij|ons|mijn)|huiselijk geweld|domestic violence|onveilig|unsafe|bedreigd",
    re.I)
THUIS = re.compile(r"(al|zit|zitten) (\w+ )?weken (\w+ )?thuis|weken niet (meer )?naar school|"
                   r"at home for weeks|hasn'?t been to school for weeks", re.I)
ONBEKEND_TEAM = "?"
STANDAARD_WACHT = dt.timedelta(minutes=15)


def zorgelijk(tekst: str, rol: str) -> bool:
    """Danger for anyone; weeks at home only from a parent (a school reports that as langdurig verzuim)."""
    return bool(GEVAAR.search(tekst) or (rol == "ouder" and THUIS.search(tekst)))


def profiel_van(team: str) -> RegioProfiel | None:
    return next((p for p in default_rule_set().regios if p.id == team), None)


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


async def _niets(_: str) -> None:
    return None


class Overdracht:
    """`hervat` is called whenever a ticket ends on the user's side (no consulent, /stop), so every way out of
    a hand-off returns the user to the assistant, as a consulent's /sluit does."""

    def __init__(self, wachtrij: Wachtrij, scholen: Scholen, clock: Clock, hervat: Hervat = _niets) -> None:
        self._wachtrij, self._scholen, self._clock, self._hervat = wachtrij, scholen, clock, hervat

    async def open_ticket(self, user: ChatUser) -> Ticket | None:
        return await self._wachtrij.open_ticket_van(user.channel, user.sender_id)

    async def start(self, user: ChatUser, taal: Taal, *, onderwerp: str, reden: str, urgent: bool,
                    samenvatting: Mapping[str, Any], deliver: Deliver) -> list[Reply]:
        """Open a ticket; its team comes from the school's municipality, else the user is asked for it."""
        now = self._clock.now()
        bestaand = await self.open_ticket(user)
        if bestaand is not None:
            return [Reply(t.tekst("al_in_wachtrij", taal, nummer=bestaand.id))]
        team = ONBEKEND_TEAM
        school = await self._scholen.school_van(user.channel, user.sender_id)
        van_school: dict[str, str] = {}
        if school is not None:
            team = verantwoordelijk_team(default_rule_set(), school[0].gemeente).profiel.id
            van_school = {"school": school[0].naam, "gemeente": school[0].gemeente}  # who asks, for the summary
        ticket = await self._wachtrij.aanmaken(
            team=team, channel=user.channel, external_id=user.sender_id, rol=user.role, onderwerp=onderwerp,
            prioriteit=1 if urgent else 0,
            samenvatting={**samenvatting, **van_school, "reden": reden, "risico": urgent}, now=now)
        if team == ONBEKEND_TEAM:
            return [Reply(t.tekst("welke_gemeente", taal))]
        return await self._in_wachtrij(user, ticket, taal, deliver)

    async def bericht(self, user: ChatUser, tekst: str, taal: Taal, deliver: Deliver) -> list[Reply]:
        """A message from a user with an open ticket: an answer the queue asked for, kept, or relayed."""
        ticket = await self.open_ticket(user)
        if ticket is None:
            return []
        now = self._clock.now()
        if antwoorden.is_stop(tekst, alleen_stop=True):
            await self._wachtrij.sluiten(ticket.id, "gebruiker_gestopt", "", now)
            await self._melden_aan_houder(ticket, t.tekst("gebruiker_gestopt", "nl", nummer=ticket.id), deliver)
            await self._hervat(user.sender_id)
            return [Reply(t.tekst("gestopt", taal))]
        if ticket.team == ONBEKEND_TEAM:
            return await self._team_kiezen(user, ticket, tekst, taal, deliver)
        samenvatting = json.loads(ticket.samenvatting or "{}")
        if samenvatting.get("contact_gevraagd") and ticket.contact is None:
            return await self._contact(ticket, tekst, taal)
        await self._wachtrij.bericht(ticket.id, "gebruiker", tekst, now)
        if ticket.status == OPGEPAKT:
            await self._relay_naar_consulent(ticket, deliver)
            return []
        return [Reply(t.tekst("bewaard", taal, plaats=await self._wachtrij.plaats(ticket)))]

    async def _team_kiezen(self, user: ChatUser, ticket: Ticket, tekst: str, taal: Taal,
                           deliver: Deliver) -> list[Reply]:
        gelezen = lees_woonplaats(tekst, rules=default_rule_set())
        if gelezen.fout is not None:
            hint = gelezen.details.get("suggesties")
            return [Reply(t.tekst("gemeente_onbekend", taal, hint=hint or "-"))]
        gemeente = str(gelezen.waarden["_"])
        team = verantwoordelijk_team(default_rule_set(), gemeente).profiel.id
        ticket = await self._wachtrij.overdragen(ticket.id, team=team, now=self._clock.now()) or ticket
        samenvatting = {**json.loads(ticket.samenvatting or "{}"), "gemeente": gemeente}
        await self._wachtrij.zet_samenvatting(ticket.id, samenvatting)
        return await self._in_wachtrij(user, ticket, taal, deliver)

    async def _in_wachtrij(self, user: ChatUser, ticket: Ticket, taal: Taal, deliver: Deliver) -> list[Reply]:
        """Tell the user their place and wait, or when the team opens; tell the team's consulenten."""
        profiel = profiel_van(ticket.team)
        now = self._clock.now()
        if profiel is None or not await self._wachtrij.bemand(ticket.team):
            await self._wachtrij.sluiten(ticket.id, "geen_consulent", "", now)
            await self._hervat(user.sender_id)  # nobody to wait for: the assistant goes on
            contact = profiel.contact if profiel is not None and profiel.contact is not None else None
            uitleg = (contact.en if taal == "en" else contact.nl) if contact else ""
            return [Reply(t.tekst("niemand", taal, uitleg=uitleg) + " " + t.tekst("weer_assistent", taal))]
        plaats = await self._wachtrij.plaats(ticket)
        replies = []
        if binnen_kantoortijd(profiel, now):
            gemiddeld = await self._wachtrij.gemiddelde_wachttijd(ticket.team, now) or STANDAARD_WACHT
            minuten = max(1, round(gemiddeld.total_seconds() / 60 * plaats))
            replies.append(Reply(t.tekst("in_wachtrij", taal, team=profiel.team, plaats=plaats, minuten=minuten)))
        else:
            opening = volgende_opening(profiel, now)
            replies.append(Reply(t.tekst("buiten_kantoortijd", taal, team=profiel.team,
                                         wanneer=t.moment(opening, taal))))
            samenvatting = {**json.loads(ticket.samenvatting or "{}"), "contact_gevraagd": True}
            await self._wachtrij.zet_samenvatting(ticket.id, samenvatting)
            replies.append(Reply(t.tekst("contact_vraag", taal), (
                Button("Telegram", "telegram"), Button(t.tekst("knop_telefoon", taal), "telefoon"),
                Button("E-mail", "e-mail"))))
        for consulent in await self._wachtrij.consulenten_van(ticket.team):
            melding = t.tekst("nieuw_ticket", "nl", nummer=ticket.id, onderwerp=ticket.onderwerp,
                              urgent=" — URGENT" if ticket.prioriteit else "")
            knoppen = (Button(f"Pak #{ticket.id}", f"/pak {ticket.id}"), Button("Info", f"/info {ticket.id}"))
            await deliver(ChatUser(consulent.external_id, consulent.channel, "consulent"), [Reply(melding, knoppen)])
        return replies

    async def _contact(self, ticket: Ticket, tekst: str, taal: Taal) -> list[Reply]:
        keuze = tekst.strip().lower()
        if keuze in ("telegram", "chat"):
            contact = {"soort": "telegram"}
        elif keuze in ("telefoon", "e-mail", "email", "mail", "phone"):
            return [Reply(t.tekst("contact_" + ("telefoon" if keuze in ("telefoon", "phone") else "email"), taal))]
        elif (nummer := telefoonnummer(tekst)) is not None:
            contact = {"soort": "telefoon", "waarde": nummer}
        elif (adres := emailadres(tekst)) is not None:
            contact = {"soort": "e-mail", "waarde": adres}
        else:
            return [Reply(t.tekst("contact_ongeldig", taal))]
        await self._wachtrij.zet_contact(ticket.id, contact)
        return [Reply(t.tekst("contact_bewaard", taal))]

    async def _relay_naar_consulent(self, ticket: Ticket, deliver: Deliver) -> None:
        houder = await self._wachtrij.houder(ticket)
        if houder is None:
            return
        open_berichten = [b for b in await self._wachtrij.berichten(ticket.id)
                          if b.van == "gebruiker" and b.afgeleverd_at is None]
        if not open_berichten:
            return
        regels = [Reply(f"[#{ticket.id}] {b.tekst}") for b in open_berichten]
        await deliver(ChatUser(houder.external_id, houder.channel, "consulent"), regels)
        await self._wachtrij.afgeleverd([b.id for b in open_berichten], self._clock.now())

    async def _melden_aan_houder(self, ticket: Ticket, tekst: str, deliver: Deliver) -> None:
        houder = await self._wachtrij.houder(ticket)
        if houder is not None:
            await deliver(ChatUser(houder.external_id, houder.channel, "consulent"), [Reply(tekst)])
