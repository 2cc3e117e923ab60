"""Errors the rules raise for facts they cannot decide on. Each names the field and what is wrong, so
the dialogue can turn it into a clear question; user-facing text never comes from these messages."""

from __future__ import annotations

# A field name or problem may carry what a user typed (an unknown key of 100,000 characters): errors keep
# them short, so no caller echoes a long value back.
MAX_VELD = 60
MAX_PROBLEEM = 200


def ingekort(tekst: str, lengte: int) -> str:
    """`tekst` cut to at most `lengte` characters, the cut marked with "…"."""
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1] + "…"


class RegelFout(Exception):
    """Base class: the facts given to a rule cannot be used as they are."""

    def __init__(self, veld: str, probleem: str) -> None:
        veld, probleem = ingekort(veld, MAX_VELD), ingekort(probleem, MAX_PROBLEEM)
        super().__init__(f"{veld}: {probleem}")
        self.veld = veld
        self.probleem = probleem


class OngeldigeFeiten(RegelFout):
    """Raised when a fact is impossible or inconsistent (end before start, a birth date in the future)."""


class GeenKalender(OngeldigeFeiten):
    """Raised when a date the rule counts school days on (or the peildatum of such a rule) falls in a school
    year for which no holiday data is loaded: a fact the rules cannot use, so it is an OngeldigeFeiten too."""


class Onberekenbaar(OngeldigeFeiten):
    """The registry's last line: the facts made the rule fail on arithmetic (a date out of range, a number
    too large). The input contract is meant to refuse such facts before; tests assert this never fires."""


class NeeZonderFeit(RegelFout):
    """A rule said "no permission needed" or "need not report" on a fact that was not given: a defect in the
    rule, caught by the registry so the user gets the general rule instead (tests fail on it)."""
