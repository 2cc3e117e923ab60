"""The full-page chat at /chat: plain HTML, its texts from the catalogue (escaped), one script and one style sheet
from /static. No inline script or style: the Content-Security-Policy allows neither."""

from __future__ import annotations

from html import escape

from basis.taal import Language
from content.teksten import tekst

# The texts the script shows itself, handed over as data attributes (the script reads them with dataset).
SCRIPT_TEKSTEN = ("web_jij", "web_assistent", "web_verbinding_kwijt", "web_niet_verstuurd")


def chat_pagina(taal: Language) -> str:
    def t(sleutel: str) -> str:
        return escape(tekst(sleutel, taal))

    data = " ".join(f'data-{s.removeprefix("web_").replace("_", "-")}="{t(s)}"' for s in SCRIPT_TEKSTEN)
    return f"""<!doctype html>
<html lang="{taal}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t("web_titel")}</title>
<link rel="stylesheet" href="/static/chat.css">
<script src="/static/chat.js" defer></script>
</head>
<body>
<main id="chat" class="chat" {data}>
  <h1>{t("web_titel")}</h1>
  <p class="chat__privacy">{t("web_privacy")}</p>
  <div id="log" class="chat__log" role="log" aria-live="polite" aria-label="{t("web_gesprek")}" tabindex="0"></div>
  <p id="status" class="chat__status" role="status"></p>
  <form id="form" class="chat__form">
    <label for="bericht">{t("web_bericht")}</label>
    <textarea id="bericht" name="bericht" rows="3" maxlength="2000" required></textarea>
    <button type="submit">{t("web_verstuur")}</button>
  </form>
  <button type="button" id="wis" class="chat__wis">{t("web_wis_gesprek")}</button>
</main>
</body>
</html>
"""
