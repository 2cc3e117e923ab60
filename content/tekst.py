"""Filling in the placeholders of a content text, the same way for cited explanations and for the conversation's
own texts: every placeholder must get a value, and a number can choose its noun ("{dagen:schooldag|schooldagen}"
gives "1 schooldag" or "3 schooldagen"), so no text has to say "schooldag(en)"."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any


class _Vuller(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            enkel, meer = format_spec.split("|", 1)
            return f"{value} {enkel if str(value) == '1' else meer}"
        return str(super().format_field(value, format_spec))


_VULLER = _Vuller()


def vul_in(sjabloon: str, waarden: Mapping[str, Any]) -> str:
    """The text with every placeholder filled; a placeholder without a value raises KeyError."""
    return _VULLER.vformat(sjabloon, (), dict(waarden))


def plaatshouders(sjabloon: str) -> frozenset[str]:
    """The names of the placeholders in a text."""
    return frozenset(naam for _, naam, _, _ in _VULLER.parse(sjabloon) if naam)
