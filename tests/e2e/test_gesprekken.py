"""Scripted conversations through the real stack (pipeline, Rasa, actions, rules, database): after every turn
the dossier's facts, the decision, the aspect answered and the words of the reply are checked, and no block of
the previous reply comes back unasked. The scenarios are in gesprekken.yaml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from basis.berichten import ChatUser, Reply
from basis.klok import FixedClock
from bot.pipeline import MessagePipeline
from bot.wachtrij_dienst import WachtrijDienst
from content.loader import default_rule_set
from leerbot.app import rasa_client_for
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor
from meldingen.gesprek import melding_gesprek
from store.db import make_engine, make_session_factory
from store.dossiers import Dossiers
from store.repositories import Accounts, PendingQueue
from store.scholen import Scholen

pytestmark = pytest.mark.e2e

GESPREKKEN = yaml.safe_load((Path(__file__).parent / "gesprekken.yaml").read_text(encoding="utf-8"))["gesprekken"]
_VRAAG_OM_MEER = re.compile(r"^(waarom|why|meer over|more about|/waarom|/meer_regels)", re.I)


@dataclasses.dataclass
class Speler:
    pipeline: MessagePipeline
    dossiers: Dossiers
    clock: FixedClock


@pytest.fixture
async def speler(stack: Supervisor, stack_settings: Settings) -> AsyncIterator[Any]:
    engine = make_engine(stack_settings.app_database_url)
    sessions = make_session_factory(engine)
    rasa = rasa_client_for(stack_settings)

    async def maak(peildatum: dt.date, rol: str, sender: str) -> Speler:
        clock = FixedClock(peildatum)
        dienst = WachtrijDienst(sessions, rasa, clock, default_rule_set())
        if rol == "school":
            _, code = await Scholen(sessions).toevoegen(f"T{sender[-3:]}", "Testschool", "Utrecht", clock.now())
            await Scholen(sessions).koppel("gesprek", sender, code, clock.now())
        if rol == "consulent":
            async with dienst.wachtrij.werk() as w:
                await w.consulenten.toevoegen(sender, "Petra", ["ijssel-vecht"], clock.now())
        dossiers = Dossiers(sessions)
        pipeline = MessagePipeline(rasa, Accounts(sessions), PendingQueue(sessions), clock,
                                   meldingen=melding_gesprek(sessions, clock, default_rule_set(), dienst.wachtrij),
                                   wachtrij=dienst,
                                   dossiers=dossiers)
        return Speler(pipeline, dossiers, clock)

    yield maak
    await rasa.aclose()
    await engine.dispose()


def _feiten(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per topic of a case: its facts and the pupil's, as plain values."""
    gedeeld = {n: f["waarde"] for n, f in (dossier.get("gedeeld") or {}).items()}
    return {z["onderwerp"]: {**gedeeld, **{n: f["waarde"] for n, f in z["feiten"].items()}}
            for z in dossier.get("zaken") or []}


@pytest.mark.parametrize("gesprek", GESPREKKEN, ids=[g["naam"] for g in GESPREKKEN])
async def test_gesprek(gesprek: dict[str, Any], speler: Any) -> None:
    sender = f"gesprek-{abs(hash(gesprek['naam'])) % 10**8}"
    spel: Speler = await speler(gesprek.get("peildatum", dt.date(2026, 3, 2)), gesprek.get("rol", "ouder"), sender)
    user = ChatUser(sender, "gesprek", "ouder")
    vorige: set[str] = set()
    for nummer, beurt in enumerate(gesprek["beurten"], start=1):
        antwoorden: list[Reply] = []

        async def bewaar(ontvanger: ChatUser, batch: list[Reply], doel: list[Reply] = antwoorden) -> None:
            if ontvanger.sender_id == sender:
                doel.extend(batch)

        await spel.pipeline.handle_text(user, beurt["zeg"], bewaar)
        tekst = "\n".join(r.text for r in antwoorden if r.text)
        waar = f"turn {nummer} ({beurt['zeg']!r}) got:\n{tekst}"
        verwacht = beurt.get("verwacht") or {}
        for stuk in verwacht.get("bevat", []):
            assert stuk.lower() in tekst.lower(), f"{stuk!r} missing in {waar}"
        for stuk in verwacht.get("niet", []):
            gevonden = re.search(rf"(?<!\w){re.escape(stuk)}(?!\w)", tekst, re.I)
            assert gevonden is None, f"{stuk!r} should not be in {waar}"
        besluiten = [r.data["decision"] for r in antwoorden if isinstance(r.data.get("decision"), dict)]
        if "besluit" in verwacht:
            assert besluiten, f"no decision in {waar}"
            for sleutel, waarde in verwacht["besluit"].items():
                assert besluiten[-1].get(sleutel) == waarde, f"{sleutel}: {besluiten[-1].get(sleutel)!r} in {waar}"
        dossier = await spel.dossiers.lees("gesprek", sender, spel.clock.now())
        for onderwerp, feiten in (verwacht.get("feiten") or {}).items():
            gekregen = _feiten(dossier).get(onderwerp, {})
            for naam, waarde in feiten.items():
                assert gekregen.get(naam) == waarde, f"{onderwerp}.{naam}: {gekregen.get(naam)!r} after {waar}"
        for bericht in (r for r in antwoorden if isinstance(r.data.get("decision"), dict)):
            # The first message of a reply with a decision stays short.
            assert len(bericht.text.split()) <= 120, waar
        blokken = [b.strip() for r in antwoorden for b in r.text.split("\n") if len(b.strip()) > 30]
        assert len(blokken) == len(set(blokken)), f"a block repeated within {waar}"
        if not _VRAAG_OM_MEER.search(beurt["zeg"].strip()):
            herhaald = [b for b in blokken if b in vorige]
            assert not herhaald, f"repeated from the previous reply: {herhaald} in {waar}"
        vorige = set(blokken)
