"""Conversation ids and their bearer tokens. The token is shown to the browser once; the database keeps its SHA-256
only, so a copy of the database opens no conversation. 256 random bits need no slow password hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from store.web import WEB_CHANNEL


def nieuw_gesprek_id() -> str:
    """Also the sender id in the pipeline and in Rasa; the prefix says which channel it belongs to, like "tg-"."""
    return f"{WEB_CHANNEL}-{secrets.token_hex(12)}"


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def klopt(token: str, opgeslagen_hash: str) -> bool:
    """In constant time, so the time a wrong token takes says nothing about the right one."""
    return hmac.compare_digest(token_hash(token), opgeslagen_hash)
