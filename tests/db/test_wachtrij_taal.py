"""An English-speaking user in the hand-off hears the queue and the consulent's pick-up, relay and close in English,
while the consulent reads Dutch; the language follows the user's messages to the ticket."""

from __future__ import annotations

from basis.berichten import ChatUser
from tests.db.omgeving import Omgeving

OUDER = ChatUser("tg-en-1", "telegram")
TEAM = "Team Leerplicht/Doorstroompunt"


async def test_an_english_user_gets_the_queue_and_the_consulents_notices_in_english(omgeving: Omgeving) -> None:
    async with omgeving.wachtrij.werk() as w:
        await w.consulenten.toevoegen("tg-901", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    replies = await omgeving.overdracht.start(OUDER, "en", onderwerp="handoff_mens", reden="gevraagd", prioriteit=0,
                                              samenvatting={"vraag": "may my son go to Morocco for 12 days?"},
                                              deliver=omgeving.deliver)
    assert "In which municipality does the child live?" in replies[0].text
    replies = await omgeving.ouder(OUDER, "Zwolle", "en")
    assert replies[0].text.startswith(f"You are in the queue of {TEAM}: number 1"), replies
    assert omgeving.laatste("tg-901").startswith("Nieuw ticket #")  # the consulent reads Dutch
    async with omgeving.wachtrij.werk() as w:
        ticket = await w.tickets.open_van(OUDER.channel, OUDER.sender_id)
    assert ticket is not None

    gepakt = await omgeving.consulent("tg-901", f"/pak {ticket.id}")
    assert f"Je hebt ticket #{ticket.id}" in gepakt
    assert "Taal: Engels" in gepakt  # so the consulent knows to type English
    assert omgeving.laatste(OUDER.sender_id) == (f"A consultant of {TEAM} has taken your conversation. The "
                                                 "consultant reads everything you type now.")
    await omgeving.consulent("tg-901", "Good afternoon, I will look at it with you.")
    assert omgeving.laatste(OUDER.sender_id) == f"A consultant of {TEAM}: Good afternoon, I will look at it with you."
    gesloten = await omgeving.consulent("tg-901", f"/sluit {ticket.id} beantwoord")
    assert f"Ticket #{ticket.id} is gesloten (beantwoord)." in gesloten
    assert omgeving.laatste(OUDER.sender_id) == ("The conversation with the consultant has ended. You are talking "
                                                 "to the assistant again.")


async def test_the_consulents_notices_follow_the_language_the_user_writes_now(omgeving: Omgeving) -> None:
    async with omgeving.wachtrij.werk() as w:
        await w.consulenten.toevoegen("tg-902", "Karim", ["ijssel-vecht"], omgeving.klok.now())
    await omgeving.overdracht.start(OUDER, "nl", onderwerp="handoff_mens", reden="gevraagd", prioriteit=0,
                                    samenvatting={}, deliver=omgeving.deliver)
    wachten = await omgeving.ouder(OUDER, "Zwolle", "nl")
    assert wachten[0].text.startswith("Je staat in de wachtrij")
    bewaard = await omgeving.ouder(OUDER, "Sorry, can we speak English?", "en")
    assert bewaard[0].text.startswith("Your message is kept")
    async with omgeving.wachtrij.werk() as w:
        ticket = await w.tickets.open_van(OUDER.channel, OUDER.sender_id)
    assert ticket is not None
    await omgeving.consulent("tg-902", f"/pak {ticket.id}")
    assert omgeving.laatste(OUDER.sender_id).startswith(f"A consultant of {TEAM} has taken your conversation.")
