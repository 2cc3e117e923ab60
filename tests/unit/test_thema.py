"""The contrast of every theme, computed from the CSS files themselves: the voorbeeld theme's tokens
(web/static/vendor), our additions to it (themas/voorbeeld.css) and each municipality's theme of the allow-list
(themas/<thema>.css) over them, resolved as the browser resolves var(); then the WCAG 2.1 ratio of each pair the
chat shows: text 4.5:1 (1.4.3), borders, the focus ring and a button against the page 3:1 (1.4.11), which axe does
not check. And the launcher's own colours in widget.js, for a host page without NL Design System tokens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from web.app import STATIC
from web.insluiten import laad_insluiten
from web.pagina import THEMA_CSS
from web.widget import SJABLOON

PAGINA = "--utrecht-root-background-color"
TEKST, NIET_TEKST = 4.5, 3.0
# (what, foreground token, background token, minimum). A transparent background is the page's.
PAREN = [
    ("text", "--utrecht-root-color", PAGINA, TEKST),
    ("heading", "--utrecht-heading-1-color", PAGINA, TEKST),
    ("paragraph", "--utrecht-paragraph-color", PAGINA, TEKST),
    ("label", "--utrecht-form-label-color", PAGINA, TEKST),
    ("textarea text", "--utrecht-textarea-color", "--utrecht-textarea-background-color", TEKST),
    ("info alert text", "--utrecht-alert-info-color", "--utrecht-alert-info-background-color", TEKST),
    ("paragraph in the info alert", "--utrecht-paragraph-color", "--utrecht-alert-info-background-color", TEKST),
    *[(f"{knop} button{staat.replace('-', ' ')}", f"--utrecht-button-{knop}{staat}-color",
       f"--utrecht-button-{knop}{staat}-background-color", TEKST)
      for knop in ("primary-action", "secondary-action", "subtle") for staat in ("", "-hover", "-active", "-focus")],
    ("textarea border", "--utrecht-textarea-border-color", PAGINA, NIET_TEKST),
    ("textarea border on its background", "--utrecht-textarea-border-color", "--utrecht-textarea-background-color",
     NIET_TEKST),
    ("textarea focus border", "--utrecht-textarea-focus-border-color", PAGINA, NIET_TEKST),
    ("secondary button border", "--utrecht-button-secondary-action-border-color", PAGINA, NIET_TEKST),
    ("primary button against the page", "--utrecht-button-primary-action-background-color", PAGINA, NIET_TEKST),
    ("focus ring", "--utrecht-focus-outline-color", PAGINA, NIET_TEKST),
    ("focus ring on a focused button", "--utrecht-focus-outline-color", "--utrecht-button-focus-background-color",
     NIET_TEKST),
    ("info alert border", "--utrecht-alert-info-border-color", PAGINA, NIET_TEKST),
]


def _zonder_commentaar(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def tokens(*bladen: tuple[str, str]) -> dict[str, str]:
    """The custom properties that (css, class) pairs set on their class, later sheets over earlier ones."""
    uit: dict[str, str] = {}
    for css, klasse in bladen:
        blokken = re.findall(r"\." + re.escape(klasse) + r"\s*\{([^}]*)\}", _zonder_commentaar(css))
        assert blokken, f"no .{klasse} in the sheet"
        for blok in blokken:
            uit.update((naam, waarde.strip()) for naam, waarde in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", blok))
    return uit


def oplossen(alle: dict[str, str], waarde: str, diepte: int = 0) -> str:
    """var(--x, fallback) as the browser resolves it, to the end of the chain."""
    assert diepte < 50, waarde
    gevonden = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", waarde.strip())
    if gevonden is None:
        return waarde.strip()
    if gevonden[1] in alle:
        return oplossen(alle, alle[gevonden[1]], diepte + 1)
    assert gevonden[2] is not None, f"{gevonden[1]} is not set and has no fallback"
    return oplossen(alle, gevonden[2], diepte + 1)


def luminantie(kleur: str) -> float:
    gevonden = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", kleur)
    assert gevonden, f"not a colour this test reads: {kleur!r}"
    hex_ = gevonden[1] if len(gevonden[1]) == 6 else "".join(c * 2 for c in gevonden[1])

    def kanaal(deel: str) -> float:
        c = int(deel, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(hex_[i:i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(een: str, ander: str) -> float:
    licht, donker = sorted((luminantie(een), luminantie(ander)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def te_weinig(alle: dict[str, str]) -> list[str]:
    """Every pair of PAREN under its minimum, with its colours and ratio."""
    fouten = []
    pagina = oplossen(alle, alle[PAGINA])
    for wat, voor, achter, minimum in PAREN:
        voorgrond, achtergrond = oplossen(alle, alle[voor]), oplossen(alle, alle[achter])
        if achtergrond == "transparent" or re.fullmatch(r"rgba\([^)]*,\s*0\)", achtergrond):
            achtergrond = pagina  # --basis-color-transparent: the page shows through
        verhouding = contrast(voorgrond, achtergrond)
        if verhouding < minimum:
            fouten.append(f"{wat}: {voorgrond} on {achtergrond} is {verhouding:.2f}:1, under {minimum}:1")
    return fouten


def _thema(naam: str | None) -> dict[str, str]:
    bladen = [((STATIC / THEMA_CSS).read_text(encoding="utf-8"), "voorbeeld-theme"),
              ((STATIC / "themas" / "voorbeeld.css").read_text(encoding="utf-8"), "voorbeeld-theme")]
    if naam is not None:
        bladen.append(((STATIC / "themas" / f"{naam}.css").read_text(encoding="utf-8"), f"{naam}-theme"))
    return tokens(*bladen)


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#fff", "#fff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey for text on white
    assert contrast("#5115ef", "#ffffff") == pytest.approx(7.77, abs=0.01)  # research §5, measured in Chromium


@pytest.mark.parametrize("thema", [None, *sorted({g.thema for g in laad_insluiten().gemeenten.values() if g.thema})])
def test_every_theme_has_enough_contrast(thema: str | None) -> None:
    alle = _thema(thema)
    assert len(alle) > 2000
    assert te_weinig(alle) == []


def test_a_municipality_theme_changes_the_colours_it_sets() -> None:
    voorbeeld, zeestad = _thema(None), _thema("zeestad")
    knop = "--utrecht-button-primary-action-background-color"
    assert oplossen(voorbeeld, voorbeeld[knop]) == "#5115ef"
    assert oplossen(zeestad, zeestad[knop]) == "#004e55"
    assert oplossen(zeestad, zeestad["--utrecht-focus-outline-color"]) == "#0b0c0c"  # carried over by voorbeeld.css


def test_a_theme_with_too_little_contrast_is_caught(tmp_path: Path) -> None:
    slecht = ".slecht-theme { --basis-color-default-color-document: #999; --basis-focus-outline-color: #dddddd; }"
    alle = {**_thema(None), **tokens((slecht, "slecht-theme"))}
    fouten = te_weinig(alle)
    assert any(f.startswith("text: #999 on #ffffff is 2.85:1") for f in fouten), fouten
    assert any(f.startswith("focus ring: #dddddd") for f in fouten), fouten


def test_the_launcher_colours_for_a_host_without_tokens() -> None:
    """widget.js uses the host's NL Design System tokens when it has them, else these fallbacks (on a white
    page)."""
    kleur = dict(re.findall(r'(\w+): "var\(--[\w-]+, (#[0-9a-f]{6})\)"', SJABLOON.read_text(encoding="utf-8")))
    assert set(kleur) >= {"achtergrond", "tekst", "focusAchtergrond", "focusTekst", "focusRand"}
    assert contrast(kleur["tekst"], kleur["achtergrond"]) >= TEKST
    assert contrast(kleur["focusTekst"], kleur["focusAchtergrond"]) >= TEKST
    assert contrast(kleur["achtergrond"], "#ffffff") >= NIET_TEKST
    assert contrast(kleur["focusRand"], "#ffffff") >= NIET_TEKST
    assert contrast(kleur["focusRand"], kleur["focusAchtergrond"]) >= NIET_TEKST
    assert contrast(kleur["paneelRand"], kleur["paneel"]) >= NIET_TEKST
