"""Print two complete melding conversations (wettelijk and overig verzuim) as Markdown, for docs/meldingen.md.

Runs the real melding conversation on a temporary SQLite database with a fixed date; the first message
is shown as the school would type it after `/melding` (in Telegram, Rasa first recognises the wish to file).
Usage: .venvs/app/bin/python scripts/melding_voorbeeld.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from basis.berichten import ChatUser, Reply
from basis.klok import FixedClock
from content.loader import default_rule_set
from meldingen.gesprek import melding_gesprek
from store.db import make_engine, make_session_factory, upgrade
from store.scholen import Scholen

GESPREKKEN = {
    "Wettelijk verzuim": ["/melding lln 2 havo, 18 uur ongeoorloofd", "Sara de Vries", "14-03-2012", "Zwolle",
                          "van 2 t/m 20 november", "nee", "spijbelt, reden onbekend",
                          "gesprek met leerling en ouders, mentor betrokken", "spreekuur", "J. Bakker (mentor)",
                          "038 123 4567", "j.bakker@hetbaken.nl", "ja", "nee, 19 uur", "versturen"],
    "Overig verzuim": ["/melding", "Tim Jansen", "1-5-2015", "Kampen", "groep 7", "van 2 t/m 20 november", "9",
                       "nee", "komt vaak het eerste uur te laat", "nog niets", "mentor sprak met moeder, zorgteam",
                       "advies", "A. de Boer", "0612345678", "a.deboer@hetbaken", "a.deboer@hetbaken.nl", "ja",
                       "versturen"],
}


def _tekst(replies: list[Reply]) -> str:
    delen = []
    for reply in replies:
        if reply.text:
            knoppen = " ".join(f"[{b.title}]" for b in reply.buttons)
            delen.append(reply.text + (f"\n{knoppen}" if knoppen else ""))
    return "\n".join(delen)


async def main() -> None:
    klok = FixedClock(dt.date(2026, 11, 23))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'voorbeeld.db'}"
        upgrade(url)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        gesprek = melding_gesprek(sessions, klok, default_rule_set())
        for nummer, (titel, berichten) in enumerate(GESPREKKEN.items()):
            user = ChatUser(f"tg-{nummer}", "telegram")
            _, code = await Scholen(sessions).toevoegen(f"1{nummer}AB", "Het Baken", "Zwolle", klok.now())
            await gesprek.koppel(user, code, "nl")
            print(f"## {titel}\n")
            for bericht in berichten:
                if bericht.startswith("/melding"):
                    replies = await gesprek.starten(user, bericht.removeprefix("/melding"), "nl")
                else:
                    replies, _ = await gesprek.antwoord(user, bericht, "nl")
                print(f"**School:** {bericht}\n")
                print("**Assistent:**\n\n```\n" + _tekst(replies) + "\n```\n")
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
