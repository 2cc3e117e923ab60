"""Unknown is not no: a decision that says no permission is needed (`not_needed` / `geen_toestemming_nodig`) or
that the school need not report (`must_report: false`) rests on a recognised fact the user gave. Every rule case
is decided again with each of its facts left out in turn; whenever such a decision comes out, the fact that
makes it so must be among the facts given. The table below says which facts those are, independently of the
rules' own bookkeeping (`Besluit.erkend`), which the registry checks as well."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from content import load_rule_set
from content.woorden import herken_feest
from rules.besluit import Beslisser, Besluit, Toegestaan
from rules.errors import GeenKalender, OngeldigeFeiten
from rules.registry import beoordeel

CASES_DIR = Path(__file__).parent / "cases"
RULES = load_rule_set()
PEILDATUM = dt.date(2026, 3, 2)
VOLWASSEN = 18
LEERPLICHTIG_VANAF = 5

# The condition each exemption ground needs the user to have named before "a notification is enough". A
# travelling life (art. 5a) is only ever read from the words that name it, so its ground is its own fact.
_GROND_GENOEMD = {"5a_lichamelijk_psychisch": "beperking_genoemd", "5b_richting": "bezwaar_richting_genoemd",
                  "5c_buitenland": "school_buitenland_genoemd"}


def _varianten() -> Iterator[tuple[str, str, dict[str, Any], dt.date]]:
    for pad in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for case in data["cases"]:
            feiten = dict(case["feiten"])
            datum = case.get("peildatum", PEILDATUM)
            yield data["onderwerp"], case["naam"], feiten, datum
            for weg in feiten:
                yield data["onderwerp"], f"{case['naam']} (zonder {weg})", \
                    {k: v for k, v in feiten.items() if k != weg}, datum


def _zegt_geen_toestemming(besluit: Besluit) -> bool:
    return besluit.toegestaan in (Toegestaan.NIET_NODIG, Toegestaan.JA) or \
        besluit.beslisser is Beslisser.GEEN_TOESTEMMING_NODIG


def _gegeven(feiten: Mapping[str, Any], naam: str) -> bool:
    return feiten.get(naam) not in (None, False, "", [], ())


def _reden_geen_toestemming(onderwerp: str, feiten: Mapping[str, Any]) -> bool:
    """Whether the facts hold what makes "no permission needed" true for this topic."""
    if onderwerp == "kennisgeving":
        soort = feiten.get("soort")
        if soort == "ziekte":
            return True  # illness itself is the fact
        if soort == "godsdienst":
            feest = herken_feest(str(feiten.get("feestdag") or ""))
            return feest is not None and feest[1] == "religieus"
        if soort == "vijfjarige":
            return feiten.get("uren_per_week") is not None
        return False
    if onderwerp == "leerplicht":  # not leerplichtig yet: only from a date of birth or an age
        return any(_gegeven(feiten, n) for n in ("geboortedatum", "geboortemaand", "leeftijd"))
    if onderwerp == "vrijstelling":
        if feiten.get("grond") == "art5a_trekkend":
            return True
        veld = _GROND_GENOEMD.get(str(feiten.get("grond")))
        return veld is not None and feiten.get(veld) is True
    return False


def _reden_niet_melden(feiten: Mapping[str, Any]) -> bool:
    """Whether the facts hold what makes "need not report" true."""
    uren = any(_gegeven(feiten, n) for n in ("afwezigheden", "totaal_uren"))
    volwassen = (feiten.get("leeftijd") or 0) >= VOLWASSEN or feiten.get("startkwalificatie") is True
    te_jong = feiten.get("leeftijd") is not None and feiten["leeftijd"] < LEERPLICHTIG_VANAF  # art. 3 lid 1
    return (uren or volwassen or te_jong or _gegeven(feiten, "alleen_geoorloofd") or _gegeven(feiten, "onder_drempel")
            or feiten.get("melding_over") in ("in_uitschrijving",))


CASES = list(_varianten())


@pytest.mark.parametrize(("onderwerp", "naam", "feiten", "datum"), CASES, ids=[c[1][:60] for c in CASES])
def test_no_permission_needed_and_need_not_report_only_from_a_recognised_fact(
    onderwerp: str, naam: str, feiten: dict[str, Any], datum: dt.date
) -> None:
    try:
        besluit = beoordeel(onderwerp, feiten, RULES, datum)
    except (OngeldigeFeiten, GeenKalender):
        return  # facts the rule refuses (a missing required field) give no decision at all
    if _zegt_geen_toestemming(besluit):
        assert _reden_geen_toestemming(onderwerp, feiten), f"{naam}: 'geen toestemming nodig' from {feiten}"
    if besluit.meldplicht is False:
        assert _reden_niet_melden(feiten), f"{naam}: 'hoeft niet gemeld' from {feiten}"
    assert all(_gegeven(feiten, n) for n in besluit.erkend), f"{naam}: {besluit.erkend} not given in {feiten}"


def test_the_table_is_not_empty_and_both_kinds_occur() -> None:
    """The test above would pass vacuously without cases of both kinds; make sure it sees them."""
    besluiten = []
    for onderwerp, _, feiten, datum in CASES:
        try:
            besluiten.append(beoordeel(onderwerp, feiten, RULES, datum))
        except (OngeldigeFeiten, GeenKalender):
            continue
    assert sum(_zegt_geen_toestemming(b) for b in besluiten) >= 20
    assert sum(b.meldplicht is False for b in besluiten) >= 10
