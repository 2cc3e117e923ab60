"""`leerbot eval`: whole conversations through the real pipeline, scored as shared/spec/eval-cases.md says.

Each case is a fresh conversation entering through the same message pipeline as Telegram and the
terminal (redaction, role, language, Rasa, structured payloads). The runner starts a stack of its own,
with its own databases, on free ports, and stops it afterwards.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import socket
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import ChatUser, Reply, Role
from basis.klok import FixedClock, SystemClock
from bot.intents import canonical_label, form_answered
from bot.pipeline import MessagePipeline
from bot.rasa_client import RasaClient
from bot.wachtrij_dienst import WachtrijDienst
from content.loader import default_rule_set
from leerbot.antwoordkwaliteit import meet
from leerbot.app import rasa_client_for
from leerbot.eval_scoring import summarise
from leerbot.settings import Settings
from leerbot.supervisor import Supervisor, build_processes
from meldingen.gesprek import melding_gesprek
from store.db import make_engine, make_session_factory, upgrade
from store.dossiers import Dossiers
from store.repositories import Accounts, PendingQueue
from store.scholen import Scholen

log = logging.getLogger(__name__)
CHANNEL = "eval"
EVAL_BRIN = "00EV"  # the runner's own school for cases with role school, in the runner's own database


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a file in the shared format; keys the runner does not know are ignored."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data["cases"] if isinstance(data, Mapping) else data
    for case in cases:
        if "id" not in case or "text" not in case or "expected_intent" not in case:
            raise ValueError(f"case {case.get('id', '?')} lacks id, text or expected_intent")
    return list(cases)


def user_turns(case: Mapping[str, Any]) -> list[str]:
    text = case["text"]
    if isinstance(text, str):
        return [text]
    return [str(turn["msg"]) for turn in text if turn.get("from") == "user"]


def _decision(replies: Sequence[Reply]) -> dict[str, Any] | None:
    for reply in reversed(replies):
        decision = reply.data.get("decision")
        if isinstance(decision, dict):
            return decision
    return None


def _peildatum(case: Mapping[str, Any], fallback: dt.date | None) -> dt.date:
    value = case.get("peildatum")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return fallback or SystemClock().today()


async def run_case(
    case: Mapping[str, Any], rasa: RasaClient, sessions: async_sessionmaker[AsyncSession],
    peildatum: dt.date | None,
) -> dict[str, Any]:
    """One case as one new conversation; records what the assistant understood and decided."""
    role: Role = case.get("role", "ouder") if case.get("role") in ("ouder", "school", "consulent") else "ouder"
    user = ChatUser(sender_id=f"eval-{uuid.uuid4().hex[:16]}", channel=CHANNEL, role=role)
    clock = FixedClock(_peildatum(case, peildatum))
    if role == "school":  # a linked school account, as the spec asks: linked the way a school links
        _, code = await Scholen(sessions).toevoegen(EVAL_BRIN, "Evaluatieschool", "Utrecht", clock.now())
        await Scholen(sessions).koppel(CHANNEL, user.sender_id, code, clock.now())
    dienst = WachtrijDienst(sessions, rasa, clock, default_rule_set())
    if role == "consulent":  # a registered consulent, as the spec asks
        async with dienst.wachtrij.werk() as w:
            await w.consulenten.toevoegen(user.sender_id, "Evaluatie", ["landelijk"], clock.now())
    pipeline = MessagePipeline(rasa, Accounts(sessions), PendingQueue(sessions), clock,
                               meldingen=melding_gesprek(sessions, clock, default_rule_set(), dienst.wachtrij),
                               wachtrij=dienst,
                               dossiers=Dossiers(sessions))
    replies: list[Reply] = []
    latencies: list[float] = []
    last_turn: list[Reply] = []

    async def collect(recipient: ChatUser, batch: list[Reply]) -> None:
        # Only what reaches the user: a notice to a consulent (a new ticket) is no reply to this user.
        if recipient.sender_id == user.sender_id and recipient.channel == user.channel:
            last_turn.extend(batch)

    turns: list[dict[str, Any]] = []
    for message in user_turns(case):
        last_turn = []
        started = time.perf_counter()
        await pipeline.handle_text(user, message, collect)
        latencies.append(round((time.perf_counter() - started) * 1000, 1))
        replies.extend(last_turn)
        turns.append({"user": message, "replies": [
            {"text": r.text, "decision": r.data.get("decision")} for r in last_turn if r.text]})
    state = await pipeline.turn_state(user)
    latest = state.get("latest_message") or {}
    intent = latest.get("intent") or {}
    slots = state.get("slots") or {}
    decision = _decision(last_turn)
    label = canonical_label(intent.get("name"), (state.get("active_loop") or {}).get("name"),
                            slots.get("laatste_besluit"), form_answered(state.get("events") or []),
                            (decision or {}).get("topic"))
    texts = [r.text for r in replies if r.text]
    return {
        "id": case["id"],
        "intent": label,
        "intent_confidence": intent.get("confidence"),
        "decision": decision,
        "replies": texts,
        "handoff": any(r.data.get("handoff") for r in replies),
        "latency_ms": latencies,
        "echoed": [s for s in case.get("must_not_echo", []) if any(str(s) in t for t in texts)],
        "lang": case.get("lang", "nl"),
        "turns": turns,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def evaluate(
    cases: Sequence[Mapping[str, Any]], settings: Settings, peildatum: dt.date | None,
    start_stack: bool = True,
) -> list[dict[str, Any]]:
    """Run every case; starts (and stops) a stack of its own unless told one is running for `settings`."""
    supervisor = Supervisor(build_processes(settings), settings.startup_timeout_seconds) if start_stack else None
    if supervisor is not None:
        await supervisor.start()
    upgrade(settings.app_database_url)
    engine = make_engine(settings.app_database_url)
    rasa = rasa_client_for(settings)
    results = []
    try:
        sessions = make_session_factory(engine)
        for index, case in enumerate(cases, start=1):
            results.append(await run_case(case, rasa, sessions, peildatum))
            if index % 25 == 0:
                log.info("evaluated %d of %d cases", index, len(cases))
    finally:
        await rasa.aclose()
        await engine.dispose()
        if supervisor is not None:
            supervisor.stop()
    return results


def run(cases_path: Path, out_path: Path | None, peildatum: dt.date | None, base: Settings) -> int:
    """The command: its own stack and databases in a temporary folder, results to --out, summary last."""
    try:
        cases = load_cases(cases_path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"cannot read cases: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="leerbot-eval-") as tmp:
        var = Path(tmp)
        settings = base.model_copy(update={
            "var_dir": var, "rasa_port": _free_port(), "action_port": _free_port(),
            "database_url": f"sqlite:///{var / 'eval.db'}", "rasa_tracker_url": f"sqlite:///{var / 'tracker.db'}",
        })
        results = asyncio.run(evaluate(cases, settings, peildatum))
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("w", encoding="utf-8") as handle:
            for result in results:
                handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    samenvatting = summarise(cases, results)
    kwaliteit = meet(results)
    voorbeelden = kwaliteit.pop("reply_examples")
    log.info("reply-quality examples: %s", json.dumps(voorbeelden, ensure_ascii=False))
    print(json.dumps({**samenvatting, **kwaliteit}))
    return 0
