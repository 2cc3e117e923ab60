"""The summary a school checks before a melding is saved, in the order of DUO's verzuimmelding, and the
short lines of /mijnmeldingen. Shown only to the linked staff member who typed the facts; never a BSN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from basis.taal import Language as Taal
from content import teksten as t
from meldingen.categorie import Categorie
from meldingen.velden import getal, weken_in
from rules.besluit import datum_tekst
from store.models import Melding

CATEGORIE_NAMEN = {"wettelijk": "wettelijk verzuim", "langdurig": "langdurig relatief verzuim",
                   "luxe": "luxe verzuim", "overig": "overig verzuim"}


def periode(van: str, tot: str, taal: Taal) -> str:
    return f"{datum_tekst(van, taal)} – {datum_tekst(tot, taal)}"


def weken(velden: Mapping[str, Any]) -> int:
    if "eerste_dag" in velden:
        return weken_in(dt.date.fromisoformat(velden["eerste_dag"]), dt.date.fromisoformat(velden["laatste_dag"]))
    return int(velden.get("_weken") or 0)


def _ja_nee(waarde: Any, taal: Taal) -> str:
    return t.tekst("knop_ja" if waarde else "knop_nee", taal)


def tekst(velden: Mapping[str, Any], categorie: Categorie | None, taal: Taal) -> str:
    """Every fact of the melding, one per line, as the school will find them in the DUO form."""
    regels = [
        (t.tekst("label_leerling_naam", taal), velden["leerling_naam"]),
        (t.tekst("label_geboortedatum", taal), datum_tekst(velden["geboortedatum"], taal)),
        (t.tekst("label_woonplaats", taal), velden["woonplaats"]),
        (t.tekst("label_leerjaar", taal), velden["leerjaar"]),
        (t.tekst("label_categorie", taal), CATEGORIE_NAMEN[categorie.soort] if categorie else "?"),
        (t.tekst("label_periode", taal), periode(velden["eerste_dag"], velden["laatste_dag"], taal)),
        (t.tekst("label_uren", taal), getal(velden["uren"])),
        (t.tekst("label_aaneengesloten", taal), _ja_nee(velden["aaneengesloten"], taal)),
        (t.tekst("label_reden", taal), velden["reden"]),
        (t.tekst("label_acties", taal), velden["acties"]),
        (t.tekst("label_verzoek", taal), t.tekst(f"knop_{velden['verzoek']}", taal)),
        (t.tekst("label_contact", taal),
         f"{velden['contact_naam']}, {velden['contact_telefoon']}, {velden['contact_email']}"),
        (t.tekst("label_ouders_geinformeerd", taal), _ja_nee(velden["ouders_geinformeerd"], taal)),
    ]
    return "\n".join(f"{naam}: {waarde}" for naam, waarde in regels)


def stand(velden: Mapping[str, Any], taal: Taal) -> str:
    """How far a draft got, without repeating personal details: for the offer to continue."""
    ingevuld = sum(1 for k, v in velden.items() if not k.startswith("_") and v is not None and k != "categorie")
    return t.tekst("melding_stand", taal, ingevuld=ingevuld)


def regel(melding: Melding, taal: Taal) -> str:
    """One line per melding: reference, initials only, kind, period and status."""
    initialen = "".join(deel[0].upper() + "." for deel in melding.leerling_naam.split()[:3])
    tijd = periode(melding.eerste_dag.isoformat(), melding.laatste_dag.isoformat(), taal)
    return f"{melding.referentie} · {initialen} · {CATEGORIE_NAMEN[melding.categorie]} · {tijd} · {melding.status}"
