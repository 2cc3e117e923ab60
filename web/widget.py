"""The widget script for a municipality's page, pinned by version, and the demo page that shows it.

The template web/widget.js gets its version and its texts (from the catalogue) filled in once, by
`python -m web.widget`, which writes web/static/widget/widget-<VERSIE>.js. That file is committed and served
unchanged at /widget-<VERSIE>.js for a year as immutable, so a municipality can pin it with Subresource Integrity
(`integrity="sha384-…"`): our server cannot change the script running on its page without its consent. Changing
the template or one of its texts means a new VERSIE (tests/unit/test_widget.py fails until the file is written
again); the files of earlier versions stay and keep being served, so a page pinned to one keeps working.
/widget.js is the newest version, revalidated on every load, for pages that want updates without editing."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from pathlib import Path

from basis.taal import Language
from content.teksten import tekst
from web.pagina import BASIS_STIJLEN

VERSIE = "1.0.0"
SJABLOON = Path(__file__).parent / "widget.js"
UITGEBRACHT = Path(__file__).parent / "static" / "widget"
VERSIE_PATROON = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")

# The catalogue's texts the widget shows on the host page: the launcher's name and the frame's title.
WIDGET_TEKSTEN = {"knop": "web_titel", "venster": "web_widget_venster"}


def script_bestand(versie: str = VERSIE) -> Path | None:
    """The released script of `versie`, if there is one."""
    if not VERSIE_PATROON.fullmatch(versie):
        return None
    pad = UITGEBRACHT / f"widget-{versie}.js"
    return pad if pad.is_file() else None


def render() -> bytes:
    """The template with VERSIE and the texts in both languages (ASCII-escaped JSON: the host page's encoding
    cannot garble them)."""
    teksten = {taal: {naam: tekst(sleutel, taal) for naam, sleutel in WIDGET_TEKSTEN.items()}
               for taal in ("nl", "en")}
    bron = SJABLOON.read_text(encoding="utf-8")
    for plek, waarde in (('/*VERSIE*/""', json.dumps(VERSIE)), ("/*TEKSTEN*/{}", json.dumps(teksten))):
        if bron.count(plek) != 1:
            raise ValueError(f"{SJABLOON.name} must hold {plek} once")
        bron = bron.replace(plek, waarde)
    return bron.encode("ascii")


def integriteit(inhoud: bytes) -> str:
    """The Subresource Integrity value of a script."""
    return "sha384-" + base64.b64encode(hashlib.sha384(inhoud).digest()).decode()


def voorbeeld_pagina(taal: Language, gemeente: str = "voorbeeld") -> str:
    """/voorbeeld: a municipality's page as a newcomer sees it after `make run`, with the widget added by the one
    tag it also shows (the same as in docs/web.md, with this server's relative URL)."""
    def t(sleutel: str) -> str:
        return escape(tekst(sleutel, taal))

    pad = script_bestand()
    if pad is None:
        raise FileNotFoundError(f"no web/static/widget/widget-{VERSIE}.js: run python -m web.widget")
    regel = (f'<script src="/widget-{VERSIE}.js" integrity="{integriteit(pad.read_bytes())}" '
             f'crossorigin="anonymous" data-gemeente="{escape(gemeente)}" defer></script>')
    return f"""<!doctype html>
<html lang="{taal}" class="utrecht-root voorbeeld-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t("web_voorbeeld_titel")}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{BASIS_STIJLEN}
<link rel="stylesheet" href="/static/chat.css">
{regel}
</head>
<body class="utrecht-document utrecht-document--surface">
<main class="chat chat--voorbeeld">
  <h1 class="utrecht-heading-1">{t("web_voorbeeld_titel")}</h1>
  <p class="utrecht-paragraph">{t("web_voorbeeld_uitleg")}</p>
  <h2 class="utrecht-heading-2">{t("web_voorbeeld_code")}</h2>
  <pre class="chat__code"><code>{escape(regel)}</code></pre>
</main>
</body>
</html>
"""


def main() -> None:
    """Write the released script of VERSIE (refuses to change one that exists: bump VERSIE instead)."""
    inhoud = render()
    pad = UITGEBRACHT / f"widget-{VERSIE}.js"
    if pad.is_file() and pad.read_bytes() != inhoud:
        raise SystemExit(f"{pad} exists with other contents: a released version never changes, raise VERSIE")
    UITGEBRACHT.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(inhoud)
    print(f"{pad}: {integriteit(inhoud)}")


if __name__ == "__main__":
    main()
