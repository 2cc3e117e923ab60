"""The supervisor's own checks: a taken port is reported with the setting to change."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from leerbot.settings import Settings
from leerbot.supervisor import StartupError, check_ports_free
from testkit.poorten import free_port


def test_taken_port_names_the_setting_to_change(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        settings = Settings(rasa_port=port, action_port=free_port(), var_dir=tmp_path)
        with pytest.raises(StartupError, match="LEERBOT_RASA_PORT"):
            check_ports_free(settings)


def test_free_ports_pass(tmp_path: Path) -> None:
    check_ports_free(Settings(rasa_port=free_port(), action_port=free_port(), var_dir=tmp_path))


def test_a_copied_settings_object_uses_its_own_databases(tmp_path: Path) -> None:
    """The evaluation runner and tests copy settings with another database; nothing may stick to the old."""

    base = Settings(var_dir=tmp_path)
    assert base.app_database_url.endswith("leerbot.db")
    assert base.tracker_database_url.endswith("rasa-tracker.db")
    copy = base.model_copy(update={"database_url": "sqlite:///eigen.db", "rasa_tracker_url": "sqlite:///t.db"})
    assert (copy.app_database_url, copy.tracker_database_url) == ("sqlite:///eigen.db", "sqlite:///t.db")


def test_the_web_port_is_checked_when_leerbot_run_serves_the_web_chat(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        settings = Settings(rasa_port=free_port(), action_port=free_port(), web_port=port, var_dir=tmp_path)
        with pytest.raises(StartupError, match="LEERBOT_WEB_PORT"):
            check_ports_free(settings)
        check_ports_free(settings.model_copy(update={"web_in_run": False}))
