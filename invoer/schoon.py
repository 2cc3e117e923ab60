"""The one boundary where text enters from any channel, before redaction and everything else: whatever bytes a
channel let through, what comes out can be encoded, stored and shown — no lone surrogates, no control
characters, one form of each character (NFKC: full-width digits and letters, non-breaking spaces; every digit
ASCII), no runs of blanks."""

from __future__ import annotations

import re
import unicodedata

_BLANKS = re.compile(r"[^\S\n]+")
_REGELS = re.compile(r"\n{3,}")
VERVANGING = "\ufffd"  # what a character that cannot be read becomes


def _leesbaar(teken: str) -> str:
    soort = unicodedata.category(teken)
    if soort == "Cs":  # a lone surrogate: invalid UTF-8 decoded loosely by a channel
        return VERVANGING
    if soort == "Cc":  # control characters; a newline stays, a tab is a blank
        return teken if teken == "\n" else " " if teken in "\t\r\v\f" else ""
    if soort == "Nd" and not teken.isascii():  # Arabic-Indic, Devanagari… digits: a number is a number
        return str(unicodedata.digit(teken))
    return teken


def schoon(tekst: str) -> str:
    """The text as the rest of the assistant reads it."""
    tekst = "".join(_leesbaar(t) for t in tekst.replace("\r\n", "\n"))
    tekst = unicodedata.normalize("NFKC", tekst)
    regels = [_BLANKS.sub(" ", regel).strip() for regel in tekst.split("\n")]
    return _REGELS.sub("\n\n", "\n".join(regels)).strip()
