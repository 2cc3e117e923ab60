"""Who answers a message: per sender one persisted mode, one ordered list of steps for typed text and pressed
buttons alike, with the command registry (bot/commandos.py) first.

Rasa's tracker owns the assistant's dialogue; the router owns only the mode (store.models.Modus, kept on the
account). Every switch goes through `zet`, the one place that pauses the Rasa conversation when the user's
messages are answered by something else (a hand-off, the melding conversation) and resumes it when they come
back to the assistant. The melding conversation stays outside Rasa (docs/architecture.md says why).
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from basis.berichten import ChatUser, Deliver, Reply
from basis.taal import Language
from bot.commandos import CONSULENT, Commando, lees_commando, lijkt_commando, voor_rol
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.redact import redact_contact_details
from content.teksten import tekst
from rules.besluit_data import BesluitData
from store.models import Modus
from store.repositories import Accounts

if TYPE_CHECKING:
    from bot.wachtrij_dienst import WachtrijDienst
    from meldingen.gesprek import MeldingGesprek

# The assistant's turn (bot/pipeline.py): its replies, or None when the message was kept because Rasa could not
# be reached (the user has been told).
Assistent = Callable[[ChatUser, str, Language, Deliver], Awaitable["list[Reply] | None"]]
# While in these modes the user's messages are answered by something else than the assistant, so Rasa's
# conversation is paused: a message that reaches it by another way does not move its dialogue on.
GEPAUZEERD = frozenset({Modus.OVERDRACHT, Modus.MELDING})
START_TEKST = "hallo"  # /start is a greeting, answered by the assistant like any other
# The method that answers each command of the registry (a unit test checks that both name the same commands).
AFHANDELING = {
    "start": "_start", "help": "_help", "stop": "_stop", "koppel": "_koppel", "melding": "_melding",
    "mijnmeldingen": "_mijn_meldingen", "intrekken": "_intrekken", "mijngegevens": "_mijn_gegevens",
    "vergeetmij": "_vergeet_mij",
    **dict.fromkeys(("wachtrij", "pak", "info", "overdragen", "sluit", "heropen"), "_consulent_commando"),
}


class Router:
    def __init__(self, accounts: Accounts, rasa: RasaClient, assistent: Assistent,
                 meldingen: MeldingGesprek | None = None, wachtrij: WachtrijDienst | None = None,
                 rol_gewijzigd: Callable[[str], object] = lambda sender_id: None) -> None:
        self._accounts, self._rasa, self._assistent = accounts, rasa, assistent
        self._meldingen, self._wachtrij = meldingen, wachtrij
        self._rol_gewijzigd = rol_gewijzigd  # a linked account is school staff from its next message on
        if wachtrij is not None:
            wachtrij.bij_einde(self.terug_naar_assistent)  # a consulent's /sluit, a team with nobody

    # --- the mode -------------------------------------------------------------------------------------------

    async def modus(self, user: ChatUser) -> Modus:
        """The sender's mode. An account from before the router has none yet: it is read off what is open."""
        bewaard = await self._accounts.modus(user.channel, user.sender_id)
        if bewaard is not None:
            return bewaard
        modus = Modus.CONSULENT if user.role == "consulent" else Modus.ASSISTENT
        if self._wachtrij is not None and await self._wachtrij.overdracht.open_ticket(user) is not None:
            modus = Modus.OVERDRACHT
        elif self._meldingen is not None and await self._meldingen.open(user):
            modus = Modus.MELDING
        await self._accounts.zet_modus(user.channel, user.sender_id, modus)
        return modus

    async def zet(self, user: ChatUser, nieuw: Modus) -> None:
        """Switch a sender's mode; pauses or resumes the Rasa conversation when that changes with it."""
        oud = await self.modus(user)
        if oud is nieuw:
            return
        await self._accounts.zet_modus(user.channel, user.sender_id, nieuw)
        if (oud in GEPAUZEERD) != (nieuw in GEPAUZEERD):
            # When Rasa is down the event is lost, which is harmless: the router, not Rasa, decides who answers,
            # and a paused tracker is resumed by the next switch back.
            with contextlib.suppress(RasaUnavailable):
                await self._rasa.post_events(user.sender_id, [{"event": "pause" if nieuw in GEPAUZEERD
                                                               else "resume"}])

    async def terug_naar_assistent(self, user: ChatUser) -> None:
        """Every way out of a hand-off or a melding ends here (also when a consulent closes the ticket)."""
        await self.zet(user, Modus.CONSULENT if user.role == "consulent" else Modus.ASSISTENT)

    # --- one message ----------------------------------------------------------------------------------------

    async def behandel(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver, *,
                       knop: bool = False) -> None:
        """One message, typed or a button's payload. Commands first; a typed '/word' we do not know is never
        passed on (only our own buttons carry Rasa payloads); then whoever the mode names."""
        gevonden = lees_commando(bericht)
        if gevonden is not None:
            await self._commando(user, *gevonden, taal, deliver)
            return
        if not knop and lijkt_commando(bericht):
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        if user.role == "consulent" and self._wachtrij is not None:
            await self.zet(user, Modus.CONSULENT)
            antwoord = await self._wachtrij.consulenten.bericht(user, bericht, deliver)
            if antwoord is not None:  # a relay to the user of the consulent's ticket, or a reply to the consulent
                if antwoord:
                    await deliver(user, antwoord)
                return
        modus = await self.modus(user)
        if modus is Modus.OVERDRACHT and await self._in_overdracht(user, bericht, taal, deliver):
            return
        if modus is Modus.MELDING and await self._in_melding(user, bericht, taal, deliver):
            return
        await self._naar_assistent(user, bericht, taal, deliver)

    async def _in_overdracht(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> bool:
        beurt = None if self._wachtrij is None else await self._wachtrij.overdracht.bericht(user, bericht, taal,
                                                                                              deliver)
        if beurt is None:
            await self.terug_naar_assistent(user)  # closed meanwhile (retention, a consulent): the assistant again
            return False
        await deliver(user, beurt.replies)
        if not beurt.open:
            await self.terug_naar_assistent(user)
        return True

    async def _in_melding(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> bool:
        if self._meldingen is None or user.role != "school":
            await self.terug_naar_assistent(user)
            return False
        replies, genomen = await self._meldingen.antwoord(user, bericht, taal)
        if genomen:
            if not await self._meldingen.open(user):
                await self.terug_naar_assistent(user)  # saved, stopped or paused: the assistant again
            if replies:
                await deliver(user, replies)
            return True
        # Not an answer to the draft's question (a question of its own): the assistant answers it, the draft waits
        # and is offered again after the answer (see _naar_assistent).
        if replies:
            await deliver(user, replies)
        await self.terug_naar_assistent(user)
        return False

    async def _naar_assistent(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        # The assistant never needs a phone number or IBAN, and Rasa's tracker would keep it: it gets a placeholder.
        # (The hand-off and the melding ask for contact details in steps of their own.)
        bericht, _ = redact_contact_details(bericht)
        replies = await self._assistent(user, bericht, taal, deliver)
        if replies is None:
            return  # kept until Rasa is back; the user has been told
        if self._meldingen is not None and any(_onderwerp(r) == "melding_doen" for r in replies):
            # A school that wants to file: the melding conversation takes over (or says how to get linked).
            replies += await self._meldingen.starten(user, bericht, taal)
        elif self._meldingen is not None and user.role == "school":
            replies += await self._meldingen.na_vraag(user, taal)
        if self._wachtrij is not None:
            replies += await self._wachtrij.na_rasa(user, bericht, taal, replies, deliver)
        await deliver(user, replies)
        await self._volg(user)

    async def _volg(self, user: ChatUser) -> None:
        """The mode that follows from what is open now: a ticket, else a draft waiting for an answer."""
        if self._wachtrij is not None and await self._wachtrij.overdracht.open_ticket(user) is not None:
            await self.zet(user, Modus.OVERDRACHT)
        elif self._meldingen is not None and user.role == "school" and await self._meldingen.open(user):
            await self.zet(user, Modus.MELDING)

    # --- commands -------------------------------------------------------------------------------------------

    async def _commando(self, user: ChatUser, commando: Commando, rest: str, taal: Language,
                        deliver: Deliver) -> None:
        if commando.voor == CONSULENT and user.role != "consulent":
            await deliver(user, [Reply(tekst("geen_consulent", taal))])
            return
        await getattr(self, AFHANDELING[commando.naam])(user, f"/{commando.naam} {rest}".strip(), taal, deliver)

    async def _start(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        await self._naar_assistent(user, START_TEKST, taal, deliver)

    async def _help(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        regels = [tekst("hulp_kop", taal)]
        for c in voor_rol(user.role):
            regels.append(f"/{c.naam}{' ' + c.argument if c.argument else ''} — {tekst(c.hulp_sleutel, taal)}")
        await deliver(user, [Reply("\n".join(regels))])

    async def _stop(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        modus = await self.modus(user)
        if modus is Modus.OVERDRACHT and await self._in_overdracht(user, bericht, taal, deliver):
            return
        if modus is Modus.MELDING and await self._in_melding(user, bericht, taal, deliver):
            return
        await deliver(user, [Reply(tekst("niets_te_stoppen", taal))])

    async def _koppel(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._meldingen is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, await self._meldingen.koppel(user, _argument(bericht), taal))
        self._rol_gewijzigd(user.sender_id)

    async def _melding(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._meldingen is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, await self._meldingen.starten(user, _argument(bericht), taal))
        await self._volg(user)

    async def _mijn_meldingen(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._meldingen is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, await self._meldingen.mijn_meldingen(user, taal))

    async def _intrekken(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._meldingen is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, await self._meldingen.intrekken(user, _argument(bericht), taal))

    async def _mijn_gegevens(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._wachtrij is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, [Reply(await self._wachtrij.gegevens(user, taal))])

    async def _vergeet_mij(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._wachtrij is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await deliver(user, [await self._wachtrij.vergeet(user, bericht, taal)])

    async def _consulent_commando(self, user: ChatUser, bericht: str, taal: Language, deliver: Deliver) -> None:
        if self._wachtrij is None:
            await deliver(user, [Reply(tekst("onbekend_commando", taal))])
            return
        await self.zet(user, Modus.CONSULENT)
        antwoord = await self._wachtrij.consulenten.bericht(user, bericht, deliver)
        if antwoord:
            await deliver(user, antwoord)


def _onderwerp(reply: Reply) -> str | None:
    besluit = BesluitData.lees(reply.data.get("decision"))
    return besluit.topic if besluit else None


def _argument(bericht: str) -> str:
    return bericht.strip().partition(" ")[2].strip()
