// The web chat, on the full page (/chat) and in the widget's frame (/embed). Every text is set with textContent (never
// as HTML), buttons are real <button>s (the NL Design System's secondary action), and the conversation's id and
// token live in localStorage (in the frame: the frame's own, partitioned by the browser per host site, never the
// host's cookies or storage), so a reload, another page of the site or a tab opened the next day finds the
// conversation again: a consulent may answer after hours ("hier in de chat"). "Wis dit gesprek" forgets it, here and
// on the server. New messages go into the role="log" live region and are announced from there; the focus stays where
// it is. The event stream is read with fetch(), not EventSource, because EventSource cannot send the Authorization
// header: the token never appears in a URL or an access log.
"use strict";

(function () {
  const chat = document.getElementById("chat");
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("form");
  const invoer = document.getElementById("bericht");
  const wis = document.getElementById("wis");
  const nieuw = document.getElementById("nieuw");
  const typt = document.getElementById("typt");
  const teksten = chat.dataset;
  const OPSLAG = "leerbot-gesprek";
  // localStorage, or none where the browser refuses storage to a frame of another site (third-party storage
  // blocked, unpartitioned): then the conversation lasts while the page is open, not across a reload.
  const opslag = (function () {
    try {
      return window.localStorage;
    } catch (fout) {
      return null;
    }
  })();
  let gesprek = opslag ? JSON.parse(opslag.getItem(OPSLAG) || "null") : null;
  let laatsteId = "";
  let stroom = null;
  let typtTot = null;
  const TYPT_HOOGSTENS = 30000; // no answer after this long: stop saying one is coming (the status says why, if known)

  // "The assistant is writing a reply" from sending until the next message of the assistant or the time-out: a
  // visible text in a role="status" region (announced politely); its dots move only without prefers-reduced-motion.
  function typtAan() {
    clearTimeout(typtTot);
    typt.textContent = teksten.typt;
    typt.classList.add("chat__typt--aan");
    typtTot = setTimeout(typtUit, TYPT_HOOGSTENS);
  }

  function typtUit() {
    clearTimeout(typtTot);
    typt.textContent = "";
    typt.classList.remove("chat__typt--aan");
  }

  function kop(extra) {
    return Object.assign({ Authorization: "Bearer " + gesprek.token }, extra || {});
  }

  async function nieuwGesprek() {
    const antwoord = await fetch("/api/gesprekken", { method: "POST" });
    if (!antwoord.ok) throw new Error("gesprek " + antwoord.status);
    gesprek = await antwoord.json();
    if (opslag) opslag.setItem(OPSLAG, JSON.stringify(gesprek));
    laatsteId = "";
  }

  function toon(bericht) {
    const item = document.createElement("div");
    // Who speaks: the user, a consulent (relayed words, "van": "consulent") or the assistant.
    const rol = bericht.van === "gebruiker" ? "jij" : bericht.van === "consulent" ? "consulent" : "assistent";
    item.className = "chat__bericht chat__bericht--" + rol;
    const wie = document.createElement("span");
    wie.className = "chat__wie";
    wie.textContent = teksten[rol];
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
    if (bericht.van !== "gebruiker") typtUit();
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
        if (status.textContent === teksten.verbindingKwijt) status.textContent = "";
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
    typtAan();
    try {
      const antwoord = await fetch("/api/gesprekken/" + gesprek.id + "/berichten", {
        method: "POST", headers: kop({ "Content-Type": "application/json" }), body: JSON.stringify(inhoud),
      });
      if (!antwoord.ok) throw new Error("bericht " + antwoord.status);
      return true;
    } catch (fout) {
      typtUit();
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

  // "New conversation" leaves the old one to the retention run; "Delete this conversation" forgets it at once, as
  // /vergeetmij does. Both start afresh, say so in the status region and keep the focus in the form.
  async function opnieuw(melding) {
    if (stroom) stroom.abort();
    stroom = null;
    typtUit();
    if (opslag) opslag.removeItem(OPSLAG);
    log.replaceChildren();
    await nieuwGesprek();
    luister();
    status.textContent = melding;
    invoer.focus();
  }

  nieuw.addEventListener("click", () => opnieuw(teksten.nieuwBegonnen));

  wis.addEventListener("click", async () => {
    if (stroom) stroom.abort();
    stroom = null;
    await fetch("/api/gesprekken/" + gesprek.id, { method: "DELETE", headers: kop() });
    await opnieuw(teksten.gewist);
  });

  (async function begin() {
    if (!gesprek) await nieuwGesprek();
    luister();
  })();
})();
