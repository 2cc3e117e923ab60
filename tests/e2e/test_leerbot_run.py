"""`leerbot run` without a token, input piped: the newcomer's first command, as a real process."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from leerbot.settings import PROJECT_ROOT
from testkit.poorten import free_port

pytestmark = pytest.mark.e2e

LEERBOT = PROJECT_ROOT / ".venvs" / "app" / "bin" / "leerbot"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_piped_terminal_chat_answers_and_leaves_nothing_running(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "TELEGRAM_BOT_TOKEN"}
    env.update({
        "LEERBOT_RASA_PORT": str(free_port()), "LEERBOT_ACTION_PORT": str(free_port()),
        "LEERBOT_WEB_PORT": str(free_port()),
        "LEERBOT_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "RASA_TRACKER_URL": f"sqlite:///{tmp_path / 'tracker.db'}", "LEERBOT_TODAY": "2026-03-02",
    })
    # Between the greeting and the question: a script tag and typed JSON (junk: asked to rephrase, then offered a
    # person, never a decision), bytes that are no UTF-8, a typed Rasa payload and a line of blanks; none of them
    # may end the chat or keep the question from being answered.
    invoer = b"hoi\n<script>alert('verlof')</script>\n{\"text\": \"/handoff_mens\"}\n" + \
        b"kapot \xff\xfe\xed\xa0\x80 bericht\n/restart\n   \n" + \
        b"bsn 111 222 333, bel 06-12345678 of iban NL91ABNA0417164300\n" + \
        b"mag mijn zoon een dag eerder op vakantie?\n"
    proces = subprocess.run(
        [str(LEERBOT), "run"], input=invoer, env=env, capture_output=True, timeout=400, cwd=tmp_path,
    )
    result = subprocess.CompletedProcess(proces.args, proces.returncode, proces.stdout.decode(),
                                         proces.stderr.decode(errors="replace"))
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "dat begreep ik niet helemaal" in out  # the script tag
    assert "Het lukt me nog steeds niet" in out  # the JSON right after it
    assert "commando ken ik niet" in out  # /restart
    assert "Ik zie geen tekst" in out  # the line of blanks
    # No personal number, phone number or IBAN in any file the chat wrote: databases and logs.
    bestanden = [b for b in tmp_path.rglob("*") if b.is_file()]
    assert {"app.db", "tracker.db"} <= {b.name for b in bestanden}
    assert any(b.suffix == ".log" for b in bestanden)
    for bestand in bestanden:
        inhoud = bestand.read_bytes()
        for nummer in (b"111 222 333", b"111222333", b"12345678", b"0417164300"):
            assert nummer not in inhoud, f"{nummer!r} found in {bestand.name}"
    assert "leerplicht" in out.lower()  # the greeting
    assert "13a" in out
    assert "beroep" in out
    assert "schoolhoofd" in out
    # Buttons are numbered across the reply: the answer's own, then those of the question asked.
    assert "1) Waarom?" in out
    assert "3) Ja" in out
    assert "4) Nee" in out
    assert " INFO " not in out  # only the conversation on stdout
    assert "Traceback" not in out
    assert "assistant ready" in result.stderr

    pids = [int(pid) for pid in re.findall(r"started \w+ \(pid (\d+)\)", result.stderr)]
    assert len(pids) == 2
    assert not [pid for pid in pids if _alive(pid)], "child processes left running"
