// The widget for a municipality's page. One tag,
//   <script src="https://<our origin>/widget-<version>.js" data-gemeente="<name>" defer></script>
// inserts a launcher button and, when it is opened, a frame with the chat from our origin (/embed/<name>), whose
// Content-Security-Policy frame-ancestors says which sites may show it. Small and dependency-free. No HTML strings
// (every text is set with textContent) and no style sheet or style attribute: every style is set through the CSSOM
// (element.style), which a host page's Content-Security-Policy allows without 'unsafe-inline'; the host only needs
// our origin in script-src and frame-src. It talks to the frame with postMessage, only to and from our origin.
// This is a template: web/widget.py fills in VERSIE and TEKSTEN (from the catalogue) and writes the result to
// web/static/widget/widget-<VERSIE>.js, which is served unchanged for ever at /widget-<VERSIE>.js.
(function () {
  "use strict";
  const VERSIE = "1.0.0";
  const TEKSTEN = {"nl": {"knop": "Vraag het de leerplichtassistent", "venster": "Chat met de leerplichtassistent"}, "en": {"knop": "Ask the school attendance assistant", "venster": "Chat with the school attendance assistant"}};
  const script = document.currentScript;
  if (!script || document.getElementById("leerbot-widget-knop")) return; // twice on one page: once
  const ONS = new URL(script.src).origin;
  const gemeente = script.dataset.gemeente || "";
  if (!/^[a-z0-9-]+$/.test(gemeente)) {
    console.error("leerbot widget " + VERSIE + ": data-gemeente is missing or not a name like \"alkmaar\"");
    return;
  }
  const taal = (script.dataset.taal || document.documentElement.lang || "nl").toLowerCase().startsWith("en")
    ? "en" : "nl";
  const teksten = TEKSTEN[taal];

  // The host's NL Design System tokens for a primary button when it has them, else the voorbeeld theme's colours
  // (their contrast is checked by tests/unit/test_thema.py, which reads these lines).
  const KLEUR = {
    achtergrond: "var(--utrecht-button-primary-action-background-color, #5115ef)",
    tekst: "var(--utrecht-button-primary-action-color, #ffffff)",
    focusAchtergrond: "var(--utrecht-button-primary-action-focus-background-color, #ffdd00)",
    focusTekst: "var(--utrecht-button-primary-action-focus-color, #0b0c0c)",
    focusRand: "var(--utrecht-focus-outline-color, #0b0c0c)",
    paneelRand: "var(--utrecht-document-color, #3d5374)",
    paneel: "var(--utrecht-document-background-color, #ffffff)",
  };
  const SMAL = window.matchMedia("(max-width: 30em)");
  let knop, paneel, frame = null, geladen = false, open = false;

  function stijl(element, eigenschappen) {
    for (const naam of Object.keys(eigenschappen)) element.style.setProperty(naam, eigenschappen[naam]);
  }

  // The focus ring of the NL Design System (background, colour, dashed outline) when the launcher has keyboard
  // focus; a host's outline or the browser's own otherwise.
  function focusStijl() {
    const zichtbaar = knop.matches(":focus-visible");
    stijl(knop, {
      "background-color": zichtbaar ? KLEUR.focusAchtergrond : KLEUR.achtergrond,
      color: zichtbaar ? KLEUR.focusTekst : KLEUR.tekst,
      "outline-style": zichtbaar ? "dashed" : "",
      "outline-width": zichtbaar ? "2px" : "",
      "outline-color": zichtbaar ? KLEUR.focusRand : "",
      "outline-offset": zichtbaar ? "2px" : "",
    });
  }

  // Above the launcher at the bottom right; on a narrow screen (or at 400 % zoom) the whole width above it.
  function plaats() {
    const onder = window.innerHeight - knop.getBoundingClientRect().top + 8;
    const gemeen = { "inset-block-end": onder + "px" };
    stijl(paneel, Object.assign(gemeen, SMAL.matches
      ? { "inset-block-start": "0", "inset-inline-start": "0", "inset-inline-end": "0", "inline-size": "auto",
        "block-size": "auto" }
      : { "inset-block-start": "auto", "inset-inline-start": "auto", "inset-inline-end": "1rem",
        "inline-size": "min(26rem, calc(100vw - 2rem))", "block-size": "min(40rem, calc(100vh - " + (onder + 16)
          + "px))" }));
  }

  function geefFocus() {
    frame.focus();
    frame.contentWindow.postMessage({ leerbot: 1, soort: "open" }, ONS);
  }

  function maakFrame() {
    frame = document.createElement("iframe");
    frame.title = teksten.venster;
    frame.src = ONS + "/embed/" + gemeente + "?taal=" + taal;
    stijl(frame, { display: "block", border: "0", "inline-size": "100%", "block-size": "100%" });
    frame.addEventListener("load", () => {
      geladen = true;
      if (open) geefFocus();
    });
    paneel.append(frame);
  }

  function openen() {
    open = true;
    knop.setAttribute("aria-expanded", "true");
    paneel.hidden = false;
    stijl(paneel, { display: "block" });
    plaats();
    if (!frame) maakFrame();
    else if (geladen) geefFocus();
  }

  function sluiten() {
    open = false;
    knop.setAttribute("aria-expanded", "false");
    paneel.hidden = true;
    stijl(paneel, { display: "none" });
    knop.focus();
  }

  function begin() {
    knop = document.createElement("button");
    knop.type = "button";
    knop.id = "leerbot-widget-knop";
    knop.lang = taal;
    knop.textContent = teksten.knop;
    knop.setAttribute("aria-expanded", "false");
    knop.setAttribute("aria-controls", "leerbot-widget-paneel");
    stijl(knop, {
      position: "fixed", "inset-block-end": "1rem", "inset-inline-end": "1rem", "z-index": "2147483000",
      "box-sizing": "border-box", "max-inline-size": "calc(100vw - 2rem)", "min-block-size": "48px", margin: "0",
      padding: "0.75rem 1.25rem", border: "2px solid transparent", "border-radius": "4px",
      "font-family": "inherit", "font-size": "1rem", "font-weight": "700", "line-height": "1.5",
      "text-align": "start", cursor: "pointer", "box-shadow": "0 2px 6px rgba(0, 0, 0, 0.3)",
    });
    focusStijl();
    paneel = document.createElement("div");
    paneel.id = "leerbot-widget-paneel";
    paneel.lang = taal;
    paneel.hidden = true;
    stijl(paneel, {
      display: "none", position: "fixed", "z-index": "2147483000", "box-sizing": "border-box",
      "background-color": KLEUR.paneel, border: "1px solid " + KLEUR.paneelRand,
      "box-shadow": "0 8px 16px rgba(0, 0, 0, 0.3)",
    });
    knop.addEventListener("click", () => (open ? sluiten() : openen()));
    knop.addEventListener("focus", focusStijl);
    knop.addEventListener("blur", focusStijl);
    // Escape with the focus on the host page's side (the launcher); inside the frame the frame asks to close.
    knop.addEventListener("keydown", (gebeurtenis) => {
      if (gebeurtenis.key === "Escape" && open) {
        gebeurtenis.preventDefault();
        sluiten();
      }
    });
    window.addEventListener("message", (gebeurtenis) => {
      if (gebeurtenis.origin !== ONS || !frame || gebeurtenis.source !== frame.contentWindow) return;
      const bericht = gebeurtenis.data;
      if (bericht && bericht.leerbot === 1 && bericht.soort === "sluit" && open) sluiten();
    });
    window.addEventListener("resize", () => { if (open) plaats(); });
    document.body.append(knop, paneel);
  }

  if (document.body) begin();
  else document.addEventListener("DOMContentLoaded", begin);
})();
