"""The command registry: one list from which routing, /help and Telegram's menu are derived."""

from __future__ import annotations

import pytest

from bot.commandos import COMMANDOS, lees_commando, lijkt_commando, voor_rol
from bot.router import AFHANDELING, Router
from bot.telegram_app import PIPELINE_COMMANDS, menu
from content.tekst import plaatshouders
from content.teksten import gespreks_tekst


def test_every_command_has_a_description_in_both_languages_and_a_handler() -> None:
    assert set(AFHANDELING) == {c.naam for c in COMMANDOS}
    assert all(callable(getattr(Router, methode)) for methode in AFHANDELING.values())
    for commando in COMMANDOS:
        tekst = gespreks_tekst(commando.hulp_sleutel)
        assert tekst.nl
        assert tekst.en
        assert not plaatshouders(tekst.nl)
    assert set(PIPELINE_COMMANDS) == {c.naam for c in COMMANDOS}


@pytest.mark.parametrize(("bericht", "naam", "rest"), [
    ("/pak 3", "pak", "3"),
    ("/PAK@leerbot 3", "pak", "3"),
    ("/sluit 4 beantwoord dank je", "sluit", "4 beantwoord dank je"),
    ("  /stop  ", "stop", ""),
    ("/vergeetmij bevestig", "vergeetmij", "bevestig"),
])
def test_a_known_command_and_its_argument(bericht: str, naam: str, rest: str) -> None:
    gevonden = lees_commando(bericht)
    assert gevonden is not None
    assert (gevonden[0].naam, gevonden[1]) == (naam, rest)


@pytest.mark.parametrize("bericht", ["/restart", "/handoff_mens", '/inform{"dagen": 3}', "stop", "pak 3", "/"])
def test_anything_else_is_no_known_command(bericht: str) -> None:
    assert lees_commando(bericht) is None


@pytest.mark.parametrize(("bericht", "lijkt"), [
    ("/restart", True), ("/handoff_mens", True), ("/x", True), ("/ 3", False), ("1/2 dag", False), ("hallo", False)])
def test_what_looks_like_a_command(bericht: str, lijkt: bool) -> None:
    assert lijkt_commando(bericht) is lijkt


def test_help_and_menu_follow_the_roles() -> None:
    ouder = {c.naam for c in voor_rol("ouder")}
    consulent = {c.naam for c in voor_rol("consulent")}
    assert "pak" not in ouder
    assert "melding" not in ouder
    assert {"pak", "sluit", "wachtrij", "stop", "help"} <= consulent
    namen = [c.command for c in menu("nl")]
    assert "start" in namen
    assert "help" in namen
    assert "pak" not in namen
    assert "melding" not in namen
    assert menu("en")[0].description != menu("nl")[0].description
