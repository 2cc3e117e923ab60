"""Text that is no question in words: mostly code, markup or an injection attempt, JSON typed as a message, or
nothing but the placeholders redaction left. A classifier trained on questions still ranks some topic first for
such text (a `<script>` tag read as luxe verzuim), so it gets the "not understood" answer, never a decision.

Prose that contains code or markup ("mijn zoon schreef <b>nee</b> in zijn agenda, moet ik dat melden?", an
export pasted above a question) is still a question: text counts as junk only when hardly any prose is left once
the code is taken out.
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
# Markdown a message may carry when pasted: a link, inline code, emphasis.
_OPMAAK = (
    (re.compile(r"\[([^\[\]]{1,100})\]\([^()\s]{0,200}\)"), r"\1"),
    (re.compile(r"`([^`]{0,100})`"), r"\1"),
    (re.compile(r"(\*{1,2}|_{1,2})([^\s*_][^*_]{0,100}?)\1"), r"\2"),
)
# Once code was found, these are no prose either: paths and addresses, and the words of a SQL statement.
_GEEN_PROZA = re.compile(r"\S*[/\\]\S*|\b(?:select|from|where|like|union|insert|into|values|update|set|delete|drop|"
                         r"table|alter|truncate|exec|and|or|not|null|order|by|limit)\b", re.I)
_WOORD = re.compile(r"[^\W\d_]{2,}")
# Less prose than this, once code is taken out, and the message is junk; with more, the prose is the question (a
# pasted export with "melden of niet?" under it) and the assistant reads it.
MIN_WOORDEN = 3


def is_onzin(tekst: str) -> bool:
    """Whether a message is mostly code, markup, injection or JSON, or only the placeholders of redaction."""
    zonder_plaatshouders = _PLAATSHOUDER.sub(" ", tekst)
    if zonder_plaatshouders != tekst and not any(teken.isalnum() for teken in zonder_plaatshouders):
        return True
    kaal = _zonder_opmaak(zonder_plaatshouders)
    if _is_json(kaal):
        return True
    if not _CODE.search(kaal):
        return False
    proza = _GEEN_PROZA.sub(" ", _CODE.sub(" ", kaal))
    return len(_WOORD.findall(proza)) < MIN_WOORDEN


def _zonder_opmaak(tekst: str) -> str:
    """Markdown formatting replaced by the words it formats: a pasted, formatted question is still prose."""
    for patroon, vervanging in _OPMAAK:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


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
