// The chat in the widget's frame (/embed/<gemeente>), beside chat.js: talks to the widget script on the host page
// (widget.js) with postMessage, and only with a parent whose origin may frame this page (data-ouders: the same
// allow-list as the page's Content-Security-Policy frame-ancestors, our own origin included). The widget says
// "open" when it opens the frame (the focus goes to the message box); Escape or the close button ask it to close
// (it hides the frame and gives the focus back to its launcher).
"use strict";

(function () {
  if (window.parent === window) return; // opened on its own: nothing to close, the close button stays hidden
  const ouders = (document.documentElement.dataset.ouders || "").split(" ").filter(Boolean);
  const sluit = document.getElementById("sluit");
  const invoer = document.getElementById("bericht");
  let ouder = null; // the host page's origin, known once it has spoken

  // An allow-list entry is an origin, or http://<loopback host>:* for any port (web/insluiten.py).
  function toegestaan(origin) {
    if (origin === window.location.origin) return true;
    return ouders.some((patroon) => {
      if (!patroon.endsWith(":*")) return patroon === origin;
      const url = new URL(origin);
      return url.protocol + "//" + url.hostname === patroon.slice(0, -2);
    });
  }

  function vraagSluiten() {
    if (ouder) window.parent.postMessage({ leerbot: 1, soort: "sluit" }, ouder);
  }

  window.addEventListener("message", (gebeurtenis) => {
    if (gebeurtenis.source !== window.parent || !toegestaan(gebeurtenis.origin)) return;
    const bericht = gebeurtenis.data;
    if (!bericht || bericht.leerbot !== 1) return;
    ouder = gebeurtenis.origin;
    if (bericht.soort === "open") invoer.focus();
  });

  sluit.hidden = false;
  sluit.addEventListener("click", vraagSluiten);
  document.addEventListener("keydown", (gebeurtenis) => {
    if (gebeurtenis.key === "Escape") {
      gebeurtenis.preventDefault();
      vraagSluiten();
    }
  });
})();
