"""`leerbot school add|list|revoke` for the leerplicht administration, and `leerbot meldingen
list|show|export` for the team until the consulent queue exists."""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.klok import clock_from_setting
from content.loader import default_rule_set
from leerbot.settings import Settings
from rules.errors import OngeldigeFeiten
from rules.regio import vind_gemeente
from store.db import make_engine, make_session_factory, upgrade
from store.meldingen import STATUSSEN, Meldingen
from store.models import Melding
from store.scholen import Scholen

T = TypeVar("T")
VELDEN = ("referentie", "status", "categorie", "meldplichtig", "termijn", "team", "buiten_regio", "mogelijk_dubbel",
          "leerling_naam", "geboortedatum", "woonplaats", "schooltype", "leerjaar", "eerste_dag", "laatste_dag",
          "uren", "aaneengesloten", "reden", "acties", "verzoek", "contact_naam", "contact_telefoon",
          "contact_email", "ouders_geinformeerd", "school_id", "created_at")


def add_parsers(commands: Any) -> None:
    school = commands.add_parser("school", help="link schools so their staff can file meldingen")
    school_commands = school.add_subparsers(dest="school_command", required=True)
    add = school_commands.add_parser("add", help="add a school (or a new code for it); prints a link code")
    add.add_argument("--brin", required=True)
    add.add_argument("--naam", required=True)
    add.add_argument("--gemeente", required=True)
    school_commands.add_parser("list", help="schools and their number of linked accounts")
    revoke = school_commands.add_parser("revoke", help="revoke a school's linked accounts (or one of them)")
    revoke.add_argument("--brin", required=True)
    revoke.add_argument("--account", help="one account, e.g. tg-123456")

    meldingen = commands.add_parser("meldingen", help="meldingen filed by schools")
    melding_commands = meldingen.add_subparsers(dest="meldingen_command", required=True)
    for naam in ("list", "export"):
        sub = melding_commands.add_parser(naam)
        sub.add_argument("--team")
        sub.add_argument("--van", type=dt.date.fromisoformat, help="filed on or after (YYYY-MM-DD)")
        sub.add_argument("--tot", type=dt.date.fromisoformat, help="filed on or before (YYYY-MM-DD)")
        if naam == "export":
            sub.add_argument("--format", choices=["csv", "json"], default="csv")
    show = melding_commands.add_parser("show")
    show.add_argument("referentie")
    status = melding_commands.add_parser("status", help="set a status (DUO's statuses), kept in the history")
    status.add_argument("referentie")
    status.add_argument("status", choices=STATUSSEN)
    status.add_argument("--door", default="leerplichtteam")


def _met_database(settings: Settings, werk: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    upgrade(settings.app_database_url)

    async def draai() -> T:
        engine = make_engine(settings.app_database_url)
        try:
            return await werk(make_session_factory(engine))
        finally:
            await engine.dispose()

    return asyncio.run(draai())


def _waarde(waarde: Any) -> Any:
    return waarde.isoformat() if isinstance(waarde, dt.date | dt.datetime) else waarde


def als_dict(melding: Melding) -> dict[str, Any]:
    return {veld: _waarde(getattr(melding, veld)) for veld in VELDEN}


def run_school(args: argparse.Namespace, settings: Settings) -> int:
    now = clock_from_setting(settings.today).now()
    if args.school_command == "add":
        if not re.fullmatch(r"\d{2}[A-Za-z]{2}(\d{2})?", args.brin):
            print("A BRIN code is two digits and two letters, e.g. 12AB.", file=sys.stderr)
            return 2
        try:
            vind_gemeente(default_rule_set(), args.gemeente)
        except OngeldigeFeiten as exc:
            print(f"Unknown municipality: {exc.probleem}", file=sys.stderr)
            return 2
        school, code = _met_database(settings, lambda s: Scholen(s).toevoegen(args.brin, args.naam, args.gemeente,
                                                                               now))
        print(f"{school.brin} {school.naam}: link code {code} (single use, valid 14 days; shown only now)")
        return 0
    if args.school_command == "list":
        for school, aantal in _met_database(settings, lambda s: Scholen(s).lijst()):
            print(f"{school.brin}\t{school.naam}\t{school.gemeente}\t{aantal} linked")
        return 0
    aantal = _met_database(settings, lambda s: Scholen(s).intrekken(args.brin, now, args.account))
    print(f"{aantal} link(s) revoked")
    return 0


def run_meldingen(args: argparse.Namespace, settings: Settings) -> int:
    if args.meldingen_command == "status":
        now = clock_from_setting(settings.today).now()
        melding = _met_database(settings, lambda s: Meldingen(s).status_zetten(args.referentie, args.status,
                                                                                args.door, now))
        if melding is None:
            print(f"no melding {args.referentie}", file=sys.stderr)
            return 1
        print(f"{melding.referentie}: {melding.status}")
        return 0
    if args.meldingen_command == "show":
        gevonden = _met_database(settings, lambda s: Meldingen(s).met_historie(args.referentie))
        if gevonden is None:
            print(f"no melding {args.referentie}", file=sys.stderr)
            return 1
        melding, historie = gevonden
        historie_rijen = [{"status": h.status, "door": h.door, "at": _waarde(h.at)} for h in historie]
        print(json.dumps({**als_dict(melding), "historie": historie_rijen}, ensure_ascii=False, indent=2))
        return 0
    meldingen = _met_database(settings, lambda s: Meldingen(s).lijst(args.team, args.van, args.tot))
    if args.meldingen_command == "list":
        for m in meldingen:
            vlag = " [buiten regio]" if m.buiten_regio else ""
            vlag += " [mogelijk dubbel]" if m.mogelijk_dubbel else ""
            print(f"{m.referentie}\t{m.team}\t{m.categorie}\t{m.status}\t{m.eerste_dag}–{m.laatste_dag}\t"
                  f"{m.uren:g} uur\t{m.woonplaats}{vlag}")
        return 0
    rijen = [als_dict(m) for m in meldingen]
    if args.format == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=2))
        return 0
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(VELDEN))
    writer.writeheader()
    writer.writerows(rijen)
    print(buffer.getvalue(), end="")
    return 0
