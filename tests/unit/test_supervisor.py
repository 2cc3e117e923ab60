"""The supervisor's own checks: a taken port is reported with the setting to change."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from leerbot.settings import Settings
from leerbot.supervisor import StartupError, check_ports_free
from tests.conftest import free_port


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
