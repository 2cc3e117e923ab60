"""Train the Rasa model only when config.yml or nlu/ changed since the last training."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from leerbot.settings import Settings

log = logging.getLogger(__name__)

TRAINING_INPUTS = ("config.yml", "nlu/domain", "nlu/data")


def training_fingerprint(settings: Settings) -> str:
    """Hash of every file Rasa trains from, with its path, so renames count as changes too."""
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = settings.project_root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(settings.project_root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _marker(settings: Settings) -> Path:
    return settings.model_path.parent / (settings.model_path.name + ".fingerprint")


def model_is_current(settings: Settings) -> bool:
    marker = _marker(settings)
    return (
        settings.model_path.exists()
        and marker.exists()
        and marker.read_text().strip() == training_fingerprint(settings)
    )


def train(settings: Settings, force: bool = False) -> bool:
    """Train when needed; returns True when a new model was trained. Rasa's output goes to stderr."""
    if not force and model_is_current(settings):
        log.info("Rasa model is up to date: %s", settings.model_path)
        return False
    fingerprint = training_fingerprint(settings)
    settings.model_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(settings.rasa_executable), "train", "--quiet",
        "--config", "config.yml", "--domain", "nlu/domain", "--data", "nlu/data",
        "--out", str(settings.model_path.parent),
        "--fixed-model-name", settings.model_path.name.removesuffix(".tar.gz"),
    ]
    log.info("training the Rasa model (a few minutes on 2 cores)")
    started = time.monotonic()
    subprocess.run(
        command, cwd=settings.project_root, check=True, stdin=subprocess.DEVNULL, stdout=sys.stderr,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "TQDM_DISABLE": "1"},
    )
    _marker(settings).write_text(fingerprint + "\n")
    log.info("trained in %.0f s", time.monotonic() - started)
    return True
