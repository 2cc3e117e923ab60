"""Text that is no question in words: mostly code, markup or an injection attempt, JSON typed as a message, or
nothing but the placeholders redaction left. A classifier trained on questions still ranks some topic first for
such text (a `<script>` tag read as luxe verzuim), so it gets the "not understood" answer, never a decision.

Prose that merely contains a bit of code ("mijn zoon schreef <b>nee</b> in zijn agenda, moet ik dat melden?")
is still a question: text counts as junk only when little prose is left once the code is taken out.
"""

from __future__ import annotations

import json
import re

# What redaction leaves in place of a number: "[nummer verwijderd]", "[telefoonnummer verwijderd]" …
_PLAATSHOUDER = re.compile(r"\[[a-z ]{1,40} verwijderd\]", re.I)
_CODE = re.compile(
    r"<\s*/?\s*[a-z!?][^<>]{0,200}>"  # markup: <script>, </b>, <!-- …, <?php
    r"|&(?:lt|gt|amp|quot|apos|#\d{1,6}|#x[0-9a-f]{1,6});"  # character entities
    r"|\$\{[^}]{0,200}\}|\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}"  # template and lookup injection: ${jndi:…}, {{7*7}}
    r"|\b(?:select|union|insert|update|delete|drop|alter|truncate|exec)\b[^.?!]{0,40}?"
    r"\b(?:from|select|into|set|table|where|values)\b"  # SQL
    r"|'\s*(?:or|and)\s+'?\w+'?\s*=\s*'?\w*'?"  # ' OR '1'='1
    r"|;\s*--|--\s*$|/\*.{0,200}?\*/"  # SQL comments
    r"|\b(?:javascript|vbscript|data):"  # script URLs
    r"|(?:\.\./){2,}"  # path traversal
    r"|\b(?:alert|eval|exec|print|console\.log|system|require|import)\s*\(",  # calls
    re.I | re.S,
)
# Punctuation of code rather than of sentences.
_CODETEKENS = frozenset("(){}[];=<>$'\"`/\\|&*")
_WOORD = re.compile(r"[^\W\d_]{2,}")
# Less prose than this, once code is taken out, and the message is junk.
MIN_WOORDEN = 3


def is_onzin(tekst: str) -> bool:
    """Whether a message is mostly code, markup, injection or JSON, or only the placeholders of redaction."""
    zonder_plaatshouders = _PLAATSHOUDER.sub(" ", tekst)
    if zonder_plaatshouders != tekst and not any(teken.isalnum() for teken in zonder_plaatshouders):
        return True
    if _is_json(zonder_plaatshouders):
        return True
    code = _CODE.findall(zonder_plaatshouders)
    if not code:
        return False
    proza = _CODE.sub(" ", zonder_plaatshouders)
    code_tekens = sum(len(stuk) for stuk in code) + sum(teken in _CODETEKENS for teken in proza)
    return len(_WOORD.findall(proza)) < MIN_WOORDEN or code_tekens * 3 >= len("".join(zonder_plaatshouders.split()))


def _is_json(tekst: str) -> bool:
    """A whole message that is a JSON object or array (e.g. a payload someone typed)."""
    if not tekst.strip().startswith(("{", "[")):
        return False
    try:
        return isinstance(json.loads(tekst), (dict, list))
    except RecursionError:  # nested deeper than the parser goes: certainly no question
        return True
    except ValueError:
        return False
