"""Redaction that a spelling cannot escape: a valid BSN or onderwijsnummer in any grouping, with any separators
and any kind of digits, is gone after the boundary and the redaction, whatever sentence it sits in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.redact import PLACEHOLDER, redact_personal_numbers
from invoer.schoon import schoon
from tests.strategieen import gespeld

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
