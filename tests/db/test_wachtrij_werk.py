"""The queue's unit of work, migration 0005 and forgetting a sender, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from basis.klok import AMSTERDAM
from store.db import make_engine, make_session_factory, sync_url, upgrade
from store.models import Account, PendingMessage
from store.repositories import Accounts, PendingQueue
from store.tracker import vergeet_gesprek
from store.wachtrij import TicketStatus, Uitkomst, Wachtrij

NU = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture
async def wachtrij(database_url: str) -> AsyncIterator[Wachtrij]:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        yield Wachtrij(make_session_factory(engine))
    finally:
        await engine.dispose()


async def _opgepakt_ticket(wachtrij: Wachtrij) -> int:
    async with wachtrij.werk() as w:
        petra = await w.consulenten.toevoegen("tg-900", "Petra", ["ijssel-vecht"], NU)
        ticket = await w.tickets.aanmaken(team="ijssel-vecht", channel="telegram", external_id="tg-1", rol="ouder",
                                          onderwerp="handoff_mens", prioriteit=0, samenvatting={"vraag": "mag het?"},
                                          now=NU)
        gewonnen, _ = await w.tickets.pak(ticket.id, petra, ["ijssel-vecht"], NU)
        assert gewonnen
        return ticket.id


async def test_a_failing_audit_row_rolls_the_state_change_back(wachtrij: Wachtrij) -> None:
    nummer = await _opgepakt_ticket(wachtrij)
    gezien: list[TicketStatus] = []

    async def sluiten_met_een_audit_die_faalt() -> None:
        async with wachtrij.werk() as w:
            gesloten = await w.tickets.sluiten(nummer, Uitkomst.BEANTWOORD, "uitgelegd", NU)
            gezien.append(gesloten.status if gesloten else TicketStatus.OPGEPAKT)  # changed inside the unit
            # `wie` is NOT NULL: the database refuses the row, a real constraint violation on both databases.
            await w.tickets.audit(None, "gesloten", nummer, NU)  # type: ignore[arg-type]

    with pytest.raises(IntegrityError):
        await sluiten_met_een_audit_die_faalt()
    assert gezien == [TicketStatus.GESLOTEN]
    async with wachtrij.werk() as w:
        ticket = await w.tickets.ticket(nummer)
        gevonden = await w.consulenten.van_account("tg-900")
        regels = await w.tickets.audit_regels(nummer)
    assert ticket is not None
    assert (ticket.status, ticket.uitkomst, ticket.notitie, ticket.gesloten_at) == (TicketStatus.OPGEPAKT, None,
                                                                                     None, None)
    assert gevonden is not None
    assert gevonden[0].actief_ticket_id == nummer
    assert regels == []
    # The same change with a good audit row commits both.
    async with wachtrij.werk() as w:
        await w.tickets.sluiten(nummer, Uitkomst.BEANTWOORD, "uitgelegd", NU)
        await w.tickets.audit("consulent Petra (tg-900)", "gesloten", nummer, NU, "beantwoord")
    async with wachtrij.werk() as w:
        ticket = await w.tickets.ticket(nummer)
        regels = await w.tickets.audit_regels(nummer)
    assert ticket is not None
    assert (ticket.status, ticket.uitkomst) == (TicketStatus.GESLOTEN, Uitkomst.BEANTWOORD)
    assert [r.actie for r in regels] == ["gesloten"]


async def test_a_failing_audit_row_undoes_a_claim(wachtrij: Wachtrij) -> None:
    async with wachtrij.werk() as w:
        petra = await w.consulenten.toevoegen("tg-900", "Petra", ["ijssel-vecht"], NU)
        ticket = await w.tickets.aanmaken(team="ijssel-vecht", channel="telegram", external_id="tg-1", rol="ouder",
                                          onderwerp="handoff_mens", prioriteit=0, samenvatting={}, now=NU)
    gewonnen: list[bool] = []

    async def pakken_met_een_audit_die_faalt() -> None:
        async with wachtrij.werk() as w:
            gewonnen.append((await w.tickets.pak(ticket.id, petra, ["ijssel-vecht"], NU))[0])
            await w.tickets.audit(None, "opgepakt", ticket.id, NU)  # type: ignore[arg-type]

    with pytest.raises(IntegrityError):
        await pakken_met_een_audit_die_faalt()
    assert gewonnen == [True]
    async with wachtrij.werk() as w:
        [wachtend] = await w.tickets.in_de_rij(["ijssel-vecht"])
        gevonden = await w.consulenten.van_account("tg-900")
    assert (wachtend.id, wachtend.status, wachtend.consulent_id) == (ticket.id, TicketStatus.WACHTEND, None)
    assert gevonden is not None
    assert gevonden[0].actief_ticket_id is None


def _oude_ticket(verbinding: object, **kolommen: object) -> None:
    rij = {"channel": "telegram", "rol": "ouder", "onderwerp": "handoff_mens", "prioriteit": 0, "contact": None,
           "created_at": NU, **kolommen}
    verbinding.execute(text(  # type: ignore[attr-defined]
        "INSERT INTO tickets (id, team, channel, external_id, rol, onderwerp, prioriteit, status, samenvatting, "
        "contact, created_at) VALUES (:id, :team, :channel, :external_id, :rol, :onderwerp, :prioriteit, :status, "
        ":samenvatting, :contact, :created_at)"), rij)


async def test_migration_0005_turns_placeholders_into_statuses_and_text_into_json(database_url: str) -> None:
    upgrade(database_url, "0004")
    engine = create_engine(sync_url(database_url))
    try:
        with engine.begin() as verbinding:  # rows as the old code wrote them
            _oude_ticket(verbinding, id=1, team="?", external_id="tg-1", status="wachtend",
                         samenvatting=json.dumps({"vraag": "mag het?", "reden": "gevraagd"}))
            _oude_ticket(verbinding, id=2, team="ijssel-vecht", external_id="tg-2", status="wachtend",
                         samenvatting=json.dumps({"reden": "gevraagd", "contact_gevraagd": True}))
            _oude_ticket(verbinding, id=3, team="ijssel-vecht", external_id="tg-3", status="wachtend",
                         samenvatting=json.dumps({"contact_gevraagd": True}),
                         contact=json.dumps({"soort": "telefoon", "waarde": "06 12345678"}))
            _oude_ticket(verbinding, id=4, team="?", external_id="tg-4", status="gesloten", samenvatting="{}")
    finally:
        engine.dispose()
    upgrade(database_url)
    app = make_engine(database_url)
    try:
        async with Wachtrij(make_session_factory(app)).werk() as w:
            tickets = {n: await w.tickets.ticket(n) for n in (1, 2, 3, 4)}
            open_van_1 = await w.tickets.open_van("telegram", "tg-1")
    finally:
        await app.dispose()
    stand = {n: (t.team, t.status, t.samenvatting, t.contact) for n, t in tickets.items() if t is not None}
    assert stand == {
        1: (None, TicketStatus.GEMEENTE_GEVRAAGD, {"vraag": "mag het?", "reden": "gevraagd"}, None),
        2: ("ijssel-vecht", TicketStatus.CONTACT_GEVRAAGD, {"reden": "gevraagd"}, None),
        3: ("ijssel-vecht", TicketStatus.WACHTEND, {}, {"soort": "telefoon", "waarde": "06 12345678"}),
        4: (None, TicketStatus.GESLOTEN, {}, None),
    }
    assert open_van_1 is not None
    assert open_van_1.id == 1


async def test_migration_0005_downgrades_to_the_old_placeholders(database_url: str) -> None:
    upgrade(database_url)
    app = make_engine(database_url)
    try:
        async with Wachtrij(make_session_factory(app)).werk() as w:
            await w.tickets.aanmaken(team=None, channel="telegram", external_id="tg-1", rol="ouder",
                                     onderwerp="handoff_mens", prioriteit=0, samenvatting={"reden": "gevraagd"}, now=NU)
            tweede = await w.tickets.aanmaken(team="ijssel-vecht", channel="telegram", external_id="tg-2", rol="ouder",
                                              onderwerp="handoff_mens", prioriteit=0, samenvatting={}, now=NU)
            await w.tickets.contact_vragen(tweede.id)
    finally:
        await app.dispose()
    from alembic import command

    from store.db import alembic_config

    command.downgrade(alembic_config(database_url), "0004")
    engine = create_engine(sync_url(database_url))
    try:
        with engine.connect() as verbinding:
            rijen = verbinding.execute(text("SELECT team, status, samenvatting FROM tickets ORDER BY id")).all()
    finally:
        engine.dispose()
    assert [(team, status, json.loads(s)) for team, status, s in rijen] == [
        ("?", "wachtend", {"reden": "gevraagd"}), ("ijssel-vecht", "wachtend", {"contact_gevraagd": True})]


async def test_forgetting_a_sender_removes_tickets_kept_messages_account_and_tracker_events(
    database_url: str, tmp_path: Path,
) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    tracker = f"sqlite:///{tmp_path / 'tracker.db'}"
    rasa = create_engine(tracker)
    with rasa.begin() as verbinding:  # the columns of Rasa's SQL tracker store that matter here
        verbinding.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), data TEXT)"))
        verbinding.execute(text("INSERT INTO events (sender_id, data) VALUES ('tg-1', '{}'), ('tg-1', '{}'), "
                                "('tg-2', '{}')"))
    try:
        await Accounts(sessions).get_or_create("telegram", "tg-1")
        await Accounts(sessions).get_or_create("telegram", "tg-2")
        await PendingQueue(sessions).add(sender_id="tg-1", channel="telegram", role="ouder", language="nl",
                                         text="hallo?", peildatum=None)
        nummer = await _opgepakt_ticket(Wachtrij(sessions))
        async with Wachtrij(sessions).werk() as w:
            await w.tickets.bericht(nummer, "gebruiker", "mijn verhaal", NU)
            await w.tickets.zet_contact(nummer, {"soort": "telegram"})
        async with Wachtrij(sessions).werk() as w:
            assert await w.bewaren.vergeet("telegram", "tg-1") == 1
        assert await vergeet_gesprek(tracker, "tg-1")
        async with sessions() as session:
            accounts = [a.external_id for a in await session.scalars(select(Account))]
            wachtend = list(await session.scalars(select(PendingMessage)))
        async with Wachtrij(sessions).werk() as w:
            ticket = await w.tickets.ticket(nummer)
            berichten = await w.tickets.berichten(nummer)
        with rasa.connect() as verbinding:
            over = verbinding.execute(text("SELECT sender_id FROM events")).scalars().all()
    finally:
        await engine.dispose()
        rasa.dispose()
    assert accounts == ["tg-2"]
    assert wachtend == []
    assert berichten == []
    assert ticket is not None
    assert (ticket.external_id, ticket.status, ticket.samenvatting, ticket.contact) == (
        "vergeten", TicketStatus.GESLOTEN, {}, None)
    assert over == ["tg-2"]
    assert not await vergeet_gesprek(f"sqlite:///{tmp_path / 'zonder_events.db'}", "tg-1")  # no table: logged
