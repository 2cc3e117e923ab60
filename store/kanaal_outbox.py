"""Messages that cross processes to the front end that can send them: a web chat in a process of its own
(`leerbot web`) tells the consulenten on Telegram of a web user's ticket and relays the user's words through this
table; the bot's process sends them on its retry job. In one process (`leerbot run`) the web chat reaches Telegram
directly and nothing is written here."""

from __future__ import annotations

import json
import logging

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import Button, ChatUser, Deliver, Reply, Role
from store.models import KanaalBericht

log = logging.getLogger(__name__)


class KanaalOutbox:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        """A `Deliver` for users of a channel this process does not serve: kept until that channel's process sends
        them. Text and buttons only, as every front end shows them."""
        if not replies:
            return
        async with self._sessions() as session:
            session.add_all(KanaalBericht(channel=user.channel, external_id=user.sender_id, bericht=json.dumps(
                {"rol": user.role, "tekst": r.text, "knoppen": [{"titel": b.title, "payload": b.payload}
                                                                for b in r.buttons]}, ensure_ascii=False))
                for r in replies)
            await session.commit()

    async def bezorg(self, channel: str, deliver: Deliver) -> int:
        """Send the channel's waiting messages, oldest first; returns how many were sent. A row is deleted before
        it is sent, so two workers of the channel never both send it; one that could not be sent is written again
        (at the end of the line) for the next round."""
        async with self._sessions() as session:
            rijen = (await session.execute(select(KanaalBericht).where(KanaalBericht.channel == channel)
                                           .order_by(KanaalBericht.id))).scalars().all()
        verstuurd = 0
        for rij in rijen:
            async with self._sessions() as session:
                genomen = await session.execute(delete(KanaalBericht).where(KanaalBericht.id == rij.id))
                await session.commit()
            if genomen.rowcount != 1:  # type: ignore[attr-defined]
                continue  # another worker has it
            inhoud = json.loads(rij.bericht)
            rol: Role = inhoud.get("rol") if inhoud.get("rol") in ("ouder", "school", "consulent") else "ouder"
            reply = Reply(inhoud["tekst"], tuple(Button(k["titel"], k["payload"]) for k in inhoud["knoppen"]))
            try:
                await deliver(ChatUser(rij.external_id, rij.channel, rol), [reply])
            except Exception as exc:  # the channel's send failed after its own retries: the next round tries again
                log.warning("a message for %s could not be sent yet: %s", channel, type(exc).__name__)
                await self.deliver(ChatUser(rij.external_id, rij.channel, rol), [reply])
                break
            verstuurd += 1
        return verstuurd
