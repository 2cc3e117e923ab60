"""The sanitising boundary: any text in, text out that every later step can encode, store and show."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from invoer.schoon import VERVANGING, schoon


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("mag mijn zoon\udcff mee?", f"mag mijn zoon{VERVANGING} mee?"),  # a lone surrogate from invalid UTF-8
    ("  veel   spaties\t\ten tabs  ", "veel spaties en tabs"),
    ("regel een\r\nregel twee", "regel een\nregel twee"),
    ("a\n\n\n\n\nb", "a\n\nb"),
    ("bel\x07 niet\x00", "bel niet"),
    ("１２３ ＡＢＣ", "123 ABC"),  # full-width forms
    ("١٢٣ en १२", "123 en 12"),  # Arabic-Indic and Devanagari digits
    ("12\u00a0mei", "12 mei"),  # a non-breaking space
    ("   \n\t  ", ""),
    ("Gewone vraag over verlof?", "Gewone vraag over verlof?"),
])
def test_what_the_boundary_makes_of_a_text(tekst: str, verwacht: str) -> None:
    assert schoon(tekst) == verwacht


@given(st.text(alphabet=st.characters(), max_size=300))
def test_any_text_comes_out_encodable_without_control_characters_or_runs_of_blanks(tekst: str) -> None:
    uit = schoon(tekst)
    uit.encode("utf-8")  # raises on a lone surrogate
    assert not [t for t in uit if unicodedata.category(t) == "Cc" and t != "\n"]
    assert "  " not in uit
    assert uit == uit.strip()
    assert schoon(uit) == uit  # once is enough
