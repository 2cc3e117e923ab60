"""Facts read from messages as people write them; unknown stays unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from actions import feiten

P = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("mag me zoon vrij vr de bruiloft van zn oom in turkije 3 dagen",
         {"omstandigheid": "bruiloft", "relatie": "oom", "in_buitenland": True, "aantal_schooldagen": 3}),
        ("my grandma died, can my son miss school for the funeral",
         {"omstandigheid": "overlijden", "relatie": "oma"}),
        ("we verhuizen volgende week", {"omstandigheid": "verhuizing"}),
        ("mag ze vrij", {}),
    ],
)
def test_gewichtig(tekst: str, verwacht: dict[str, object]) -> None:
    assert feiten.gewichtig(tekst, [], P) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("16 uur in 4 wkn ongeoorloofd, leerling 14 jaar", {"totaal_uren": 16.0, "over_weken": 4.0, "leeftijd": 14}),
        ("moet ik 14 uur spijbelen in drie weken melden?", {"totaal_uren": 14.0, "over_weken": 3.0}),
        ("leerling is al langer dan 4 weken thuis", {"aaneengesloten_weken_afwezig": 5}),
    ],
)
def test_meldplicht(tekst: str, verwacht: dict[str, object]) -> None:
    assert feiten.meldplicht(tekst, [], P) == verwacht


def test_vakantieverlof_reasons_and_limits() -> None:
    assert feiten.vakantieverlof("wij hebben een camping, 5 dagen in mei", [], P) == {
        "beroep_maakt_schoolvakanties_onmogelijk": True, "aantal_schooldagen": 5}
    assert feiten.vakantieverlof("de tickets zijn goedkoper in juni", [], P)["reden"] == "goedkoper"
    assert feiten.vakantieverlof("in de eerste week na de zomervakantie", [], P)["in_eerste_lesweken"] is True
    assert feiten.vakantieverlof("kan het een tweede keer dit jaar", [], P)["al_eerder_verleend_dit_schooljaar"]


def test_leerplicht_from_age_or_birth_date() -> None:
    assert feiten.leerplicht("zoon van 16 heeft zijn havo diploma gehaald", [], P)["diploma"] == "havo"
    assert feiten.leerplicht("geboren op 14-03-2021", [], P)["geboortedatum"] == dt.date(2021, 3, 14)
    assert feiten.leerplicht("mijn dochter is 4 jaar", [], P)["geboortedatum"].year == 2021
    assert feiten.leerplicht("wanneer is mijn kind leerplichtig", [], P) == {}


def test_period_in_dutch_and_english() -> None:
    assert feiten.periode("van 3 t/m 14 maart", P) == (dt.date(2026, 3, 3), dt.date(2026, 3, 14))
    assert feiten.periode("from 3 to 7 April", P) == (dt.date(2026, 4, 3), dt.date(2026, 4, 7))
    assert feiten.periode("geen datum", P) is None
