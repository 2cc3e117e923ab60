"""The consulent's side of the queue, in Telegram: /wachtrij, /pak, /info, /overdragen, /sluit, /heropen,
and every other message relayed to the user of the ticket they are working on. Every view, claim,
transfer, close and reopen is written to the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import cast

from basis.berichten import AFZENDER, CONSULENT_SPREEKT, Button, ChatUser, Deliver, Reply, Role
from basis.klok import Clock
from bot.overdracht import CONSULENT_TAAL, Hervat, profiel_van, taal_van
from content import teksten as t
from content.schema import RuleSet
from rules.besluit_data import BesluitData
from store.models_wachtrij import Consulent, Ticket
from store.scholen import bewust
from store.wachtrij import TicketStatus, Uitkomst, Wachtrij, Werk

UITKOMSTEN = ("beantwoord", "doorverwezen", "melding_in_behandeling", "geen_actie_nodig", "niet_bereikbaar")
TAAL = CONSULENT_TAAL  # the language of what consulenten read themselves


def _hulp() -> str:
    return t.tekst("consulent_hulp", TAAL, uitkomsten=", ".join(UITKOMSTEN))


def _wachttijd(ticket: Ticket, now: dt.datetime) -> str:
    minuten = int((now - bewust(ticket.created_at)).total_seconds() // 60)
    return t.tekst("wachttijd_minuten", TAAL, minuten=minuten) if minuten < 120 else \
        t.tekst("wachttijd_uren", TAAL, uren=minuten // 60)


# The rule decision in the consulent's words (the summary is read by a consulent, in the consulent's language).
_ROL = ("ouder", "school", "consulent")


def _rol(rol: str) -> Role:
    """A ticket's role as a role of the chat user it belongs to."""
    return cast(Role, rol) if rol in _ROL else "ouder"


_CONTACT = ("telegram", "telefoon", "e-mail")


def _onderwerp(label: str) -> str:
    """A topic label in words, as the topic buttons name it; the label itself when it has no title."""
    sleutel = f"knop_onderwerp_{label}"
    return t.tekst(sleutel, TAAL) if sleutel in t.sleutels() else label.replace("_", " ")


def _besluit_zin(b: BesluitData) -> str:
    delen = [t.tekst(f"toegestaan_{b.allowed.value}", TAAL) if b.allowed else "",
             t.tekst(f"besluit_door_{b.decider.value}", TAAL) if b.decider else ""]
    if b.must_report is not None:
        delen.append(t.tekst("school_moet_melden" if b.must_report else "school_hoeft_niet_te_melden", TAAL))
    if b.max_days:
        delen.append(t.tekst("ten_hoogste_dagen", TAAL, dagen=b.max_days))
    zin = "; ".join(d for d in delen if d) or t.tekst("regels_beslissen_niets", TAAL)
    return zin + (f" ({b.legal_basis})" if b.legal_basis else "")


def _contact_zin(c: Mapping[str, str]) -> str:
    soort = t.tekst(f"contact_soort_{c.get('soort')}", TAAL) if c.get("soort") in _CONTACT else ""
    return f"{soort} {c.get('waarde') or ''}".strip()


def samenvatting_tekst(ticket: Ticket) -> str:
    """The hand-off summary, to read in ten seconds: who, what, facts, decision, risk, last messages — in words,
    never internal labels or empty values."""
    s = ticket.samenvatting or {}
    rol = t.tekst(f"rol_{ticket.rol}", TAAL) if ticket.rol in _ROL else ticket.rol
    regels = [t.tekst("samenvatting_kop", TAAL, nummer=ticket.id, team=ticket.team, status=ticket.status,
                      urgent=t.tekst("urgent_punt", TAAL) if ticket.prioriteit else ""),
              t.tekst("samenvatting_wie", TAAL, rol=rol)
              + (t.tekst("samenvatting_van_school", TAAL, school=s["school"]) if s.get("school") else "")
              + (t.tekst("samenvatting_gemeente", TAAL, gemeente=s["gemeente"]) if s.get("gemeente") else ""),
              t.tekst("samenvatting_onderwerp", TAAL, onderwerp=_onderwerp(ticket.onderwerp))
              + (t.tekst("samenvatting_zelf_gevraagd", TAAL) if s.get("reden") == "gevraagd" else "")]
    if s.get("taal") == "en":
        regels.append(t.tekst("samenvatting_taal_en", TAAL))
    if s.get("vraag"):
        regels.append(t.tekst("samenvatting_vraag", TAAL, vraag=s["vraag"]))
    for zaak, feiten in (s.get("feiten") or {}).items():
        naam = t.tekst("samenvatting_over_leerling", TAAL) if zaak == "leerling" else _onderwerp(zaak)
        regels.append(t.tekst("samenvatting_feiten", TAAL, zaak=naam,
                              feiten=", ".join(f"{n.replace('_', ' ')} {w}" for n, w in feiten.items())))
    if (besluit := BesluitData.lees(s.get("besluit"))) is not None:
        regels.append(t.tekst("samenvatting_besluit", TAAL, besluit=_besluit_zin(besluit)))
    if s.get("risico"):
        regels.append(t.tekst("samenvatting_risico", TAAL))
    signalen = [t.tekst(f"signaal_{n}", TAAL) for n in s.get("signalen") or () if n not in ("gevaar", "lang_thuis")]
    if signalen:
        regels.append(t.tekst("samenvatting_signalen", TAAL, signalen=", ".join(signalen)))
    if ticket.contact:
        regels.append(t.tekst("samenvatting_contact", TAAL, contact=_contact_zin(ticket.contact)))
    if ticket.melding_referentie:
        regels.append(t.tekst("samenvatting_melding", TAAL, referentie=ticket.melding_referentie))
    for regel in s.get("laatste", [])[-5:]:
        regels.append(f"  {regel}")
    return "\n".join(regels)


class ConsulentWerk:
    def __init__(self, wachtrij: Wachtrij, clock: Clock, rules: RuleSet, hervat: Hervat) -> None:
        self._wachtrij, self._clock, self._rules, self._hervat = wachtrij, clock, rules, hervat

    async def bericht(self, user: ChatUser, tekst: str, deliver: Deliver) -> list[Reply] | None:
        """The replies to a consulent's command or relayed message; None when the message is neither (a
        question to the assistant itself, with no ticket being worked on) and goes to Rasa."""
        async with self._wachtrij.werk() as w:
            gevonden = await w.consulenten.van_account(user.sender_id)
        if gevonden is None:
            return None
        consulent, teams = gevonden
        commando, _, rest = tekst.strip().partition(" ")
        commando = commando.lower().split("@")[0]
        delen = rest.split()
        nummer = int(delen[0]) if delen and delen[0].lstrip("#").isdigit() else None
        if nummer is None and delen and delen[0].startswith("#") and delen[0][1:].isdigit():
            nummer = int(delen[0][1:])
        if commando == "/wachtrij":
            return await self._wachtrij_tonen(consulent, teams)
        if commando in ("/pak", "/info", "/overdragen", "/sluit", "/heropen"):
            if nummer is None:
                return [Reply(_hulp())]
            async with self._wachtrij.werk() as w:
                ticket = await w.tickets.ticket(nummer)
            if ticket is None or ticket.team not in teams:
                return [Reply(t.tekst("ticket_niet_in_team", TAAL, nummer=nummer))]
            if commando == "/pak":
                return await self._pak(consulent, teams, ticket, deliver)
            if commando == "/info":
                async with self._wachtrij.werk() as w:
                    await self._audit(w, consulent, "bekeken", ticket.id)
                    await w.consulenten.zet_actief_ticket(consulent.id, ticket.id if ticket.consulent_id ==
                                                          consulent.id else consulent.actief_ticket_id)
                return [Reply(samenvatting_tekst(ticket) + await self._transcript(ticket))]
            if commando == "/overdragen":
                return await self._overdragen(consulent, ticket, delen[1:], deliver)
            if commando == "/sluit":
                return await self._sluit(consulent, ticket, delen[1:], deliver)
            return await self._heropen(consulent, ticket)
        if commando.startswith("/"):
            return [Reply(_hulp())]
        return await self._naar_gebruiker(consulent, tekst, deliver)

    async def _wachtrij_tonen(self, consulent: Consulent, teams: list[str]) -> list[Reply]:
        now = self._clock.now()
        async with self._wachtrij.werk() as w:
            open_tickets = await w.tickets.in_de_rij(teams)
            await self._audit(w, consulent, "wachtrij_bekeken", None, f"{len(open_tickets)} open")
        if not open_tickets:
            return [Reply(t.tekst("wachtrij_leeg", TAAL))]
        regels = [t.tekst("wachtrij_regel", TAAL, nummer=tk.id, onderwerp=tk.onderwerp, team=tk.team,
                          wachttijd=_wachttijd(tk, now), urgent=t.tekst("urgent_punt", TAAL) if tk.prioriteit else "")
                  for tk in open_tickets]
        knoppen = tuple(Button(t.tekst("knop_pak", TAAL, nummer=tk.id), f"/pak {tk.id}") for tk in open_tickets[:5])
        return [Reply("\n".join(regels), knoppen)]

    async def _pak(self, consulent: Consulent, teams: list[str], ticket: Ticket, deliver: Deliver) -> list[Reply]:
        now = self._clock.now()
        async with self._wachtrij.werk() as w:
            gewonnen, actueel = await w.tickets.pak(ticket.id, consulent, teams, now)
            if gewonnen and actueel is not None:
                await self._audit(w, consulent, "opgepakt", ticket.id)
                # Messages the user sent while waiting come with the summary, and count as delivered.
                wachtend = [b for b in await w.tickets.berichten(actueel.id)
                            if b.van == "gebruiker" and b.afgeleverd_at is None]
                await w.tickets.afgeleverd([b.id for b in wachtend], now)
            houder = await w.tickets.houder(actueel) if actueel is not None and not gewonnen else None
        if not gewonnen or actueel is None:
            wie = houder.naam if houder is not None else t.tekst("niemand_gesloten", TAAL)
            return [Reply(t.tekst("al_opgepakt", TAAL, nummer=ticket.id, wie=wie))]
        profiel = profiel_van(self._rules, actueel.team)
        gebruiker = ChatUser(actueel.external_id, actueel.channel)
        if actueel.melding_referentie is None:
            await deliver(gebruiker, [Reply(t.tekst("opgepakt", taal_van(actueel), team=profiel.team if profiel else
                                                    actueel.team))])
        kept = "".join(f"\n[#{actueel.id}] {b.tekst}" for b in wachtend)
        sluiten = (Button(t.tekst("knop_sluit", TAAL, uitkomst="beantwoord"), f"/sluit {actueel.id} beantwoord"),
                   Button(t.tekst("knop_sluit", TAAL, uitkomst="doorverwezen"), f"/sluit {actueel.id} doorverwezen"))
        wachtend_kop = "\n" + t.tekst("berichten_tijdens_wachten", TAAL)
        return [Reply(t.tekst("ticket_van_jou", TAAL, nummer=actueel.id) + "\n"
                      + samenvatting_tekst(actueel) + (f"{wachtend_kop}{kept}" if kept else ""), sluiten)]

    async def _transcript(self, ticket: Ticket) -> str:
        async with self._wachtrij.werk() as w:
            berichten = await w.tickets.berichten(ticket.id)
        return "".join(f"\n{b.van}: {b.tekst}" for b in berichten[-10:])

    async def _overdragen(self, consulent: Consulent, ticket: Ticket, doel: list[str],
                          deliver: Deliver) -> list[Reply]:
        if not doel:
            return [Reply(t.tekst("overdragen_naar_wie", TAAL))]
        naam = " ".join(doel)
        now = self._clock.now()
        if profiel_van(self._rules, naam) is not None:
            async with self._wachtrij.werk() as w:
                await w.tickets.overdragen(ticket.id, team=naam, now=now)
                await self._audit(w, consulent, "overgedragen", ticket.id, f"naar team {naam}")
                await w.consulenten.zet_actief_ticket(consulent.id, None)
            return [Reply(t.tekst("overgedragen_aan_team", TAAL, nummer=ticket.id, team=naam))]
        async with self._wachtrij.werk() as w:
            collegas = await w.consulenten.van_team(ticket.team) if ticket.team is not None else []
        collega = next((c for c in collegas if c.naam.lower() == naam.lower()), None)
        if collega is None:
            return [Reply(t.tekst("overdragen_onbekend", TAAL, naam=naam))]
        async with self._wachtrij.werk() as w:
            await w.tickets.overdragen(ticket.id, consulent_id=collega.id, now=now)
            await w.consulenten.zet_actief_ticket(collega.id, ticket.id)
            await w.consulenten.zet_actief_ticket(consulent.id, None)
            await self._audit(w, consulent, "overgedragen", ticket.id, f"naar {collega.naam}")
            bijgewerkt = await w.tickets.ticket(ticket.id)
        if bijgewerkt is not None:
            await deliver(ChatUser(collega.external_id, collega.channel, "consulent"),
                          [Reply(t.tekst("aan_je_overgedragen", TAAL, naam=consulent.naam, nummer=ticket.id) + "\n"
                                 + samenvatting_tekst(bijgewerkt))])
        return [Reply(t.tekst("overgedragen_aan_collega", TAAL, nummer=ticket.id, naam=collega.naam))]

    async def _sluit(self, consulent: Consulent, ticket: Ticket, rest: list[str], deliver: Deliver) -> list[Reply]:
        if not rest or rest[0] not in UITKOMSTEN:
            return [Reply(t.tekst("kies_uitkomst", TAAL, uitkomsten=", ".join(UITKOMSTEN), nummer=ticket.id))]
        async with self._wachtrij.werk() as w:
            gesloten = await w.tickets.sluiten(ticket.id, Uitkomst(rest[0]), " ".join(rest[1:]), self._clock.now())
            if gesloten is not None:
                await self._audit(w, consulent, "gesloten", ticket.id, rest[0])
        if gesloten is None:
            return [Reply(t.tekst("al_gesloten", TAAL, nummer=ticket.id))]
        if gesloten.melding_referentie is None:
            await deliver(ChatUser(gesloten.external_id, gesloten.channel),
                          [Reply(t.tekst("gesloten", taal_van(gesloten)))])
            # The assistant takes the conversation back.
            await self._hervat(ChatUser(gesloten.external_id, gesloten.channel, _rol(gesloten.rol)))
        return [Reply(t.tekst("ticket_gesloten", TAAL, nummer=ticket.id, uitkomst=rest[0]))]

    async def _heropen(self, consulent: Consulent, ticket: Ticket) -> list[Reply]:
        async with self._wachtrij.werk() as w:
            heropend = await w.tickets.heropenen(ticket.id) if ticket.status == TicketStatus.GESLOTEN else None
            if heropend is not None:
                await self._audit(w, consulent, "heropend", ticket.id)
        if heropend is None:
            return [Reply(t.tekst("niet_gesloten", TAAL, nummer=ticket.id))]
        return [Reply(t.tekst("weer_in_wachtrij", TAAL, nummer=ticket.id))]

    async def _naar_gebruiker(self, consulent: Consulent, tekst: str, deliver: Deliver) -> list[Reply] | None:
        now = self._clock.now()
        async with self._wachtrij.werk() as w:
            ticket = await w.tickets.ticket(consulent.actief_ticket_id) if consulent.actief_ticket_id else None
            if ticket is None or ticket.status != TicketStatus.OPGEPAKT or ticket.consulent_id != consulent.id:
                return None  # no conversation being worked on: a question for the assistant
            bericht = await w.tickets.bericht(ticket.id, "consulent", tekst, now)
        profiel = profiel_van(self._rules, ticket.team)
        await deliver(ChatUser(ticket.external_id, ticket.channel),
                      [Reply(t.tekst("van_consulent", taal_van(ticket), team=profiel.team if profiel else ticket.team,
                                     tekst=tekst), data={AFZENDER: CONSULENT_SPREEKT})])
        async with self._wachtrij.werk() as w:
            await w.tickets.afgeleverd([bericht.id], now)
        return []

    async def _audit(self, w: Werk, consulent: Consulent, actie: str, ticket_id: int | None,
                     details: str = "") -> None:
        """In the unit of work of the change it records: both are committed, or neither."""
        await w.tickets.audit(f"consulent {consulent.naam} ({consulent.external_id})", actie, ticket_id,
                              self._clock.now(), details)
