"""The one accessor of the text catalogue: every sentence the assistant, the melding conversation, the hand-off
and the consulent side say themselves, in Dutch and English. The texts are the YAML files of content/data/teksten
(one key space over all files, validated by content.schema.TekstenBestand: both languages, non-empty, the same
placeholders); they are loaded once per process with the rest of the content."""

from __future__ import annotations

from basis.taal import Language
from content.loader import default_rule_set
from content.schema import GespreksTekst
from content.tekst import vul_in


def tekst(sleutel: str, taal: Language, rol: str = "ouder", /, **waarden: object) -> str:
    """The text `sleutel` in `taal`, in the wording for `rol` where school staff have their own ("school"), with
    every placeholder filled; a missing placeholder raises KeyError, an unknown key OnbekendeParameter."""
    return vul_in(gespreks_tekst(sleutel).voor(taal, rol), waarden)


def gespreks_tekst(sleutel: str) -> GespreksTekst:
    return default_rule_set().gespreks_tekst(sleutel)


def sleutels() -> tuple[str, ...]:
    return default_rule_set().tekst_sleutels()
