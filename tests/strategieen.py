"""Hypothesis strategies for the personal numbers and contact details a user might type, shared by the redaction
tests and the property tests of the whole pipeline."""

from __future__ import annotations

from hypothesis import strategies as st

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


# Valid Dutch phone numbers (mobile and landline) and IBANs (correct check digits), as people type them: the
# digits that must never reach a store are the second item.
TELEFOONNUMMERS = [("06-12345678", "12345678"), ("+31 6 23456789", "23456789"), ("0031687654321", "87654321"),
                   ("020 - 123 4567", "1234567"), ("(030) 2345678", "2345678")]
REKENINGEN = [("NL91ABNA0417164300", "0417164300"), ("NL91 ABNA 0417 1643 00", "0417 1643 00"),
              ("NL44RABO0123456789", "0123456789")]
telefoon = st.sampled_from(TELEFOONNUMMERS)
rekening = st.sampled_from(REKENINGEN)
