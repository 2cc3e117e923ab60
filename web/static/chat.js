// The full-page web chat. Every text is set with textContent (never as HTML), buttons are real <button>s (the NL
// Design System's secondary action), and the conversation's id and token live in sessionStorage, so a reload keeps
// the conversation. The event stream is read with fetch(), not EventSource, because EventSource cannot send the
// Authorization header: the token never appears in a URL or an access log.
"use strict";

(function () {
  const chat = document.getElementById("chat");
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("form");
  const invoer = document.getElementById("bericht");
  const wis = document.getElementById("wis");
  const teksten = chat.dataset;
  const OPSLAG = "leerbot-gesprek";
  let gesprek = JSON.parse(sessionStorage.getItem(OPSLAG) || "null");
  let laatsteId = "";
  let stroom = null;

  function kop(extra) {
    return Object.assign({ Authorization: "Bearer " + gesprek.token }, extra || {});
  }

  async function nieuwGesprek() {
    const antwoord = await fetch("/api/gesprekken", { method: "POST" });
    if (!antwoord.ok) throw new Error("gesprek " + antwoord.status);
    gesprek = await antwoord.json();
    sessionStorage.setItem(OPSLAG, JSON.stringify(gesprek));
    laatsteId = "";
  }

  function toon(bericht) {
    const item = document.createElement("div");
    item.className = "chat__bericht chat__bericht--" + (bericht.van === "gebruiker" ? "jij" : "assistent");
    const wie = document.createElement("span");
    wie.className = "chat__wie";
    wie.textContent = bericht.van === "gebruiker" ? teksten.jij : teksten.assistent;
    const tekst = document.createElement("p");
    tekst.className = "utrecht-paragraph";
    tekst.textContent = bericht.tekst;
    item.append(wie, tekst);
    if (bericht.knoppen && bericht.knoppen.length) {
      const knoppen = document.createElement("div");
      knoppen.className = "chat__knoppen";
      for (const knop of bericht.knoppen) {
        const element = document.createElement("button");
        element.type = "button";
        element.className = "utrecht-button utrecht-button--secondary-action";
        element.textContent = knop.titel;
        element.addEventListener("click", () => {
          knoppen.querySelectorAll("button").forEach((b) => { b.disabled = true; });
          stuur({ knop: knop.payload });
          invoer.focus();
        });
        knoppen.append(element);
      }
      item.append(knoppen);
    }
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  // Server-sent events over fetch: "id:", "event:" and "data:" lines, an empty line ends an event.
  async function luister() {
    const eigen = new AbortController();
    stroom = eigen;
    let wacht = 1000;
    while (stroom === eigen) {
      try {
        const extra = laatsteId ? { "Last-Event-ID": laatsteId } : {};
        const antwoord = await fetch("/api/gesprekken/" + gesprek.id + "/gebeurtenissen",
          { headers: kop(extra), signal: eigen.signal });
        if (antwoord.status === 401 || antwoord.status === 404) {
          await nieuwGesprek();
          log.replaceChildren();
          continue;
        }
        if (!antwoord.ok) throw new Error("stroom " + antwoord.status);
        status.textContent = "";
        wacht = 1000;
        const lezer = antwoord.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await lezer.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, "\n");
          let einde;
          while ((einde = buffer.indexOf("\n\n")) >= 0) {
            verwerk(buffer.slice(0, einde));
            buffer = buffer.slice(einde + 2);
          }
        }
      } catch (fout) {
        if (eigen.signal.aborted) return;
      }
      status.textContent = teksten.verbindingKwijt;
      await new Promise((klaar) => setTimeout(klaar, wacht));
      wacht = Math.min(wacht * 2, 15000);
    }
  }

  function verwerk(blok) {
    let id = "";
    let data = "";
    for (const regel of blok.split("\n")) {
      if (regel.startsWith("id:")) id = regel.slice(3).trim();
      else if (regel.startsWith("data:")) data += regel.slice(5).trim();
    }
    if (!data) return; // a keep-alive comment
    if (id) laatsteId = id;
    toon(JSON.parse(data));
  }

  async function stuur(inhoud) {
    try {
      const antwoord = await fetch("/api/gesprekken/" + gesprek.id + "/berichten", {
        method: "POST", headers: kop({ "Content-Type": "application/json" }), body: JSON.stringify(inhoud),
      });
      if (!antwoord.ok) throw new Error("bericht " + antwoord.status);
      return true;
    } catch (fout) {
      status.textContent = teksten.nietVerstuurd;
      return false;
    }
  }

  form.addEventListener("submit", async (gebeurtenis) => {
    gebeurtenis.preventDefault();
    const tekst = invoer.value.trim();
    if (!tekst) return;
    if (await stuur({ tekst: tekst })) invoer.value = "";
  });

  invoer.addEventListener("keydown", (gebeurtenis) => {
    if (gebeurtenis.key === "Enter" && !gebeurtenis.shiftKey) {
      gebeurtenis.preventDefault();
      form.requestSubmit();
    }
  });

  wis.addEventListener("click", async () => {
    if (stroom) stroom.abort();
    stroom = null;
    await fetch("/api/gesprekken/" + gesprek.id, { method: "DELETE", headers: kop() });
    sessionStorage.removeItem(OPSLAG);
    log.replaceChildren();
    await nieuwGesprek();
    luister();
    invoer.focus();
  });

  (async function begin() {
    if (!gesprek) await nieuwGesprek();
    luister();
  })();
})();
