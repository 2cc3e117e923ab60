"""The fields of a verzuimmelding: in which order they are asked, and how an answer is read and checked.

Each reader takes the answer text and what is known so far, and gives either the value(s) to keep or an
error key (with values for its text). Readers never guess: an answer they cannot read is asked again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from content.schema import RuleSet
from invoer import antwoorden, contact
from invoer.datums import TOT
from invoer.datums import lees_periode as periode_in_antwoord
from invoer.leeftijd import geboortedatum_als_antwoord
from invoer.leeftijd import leeftijd_op as leeftijd_op  # the conversation and the category take the age here
from invoer.namen import naam_sleutel
from invoer.uren import max_uren, plausibel, uren_in_periode, weekdagen
from invoer.uren import per as per_eenheid
from invoer.uren import uren as uren_in_tekst
from invoer.uren import weken as weken_in_tekst
from invoer.uren import weken_in as weken_in  # the summary and the category count weeks through velden
from rules.errors import OngeldigeFeiten
from rules.regio import vind_gemeente

MIN_LEEFTIJD, MAX_LEEFTIJD = 4, 27  # leerplicht from 5 (4-year-olds go to school), RMC under 27 (WEB 9.2.1)
MAX_PERIODE_DAGEN = 366


@dataclass(frozen=True)
class Gelezen:
    """What an answer gave: values to store, or an error key with the values its text needs."""

    waarden: dict[str, Any] = field(default_factory=dict)
    fout: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def _fout(sleutel: str, **details: Any) -> Gelezen:
    return Gelezen(fout=sleutel, details=details)


def lees_naam(tekst: str, **_: Any) -> Gelezen:
    naam = " ".join(tekst.split()).strip(" .,")
    if re.search(r"\d", naam) or len(re.findall(r"[^\W\d_]", naam)) < 2 or len(naam) > 100:
        return _fout("naam_ongeldig")
    return Gelezen({"_": naam})


def lees_geboortedatum(tekst: str, peildatum: dt.date, **_: Any) -> Gelezen:
    if not re.search(r"\d{4}", tekst):
        return _fout("geboortedatum_onleesbaar")
    geboren = geboortedatum_als_antwoord(tekst, peildatum)
    if geboren is None:
        return _fout("geboortedatum_onleesbaar")
    if geboren > peildatum:
        return _fout("datum_toekomst")
    leeftijd = leeftijd_op(geboren, peildatum)
    if not MIN_LEEFTIJD <= leeftijd <= MAX_LEEFTIJD:
        return _fout("leeftijd_onwaarschijnlijk", leeftijd=leeftijd)
    return Gelezen({"_": geboren.isoformat()})


def lees_woonplaats(tekst: str, rules: RuleSet, **_: Any) -> Gelezen:
    naam = re.sub(r"^(?:in|te|gemeente|woont in|woonplaats)\s+", "", tekst.strip(" .,"), flags=re.I)
    try:
        gevonden = vind_gemeente(rules, naam)
    except OngeldigeFeiten:  # not a municipality at all: suggest close names instead
        bekend = {naam_sleutel(g): g for g in rules.gemeenten}
        suggesties = [bekend[s] for s in difflib.get_close_matches(naam_sleutel(naam), list(bekend), n=3, cutoff=0.7)]
        return _fout("gemeente_onbekend", suggesties=", ".join(suggesties))
    if gevonden is not None:
        return Gelezen({"_": gevonden[1].naam})
    officieel = {naam_sleutel(g): g for g in rules.gemeenten}.get(naam_sleutel(naam), naam.strip())
    return Gelezen({"_": officieel})


_KLAS = (
    ("po", re.compile(r"\bgroep\s*([1-8])\b", re.I), "groep {0}"),
    ("mbo", re.compile(r"\bmbo[- ]?(?:niveau\s*)?([1-4])?\b", re.I), "mbo {0}"),
    ("so", re.compile(r"\bv?so\b|speciaal onderwijs", re.I), "(v)so"),
    ("vo", re.compile(r"\b([1-6])\s*(?:e\s*)?(?:klas\s*)?(vmbo[- ]?\w*|havo|vwo|mavo|atheneum|gymnasium|tl|kader|"
                      r"basis|pro)\b", re.I), "{0} {1}"),
    ("vo", re.compile(r"\b(?:klas|leerjaar)\s*([1-6])\b", re.I), "klas {0}"),
    ("vo", re.compile(r"\bbrugklas\b", re.I), "brugklas"),
)


def lees_klas(tekst: str, **_: Any) -> Gelezen:
    """'groep 7' → po; '3 havo', '2 vmbo-k', 'klas 1', 'brugklas' → vo; 'mbo 2' → mbo; 'vso' → so."""
    for schooltype, patroon, vorm in _KLAS:
        match = patroon.search(tekst)
        if match:
            delen = [g for g in match.groups() if g]
            leerjaar = vorm.format(*delen) if len(delen) >= vorm.count("{") else schooltype
            return Gelezen({"schooltype": schooltype, "leerjaar": leerjaar.strip()})
    return _fout("klas_onbekend")


def lees_periode(tekst: str, peildatum: dt.date, **_: Any) -> Gelezen:
    """'van 2 t/m 20 november', '3-11 tot 14-11', 'sinds 1 oktober' (until today): the first and last day, in the
    past (a melding is about absence that happened)."""
    periode = periode_in_antwoord(tekst, peildatum, "verleden")
    if periode is None:
        return _fout("periode_onleesbaar")
    begin, eind = periode.begin, periode.eind
    if begin > peildatum or eind > peildatum:
        return _fout("datum_toekomst")
    if eind < begin:
        return _fout("einde_voor_begin")
    if (eind - begin).days > MAX_PERIODE_DAGEN:
        return _fout("periode_te_lang")
    return Gelezen({"eerste_dag": begin.isoformat(), "laatste_dag": eind.isoformat()})


def lees_uren(tekst: str, bekend: Mapping[str, Any], **_: Any) -> Gelezen:
    aantal = uren_in_tekst(tekst)
    if aantal is None and re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*", tekst):
        aantal = float(tekst.replace(",", "."))
    if aantal is None or aantal <= 0:
        return _fout("uren_onleesbaar")
    eenheid = per_eenheid(tekst)
    if eenheid is not None and "eerste_dag" not in bekend:  # "3 uur per dag" needs the period's school days
        return _fout("uren_onleesbaar")
    if "eerste_dag" in bekend and "laatste_dag" in bekend:
        van, tot = dt.date.fromisoformat(bekend["eerste_dag"]), dt.date.fromisoformat(bekend["laatste_dag"])
        aantal = uren_in_periode(aantal, eenheid, van, tot)
        if not plausibel(aantal, weekdagen(van, tot)):
            return _fout("uren_te_veel", uren=getal(aantal), maximum=max_uren(weekdagen(van, tot)))
    return Gelezen({"_": aantal})


def getal(waarde: float) -> str:
    """Whole numbers without decimals; halves as '15,5' (Dutch notation)."""
    return str(int(waarde)) if float(waarde) == int(waarde) else f"{waarde:.1f}".replace(".", ",")


def lees_ja_nee(tekst: str, **_: Any) -> Gelezen:
    # The questions' own answers: "aaneengesloten" or "losse dagen", "niet"/"af en toe".
    antwoord = antwoorden.ja_nee(tekst, extra_ja=r"aaneengesloten|continu|elke dag", extra_nee=r"niet|losse|af en toe")
    return _fout("ja_nee") if antwoord is None else Gelezen({"_": antwoord})


def lees_tekst(tekst: str, **_: Any) -> Gelezen:
    schoon = " ".join(tekst.split())
    return Gelezen({"_": schoon}) if len(schoon) >= 2 else _fout("tekst_te_kort")


_NIETS = re.compile(r"^\s*(nee|niets|niks|geen|nog niets?|nothing|none|no)\b", re.I)


def lees_acties(tekst: str, bekend: Mapping[str, Any], **_: Any) -> Gelezen:
    """What the school did already: required for overig verzuim (the team asks schools to act first)."""
    if _NIETS.search(tekst) and bekend.get("categorie") == "overig":
        return _fout("acties_nodig")
    return lees_tekst(tekst)


VERZOEKEN = {"advies": r"advies|advice|raad", "spreekuur": r"spreekuur|gesprek|consult",
             "huisbezoek": r"huisbezoek|home ?visit|thuis", "onderzoek": r"onderzoek|investigat|proces"}


def lees_verzoek(tekst: str, **_: Any) -> Gelezen:
    for sleutel, patroon in VERZOEKEN.items():
        if re.search(patroon, tekst, re.I):
            return Gelezen({"_": sleutel})
    return _fout("verzoek_onbekend")


def lees_telefoon(tekst: str, **_: Any) -> Gelezen:
    nummer = contact.telefoonnummer(tekst)
    return _fout("telefoon_ongeldig") if nummer is None else Gelezen({"_": nummer})


def lees_email(tekst: str, **_: Any) -> Gelezen:
    adres = contact.emailadres(tekst)
    return _fout("email_ongeldig") if adres is None else Gelezen({"_": adres})


Lezer = Callable[..., Gelezen]


@dataclass(frozen=True)
class Veld:
    naam: str  # the question to ask; it fills `slaat_op` (one key) or the keys the reader gives
    lezer: Lezer
    slaat_op: tuple[str, ...]
    knoppen: tuple[str, ...] = ()  # answer keys shown as buttons


VELDEN: tuple[Veld, ...] = (
    Veld("leerling_naam", lees_naam, ("leerling_naam",)),
    Veld("geboortedatum", lees_geboortedatum, ("geboortedatum",)),
    Veld("woonplaats", lees_woonplaats, ("woonplaats",)),
    Veld("klas", lees_klas, ("schooltype", "leerjaar")),
    Veld("periode", lees_periode, ("eerste_dag", "laatste_dag")),
    Veld("uren", lees_uren, ("uren",)),
    Veld("aaneengesloten", lees_ja_nee, ("aaneengesloten",), ("ja", "nee")),
    Veld("reden", lees_tekst, ("reden",)),
    Veld("acties", lees_acties, ("acties",)),
    Veld("verzoek", lees_verzoek, ("verzoek",), tuple(VERZOEKEN)),
    Veld("contact_naam", lees_naam, ("contact_naam",)),
    Veld("contact_telefoon", lees_telefoon, ("contact_telefoon",)),
    Veld("contact_email", lees_email, ("contact_email",)),
    Veld("ouders_geinformeerd", lees_ja_nee, ("ouders_geinformeerd",), ("ja", "nee")),
)
PER_NAAM = {veld.naam: veld for veld in VELDEN}


def lees(veld: Veld, tekst: str, bekend: Mapping[str, Any], rules: RuleSet, peildatum: dt.date) -> Gelezen:
    """Read an answer to `veld`; the reader's single value `_` is stored under the field's own key."""
    gelezen = veld.lezer(tekst, bekend=bekend, rules=rules, peildatum=peildatum)
    if gelezen.fout is None and "_" in gelezen.waarden:
        return Gelezen({veld.slaat_op[0]: gelezen.waarden["_"]})
    return gelezen


def volgende(bekend: Mapping[str, Any]) -> Veld | None:
    """The first field still missing, in the order a melding is told."""
    return next((veld for veld in VELDEN if any(k not in bekend for k in veld.slaat_op)), None)


# Words in "wijzig de datum" / "change the phone number" → the field to ask again.
WIJZIG_WOORDEN: tuple[tuple[str, str], ...] = (
    (r"geboorte|birth", "geboortedatum"), (r"woonplaats|gemeente|woont|municipality", "woonplaats"),
    (r"klas|groep|leerjaar|school ?type|class", "klas"), (r"datum|periode|dagen|dates?|period", "periode"),
    (r"uur|uren|hours?", "uren"), (r"aaneengesloten|continu", "aaneengesloten"), (r"reden|reason", "reden"),
    (r"actie|gedaan|stappen|actions?", "acties"), (r"verzoek|vraag aan|request", "verzoek"),
    (r"telefoon|nummer|phone", "contact_telefoon"), (r"e-?mail|mail", "contact_email"),
    (r"contact", "contact_naam"), (r"ouders|parents", "ouders_geinformeerd"),
    (r"naam|name|leerling", "leerling_naam"),
)


def te_wijzigen(tekst: str) -> str | None:
    """The field a "wijzig …" message names, if it is one."""
    if not antwoorden.wil_wijzigen(tekst):
        return None
    return next((naam for patroon, naam in WIJZIG_WOORDEN if re.search(patroon, tekst, re.I)), None)


def correctie(tekst: str, bekend: Mapping[str, Any], rules: RuleSet, peildatum: dt.date) -> dict[str, Any]:
    """An answer that is not for the field asked but plainly gives or corrects another fact ("nee, 12 uur",
    "22 uur in 3 weken", "van 3 t/m 14 november"): only forms that cannot be mistaken for another answer."""
    if re.search(r"\d\s*(?:uur|uren|u\b|hours?)", tekst, re.I):
        gelezen = lees(PER_NAAM["uren"], tekst, bekend, rules, peildatum)
        if gelezen.fout is None:
            aantal_weken = weken_in_tekst(tekst)  # "22 uur in 3 weken": weeks count until a period is given
            return {**gelezen.waarden, **({"_weken": aantal_weken} if aantal_weken else {})}
    if "eerste_dag" in bekend and re.search(TOT, tekst, re.I) and re.search(r"\d", tekst):
        gelezen = lees(PER_NAAM["periode"], tekst, bekend, rules, peildatum)
        if gelezen.fout is None:
            return gelezen.waarden
    return {}


def uit_eerste_bericht(tekst: str) -> dict[str, Any]:
    """Facts a school often puts in its first message: hours, class, a holiday as the reason."""
    bekend: dict[str, Any] = {}
    aantal = uren_in_tekst(tekst)
    if aantal is not None and aantal > 0:
        bekend["uren"] = aantal
        aantal_weken = weken_in_tekst(tekst)
        if aantal_weken:
            bekend["_weken"] = aantal_weken
    klas = lees_klas(tekst)
    if klas.fout is None:
        bekend.update(klas.waarden)
    if re.search(r"vakantie|holiday|op reis|eerder weg|later terug", tekst, re.I):
        bekend["reden"] = "vakantie"
    return bekend
