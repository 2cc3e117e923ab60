"""Rule content: every value has a source, validity is enforced, and invalid files fail the load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from basis.klok import SystemClock
from content import BronSoort, load_rule_set
from content.errors import BuitenGeldigheid, ContentValidationError, OnbekendeParameter

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


POLICY_SOURCE = """
    bron:
      soort: beleid
      titel: Een gemeentelijke pagina
      url: https://example.org/beleid
      geverifieerd: false
"""


def _regio(tmp_path: Path, regels: str, beleid: str) -> Path:
    (tmp_path / "regels").mkdir(exist_ok=True)
    (tmp_path / "regels" / "x.yaml").write_text(regels, encoding="utf-8")
    (tmp_path / "regio").mkdir(exist_ok=True)
    (tmp_path / "regio" / "testregio.yaml").write_text(f"""
laatst_gecontroleerd: 2026-11-30
regio:
  id: testregio
  landelijk: true
  team: Testteam
  omschrijving: Een regio voor deze test
  bron: {{soort: beleid, titel: Testbron, url: "https://example.org", geverifieerd: false}}
  gemeenten: []
  kantoortijden: {{dagen: [1, 2, 3, 4, 5], van: "09:00", tot: "17:00", aanname: true}}
  overig_verzuim_melden:
    nl: tekst
    en: text
    bron: {{soort: beleid, titel: Testbron, url: "https://example.org", geverifieerd: false}}
  beleid:
{beleid}
""", encoding="utf-8")
    return tmp_path


_OVERRIDE = """    p:
      bron: {soort: beleid, titel: Regionale bron, url: "https://example.org/regio", geverifieerd: false}
      waarden: [{waarde: 3, geldig_vanaf: 2020-01-01}]"""


def test_a_region_overriding_a_value_of_the_law_fails_naming_file_region_and_parameter(tmp_path: Path) -> None:
    regels = f"""
laatst_gecontroleerd: 2026-11-30
parameters:
  p:
    omschrijving: een waarde uit de wet
{VALID_SOURCE}
    waarden: [{{waarde: 10, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError) as caught:
        load_rule_set(_regio(tmp_path, regels, _OVERRIDE))
    melding = str(caught.value)
    assert "regio/testregio.yaml" in melding
    assert "'testregio'" in melding
    assert "'p'" in melding
    assert "value of the law" in melding


def test_a_region_may_override_only_policy_declared_regionaal(tmp_path: Path) -> None:
    regels = f"""
laatst_gecontroleerd: 2026-11-30
parameters:
  p:
    omschrijving: beleid dat niet per regio mag verschillen
{POLICY_SOURCE}
    waarden: [{{waarde: 8, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError, match="not declared"):
        load_rule_set(_regio(tmp_path, regels, _OVERRIDE))
    toegestaan = regels.replace("    waarden:", "    regionaal: true\n    waarden:")
    rules = load_rule_set(_regio(tmp_path, toegestaan, _OVERRIDE))
    assert rules.regios[0].beleid["p"].waarden[0].waarde == 3


def test_a_value_of_the_law_cannot_be_declared_regionaal(tmp_path: Path) -> None:
    body = f"""
laatst_gecontroleerd: 2026-11-30
parameters:
  p:
    omschrijving: een waarde uit de wet
    regionaal: true
{VALID_SOURCE}
    waarden: [{{waarde: 10, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError, match="cannot be regionaal"):
        load_rule_set(_write(tmp_path, body))


@pytest.mark.parametrize(
    ("versie", "url", "fout"),
    [("", "https://wetten.overheid.nl/BWBR0002628/2026-08-01#Artikel13a", "needs versie"),
     ("versie: 2026-08-01", "https://wetten.overheid.nl/BWBR0002628#Artikel13a", "must name the version")],
)
def test_a_verified_law_source_names_the_consolidation_it_was_read_in(
    tmp_path: Path, versie: str, url: str, fout: str
) -> None:
    body = f"""
laatst_gecontroleerd: 2026-11-30
parameters:
  p:
    omschrijving: zonder versie
    bron:
      soort: wet
      titel: Leerplichtwet 1969
      bwb_id: BWBR0002628
      artikel: 13a
      {versie}
      url: {url}
      geverifieerd: true
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01}}]
"""
    with pytest.raises(ContentValidationError, match=fout):
        load_rule_set(_write(tmp_path, body))


def test_an_explanation_reads_as_the_law_of_its_peildatum() -> None:
    rules = load_rule_set()
    assert rules.uitleg("meldplicht_16_uur", dt.date(2023, 12, 31)).bron.versie == dt.date(2023, 8, 1)
    assert rules.uitleg("meldplicht_16_uur", dt.date(2024, 1, 1)).bron.versie == dt.date(2026, 8, 1)
    with pytest.raises(BuitenGeldigheid):
        rules.uitleg("meldplicht_16_uur_art21", dt.date(2024, 1, 1))


def test_law_values_that_changed_keep_both_versions_with_their_sources() -> None:
    rules = load_rule_set()
    drie_a = rules.parameter("vrijstelling_3a_beslistermijn_weken")
    assert drie_a.op(dt.date(2017, 6, 30)) == 4
    assert drie_a.bron_op(dt.date(2017, 6, 30)).versie == dt.date(2017, 1, 1)
    assert drie_a.op(dt.date(2017, 7, 1)) == 6
    rmc = rules.parameter("rmc_tot_leeftijd")
    assert (rmc.op(dt.date(2025, 12, 31)), rmc.op(dt.date(2026, 1, 1))) == (23, 27)


def test_content_check_lists_law_read_in_an_older_consolidation_still_in_use(tmp_path: Path) -> None:
    from leerbot.content_check import oudere_consolidaties, report

    def bron(versie: str) -> str:
        return (f"{{soort: wet, titel: Leerplichtwet 1969, bwb_id: BWBR0002628, artikel: '14', versie: {versie}, "
                f"url: 'https://wetten.overheid.nl/BWBR0002628/{versie}#Artikel14', geverifieerd: true}}")

    body = f"""
laatst_gecontroleerd: 2026-11-30
parameters:
  nieuw:
    omschrijving: gelezen in de nieuwste consolidatie
    bron: {bron("2026-08-01")}
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01}}]
  oud_in_gebruik:
    omschrijving: gelezen in een oudere consolidatie en nog steeds in gebruik
    bron: {bron("2023-08-01")}
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01}}]
  oud_afgelopen:
    omschrijving: een oude waarde die voor de nieuwste consolidatie eindigde
    bron: {bron("2023-08-01")}
    waarden: [{{waarde: 1, geldig_vanaf: 2017-07-01, geldig_tot: 2023-12-31}}]
"""
    gevonden = oudere_consolidaties(load_rule_set(_write(tmp_path, body)))
    assert [(waar, laatste) for waar, _, laatste in gevonden] == [("parameter oud_in_gebruik", dt.date(2026, 8, 1))]
    assert "wetsartikelen gelezen in een oudere consolidatie" in report(dt.date(2026, 11, 30))


def test_a_value_change_as_docs_content_md_describes_it_needs_no_python(tmp_path: Path) -> None:
    """The example of docs/content.md, done on a copy of the content: only the YAML changes."""
    import shutil

    from content.loader import DATA_DIR
    from rules.registry import beoordeel

    kopie = tmp_path / "data"
    shutil.copytree(DATA_DIR, kopie)
    pad = kopie / "regels" / "meldplicht.yaml"
    tekst = pad.read_text(encoding="utf-8")
    oud = """      - waarde: 16
        geldig_vanaf: 2024-01-01
"""
    assert oud in tekst
    pad.write_text(tekst.replace(oud, """      - waarde: 16
        geldig_vanaf: 2024-01-01
        geldig_tot: 2027-07-31
        bron: *lpw26_21a_1
      - waarde: 20
        geldig_vanaf: 2027-08-01
""", 1), encoding="utf-8")
    rules = load_rule_set(kopie)
    feiten = {"totaal_uren": 18, "over_weken": 4}
    assert beoordeel("meldplicht", feiten, rules, dt.date(2027, 7, 31)).meldplicht is True
    assert beoordeel("meldplicht", feiten, rules, dt.date(2027, 8, 1)).meldplicht is False
