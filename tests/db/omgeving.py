"""The hand-off and the consulent's work on a real database, without Telegram: shared by the queue tests."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from basis.berichten import ChatUser, Reply
from bot.consulent import ConsulentWerk
from bot.overdracht import Overdracht
from store.models_wachtrij import Ticket
from store.wachtrij import Wachtrij
from testkit.klok import Zetklok


@dataclass
class Omgeving:
    klok: Zetklok
    wachtrij: Wachtrij
    overdracht: Overdracht
    werk: ConsulentWerk
    chats: dict[str, list[Reply]] = field(default_factory=lambda: defaultdict(list))
    hervat: list[str] = field(default_factory=list)

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        self.chats[user.sender_id].extend(replies)

    def laatste(self, sender: str) -> str:
        return self.chats[sender][-1].text

    async def consulent_erbij(self, sender: str, naam: str, teams: list[str], now: dt.datetime) -> None:
        async with self.wachtrij.werk() as w:
            await w.consulenten.toevoegen(sender, naam, teams, now)

    async def open_ticket(self, user: ChatUser) -> Ticket | None:
        async with self.wachtrij.werk() as w:
            return await w.tickets.open_van(user.channel, user.sender_id)

    async def ouder(self, user: ChatUser, tekst: str, taal: str) -> list[Reply]:
        """A message of a user with an open ticket; the replies to them."""
        beurt = await self.overdracht.bericht(user, tekst, "en" if taal == "en" else "nl", self.deliver)
        assert beurt is not None, "the user has no open ticket"
        return beurt.replies

    async def consulent(self, sender: str, tekst: str) -> str:
        antwoord = await self.werk.bericht(ChatUser(sender, "telegram", "consulent"), tekst, self.deliver)
        return "\n".join(r.text for r in antwoord or [])
