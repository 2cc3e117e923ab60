"""`leerbot consulent add|list|remove`, `leerbot audit`, `leerbot opschonen` and `leerbot team bewaartermijn`:
the administrator's side of the consulent queue."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.klok import clock_from_setting
from content.loader import default_rule_set
from leerbot.meldingen_cli import _met_database
from leerbot.settings import Settings
from store.dossiers import Dossiers
from store.meldingen import Meldingen
from store.vergeten import opschonen_web
from store.wachtrij import STANDAARD_BEWAARTERMIJN, Wachtrij, Werk

T = TypeVar("T")


def add_parsers(commands: Any) -> None:
    consulent = commands.add_parser("consulent", help="register the consulenten who work the queue")
    sub = consulent.add_subparsers(dest="consulent_command", required=True)
    add = sub.add_parser("add")
    add.add_argument("--telegram-id", required=True, help="the numeric Telegram user id")
    add.add_argument("--team", required=True, action="append", help="team id (repeat for more teams)")
    add.add_argument("--naam", required=True)
    sub.add_parser("list")
    remove = sub.add_parser("remove")
    remove.add_argument("--telegram-id", required=True)
    audit = commands.add_parser("audit", help="who viewed, claimed, transferred and closed which ticket")
    audit.add_argument("--ticket", type=int)
    audit.add_argument("--wie")
    commands.add_parser("opschonen", help="delete transcripts past their team's retention and idle web "
                        "conversations (for cron)")
    team = commands.add_parser("team", help="team settings")
    team_sub = team.add_subparsers(dest="team_command", required=True)
    bewaar = team_sub.add_parser("bewaartermijn", help="days a team keeps transcripts after a ticket closed")
    bewaar.add_argument("team")
    bewaar.add_argument("dagen", type=int)


def _teams() -> set[str]:
    return {profiel.id for profiel in default_rule_set().regios}


def _in_werk(settings: Settings, doe: Callable[[Werk], Awaitable[T]]) -> T:
    """One command, one unit of work on the app database."""
    async def uitvoeren(sessions: async_sessionmaker[AsyncSession]) -> T:
        async with Wachtrij(sessions).werk() as w:
            return await doe(w)

    return _met_database(settings, uitvoeren)


def run(args: argparse.Namespace, settings: Settings) -> int:
    now = clock_from_setting(settings.today).now()
    if args.command == "consulent":
        if args.consulent_command == "add":
            onbekend = set(args.team) - _teams()
            if onbekend:
                print(f"unknown team(s): {', '.join(sorted(onbekend))}; known: {', '.join(sorted(_teams()))}",
                      file=sys.stderr)
                return 2
            external_id = f"tg-{args.telegram_id}"
            _in_werk(settings, lambda w: w.consulenten.toevoegen(external_id, args.naam, args.team, now))
            print(f"{args.naam} ({external_id}) works the queue of {', '.join(args.team)}")
            return 0
        if args.consulent_command == "list":
            for consulent, teams in _in_werk(settings, lambda w: w.consulenten.alle()):
                print(f"{consulent.external_id}\t{consulent.naam}\t{', '.join(teams)}")
            return 0
        weg = _in_werk(settings, lambda w: w.consulenten.verwijderen(f"tg-{args.telegram_id}"))
        print("removed" if weg else "no such consulent")
        return 0 if weg else 1
    if args.command == "audit":
        for regel in _in_werk(settings, lambda w: w.tickets.audit_regels(args.ticket, args.wie)):
            ticket = f"#{regel.ticket_id}" if regel.ticket_id else "-"
            print(f"{regel.at.isoformat(timespec='seconds')}\t{regel.wie}\t{regel.actie}\t{ticket}\t{regel.details}")
        return 0
    if args.command == "opschonen":
        async def opschonen(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, int, int, int]:
            async with Wachtrij(sessions).werk() as w:
                termijnen = await w.bewaren.bewaartermijnen()
                tickets = await w.bewaren.opschonen(now)
            meldingen = await Meldingen(sessions).opschonen(termijnen, STANDAARD_BEWAARTERMIJN, now)
            web = await opschonen_web(sessions, settings.tracker_database_url, settings.web_bewaar_dagen, now)
            return tickets, meldingen, await Dossiers(sessions).opschonen(now), web

        tickets, meldingen, dossiers, web = _met_database(settings, opschonen)
        print(f"{tickets} ticket transcript(s), {meldingen} finished melding(en), {dossiers} ended "
              f"conversation dossier(s) and {web} web conversation(s) idle over {settings.web_bewaar_dagen} days "
              "deleted")
        return 0
    if args.team not in _teams():
        print(f"unknown team {args.team}", file=sys.stderr)
        return 2
    _in_werk(settings, lambda w: w.bewaren.zet_bewaartermijn(args.team, args.dagen))
    print(f"{args.team} keeps transcripts {args.dagen} days")
    return 0
