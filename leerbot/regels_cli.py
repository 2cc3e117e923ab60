"""`leerbot regels`: ask the rule engine directly, for a consulent or a test. Every invalid input (no JSON, a
JSON that is too large or too deep, a number JSON cannot hold, a bad date, facts the rules refuse) exits 2 with
`{"error": {"veld": ..., "probleem": ...}}` on stdout."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import types
import typing
from typing import Any, Literal, Union

from basis.klok import clock_from_setting
from content.loader import load_rule_set
from leerbot.settings import Settings
from rules.besluit_data import BesluitData
from rules.errors import OngeldigeFeiten, RegelFout
from rules.feittypen import lees_datum
from rules.registry import ONDERWERPEN, beoordeel

MAX_JSON_BYTES = 64 * 1024  # far more than the facts of any topic need
MAX_CIJFERS = 30  # digits of a whole number; Python refuses to read more than 4300 with a ValueError


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
    # No argparse choices or types: an unknown topic or a bad date is reported as JSON like any other fact.
    parser.add_argument("onderwerp", help=f"one of: {', '.join(sorted(ONDERWERPEN))}")
    parser.add_argument("--json", dest="feiten", default="{}", help="the facts, as a JSON object")
    parser.add_argument("--peildatum", help="the date taken as today (YYYY-MM-DD)")
    parser.add_argument("--taal", choices=["nl", "en"], default="nl", help="language of the texts")


def _geen_getal(naam: str) -> float:
    raise OngeldigeFeiten("--json", f"{naam} is no number a fact can have")


def _eindig(tekst: str) -> float:
    waarde = float(tekst)
    if not math.isfinite(waarde):  # json reads 1e999 as inf
        raise OngeldigeFeiten("--json", "a number too large for any fact")
    return waarde


def _geheel(tekst: str) -> int:
    if len(tekst.lstrip("-")) > MAX_CIJFERS:
        raise OngeldigeFeiten("--json", "a number too large for any fact")
    return int(tekst)


def lees_json(tekst: str) -> object:
    """The facts from the --json text, or OngeldigeFeiten on the field --json."""
    if len(tekst.encode("utf-8", "surrogatepass")) > MAX_JSON_BYTES:
        raise OngeldigeFeiten("--json", f"more than {MAX_JSON_BYTES // 1024} KB of JSON")
    try:
        return json.loads(tekst, parse_constant=_geen_getal, parse_float=_eindig, parse_int=_geheel)
    except RecursionError:
        raise OngeldigeFeiten("--json", "the JSON is nested too deeply") from None
    except json.JSONDecodeError as exc:  # its message names the position, never the text itself
        raise OngeldigeFeiten("--json", f"no valid JSON: {exc}") from None


def _peildatum(tekst: str | None, settings: Settings) -> dt.date:
    if tekst is None:
        return clock_from_setting(settings.today).today()
    try:
        return lees_datum(tekst)
    except ValueError as exc:
        raise OngeldigeFeiten("--peildatum", str(exc)) from None


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the decision as JSON; a bad fact prints the field and the problem and exits 2."""
    try:
        peildatum = _peildatum(args.peildatum, settings)
        feiten = lees_json(args.feiten)
        rules = load_rule_set()
        besluit = beoordeel(args.onderwerp, feiten, rules, peildatum)
    except RegelFout as exc:
        # ASCII escapes: a field name may carry whatever was typed, even characters stdout cannot encode.
        print(json.dumps({"error": {"veld": exc.veld, "probleem": exc.probleem}}))
        return 2
    uitvoer = BesluitData.van(besluit).als_json()
    uitvoer["peildatum"] = peildatum.isoformat()
    uitvoer["texts"] = [r.tekst(rules, args.taal) for r in (*besluit.redenen, *besluit.volgende_stappen)]
    print(json.dumps(uitvoer, ensure_ascii=False, indent=2))
    return 0
