"""Redaction that a spelling cannot escape: a valid BSN or onderwijsnummer in any grouping, with any separators
and any kind of digits, is gone after the boundary and the redaction, whatever sentence it sits in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.redact import PLACEHOLDER, redact_personal_numbers
from invoer.schoon import schoon

SCHEIDINGEN = [" ", "  ", ".", "-", "/", ",", "\u00a0", "_", " - ", ". "]
CIJFERSOORTEN = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "०१२३४५६७८९"]


def _met_controlecijfer(acht: int) -> str | None:
    """Eight digits completed to a number that passes the BSN eleven-test (sum(d_i * (9 - i)) - d_8 is a
    multiple of 11); None when no last digit does."""
    cijfers = [int(c) for c in str(acht)]
    laatste = sum(d * (9 - i) for i, d in enumerate(cijfers)) % 11
    return f"{acht}{laatste}" if laatste < 10 else None


bsn = st.integers(10_000_000, 99_999_999).map(_met_controlecijfer).filter(lambda n: n is not None)


@st.composite
def gespeld(draw: st.DrawFn) -> tuple[str, str]:
    """(the number as a person might type it, the number)."""
    nummer = draw(bsn)
    grenzen = sorted(draw(st.sets(st.integers(1, 8), max_size=4)))
    assert nummer is not None
    stukken = [nummer[a:b] for a, b in zip([0, *grenzen], [*grenzen, 9], strict=True)]
    scheiding = draw(st.sampled_from(SCHEIDINGEN))
    cijfers = draw(st.sampled_from(CIJFERSOORTEN))
    tekst = scheiding.join(stukken).translate(str.maketrans("0123456789", cijfers))
    return tekst, nummer


ZINNEN = ["{}", "bsn {}", "Het BSN van mijn dochter is {}, klopt dat?", "nummer: {}.", "({})", "{} en verder niets"]


@given(gespeld(), st.sampled_from(ZINNEN))
def test_no_spelling_of_a_personal_number_survives(spelling: tuple[str, str], zin: str) -> None:
    tekst, nummer = spelling
    schoon_, gevonden = redact_personal_numbers(schoon(zin.format(tekst)))
    assert gevonden
    assert PLACEHOLDER in schoon_
    assert nummer not in "".join(t for t in schoon_ if t.isdigit())


@given(gespeld(), gespeld())
def test_two_numbers_in_a_list_are_both_removed(een: tuple[str, str], twee: tuple[str, str]) -> None:
    schoon_, gevonden = redact_personal_numbers(schoon(f"{een[0]}, {twee[0]}"))
    assert gevonden
    assert schoon_.count(PLACEHOLDER) == 2
