"""Configuration from the environment only (pydantic-settings). Secrets never live in YAML files."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of the assistant. Ports are configurable so tests can run beside `make run`."""

    # Our own knobs are LEERBOT_*; the few that deployments set by their usual names are not prefixed.
    model_config = SettingsConfigDict(env_prefix="LEERBOT_", extra="ignore", frozen=True, populate_by_name=True)

    telegram_bot_token: SecretStr | None = Field(default=None, validation_alias="TELEGRAM_BOT_TOKEN")
    # Tests point python-telegram-bot at a fake Bot API on loopback through these two.
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="TELEGRAM_API_BASE_URL"
    )
    telegram_file_base_url: str = Field(
        default="https://api.telegram.org/file/bot", validation_alias="TELEGRAM_FILE_BASE_URL"
    )
    # Webhook mode (several bot workers behind a reverse proxy): Telegram posts updates to this public URL;
    # the worker listens on webhook_listen:webhook_port under the URL's path. Unset means long polling.
    telegram_webhook_url: str = Field(default="", validation_alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: SecretStr | None = Field(default=None, validation_alias="TELEGRAM_WEBHOOK_SECRET")
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443

    # The web chat (`leerbot web`, web/): where it listens, how big a request may be, and how many requests a
    # conversation and a client address may make per minute (the load test's users all come from loopback, so it
    # raises the per-address limit).
    web_in_run: bool = True  # `leerbot run` (and so `make run`) serves the web chat beside Telegram or the terminal
    web_listen: str = "127.0.0.1"
    web_port: int = 8080
    web_max_body_bytes: int = Field(default=8192, ge=512)
    web_per_gesprek_per_minuut: float = Field(default=30.0, gt=0)
    web_per_adres_per_minuut: float = Field(default=120.0, gt=0)
    # `leerbot opschonen` forgets a web conversation idle this many days as /vergeetmij forgets (kept messages,
    # dossier, account, outbox, Rasa's tracker), and the conversation with its token.
    web_bewaar_dagen: int = Field(default=30, ge=1)
    # Which municipalities' sites may frame the widget, in which theme (docs/web.md, "The allow-list"): a deployment's
    # own file; unset, content/data/web/insluiten.yaml with the demo entries.
    web_insluiten: Path | None = None

    # The app database (SQLAlchemy URL); empty means a SQLite file in var/.
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    # Rasa's tracker store, a database of its own; empty means another SQLite file in var/.
    rasa_tracker_url: str = Field(default="", validation_alias="RASA_TRACKER_URL")

    project_root: Path = PROJECT_ROOT
    var_dir: Path = Field(default=PROJECT_ROOT / "var")
    model_path: Path = Field(default=PROJECT_ROOT / "models" / "leerbot.tar.gz")
    rasa_executable: Path = Field(default=PROJECT_ROOT / ".venvs" / "rasa" / "bin" / "rasa")

    rasa_host: str = "127.0.0.1"
    rasa_port: int = 5005
    # More than one Rasa server (on rasa_port, rasa_port + 1, ...) shares the load; they then need a shared
    # tracker store (PostgreSQL) and Redis as lock store, so two servers never handle one conversation at once.
    rasa_servers: int = Field(default=1, ge=1, le=8)
    redis_url: str = Field(default="", validation_alias="LEERBOT_REDIS_URL")
    # `leerbot bot` with Rasa servers elsewhere: their URLs, comma-separated (else host, port and count above).
    rasa_urls_setting: str = Field(default="", validation_alias="LEERBOT_RASA_URLS")
    action_port: int = 5055
    # Protects Rasa's HTTP API (tracker events); made up per run when not given.
    rasa_auth_token: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_hex(24)))
    # After this long without Rasa's answer the user is told the assistant is slower; the answer follows.
    slow_notice_seconds: float = 3.0
    rasa_timeout_seconds: float = 60.0
    startup_timeout_seconds: float = 240.0
    pending_retry_seconds: float = 2.0

    # Freezes "today" (tests, evaluation); unset means the real date in the Netherlands.
    today: dt.date | None = None
    # Freezes the time of day as well (with `today` only): tests of what happens outside office hours.
    time_of_day: dt.time | None = None
    log_level: str = "INFO"

    # Plain properties, not cached: model_copy(update=...) copies a cached value along and would keep
    # pointing a copy (the evaluation runner's, a test's) at the original database.
    @property
    def app_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'leerbot.db'}"

    @property
    def tracker_database_url(self) -> str:
        return self.rasa_tracker_url or f"sqlite:///{self.var_dir / 'rasa-tracker.db'}"

    @property
    def rasa_url(self) -> str:
        return self.rasa_urls[0]

    @property
    def rasa_urls(self) -> list[str]:
        if self.rasa_urls_setting:
            return [url.strip().rstrip("/") for url in self.rasa_urls_setting.split(",") if url.strip()]
        return [f"http://{self.rasa_host}:{self.rasa_port + n}" for n in range(self.rasa_servers)]

    @model_validator(mode="after")
    def _shared_stores_for_several_rasa_servers(self) -> Settings:
        if self.rasa_servers > 1 and not self.redis_url:
            raise ValueError("LEERBOT_RASA_SERVERS > 1 needs LEERBOT_REDIS_URL (Rasa's lock store), e.g. "
                             "redis://127.0.0.1:6379/1")
        if self.rasa_servers > 1 and not self.rasa_tracker_url.startswith("postgresql"):
            raise ValueError("LEERBOT_RASA_SERVERS > 1 needs RASA_TRACKER_URL on PostgreSQL, shared by the servers")
        return self

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        # Every worker registers the same URL and secret with Telegram, so the secret cannot be made up here.
        if self.telegram_webhook_url and self.telegram_webhook_secret is None:
            raise ValueError("TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET (1-256 characters A-Z a-z 0-9 _ -)")
        return self

    @property
    def action_endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/webhook"

    @property
    def action_health_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/health"
