"""The one text catalogue (content/data/teksten, read through content.teksten.tekst): every key in both languages
with the same placeholders, and every call in the code naming a key that exists with exactly its placeholders."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from content.errors import OnbekendeParameter
from content.tekst import plaatshouders
from content.teksten import gespreks_tekst, sleutels, tekst

ROOT = Path(__file__).resolve().parents[2]
PAKKETTEN = ("bot", "meldingen", "actions", "leerbot", "web")

# Calls whose key or values the scan cannot check, each with the reason it is safe.
UITZONDERINGEN: dict[tuple[str, str], str] = {
    ("bot/pipeline.py", "key"): "reply_fixed(key): the literal keys its callers pass are checked below",
    ("meldingen/gesprek.py", "gelezen.fout"): "the field readers' error keys (_fout) are checked below; the "
                                              "values are the reader's details plus the hint",
    ("actions/opmaak.py", "sleutel"): "a fact's yes/no text looked up only when the key exists (in sleutels)",
    ("actions/opmaak.py", "relatie"): "a relation's name looked up only when the key exists (in sleutels)",
    ("actions/opmaak.py", "f'feit_{naam}'"): "the facts line: looked up only when the key exists; a fact's text has "
                                             "{waarde} or none, filled by the same call",
    ("actions/opmaak.py", "f'vraag_{feit}'"): "the question for a missing fact, looked up only when the key exists",
    ("bot/consulent.py", "sleutel"): "a topic's button title, looked up only when the key exists",
    ("bot/router.py", "c.hulp_sleutel"): "a command's description: every command's exists without placeholders "
                                         "(tests/unit/test_commandos.py)",
    ("bot/telegram_app.py", "c.hulp_sleutel"): "the same descriptions, for Telegram's command menu",
    ("web/pagina.py", "sleutel"): "the web page's texts, none with a placeholder; checked in "
                                  "tests/unit/test_web.py::test_the_page_texts_exist_without_placeholders",
    ("web/widget.py", "sleutel"): "the widget's and the demo page's texts, none with a placeholder; checked in "
                                  "tests/unit/test_widget.py::test_the_widget_texts_exist_without_placeholders",
    ("actions/opmaak.py", "f'feit_{naam}_{waarde}'"): "a yes/no or choice fact's text, looked up only when the key "
                                                      "exists; these texts have no placeholders",
    ("meldingen/gesprek.py", "f'categorie_{categorie.soort}'"): "the four kinds of verzuim get the same values; only "
                                                                "categorie_wettelijk names them",
    ("meldingen/gesprek.py", "f'knop_{k}'"): "the buttons of a field (meldingen.velden knoppen), none with a "
                                             "placeholder; checked in test_every_button_of_a_melding_field_is_a_text",
    ("meldingen/samenvatting.py", "f\"knop_{velden['verzoek']}\""): "the request chosen with a field button, as "
                                                                  "above",
}


def test_every_text_exists_in_dutch_and_english_non_empty_with_the_same_placeholders() -> None:
    assert len(sleutels()) > 300
    for sleutel in sleutels():
        gt = gespreks_tekst(sleutel)
        for variant in (gt, gt.school) if gt.school else (gt,):
            assert variant.nl.strip(), sleutel
            assert variant.en.strip(), sleutel
            assert plaatshouders(variant.nl) == plaatshouders(variant.en), sleutel
            waarden = dict.fromkeys(plaatshouders(variant.nl), 2)
            for taal in ("nl", "en"):
                assert "{" not in tekst(sleutel, taal, "school" if variant is gt.school else "ouder", **waarden)


def test_the_accessor_refuses_an_unknown_key_and_a_missing_placeholder() -> None:
    with pytest.raises(OnbekendeParameter):
        tekst("bestaat_niet", "nl")
    with pytest.raises(KeyError):
        tekst("in_wachtrij", "en", team="X", plaats=1)
    assert tekst("in_wachtrij", "en", team="X", plaats=1, minuten=5).startswith("You are in the queue of X")


def _accessor_namen(boom: ast.Module) -> tuple[set[str], set[str]]:
    """The names under which a module imported the accessor itself, and the catalogue module."""
    functies: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(boom):
        if isinstance(node, ast.ImportFrom) and node.module == "content.teksten":
            functies |= {a.asname or a.name for a in node.names if a.name == "tekst"}
        elif isinstance(node, ast.ImportFrom) and node.module == "content":
            modules |= {a.asname or a.name for a in node.names if a.name == "teksten"}
    return functies, modules


def _aanroepen(naam: str) -> Iterator[tuple[str, ast.Call]]:
    """Every call of `naam`, or of the catalogue accessor when naam is "tekst", in the packages scanned."""
    for pakket in PAKKETTEN:
        for pad in sorted((ROOT / pakket).rglob("*.py")):
            boom = ast.parse(pad.read_text(encoding="utf-8"))
            functies, modules = _accessor_namen(boom) if naam == "tekst" else ({naam}, set())
            for node in ast.walk(boom):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                if (isinstance(f, ast.Name) and f.id in functies) or (
                        isinstance(f, ast.Attribute) and f.attr == naam and (naam != "tekst" or (
                            isinstance(f.value, ast.Name) and f.value.id in modules))):
                    yield str(pad.relative_to(ROOT)), node


def _patronen(sleutel: ast.expr) -> list[tuple[str, bool]] | None:
    """The keys a key expression can give, as regular expressions (exact: a literal); None when unknowable."""
    if isinstance(sleutel, ast.Constant) and isinstance(sleutel.value, str):
        return [(re.escape(sleutel.value), True)]
    if isinstance(sleutel, ast.JoinedStr):
        delen = [re.escape(str(d.value)) if isinstance(d, ast.Constant) else ".+" for d in sleutel.values]
        return [("".join(delen), False)]
    if isinstance(sleutel, ast.IfExp):
        links, rechts = _patronen(sleutel.body), _patronen(sleutel.orelse)
        return None if links is None or rechts is None else links + rechts
    return None


def test_every_call_names_an_existing_key_with_exactly_its_placeholders() -> None:
    alle = set(sleutels())
    gebruikt: set[tuple[str, str]] = set()
    fouten: list[str] = []
    aantal = 0
    for pad, call in _aanroepen("tekst"):
        aantal += 1
        waar = f"{pad}:{call.lineno}"
        bron = ast.unparse(call.args[0])
        uitzondering = (pad, bron) in UITZONDERINGEN
        gebruikt.add((pad, bron))
        if not 2 <= len(call.args) <= 3:
            fouten.append(f"{waar}: tekst(sleutel, taal[, rol]) takes two or three positional arguments")
        gegeven = {k.arg for k in call.keywords}
        patronen = _patronen(call.args[0])
        if patronen is None or None in gegeven:
            if not uitzondering:
                fouten.append(f"{waar}: key {bron} or its values cannot be checked; add it to UITZONDERINGEN")
            continue
        for patroon, exact in patronen:
            passend = [s for s in alle if re.fullmatch(patroon, s)]
            if not passend:
                fouten.append(f"{waar}: no text has the key {bron}")
            verkeerd = [s for s in passend if set(plaatshouders(gespreks_tekst(s).nl)) != gegeven]
            if verkeerd and not (uitzondering and not exact):
                fouten.append(f"{waar}: {bron} gets {sorted(k for k in gegeven if k)}, but "
                              f"{verkeerd[0]} has {sorted(plaatshouders(gespreks_tekst(verkeerd[0]).nl))}")
    assert aantal > 100
    assert not fouten, "\n".join(fouten)
    assert set(UITZONDERINGEN) <= gebruikt, f"exceptions no longer needed: {set(UITZONDERINGEN) - gebruikt}"


def test_every_error_of_the_field_readers_is_a_text_whose_placeholders_the_details_fill() -> None:
    fouten = []
    calls = list(_aanroepen("_fout"))
    assert calls
    for pad, call in calls:
        sleutel = call.args[0]
        assert isinstance(sleutel, ast.Constant), f"{pad}:{call.lineno}"
        assert isinstance(sleutel.value, str), f"{pad}:{call.lineno}"
        gegeven = {k.arg or "**" for k in call.keywords} | {"hint"}  # the conversation adds the hint itself
        if sleutel.value not in sleutels():
            fouten.append(f"{pad}:{call.lineno}: no text {sleutel.value}")
        elif not plaatshouders(gespreks_tekst(sleutel.value).nl) <= gegeven:
            fouten.append(f"{pad}:{call.lineno}: {sleutel.value} needs more than {sorted(gegeven)}")
    assert not fouten, "\n".join(fouten)


def test_the_front_ends_fixed_replies_are_texts_without_placeholders() -> None:
    calls = list(_aanroepen("reply_fixed"))
    assert calls
    for pad, call in calls:
        sleutel = call.args[1]
        assert isinstance(sleutel, ast.Constant), f"{pad}:{call.lineno}"
        assert isinstance(sleutel.value, str), f"{pad}:{call.lineno}"
        assert not plaatshouders(gespreks_tekst(sleutel.value).nl), f"{pad}:{call.lineno}"


def test_every_button_of_a_melding_field_is_a_text_without_placeholders() -> None:
    from meldingen.velden import PER_NAAM

    knoppen = {k for veld in PER_NAAM.values() for k in veld.knoppen}
    assert {"ja", "nee", "advies"} <= knoppen
    for knop in knoppen:
        assert not plaatshouders(gespreks_tekst(f"knop_{knop}").nl), knop
