"""Invariants of the rules, checked over many generated facts (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from content import load_rule_set
from rules.besluit import Beslisser, Toegestaan
from rules.gewichtig import GewichtigFeiten, Omstandigheid, beoordeel_gewichtig
from rules.meldplicht import MeldplichtFeiten, beoordeel_meldplicht
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof

RULES = load_rule_set()
PEILDATUM = dt.date(2026, 3, 2)
optional_bool = st.none() | st.booleans()


@settings(max_examples=300, deadline=None)
@given(
    beroep=optional_bool,
    dagen=st.none() | st.integers(min_value=1, max_value=200),
    eerder=optional_bool,
    eerste=optional_bool,
    kwalificatieplichtig=st.booleans(),
    lesdagen=st.none() | st.floats(min_value=0.5, max_value=5),
)
def test_13a_never_allows_more_than_ten_days(
    beroep: bool | None, dagen: int | None, eerder: bool | None, eerste: bool | None,
    kwalificatieplichtig: bool, lesdagen: float | None,
) -> None:
    feiten = VakantieverlofFeiten(
        beroep_maakt_schoolvakanties_onmogelijk=beroep, aantal_schooldagen=dagen,
        al_eerder_verleend_dit_schooljaar=eerder, in_eerste_lesweken=eerste,
        kwalificatieplichtig=kwalificatieplichtig, lesdagen_per_week=lesdagen,
    )
    besluit = beoordeel_vakantieverlof(feiten, RULES, PEILDATUM)
    assert besluit.max_dagen is not None
    assert besluit.max_dagen <= 10
    assert besluit.beslisser in {Beslisser.SCHOOLHOOFD, Beslisser.NIEMAND}
    if besluit.toegestaan is not Toegestaan.NEE:
        assert besluit.toegestaan is Toegestaan.VOORWAARDELIJK  # never an unconditional yes
        assert dagen is None or dagen <= besluit.max_dagen
        assert not eerder
        assert not eerste
    if dagen is not None and dagen > 10:
        assert besluit.beslisser is Beslisser.NIEMAND


toegestane_redenen = st.sampled_from([
    Omstandigheid.BRUILOFT, Omstandigheid.OVERLIJDEN, Omstandigheid.ERNSTIGE_ZIEKTE, Omstandigheid.VERHUIZING,
    Omstandigheid.JUBILEUM, Omstandigheid.WETTELIJKE_VERPLICHTING, Omstandigheid.ANDERS,
])


@settings(max_examples=300, deadline=None)
@given(
    omstandigheid=st.none() | toegestane_redenen,
    eerder=st.integers(min_value=0, max_value=40),
    aantal=st.integers(min_value=1, max_value=40),
    graad=st.none() | st.integers(min_value=1, max_value=3),
)
def test_14_decider_switches_exactly_past_ten_days(
    omstandigheid: Omstandigheid | None, eerder: int, aantal: int, graad: int | None
) -> None:
    feiten = GewichtigFeiten(omstandigheid=omstandigheid, aantal_schooldagen=aantal,
                             eerder_verleend_dit_schooljaar=eerder, graad=graad)
    besluit = beoordeel_gewichtig(feiten, RULES, PEILDATUM)
    verwacht = Beslisser.LEERPLICHTAMBTENAAR if eerder + aantal > 10 else Beslisser.SCHOOLHOOFD
    assert besluit.beslisser is verwacht


@settings(max_examples=300, deadline=None)
@given(
    lager=st.floats(min_value=0, max_value=60),
    extra=st.floats(min_value=0, max_value=60),
    weken=st.floats(min_value=1, max_value=12),
    leeftijd=st.none() | st.integers(min_value=5, max_value=17),
)
def test_16_hour_rule_is_monotone_in_the_hours(lager: float, extra: float, weken: float, leeftijd: int | None) -> None:
    hoger = lager + extra
    if hoger / weken > 40:
        return  # impossible input, refused elsewhere
    minder = beoordeel_meldplicht(MeldplichtFeiten(totaal_uren=lager, over_weken=weken, leeftijd=leeftijd),
                                  RULES, PEILDATUM)
    meer = beoordeel_meldplicht(MeldplichtFeiten(totaal_uren=hoger, over_weken=weken, leeftijd=leeftijd),
                                RULES, PEILDATUM)
    if minder.meldplicht:
        assert meer.meldplicht
    assert minder.meldrecht
    assert meer.meldrecht
