"""Print what a consulent sees for a hand-off, as Markdown, for docs/wachtrij.md.

The parent's messages are typical of the seed reports; the decision is the rule engine's for them. Runs
the real queue code on a temporary SQLite database (no Telegram, no Rasa).
Usage: .venvs/app/bin/python scripts/wachtrij_voorbeeld.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from basis.berichten import ChatUser, Reply
from basis.klok import AMSTERDAM
from bot.consulent import ConsulentWerk
from bot.overdracht import Overdracht
from content.loader import default_rule_set
from rules.besluit_data import BesluitData
from rules.registry import beoordeel
from store.db import make_engine, make_session_factory, upgrade
from store.scholen import Scholen
from store.wachtrij import Wachtrij

MOMENT = dt.datetime(2026, 11, 23, 10, 12, tzinfo=AMSTERDAM)
OUDER = ChatUser("tg-5551234", "telegram")
PETRA = ChatUser("tg-900", "telegram", "consulent")


class Klok:
    def today(self) -> dt.date:
        return MOMENT.date()

    def now(self) -> dt.datetime:
        return MOMENT


async def main() -> None:
    besluit = beoordeel("gewichtige_omstandigheden", {"omstandigheid": "overlijden", "relatie": "opa",
                                                      "in_buitenland": True, "aantal_schooldagen": 12},
                        default_rule_set(), MOMENT.date())
    gesprek = ["gebruiker: mijn schoonvader is overleden in Marokko, de begrafenis is daar",
               "assistent: Vrij voor een bijzondere gebeurtenis: …",
               "gebruiker: we moeten 12 dagen weg, dat gaat niet korter met de reis",
               "assistent: Bij meer dan 10 schooldagen beslist de leerplichtambtenaar …",
               "gebruiker: ik wil graag iemand spreken"]
    chats: dict[str, list[Reply]] = {}

    async def deliver(user: ChatUser, replies: list[Reply]) -> None:
        chats.setdefault(user.sender_id, []).extend(replies)

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'voorbeeld.db'}"
        upgrade(url)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        wachtrij, klok = Wachtrij(sessions), Klok()
        async with wachtrij.werk() as w:
            await w.consulenten.toevoegen(PETRA.sender_id, "Petra", ["ijssel-vecht"], MOMENT)
        overdracht = Overdracht(wachtrij, Scholen(sessions), klok, default_rule_set())

        async def hervat(_: str) -> None:
            return None

        werk = ConsulentWerk(wachtrij, klok, default_rule_set(), hervat)
        await overdracht.start(OUDER, "nl", onderwerp="verlof_gewichtige_omstandigheden", reden="gevraagd",
                               prioriteit=0, samenvatting={"vraag": gesprek[2].split(": ", 1)[1], "laatste": gesprek,
                                                           "besluit": BesluitData.van(besluit).als_json(),
                                                           "rol": "ouder"},
                               deliver=deliver)
        ouder = [r.text for r in await overdracht.bericht(OUDER, "Zwolle", "nl", deliver)]
        ouder += [r.text for r in await overdracht.bericht(OUDER, "de begrafenis is al vrijdag", "nl", deliver)]
        print("### What the parent sees\n\n```\n" + "\n".join(ouder) + "\n```\n")
        print("### What the consulent sees\n")
        print("A new ticket arrives:\n\n```\n" + chats[PETRA.sender_id][-1].text + "\n```\n")
        for commando in ("/wachtrij", "/pak 1"):
            antwoord = await werk.bericht(PETRA, commando, deliver) or []
            print(f"`{commando}`\n\n```\n" + "\n".join(r.text for r in antwoord) + "\n```\n")
        await werk.bericht(PETRA, "Gecondoleerd. Ik bel u vandaag over het verlof; welk nummer?", deliver)
        print("The parent now sees:\n\n```\n" + chats[OUDER.sender_id][-1].text + "\n```\n")
        antwoord = await werk.bericht(PETRA, "/sluit 1 beantwoord verlof 12 dagen besproken", deliver) or []
        print("`/sluit 1 beantwoord verlof 12 dagen besproken`\n\n```\n" + antwoord[0].text + "\n```\n")
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
