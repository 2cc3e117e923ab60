"""Kinds of school and diplomas live in content/data/woorden/onderwijs.yaml, not as regexes in the fact readers."""

from __future__ import annotations

import pytest

from content.woorden import diploma_patronen, onderwijs, schooltype_patronen
from rules.leerplicht import Diploma
from rules.regio import Schooltype


def test_the_kinds_of_school_are_the_rules_own() -> None:
    assert {naam for naam, _ in schooltype_patronen()} <= {s.value for s in Schooltype}
    assert [naam for naam, _ in diploma_patronen()] == list(onderwijs().diplomas)
    assert set(onderwijs().diplomas) == {d.value for d in Diploma} - {"geen"}


@pytest.mark.parametrize(("tekst", "soort"), [
    ("een leerling van het vso", "so"), ("ze zit op het roc", "mbo"), ("3 havo", "vo"), ("groep 7", "po"),
    ("my son is at high school", "vo"), ("geen school genoemd", None),
])
def test_a_kind_of_school_is_read_in_the_list_s_order(tekst: str, soort: str | None) -> None:
    assert next((naam for naam, patroon in schooltype_patronen() if patroon.search(tekst)), None) == soort
