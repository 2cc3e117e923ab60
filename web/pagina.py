"""The full-page chat at /chat: plain HTML with the NL Design System's classes and the voorbeeld theme, its texts
from the catalogue (escaped), one script and style sheets from /static. No inline script or style: the
Content-Security-Policy allows neither."""

from __future__ import annotations

from html import escape

from basis.taal import Language
from content.teksten import tekst

# The NL Design System's CSS, vendored by scripts/update-nlds.sh (EUPL-1.2, licences beside them): the Utrecht
# component library and the voorbeeld theme's tokens (a municipality's theme would be one more class and sheet).
UTRECHT_CSS = "vendor/utrecht-9.0.4/index.css"
THEMA_CSS = "vendor/voorbeeld-7.4.1/theme.css"

# The texts the script shows itself, handed over as data attributes (the script reads them with dataset).
SCRIPT_TEKSTEN = ("web_jij", "web_assistent", "web_verbinding_kwijt", "web_niet_verstuurd")


def chat_pagina(taal: Language) -> str:
    def t(sleutel: str) -> str:
        return escape(tekst(sleutel, taal))

    data = " ".join(f'data-{s.removeprefix("web_").replace("_", "-")}="{t(s)}"' for s in SCRIPT_TEKSTEN)
    return f"""<!doctype html>
<html lang="{taal}" class="utrecht-root voorbeeld-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t("web_titel")}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/{UTRECHT_CSS}">
<link rel="stylesheet" href="/static/{THEMA_CSS}">
<link rel="stylesheet" href="/static/chat.css">
<script src="/static/chat.js" defer></script>
</head>
<body class="utrecht-document utrecht-document--surface">
<main id="chat" class="chat" {data}>
  <h1 class="utrecht-heading-1">{t("web_titel")}</h1>
  <div class="utrecht-alert utrecht-alert--info" role="note">
    <div class="utrecht-alert__content">
      <p class="utrecht-paragraph utrecht-alert__message">{t("web_privacy")}</p>
    </div>
  </div>
  <div id="log" class="chat__log" role="log" aria-live="polite" aria-label="{t("web_gesprek")}" tabindex="0"></div>
  <p id="status" class="utrecht-paragraph chat__status" role="status"></p>
  <form id="form" class="utrecht-form chat__form">
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="bericht">{t("web_bericht")}</label>
      </div>
      <div class="utrecht-form-field__input">
        <textarea id="bericht" name="bericht" class="utrecht-textarea" rows="3" maxlength="2000" required></textarea>
      </div>
    </div>
    <button type="submit" class="utrecht-button utrecht-button--primary-action">{t("web_verstuur")}</button>
  </form>
  <button type="button" id="wis" class="utrecht-button utrecht-button--subtle chat__wis">{t("web_wis_gesprek")}</button>
</main>
</body>
</html>
"""
