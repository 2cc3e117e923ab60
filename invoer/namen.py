"""Names of places as people type them, compared without the differences that do not matter."""

from __future__ import annotations

import re
import unicodedata


def naam_sleutel(naam: str) -> str:
    """Compare names without case, accents, 'gemeente' or a province suffix such as '(NH.)'."""
    kaal = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    kaal = re.sub(r"\(.*?\)", " ", kaal)
    kaal = re.sub(r"^\s*gemeente\s+", "", kaal)
    return re.sub(r"[^a-z]+", " ", kaal).strip()
