"""Remove personal numbers (BSN, onderwijsnummer) before text reaches Rasa, a log or a database."""

from __future__ import annotations

import re

from stdnum.nl import bsn, onderwijsnummer

# Nine digits, optionally grouped with spaces, dots or dashes ("123 456 789", "1234.56.789"), that are
# not part of a longer number such as a phone number ("+31 6 12345678") or an IBAN.
_NEGEN_CIJFERS = re.compile(r"(?<!\d)(?<!\d[ .\-])(?:\d[ .\-]?){8}\d(?![ .\-]?\d)")
PLACEHOLDER = "[nummer verwijderd]"


def _is_persoonsnummer(kandidaat: str) -> bool:
    """A number that passes the BSN or onderwijsnummer eleven-test (python-stdnum)."""
    cijfers = re.sub(r"\D", "", kandidaat)
    return bool(bsn.is_valid(cijfers) or onderwijsnummer.is_valid(cijfers))


def redact_personal_numbers(text: str) -> tuple[str, bool]:
    """The text with every BSN or onderwijsnummer replaced, and whether anything was replaced."""
    gevonden = False

    def vervang(match: re.Match[str]) -> str:
        nonlocal gevonden
        if not _is_persoonsnummer(match.group(0)):
            return match.group(0)
        gevonden = True
        return PLACEHOLDER

    return _NEGEN_CIJFERS.sub(vervang, text), gevonden
