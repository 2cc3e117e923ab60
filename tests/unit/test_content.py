"""Rule content: every value has a source, validity is enforced, and invalid files fail the load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from content import BronSoort, load_rule_set
from content.errors import BuitenGeldigheid, ContentValidationError, OnbekendeParameter
from leerbot.clock import SystemClock

VALID_SOURCE = """
    bron:
      soort: wet
      titel: Leerplichtwet 1969
      bwb_id: BWBR0002628
      artikel: 13a
      versie: 2026-08-01
      url: https://wetten.overheid.nl/BWBR0002628/2026-08-01#Artikel13a
      geverifieerd: true
"""


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "regels").mkdir()
    (tmp_path / "regels" / "x.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def test_packaged_content_loads_with_sources_for_every_value() -> None:
    rules = load_rule_set()
    parameter = rules.parameter("vakantieverlof_max_dagen")
    assert parameter.bron.bwb_id == "BWBR0002628"
    assert parameter.bron.citeer() == "art. 13a lid 2 Leerplichtwet 1969"
    assert rules.getal("vakantieverlof_max_dagen", dt.date(2026, 3, 2)) == 10
    assert rules.parameter("vakantieverlof_aanvraagtermijn_weken").bron.soort is BronSoort.BELEID


def test_value_before_it_was_in_force_raises() -> None:
    rules = load_rule_set()
    with pytest.raises(BuitenGeldigheid):
        rules.waarde("vakantieverlof_max_dagen", dt.date(2010, 1, 1))


def test_unknown_parameter_raises() -> None:
    with pytest.raises(OnbekendeParameter):
        load_rule_set().parameter("bestaat_niet")


def test_value_without_source_fails_validation(tmp_path: Path) -> None:
    body = """
laatst_gecontroleerd: 2026-11-23
parameters:
  p:
    omschrijving: zonder bron
    waarden: [{waarde: 1, geldig_vanaf: 2017-07-01}]
"""
    with pytest.raises(ContentValidationError, match="bron"):
        load_rule_set(_write(tmp_path, body))


def test_law_source_without_article_fails_validation(tmp_path: Path) -> None:
    body = """
laatst_gecontroleerd: 2026-11-23
parameters:
  p:
    omschrijving: wet zonder artikel
    bron: {soort: wet, titel: Leerplichtwet 1969, url: "https://wetten.overheid.nl", geverifieerd: true}
    waarden: [{waarde: 1, geldig_vanaf: 2017-07-01}]
"""
    with pytest.raises(ContentValidationError, match="bwb_id, artikel and url"):
        load_rule_set(_write(tmp_path, body))


def test_unknown_key_fails_validation(tmp_path: Path) -> None:
    body = f"""
laatst_gecontroleerd: 2026-11-23
parameters:
  p:
    omschrijving: met een tikfout
    geldig_vanf: 2017-07-01
{VALID_SOURCE}
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError, match="geldig_vanf"):
        load_rule_set(_write(tmp_path, body))


def test_file_without_checked_date_fails_validation(tmp_path: Path) -> None:
    body = f"""
parameters:
  p:
    omschrijving: zonder laatst_gecontroleerd
{VALID_SOURCE}
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError, match="laatst_gecontroleerd"):
        load_rule_set(_write(tmp_path, body))


def test_loaded_content_is_immutable() -> None:
    rules = load_rule_set()
    parameter = rules.parameter("vakantieverlof_max_dagen")
    with pytest.raises(Exception, match="frozen"):
        parameter.omschrijving = "anders"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rules._parameters["x"] = parameter  # type: ignore[index]


def test_overlapping_values_fail_validation(tmp_path: Path) -> None:
    body = f"""
laatst_gecontroleerd: 2026-11-23
parameters:
  p:
    omschrijving: twee waarden die elkaar overlappen
{VALID_SOURCE}
    waarden:
      - {{waarde: 1, geldig_vanaf: 2017-07-01}}
      - {{waarde: 2, geldig_vanaf: 2020-01-01}}
"""
    with pytest.raises(ContentValidationError, match="overlaps"):
        load_rule_set(_write(tmp_path, body))


def test_a_value_replaced_later_is_read_by_date(tmp_path: Path) -> None:
    body = f"""
laatst_gecontroleerd: 2026-11-23
parameters:
  p:
    omschrijving: een waarde die later verandert
{VALID_SOURCE}
    waarden:
      - {{waarde: 1, geldig_vanaf: 2017-07-01, geldig_tot: 2019-12-31}}
      - {{waarde: 2, geldig_vanaf: 2020-01-01}}
"""
    rules = load_rule_set(_write(tmp_path, body))
    assert rules.waarde("p", dt.date(2019, 12, 31)) == 1
    assert rules.waarde("p", dt.date(2020, 1, 1)) == 2


def test_every_explanation_and_parameter_in_the_packaged_content_is_cited() -> None:
    rules = load_rule_set()
    for sleutel in rules.parameter_sleutels():
        bron = rules.parameter(sleutel).bron
        assert bron.url or bron.document, sleutel
    for sleutel in rules.uitleg_sleutels():
        for tekst in rules.uitleg_versies(sleutel):
            assert tekst.bron.url or tekst.bron.document, sleutel
            assert tekst.nl.strip()
            assert tekst.en.strip()


def test_no_content_file_claims_to_be_checked_in_the_future() -> None:
    checked = load_rule_set().laatst_gecontroleerd
    assert checked
    today = SystemClock().today()
    assert all(datum <= today for datum in checked.values())


def test_content_check_reports_files_not_checked_for_a_year() -> None:
    from leerbot.content_check import report

    fresh = report(dt.date(2026, 11, 23))
    assert "verouderd: 0" in fresh
    stale = report(dt.date(2028, 1, 1))
    assert "VEROUDERD regels/meldplicht.yaml" in stale
