"""Remove personal numbers (BSN, onderwijsnummer) before text reaches Rasa, a log or a database."""

from __future__ import annotations

import re

# Nine digits, optionally grouped with spaces, dots or dashes ("123 456 789", "1234.56.789"), that are
# not part of a longer number such as a phone number ("+31 6 12345678") or an IBAN.
_PERSOONSNUMMER = re.compile(r"(?<!\d)(?<!\d[ .\-])(?:\d[ .\-]?){8}\d(?![ .\-]?\d)")
PLACEHOLDER = "[nummer verwijderd]"


def redact_personal_numbers(text: str) -> tuple[str, bool]:
    """The text with every BSN-like number replaced, and whether anything was replaced."""
    redacted, count = _PERSOONSNUMMER.subn(PLACEHOLDER, text)
    return redacted, count > 0
