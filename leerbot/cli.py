"""`leerbot`: run the assistant, chat in the terminal, train the model, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from leerbot import meldingen_cli, regels_cli, wachtrij_cli
from leerbot.settings import Settings


def _setup_logging(level: str) -> None:
    # Everything but the conversation goes to stderr; message text is never logged at INFO.
    logging.basicConfig(
        stream=sys.stderr, level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.ExtBot", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _prepare(settings: Settings) -> None:
    from leerbot.training import train
    from store.db import upgrade

    train(settings)
    upgrade(settings.app_database_url)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leerbot", description="Leerplicht-assistent")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start the whole assistant (Telegram with a token, else terminal chat)")
    commands.add_parser("bot", help="serve Telegram only; Rasa and the action server run elsewhere "
                                    "(LEERBOT_RASA_HOST, LEERBOT_RASA_PORT)")
    commands.add_parser("web", help="serve the web chat only (LEERBOT_WEB_PORT, default 8080); Rasa and the action "
                                    "server run elsewhere (LEERBOT_RASA_HOST, LEERBOT_RASA_PORT)")
    chat = commands.add_parser("chat", help="start the assistant with a terminal chat")
    chat.add_argument("--role", choices=["ouder", "school"], default="ouder")
    train = commands.add_parser("train", help="train the Rasa model when nlu/ or config.yml changed")
    train.add_argument("--force", action="store_true")
    db = commands.add_parser("db", help="database commands")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="create or migrate the app database")
    regels_cli.add_parser(commands)
    meldingen_cli.add_parsers(commands)
    wachtrij_cli.add_parsers(commands)
    evaluation = commands.add_parser("eval", help="run evaluation cases through the whole pipeline")
    evaluation.add_argument("--cases", type=Path, required=True)
    evaluation.add_argument("--out", type=Path)
    evaluation.add_argument("--peildatum", type=dt.date.fromisoformat)
    rapport = commands.add_parser("eval-report", help="Markdown report of an eval --out file")
    rapport.add_argument("--cases", type=Path, required=True)
    rapport.add_argument("--results", type=Path, required=True)
    commands.add_parser("content-check", help="report content not checked for over a year (never fails)")
    commands.add_parser("lookups", help="write Rasa's lookup tables from the vocabulary (content/data/woorden)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    _setup_logging(settings.log_level)
    if args.command == "train":
        from leerbot.training import train

        train(settings, force=args.force)
        return 0
    if args.command == "eval":
        from leerbot.evaluation import run as run_eval
        from leerbot.training import train

        train(settings)
        return run_eval(args.cases, args.out, args.peildatum, settings)
    if args.command == "eval-report":
        import json

        from leerbot.eval_scoring import report_markdown
        from leerbot.evaluation import load_cases

        results = [json.loads(line) for line in args.results.read_text(encoding="utf-8").splitlines() if line]
        print(report_markdown(load_cases(args.cases), results))
        return 0
    if args.command == "content-check":
        from basis.klok import clock_from_setting
        from leerbot.content_check import report

        print(report(clock_from_setting(settings.today).today()))
        return 0
    if args.command == "lookups":
        from content.lookups import LOOKUPS_PAD, schrijf_lookups

        print(f"{LOOKUPS_PAD}: {'written' if schrijf_lookups() else 'unchanged'}")
        return 0
    if args.command == "regels":
        return regels_cli.run(args, settings)
    if args.command == "school":
        return meldingen_cli.run_school(args, settings)
    if args.command == "meldingen":
        return meldingen_cli.run_meldingen(args, settings)
    if args.command in ("consulent", "audit", "opschonen", "team"):
        return wachtrij_cli.run(args, settings)
    if args.command == "db":
        from store.db import upgrade

        upgrade(settings.app_database_url)
        return 0
    if args.command == "web":
        from leerbot.app import run_web
        from store.db import upgrade

        upgrade(settings.app_database_url)
        asyncio.run(run_web(settings))
        return 0
    from leerbot.app import run_assistant
    from leerbot.supervisor import StartupError

    if args.command == "bot":
        from store.db import upgrade

        upgrade(settings.app_database_url)
    elif os.environ.get("LEERBOT_SET_UP") != "1":  # `make run` has just done both
        _prepare(settings)
    try:
        asyncio.run(run_assistant(settings, role=getattr(args, "role", "ouder"),
                                  force_terminal=args.command == "chat", supervise=args.command != "bot"))
    except StartupError as exc:
        logging.getLogger("leerbot").error("%s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
