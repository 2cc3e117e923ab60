"""`leerbot regels`: ask the rule engine directly, for a consulent or a test."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import types
import typing
from typing import Any, Literal, Union

from basis.klok import clock_from_setting
from content.loader import load_rule_set
from leerbot.settings import Settings
from rules.besluit_data import BesluitData
from rules.errors import RegelFout
from rules.registry import ONDERWERPEN, beoordeel


def _velden_tekst() -> str:
    regels = ["onderwerpen en hun feiten (JSON):"]
    for onderwerp in ONDERWERPEN.values():
        regels.append(f"  {onderwerp.naam}: {onderwerp.omschrijving}")
        for naam, veld in onderwerp.feiten.model_fields.items():
            regels.append(f"      {naam}: {_type_naam(veld.annotation)}")
    return "\n".join(regels)


def _type_naam(annotation: Any) -> str:
    """'bool', 'float | None', 'tuple[Afwezigheid, ...]': the type without the strictness and bounds of
    rules/feittypen.py and without module paths."""
    oorsprong, args = typing.get_origin(annotation), typing.get_args(annotation)
    if oorsprong is typing.Annotated:
        return _type_naam(args[0])
    if oorsprong in (Union, types.UnionType):
        return " | ".join(_type_naam(arg) for arg in args)
    if oorsprong is tuple:
        return f"tuple[{_type_naam(args[0])}, ...]"
    if oorsprong is Literal:
        return " | ".join(repr(arg) for arg in args)
    if annotation is type(None):
        return "None"
    return annotation.__name__ if isinstance(annotation, type) else str(annotation)


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "regels", help="decide a topic from facts given as JSON", epilog=_velden_tekst(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("onderwerp", choices=sorted(ONDERWERPEN))
    parser.add_argument("--json", dest="feiten", default="{}", help="the facts, as a JSON object")
    parser.add_argument("--peildatum", type=dt.date.fromisoformat, help="the date taken as today (YYYY-MM-DD)")
    parser.add_argument("--taal", choices=["nl", "en"], default="nl", help="language of the texts")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the decision as JSON; a bad fact prints the field and the problem and exits 2."""
    peildatum = args.peildatum or clock_from_setting(settings.today).today()
    try:
        feiten = json.loads(args.feiten)
    except json.JSONDecodeError as exc:
        print(json.dumps({"error": {"veld": "--json", "probleem": str(exc)}}), file=sys.stdout)
        return 2
    rules = load_rule_set()
    try:
        besluit = beoordeel(args.onderwerp, feiten, rules, peildatum)
    except RegelFout as exc:
        print(json.dumps({"error": {"veld": exc.veld, "probleem": exc.probleem}}, ensure_ascii=False))
        return 2
    uitvoer = BesluitData.van(besluit).als_json()
    uitvoer["peildatum"] = peildatum.isoformat()
    uitvoer["texts"] = [r.tekst(rules, args.taal) for r in (*besluit.redenen, *besluit.volgende_stappen)]
    print(json.dumps(uitvoer, ensure_ascii=False, indent=2))
    return 0
