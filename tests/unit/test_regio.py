"""The responsible leerplicht team follows the pupil's home municipality and, where a team does only
part of the work, the pupil's age or school type."""

from __future__ import annotations

import pytest

from content import load_rule_set
from content.regio_schema import Taak, Vakantieregio
from rules.errors import OngeldigeFeiten
from rules.regio import Schooltype, verantwoordelijk_team

RULES = load_rule_set()


def test_five_regions_and_a_national_default_are_loaded() -> None:
    ids = {p.id for p in RULES.regios}
    assert ids == {"alphen-nieuwkoop", "alkmaar", "nijmegen", "twenterand", "ijssel-vecht", "landelijk"}
    assert sum(p.landelijk for p in RULES.regios) == 1


@pytest.mark.parametrize(
    ("gemeente", "regio"),
    [("Alphen aan den Rijn", "alphen-nieuwkoop"), ("nieuwkoop", "alphen-nieuwkoop"), ("Nijmegen", "nijmegen"),
     ("Twenterand", "twenterand"), ("Zwolle", "ijssel-vecht"), ("gemeente Hattem", "ijssel-vecht"),
     ("Alkmaar", "alkmaar")],
)
def test_young_pupil_goes_to_the_team_of_the_home_municipality(gemeente: str, regio: str) -> None:
    team = verantwoordelijk_team(RULES, gemeente, leeftijd=9, schooltype=Schooltype.PO)
    assert team.profiel.id == regio
    assert team.taak is Taak.LEERPLICHT


def test_old_municipality_names_map_to_the_new_one() -> None:
    team = verantwoordelijk_team(RULES, "Heerhugowaard", leeftijd=17, schooltype=Schooltype.MBO)
    assert team.gemeente is not None
    assert team.gemeente.naam == "Dijk en Waard"
    assert team.profiel.id == "alkmaar"


def test_alkmaar_team_covers_mbo_students_of_surrounding_towns_but_not_young_pupils() -> None:
    assert verantwoordelijk_team(RULES, "Castricum", leeftijd=17, schooltype=Schooltype.MBO).profiel.id == "alkmaar"
    young = verantwoordelijk_team(RULES, "Castricum", leeftijd=10, schooltype=Schooltype.PO)
    assert young.landelijk


def test_municipality_outside_the_regions_falls_to_the_national_default() -> None:
    team = verantwoordelijk_team(RULES, "Utrecht", leeftijd=12)
    assert team.landelijk
    assert team.gemeente is None


def test_heerde_is_in_another_holiday_region_than_zwolle() -> None:
    heerde = verantwoordelijk_team(RULES, "Heerde", leeftijd=8).gemeente
    zwolle = verantwoordelijk_team(RULES, "Zwolle", leeftijd=8).gemeente
    assert heerde is not None
    assert zwolle is not None
    assert heerde.vakantieregio is Vakantieregio.MIDDEN
    assert zwolle.vakantieregio is Vakantieregio.NOORD


@pytest.mark.parametrize(("gemeente", "leeftijd"), [("", 8), ("  ", 8), ("Zwolle", -1)])
def test_bad_input_is_a_typed_error_naming_the_field(gemeente: str, leeftijd: int) -> None:
    with pytest.raises(OngeldigeFeiten):
        verantwoordelijk_team(RULES, gemeente, leeftijd=leeftijd)


def test_regional_policy_overrides_the_national_value_and_is_cited_by_the_region() -> None:
    import datetime as dt

    from rules.besluit import Peil

    p = Peil(RULES, dt.date(2026, 3, 2))
    alkmaar = p.beleid("gedoogbeschikking_min_uren_werk", "Alkmaar")
    alphen = p.beleid("gedoogbeschikking_min_uren_werk", "Nieuwkoop")
    landelijk = p.beleid("gedoogbeschikking_min_uren_werk", "Utrecht")
    assert (alkmaar.waarde, alphen.waarde) == (20, 24)
    assert alkmaar.profiel is not None
    assert alkmaar.profiel.id == "alkmaar"
    assert "seed 001" in (alkmaar.bron.document or "")
    assert landelijk.profiel is None
    assert landelijk.waarde == RULES.waarde("gedoogbeschikking_min_uren_werk", p.peildatum)
    reden = p.beleid_reden("gedoog_voorwaarden", alkmaar, min=20)
    assert reden.bron == alkmaar.bron


def test_a_regional_value_applies_only_from_its_own_date() -> None:
    import datetime as dt

    from rules.besluit import Peil

    # Alphen-Nieuwkoop's value comes from its 2023-2024 report; before that the national value applies.
    voor = Peil(RULES, dt.date(2023, 7, 31)).beleid("gedoogbeschikking_min_uren_werk", "Nieuwkoop")
    na = Peil(RULES, dt.date(2023, 8, 1)).beleid("gedoogbeschikking_min_uren_werk", "Nieuwkoop")
    assert voor.profiel is None
    assert na.profiel is not None
    assert na.waarde == 24


@pytest.mark.parametrize(("naam", "suggestie"), [("Zwole", "Zwolle"), ("Nijmegn", "Nijmegen"), ("Atlantis", None)])
def test_unknown_municipality_is_a_typed_error_with_suggestions(naam: str, suggestie: str | None) -> None:
    with pytest.raises(OngeldigeFeiten) as caught:
        verantwoordelijk_team(RULES, naam, leeftijd=9)
    assert caught.value.veld == "gemeente"
    if suggestie:
        assert suggestie in caught.value.probleem


def test_known_municipality_outside_the_regions_is_no_error() -> None:
    assert verantwoordelijk_team(RULES, "'s-Hertogenbosch", leeftijd=9).landelijk
    assert verantwoordelijk_team(RULES, "Den Haag", leeftijd=9).landelijk
    assert verantwoordelijk_team(RULES, "Den Bosch", leeftijd=9).landelijk
