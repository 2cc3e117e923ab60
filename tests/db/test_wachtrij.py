"""The consulent queue on SQLite and PostgreSQL: tickets, the claim race, relay both ways, office hours,
transfer, close and reopen with their audit trail, retention and forgetting (issue 6, without Telegram;
the end-to-end tests drive the same code through the fake Bot API)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from basis.berichten import ChatUser
from basis.klok import AMSTERDAM
from bot.urgentie import gevaar_in
from store.db import make_engine, make_session_factory, upgrade
from store.wachtrij import Wachtrij
from testkit.klok import MAANDAG_10_UUR
from tests.db.omgeving import Omgeving

OUDER = ChatUser("tg-1", "telegram")


async def in_de_rij(omgeving: Omgeving, user: ChatUser = OUDER, urgent: bool = False) -> int:
    replies = await omgeving.overdracht.start(user, "nl", onderwerp="handoff_mens", reden="gevraagd",
                                              prioriteit=2 if urgent else 0,
                                              samenvatting={"vraag": "mag mijn zoon 12 dagen naar Marokko?"},
                                              deliver=omgeving.deliver)
    assert "In welke gemeente" in replies[0].text
    replies = await omgeving.ouder(user, "Zwolle", "nl")
    assert "wachtrij van Team Leerplicht/Doorstroompunt" in replies[0].text, replies
    ticket = await omgeving.open_ticket(user)
    assert ticket is not None
    return ticket.id


async def test_a_user_is_queued_claimed_relayed_closed_and_handed_back(omgeving: Omgeving) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    nummer = await in_de_rij(omgeving)
    assert "Nieuw ticket" in omgeving.laatste("tg-900")
    assert [b.payload for b in omgeving.chats["tg-900"][-1].buttons] == [f"/pak {nummer}", f"/info {nummer}"]
    bewaard = await omgeving.ouder(OUDER, "het gaat om mijn oudste", "nl")
    assert "bewaard" in bewaard[0].text
    assert f"#{nummer}" in await omgeving.consulent("tg-900", "/wachtrij")
    gepakt = await omgeving.consulent("tg-900", f"/pak {nummer}")
    assert "mag mijn zoon 12 dagen naar Marokko?" in gepakt  # the summary
    assert "het gaat om mijn oudste" in gepakt  # kept while waiting
    assert "Team Leerplicht/Doorstroompunt heeft je gesprek opgepakt" in omgeving.laatste("tg-1")
    await omgeving.ouder(OUDER, "hallo?", "nl")
    assert omgeving.laatste("tg-900") == f"[#{nummer}] hallo?"
    await omgeving.consulent("tg-900", "Goedemiddag, ik kijk met u mee.")
    assert omgeving.laatste("tg-1") == ("Een consulent van Team Leerplicht/Doorstroompunt: Goedemiddag, ik kijk met "
                                        "u mee.")
    assert "Petra" not in " ".join(r.text for r in omgeving.chats["tg-1"])  # never the person's identity
    assert "Kies een uitkomst" in await omgeving.consulent("tg-900", f"/sluit {nummer} klaar")
    assert "gesloten" in await omgeving.consulent("tg-900", f"/sluit {nummer} beantwoord verlof uitgelegd")
    assert "weer met de assistent" in omgeving.laatste("tg-1")
    assert omgeving.hervat == ["tg-1"]
    assert await omgeving.open_ticket(OUDER) is None
    async with omgeving.wachtrij.werk() as w:
        berichten = [b.van for b in await w.tickets.berichten(nummer)]
        acties = [r.actie for r in await w.tickets.audit_regels(nummer)]
    assert berichten == ["gebruiker", "gebruiker", "consulent"]
    assert acties == ["opgepakt", "gesloten"]


async def test_a_phone_number_typed_to_the_queue_becomes_the_tickets_contact_not_part_of_the_transcript(
    omgeving: Omgeving,
) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    nummer = await in_de_rij(omgeving)
    wachtend = await omgeving.ouder(OUDER, "bel me op 06-12345678, iban NL91ABNA0417164300", "nl")
    assert "bewaard" in wachtend[0].text
    assert "Je telefoonnummer staat nu bij je vraag" in wachtend[1].text
    gepakt = await omgeving.consulent("tg-900", f"/pak {nummer}")
    assert "Contact: telefoon 06 12345678" in gepakt  # the summary shows it from the ticket's own field
    await omgeving.ouder(OUDER, "of liever 0612345679 ?", "nl")
    assert omgeving.chats["tg-900"][-2].text == f"[#{nummer}] of liever [telefoonnummer verwijderd] ?"
    assert omgeving.laatste("tg-900").endswith("(niet in het gesprek): 06 12345679")
    async with omgeving.wachtrij.werk() as w:
        berichten = [b.tekst for b in await w.tickets.berichten(nummer)]
        ticket = await w.tickets.ticket(nummer)
    assert berichten == ["bel me op [telefoonnummer verwijderd], iban [rekeningnummer verwijderd]",
                         "of liever [telefoonnummer verwijderd] ?"]
    assert ticket is not None
    assert ticket.contact == {"soort": "telefoon", "waarde": "06 12345679"}


async def test_exactly_one_consulent_wins_a_claim(omgeving: Omgeving) -> None:
    for sender, naam in (("tg-900", "Petra"), ("tg-901", "Karim")):
        await omgeving.consulent_erbij(sender, naam, ["ijssel-vecht"], omgeving.klok.now())
    nummer = await in_de_rij(omgeving)
    antwoorden = await asyncio.gather(*(omgeving.consulent(s, f"/pak {nummer}") for s in ("tg-900", "tg-901") * 3))
    winnaars = [a for a in antwoorden if a.startswith("Je hebt ticket")]
    assert len(winnaars) == 1
    assert all("al opgepakt door" in a for a in antwoorden if a not in winnaars)


async def test_urgent_first_and_only_the_own_team_is_visible(omgeving: Omgeving) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    await omgeving.consulent_erbij("tg-902", "Anna", ["nijmegen"], omgeving.klok.now())
    gewoon = await in_de_rij(omgeving, ChatUser("tg-1", "telegram"))
    omgeving.klok.moment += dt.timedelta(minutes=5)
    urgent = await in_de_rij(omgeving, ChatUser("tg-2", "telegram"), urgent=True)
    rij = (await omgeving.consulent("tg-900", "/wachtrij")).splitlines()
    assert rij[0].startswith(f"#{urgent}")
    assert "URGENT" in rij[0]
    assert rij[1].startswith(f"#{gewoon}")
    assert await omgeving.consulent("tg-902", "/wachtrij") == "De wachtrij is leeg."
    assert "bestaat niet in jouw team" in await omgeving.consulent("tg-902", f"/pak {gewoon}")


async def test_outside_office_hours_the_user_hears_when_and_leaves_contact_details(omgeving: Omgeving) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    omgeving.klok.moment = dt.datetime(2026, 11, 28, 20, 0, tzinfo=AMSTERDAM)  # Saturday evening
    await omgeving.overdracht.start(OUDER, "nl", onderwerp="handoff_mens", reden="gevraagd", prioriteit=0,
                                    samenvatting={}, deliver=omgeving.deliver)
    replies = await omgeving.ouder(OUDER, "Zwolle", "nl")
    assert "vanaf 30 november 2026 om 09:00" in replies[0].text
    assert "Telegram, per telefoon of per e-mail" in replies[1].text
    assert "Op welk nummer" in (await omgeving.ouder(OUDER, "telefoon", "nl"))[0].text
    fout = await omgeving.ouder(OUDER, "12345", "nl")
    assert "geen geldig telefoonnummer" in fout[0].text
    assert "Genoteerd" in (await omgeving.ouder(OUDER, "06 12345678", "nl"))[0].text
    ticket = await omgeving.open_ticket(OUDER)
    assert ticket is not None
    assert ticket.contact == {"soort": "telefoon", "waarde": "06 12345678"}


async def test_with_nobody_registered_the_user_is_told_where_to_go(omgeving: Omgeving) -> None:
    await omgeving.overdracht.start(OUDER, "nl", onderwerp="handoff_mens", reden="gevraagd", prioriteit=0,
                                    samenvatting={}, deliver=omgeving.deliver)
    replies = await omgeving.ouder(OUDER, "Utrecht", "nl")
    assert "geen consulent" in replies[0].text
    assert "website van de gemeente" in replies[0].text  # the national profile's contact text
    assert await omgeving.open_ticket(OUDER) is None


async def test_transfer_reopen_and_leaving_the_queue_are_audited(omgeving: Omgeving) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht", "nijmegen"], omgeving.klok.now())
    await omgeving.consulent_erbij("tg-901", "Karim", ["ijssel-vecht"], omgeving.klok.now())
    nummer = await in_de_rij(omgeving)
    await omgeving.consulent("tg-900", f"/info {nummer}")
    await omgeving.consulent("tg-900", f"/pak {nummer}")
    assert "overgedragen aan Karim" in await omgeving.consulent("tg-900", f"/overdragen {nummer} Karim")
    assert "aan je overgedragen" in omgeving.laatste("tg-901")
    await omgeving.consulent("tg-901", "Ik neem het over.")
    assert omgeving.laatste("tg-1").endswith("Ik neem het over.")
    assert "wachtrij van nijmegen" in await omgeving.consulent("tg-901", f"/overdragen {nummer} nijmegen")
    assert "Je bent uit de wachtrij" in (await omgeving.ouder(OUDER, "/stop", "nl"))[0].text
    assert "weer in de wachtrij" in await omgeving.consulent("tg-900", f"/heropen {nummer}")
    async with omgeving.wachtrij.werk() as w:
        acties = [r.actie for r in await w.tickets.audit_regels(nummer)]
    assert acties == ["bekeken", "opgepakt", "overgedragen", "overgedragen", "heropend"]


async def test_retention_and_forgetting_remove_transcripts(omgeving: Omgeving) -> None:
    await omgeving.consulent_erbij("tg-900", "Petra", ["ijssel-vecht"], omgeving.klok.now())
    nummer = await in_de_rij(omgeving)
    await omgeving.ouder(OUDER, "mijn verhaal", "nl")
    await omgeving.consulent("tg-900", f"/pak {nummer}")
    await omgeving.consulent("tg-900", f"/sluit {nummer} beantwoord")
    async with omgeving.wachtrij.werk() as w:
        await w.bewaren.zet_bewaartermijn("ijssel-vecht", 30)
    async with omgeving.wachtrij.werk() as w:
        assert await w.bewaren.opschonen(omgeving.klok.now() + dt.timedelta(days=29)) == 0
    async with omgeving.wachtrij.werk() as w:
        assert await w.bewaren.opschonen(omgeving.klok.now() + dt.timedelta(days=31)) == 1
        assert await w.tickets.berichten(nummer) == []
    tweede = await in_de_rij(omgeving)
    await omgeving.ouder(OUDER, "nog iets", "nl")
    async with omgeving.wachtrij.werk() as w:
        assert await w.bewaren.vergeet("telegram", "tg-1") == 2
    async with omgeving.wachtrij.werk() as w:
        assert await w.tickets.berichten(tweede) == []
        assert await w.tickets.van_afzender("telegram", "tg-1") == []


async def test_a_telegram_update_is_handled_once(omgeving: Omgeving) -> None:
    async with omgeving.wachtrij.werk() as w:
        assert await w.updates.nieuw(7001, omgeving.klok.now())
    async with omgeving.wachtrij.werk() as w:
        assert not await w.updates.nieuw(7001, omgeving.klok.now())


@pytest.mark.parametrize(("tekst", "rol", "zorg"), [
    ("ik denk erover om mezelf iets aan te doen", "ouder", True),
    ("mijn zoon wordt thuis geslagen", "ouder", True),
    ("mijn dochter zit al weken thuis, de school doet niks", "ouder", True),
    ("lln zit al weken thuis, LRV melden?", "school", False),
    ("mag mijn zoon vrij voor een bruiloft", "ouder", False),
])
def test_worrying_signals(tekst: str, rol: str, zorg: bool) -> None:
    assert gevaar_in(tekst, rol) is zorg


async def test_one_hundred_concurrent_claims_over_separate_connections_have_one_winner(postgres_url: str) -> None:
    """The claim is one conditional UPDATE in the database, not a check in the application: 100 claims
    of one committed ticket, each on its own PostgreSQL connection, started together."""
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    from store.db import async_url

    upgrade(postgres_url)
    setup = make_engine(postgres_url)
    async with Wachtrij(make_session_factory(setup)).werk() as w:
        consulenten = [await w.consulenten.toevoegen(f"tg-{n}", f"C{n}", ["ijssel-vecht"], MAANDAG_10_UUR)
                       for n in range(100)]
        ticket = await w.tickets.aanmaken(team="ijssel-vecht", channel="telegram", external_id="tg-ouder",
                                          rol="ouder", onderwerp="handoff_mens", prioriteit=0, samenvatting={},
                                          now=MAANDAG_10_UUR)
    await setup.dispose()
    engine = create_async_engine(async_url(postgres_url), poolclass=NullPool)  # a new connection per session
    start = asyncio.Event()

    async def claim(consulent_index: int) -> bool:
        eigen = Wachtrij(make_session_factory(engine))
        await start.wait()
        async with eigen.werk() as w:
            gewonnen, _ = await w.tickets.pak(ticket.id, consulenten[consulent_index], ["ijssel-vecht"],
                                              MAANDAG_10_UUR)
        return gewonnen

    try:
        pogingen = [asyncio.create_task(claim(n)) for n in range(100)]
        await asyncio.sleep(0.1)
        start.set()
        uitkomsten = await asyncio.gather(*pogingen)
    finally:
        await engine.dispose()
    assert sum(uitkomsten) == 1
