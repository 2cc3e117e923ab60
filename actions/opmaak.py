"""How a decision is said: the answer first, in the one or two sentences of the reasons that decided it; then
the facts it rests on, and at most three short points that matter now (a question for a missing fact, a
deadline, what to do next). The other reasons and every article wait behind "Waarom?" and "Meer over de regels".
A block shown in the previous reply is not shown again unless the user asks for it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from content import teksten as t
from content.schema import BronSoort, RuleSet
from rules.besluit import Beslisser, Besluit, Reden, Toegestaan, datum_tekst

Taal = Literal["nl", "en"]
MAX_PUNTEN = 3
# Points are added while the first message stays within this many words (a phone screen, read at once).
MAX_WOORDEN = 100
# Short names of the laws in the source line.
_KORTE_TITEL = {"Leerplichtwet 1969": "Leerplichtwet", "Algemene wet bestuursrecht": "Awb"}
_PERSONEN = frozenset({Beslisser.SCHOOLHOOFD, Beslisser.LEERPLICHTAMBTENAAR, Beslisser.COLLEGE_BW})
_VERLOF = frozenset({"verlof_vakantie_13a", "verlof_gewichtige_omstandigheden"})
_SYMPATHIE = {"overlijden": "sympathie_overlijden", "ernstige_ziekte": "sympathie_ziekte"}
_ZORGEN = re.compile(r"wanhopig|ten einde raad|radeloos|ik weet het niet meer|weet niet meer wat ik moet|"
                     r"ik kan niet meer|desperate|at my wits' end|don't know what to do any ?more", re.I)
# Facts named in the "Ik ga uit van" line, in this order; a period is named once (van/tot_en_met together).
_FEITEN_VOLGORDE = (
    "omstandigheid", "relatie", "in_buitenland", "luxe_verzuim", "beroep_maakt_schoolvakanties_onmogelijk",
    "aantal_schooldagen", "dagen", "aantal_dagen", "periode", "in_eerste_lesweken", "al_eerder_verleend_dit_schooljaar",
    "eerder_verleend_dit_schooljaar", "achteraf", "feestdag", "datum", "gemeld_op", "totaal_uren", "over_weken",
    "aaneengesloten_weken_afwezig", "onder_drempel", "alleen_geoorloofd", "leeftijd", "geboortedatum", "geboortemaand",
    "schooltype", "startkwalificatie", "woongemeente", "uren_per_week", "eerste_keer", "besluit_verstuurd_op",
    "vertrekdatum",
)
_DATUMS = frozenset({"datum", "gemeld_op", "geboortedatum", "geboortemaand", "besluit_verstuurd_op", "vertrekdatum"})


@dataclass(frozen=True)
class Antwoord:
    """The reply text, its buttons (Rasa's format) and the blocks it showed (so the next reply can leave
    them out)."""

    tekst: str
    knoppen: list[dict[str, str]]
    blokken: tuple[str, ...]
    gevraagd: str | None = None  # the missing fact the reply asks for


def knoppen(rules: RuleSet, taal: Taal) -> list[dict[str, str]]:
    return [{"title": t.tekst("knop_waarom", taal), "payload": "/waarom"},
            {"title": t.tekst("knop_meer", taal), "payload": "/meer_regels"}]


def maak_antwoord(
    besluit: Besluit, rules: RuleSet, taal: Taal, rol: str, feiten: Mapping[str, Any], *,
    bericht: str = "", vorige: Sequence[str] = (), vragen: bool = True, herhaal_kern: bool = False,
    eigen_woorden: Mapping[str, str] | None = None,
) -> Antwoord:
    """The reply for a decision. `feiten` are only the facts the user gave (never defaults); `vorige` the blocks
    already shown for this case; `vragen` False when a form asks for the missing facts itself; `herhaal_kern`
    True when the user asked the question again (then the answer is said again, but not the points);
    `eigen_woorden` the user's own words for facts computed from them, shown instead of the number."""
    blokken: list[str] = []
    sympathie = _sympathie(rules, taal, rol, feiten, bericht)
    if sympathie in vorige:
        sympathie = ""  # said once for this case
    blokken += [sympathie] if sympathie else []
    kern = [r.tekst(rules, taal) for r in besluit.grondslag]
    nieuw_kern = [k for k in kern if k not in vorige]
    blijft = bool(kern) and not nieuw_kern and not herhaal_kern
    if blijft:
        kern_regel = t.tekst("antwoord_blijft", taal)
    else:
        kern_regel = " ".join(dict.fromkeys(kern))
        blokken += kern
        if kern and not nieuw_kern:  # the same question again: the same answer, said as a reminder
            kern_regel = f"{t.tekst('zoals_gezegd', taal)} {_klein(kern_regel)}"
    if besluit.toegestaan is Toegestaan.VOORWAARDELIJK and besluit.beslisser in _PERSONEN:
        kern_regel += " " + t.tekst("toezegging_nee", taal, rol)  # a person decides, never the assistant
    feiten_regel = feiten_zin(rules, taal, rol, feiten, eigen_woorden)
    bron_regel = bronregel(besluit.grondslag, rules, taal)
    if not nieuw_kern:  # the same answer (asked again, or unchanged): its facts and source are not repeated
        feiten_regel = "" if feiten_regel in vorige else feiten_regel
        bron_regel = "" if bron_regel in vorige else bron_regel
    blokken += [b for b in (feiten_regel, bron_regel) if b]
    vraag, gevraagd = _vraag(besluit, rules, taal, rol) if vragen else (None, None)
    eigen = _eigen_vraag(besluit, rules, taal)
    if eigen is not None:  # a reason of the content asks a question itself: that one, not the general one
        vraag, gevraagd = eigen
    punten = [p for p in _punten(besluit, rules, taal, vraag) if p not in vorige and p not in kern]
    if besluit.toegestaan is Toegestaan.NEE and besluit.onderwerp in _VERLOF:
        punten.insert(0, t.tekst("gevolg_zonder_verlof", taal, rol))
    regels = [r for r in (sympathie, kern_regel, feiten_regel) if r]
    woorden = sum(len(r.split()) for r in regels)
    getoond: list[str] = []
    for punt in punten[:MAX_PUNTEN]:
        if getoond and woorden + len(punt.split()) > MAX_WOORDEN:
            break  # the rest waits behind "Meer over de regels"
        getoond.append(punt)
        woorden += len(punt.split())
    punten = getoond
    blokken += punten
    regels += [f"• {punt}" for punt in punten]
    regels += [bron_regel] if bron_regel else []
    return Antwoord("\n".join(regels), knoppen(rules, taal), tuple(blokken),
                    gevraagd if vraag is not None and vraag in punten else None)


def _klein(zin: str) -> str:
    """The first letter in lower case after a lead-in, unless the word is an abbreviation ("DUO")."""
    return zin[0].lower() + zin[1:] if len(zin) > 1 and zin[1].islower() else zin


def _sympathie(rules: RuleSet, taal: Taal, rol: str, feiten: Mapping[str, Any], bericht: str) -> str:
    """Sympathy first after a death, a dying relative or despair (for parents; staff ask about a pupil)."""
    if rol != "ouder":
        return ""
    sleutel = _SYMPATHIE.get(str(feiten.get("omstandigheid")))
    if sleutel is None and _ZORGEN.search(bericht):
        sleutel = "sympathie_zorgen"
    return t.tekst(sleutel, taal) if sleutel else ""


def feiten_zin(rules: RuleSet, taal: Taal, rol: str, feiten: Mapping[str, Any],
               woorden: Mapping[str, str] | None = None) -> str:
    """"Ik ga uit van: …" with the facts the user gave, in words (their own where a number was computed from
    them); empty when there are none."""
    eigen = woorden or {}
    delen = [eigen[naam] if naam in eigen and naam in feiten else _feit(rules, taal, rol, naam, feiten)
             for naam in _FEITEN_VOLGORDE]
    delen = [d for d in delen if d]
    return t.tekst("uitgangspunt", taal, rol, feiten=", ".join(delen)) if delen else ""


def _feit(rules: RuleSet, taal: Taal, rol: str, naam: str, feiten: Mapping[str, Any]) -> str:
    if naam == "periode":
        van, tot = feiten.get("van"), feiten.get("tot_en_met")
        if van is None or tot is None:
            return ""
        return t.tekst("feit_periode", taal, rol, van=_datum(van, taal), tot=_datum(tot, taal))
    waarde = feiten.get(naam)
    if waarde is None:
        return ""
    sleutels = t.sleutels()
    if isinstance(waarde, bool):
        sleutel = f"feit_{naam}_{'ja' if waarde else 'nee'}"
        return t.tekst(sleutel, taal, rol) if sleutel in sleutels else ""
    if naam == "relatie":
        relatie = f"relatie_{str(waarde).strip().lower().replace(' ', '_')}"
        if relatie not in sleutels:
            return ""
        return t.tekst("feit_relatie", taal, rol, waarde=t.tekst(relatie, taal, rol))
    if f"feit_{naam}_{waarde}" in sleutels:
        return t.tekst(f"feit_{naam}_{waarde}", taal, rol)
    if f"feit_{naam}" not in sleutels:
        return ""
    if naam in _DATUMS:
        waarde = _datum(waarde, taal)
    elif isinstance(waarde, float):
        waarde = _getal(waarde)
    return t.tekst(f"feit_{naam}", taal, rol, waarde=waarde)


def _eigen_vraag(besluit: Besluit, rules: RuleSet, taal: Taal) -> tuple[str, str | None] | None:
    """A reason that ends in a question (the content asks it), with the fact it asks for when the content says."""
    for reden in besluit.redenen:
        if reden not in besluit.grondslag:
            tekst = reden.tekst(rules, taal)
            if tekst.rstrip().endswith("?"):
                return tekst, rules.uitleg(reden.uitleg, reden.peildatum).vraagt
    return None


def _punten(besluit: Besluit, rules: RuleSet, taal: Taal, vraag: str | None) -> list[str]:
    """The question for what is missing, deadlines and points that matter now, then the next step."""
    overig = [r for r in besluit.redenen if r not in besluit.grondslag]
    teksten = {id(r): r.tekst(rules, taal) for r in (*overig, *besluit.volgende_stappen)}
    punten = [vraag] if vraag else []
    punten += [teksten[id(r)] for r in overig if _is_punt(r, rules) and teksten[id(r)] != vraag]
    stappen = sorted(besluit.volgende_stappen, key=lambda r: r.uiterlijk is None)
    punten += [teksten[id(r)] for r in stappen[:1]]
    return list(dict.fromkeys(punten))


def _is_punt(reden: Reden, rules: RuleSet) -> bool:
    return rules.uitleg(reden.uitleg, reden.peildatum).punt


def _vraag(besluit: Besluit, rules: RuleSet, taal: Taal, rol: str) -> tuple[str | None, str | None]:
    """The question for the first missing fact the catalogue can ask about, and that fact's name."""
    sleutels = t.sleutels()
    for feit in besluit.ontbrekende_feiten:
        if f"vraag_{feit}" in sleutels:
            return t.tekst(f"vraag_{feit}", taal, rol), feit
    return None, None


def bronregel(grondslag: Sequence[Reden], rules: RuleSet, taal: Taal) -> str:
    """One short line: the laws and articles that decided ('Leerplichtwet art. 14'), or the policy it rests on."""
    per_wet: dict[str, list[str]] = {}
    beleid: list[str] = []
    for reden in grondslag:
        bron = reden.bron
        if bron.soort is BronSoort.WET and bron.artikel:
            titel = _KORTE_TITEL.get(bron.titel, bron.titel)
            if not bron.geverifieerd:
                titel += f" ({t.tekst('niet_nagegaan', taal)})"
            artikelen = per_wet.setdefault(titel, [])
            if bron.artikel not in artikelen:
                artikelen.append(bron.artikel)
        elif bron.titel not in beleid:
            beleid.append(bron.titel)
    if per_wet:
        citaten = "; ".join(f"{titel} art. {', '.join(artikelen)}" for titel, artikelen in per_wet.items())
        return t.tekst("bronregel", taal, citaten=citaten)
    return t.tekst("bronregel_beleid", taal, citaten="; ".join(beleid)) if beleid else ""


def _datum(waarde: Any, taal: Taal) -> str:
    tekst = waarde.isoformat() if isinstance(waarde, dt.date) else str(waarde)
    return datum_tekst(tekst, taal)


def _getal(waarde: float) -> int | str:
    return round(waarde) if waarde == round(waarde) else f"{waarde:.1f}".replace(".", ",")
