"""The chat's HTML: the full page at /chat and the same chat inside the widget's frame at /embed/{gemeente}, plain
HTML with the NL Design System's classes, the voorbeeld theme and a municipality's theme over it, its texts from
the catalogue (escaped), scripts and style sheets from /static. No inline script or style: the
Content-Security-Policy allows neither."""

from __future__ import annotations

from html import escape

from basis.taal import Language
from content.teksten import tekst
from web.insluiten import InsluitGemeente

# The NL Design System's CSS and the font its voorbeeld theme names, vendored by scripts/update-nlds.sh (EUPL-1.2
# and OFL-1.1, licences beside them): the Utrecht component library and the voorbeeld theme's tokens; a
# municipality's theme is one more class and sheet (themas/).
UTRECHT_CSS = "vendor/utrecht-9.0.4/index.css"
THEMA_CSS = "vendor/voorbeeld-7.4.1/theme.css"
FONT_CSS = "vendor/noto-sans-5.3.0/noto-sans.css"

# The style sheets under every page we serve, in this order: the font, the components, the voorbeeld theme and our
# additions to it (a municipality's theme and chat.css come after them).
BASIS_STIJLEN = "\n".join(f'<link rel="stylesheet" href="/static/{blad}">'
                          for blad in (FONT_CSS, UTRECHT_CSS, THEMA_CSS, "themas/voorbeeld.css"))

# The texts the script shows itself, handed over as data attributes (the script reads them with dataset).
SCRIPT_TEKSTEN = ("web_jij", "web_assistent", "web_consulent", "web_verbinding_kwijt", "web_niet_verstuurd",
                  "web_typt", "web_nieuw_begonnen", "web_gewist")


def chat_pagina(taal: Language, gemeente: InsluitGemeente | None = None) -> str:
    """The full page without `gemeente`; with it, the page for the widget's frame: that municipality's theme, a
    close button, and embed.js, which talks to the widget on the host page (only to the origins it may be framed
    by, data-ouders)."""

    def t(sleutel: str) -> str:
        return escape(tekst(sleutel, taal))

    data = " ".join(f'data-{s.removeprefix("web_").replace("_", "-")}="{t(s)}"' for s in SCRIPT_TEKSTEN)
    klassen = "utrecht-root voorbeeld-theme"
    attributen = thema = scripts = kop = ""
    if gemeente is not None:
        if gemeente.thema:
            klassen += f" {gemeente.thema}-theme"
            thema = f'\n<link rel="stylesheet" href="/static/themas/{gemeente.thema}.css">'
        attributen = f' data-ouders="{escape(" ".join(gemeente.oorsprongen))}"'
        scripts = '\n<script src="/static/embed.js" defer></script>'
        kop = (f'\n    <button type="button" id="sluit" class="utrecht-button utrecht-button--subtle chat__sluit" '
               f'hidden>{t("web_sluit")}</button>')
    return f"""<!doctype html>
<html lang="{taal}" class="{klassen}"{attributen}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t("web_titel")}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{BASIS_STIJLEN}{thema}
<link rel="stylesheet" href="/static/chat.css">
<script src="/static/chat.js" defer></script>{scripts}
</head>
<body class="utrecht-document utrecht-document--surface">
<main id="chat" class="chat{" chat--ingebed" if gemeente else ""}" {data}>
  <div class="chat__kop">
    <h1 class="utrecht-heading-1">{t("web_titel")}</h1>{kop}
  </div>
  <div class="utrecht-alert utrecht-alert--info" role="note">
    <div class="utrecht-alert__content">
      <p class="utrecht-paragraph utrecht-alert__message">{t("web_privacy")}</p>
    </div>
  </div>
  <div id="log" class="chat__log" role="log" aria-live="polite" aria-label="{t("web_gesprek")}" tabindex="0"></div>
  <p id="typt" class="utrecht-paragraph chat__typt" role="status"></p>
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
  <div class="chat__acties">
    <button type="button" id="nieuw" class="utrecht-button utrecht-button--subtle">{t("web_nieuw_gesprek")}</button>
    <button type="button" id="wis" class="utrecht-button utrecht-button--subtle">{t("web_wis_gesprek")}</button>
  </div>
</main>
</body>
</html>
"""
