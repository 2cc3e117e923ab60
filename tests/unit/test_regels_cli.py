"""`leerbot regels`: the rule engine from the command line, as JSON, with typed errors for bad facts."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leerbot.cli import main
from rules.errors import MAX_PROBLEEM, MAX_VELD
from rules.registry import ONDERWERPEN


def test_decision_is_printed_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["regels", "meldplicht", "--json", '{"totaal_uren": 16, "over_weken": 4}',
                 "--peildatum", "2026-03-02"])
    assert code == 0
    uitvoer = json.loads(capsys.readouterr().out)
    assert uitvoer["must_report"] is True
    assert uitvoer["legal_basis"] == "art. 21a lid 1 Leerplichtwet 1969; art. 12 lid 3 Wet register onderwijsdeelnemers"
    assert uitvoer["peildatum"] == "2026-03-02"
    assert any("16 uur" in tekst for tekst in uitvoer["texts"])


def test_bad_fact_names_the_field_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["regels", "vakantieverlof", "--json", '{"van": "2026-03-10", "tot_en_met": "2026-03-02"}'])
    assert code == 2
    assert json.loads(capsys.readouterr().out)["error"]["veld"] == "tot_en_met"


def test_invalid_json_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regels", "meldplicht", "--json", "{niet json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["veld"] == "--json"


def test_help_lists_topics_and_fields(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["regels", "--help"])
    hulp = capsys.readouterr().out
    assert "gewichtige_omstandigheden" in hulp
    assert "totaal_uren: float | None" in hulp


# --- the input contract through the command line (issue 17) ------------------------------------------------

def _fout(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, str]:
    """Run `leerbot regels` with argv; it must exit 2 with a short typed error as JSON on stdout."""
    assert main(["regels", *argv]) == 2
    fout: dict[str, str] = json.loads(capsys.readouterr().out)["error"]
    assert set(fout) == {"veld", "probleem"}
    assert len(fout["veld"]) <= MAX_VELD
    assert len(fout["probleem"]) <= MAX_PROBLEEM
    return fout


@pytest.mark.parametrize("tekst", ["null", "42", "-1.5", "true", '"tekst"', "[]", '[{"totaal_uren": 16}]'])
def test_json_that_is_no_object_is_refused(capsys: pytest.CaptureFixture[str], tekst: str) -> None:
    assert _fout(capsys, "meldplicht", "--json", tekst, "--peildatum", "2026-03-02")["veld"] == "feiten"


@pytest.mark.parametrize("tekst", ['{"totaal_uren": 1e999}', '{"totaal_uren": -1e999}', '{"totaal_uren": NaN}',
                                   '{"totaal_uren": Infinity}', '{"totaal_uren": -Infinity}',
                                   '{"leeftijd": 1' + "0" * 5000 + "}"])
def test_numbers_json_cannot_hold_are_refused(capsys: pytest.CaptureFixture[str], tekst: str) -> None:
    assert _fout(capsys, "meldplicht", "--json", tekst, "--peildatum", "2026-03-02")["veld"] == "--json"


@pytest.mark.parametrize("tekst", ["[" * 100_000, "[" * 20_000 + "]" * 20_000, '{"a": ' * 30_000,
                                   '{"woongemeente": "' + "x" * 70_000 + '"}'])
def test_json_too_deep_or_too_large_is_refused(capsys: pytest.CaptureFixture[str], tekst: str) -> None:
    fout = _fout(capsys, "meldplicht", "--json", tekst, "--peildatum", "2026-03-02")
    assert fout["veld"] == "--json"
    assert "x" * 100 not in fout["probleem"]


@pytest.mark.parametrize("peildatum", ["morgen", "2026-13-01", "2026-02-30", "20260302", "2026-3-2",
                                       "2026-03-02T10:00", ""])
def test_a_peildatum_that_is_no_date_is_refused_as_json(capsys: pytest.CaptureFixture[str], peildatum: str) -> None:
    assert _fout(capsys, "meldplicht", "--json", "{}", "--peildatum", peildatum)["veld"] == "--peildatum"


@pytest.mark.parametrize("peildatum", ["0001-01-01", "9999-12-31", "2101-01-01", "1990-01-01"])
def test_a_peildatum_outside_the_content_is_refused(capsys: pytest.CaptureFixture[str], peildatum: str) -> None:
    assert _fout(capsys, "meldplicht", "--json", '{"totaal_uren": 16, "over_weken": 4}',
                 "--peildatum", peildatum)["veld"] == "peildatum"


def test_a_peildatum_beyond_the_calendar_is_refused_where_school_days_are_counted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    feiten = '{"afwezigheden": [{"datum": "2026-02-23", "uren": 6}]}'
    fout = _fout(capsys, "meldplicht", "--json", feiten, "--peildatum", "2040-03-02")
    assert fout["veld"] == "peildatum"
    assert "covered: school years 2024-2025 to" in fout["probleem"]


def test_an_unknown_topic_is_refused_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _fout(capsys, "x" * 100_000, "--json", "{}")["veld"] == "onderwerp"


@pytest.mark.parametrize("feiten", [{"x" * 100_000: 1}, {"woongemeente": "x" * 60_000},
                                    {"relatie": "\ud800" * 10, "omstandigheid": "bruiloft"},
                                    {"\ud800\udfff" * 70: True}])
def test_long_or_odd_keys_and_values_are_not_echoed(capsys: pytest.CaptureFixture[str],
                                                     feiten: dict[str, Any]) -> None:
    fout = _fout(capsys, "gewichtige_omstandigheden", "--json", json.dumps(feiten), "--peildatum", "2026-03-02")
    assert "x" * 100 not in fout["veld"] + fout["probleem"]


@pytest.mark.parametrize(("feiten", "veld"), [
    ('{"luxe_verzuim": "yes"}', "luxe_verzuim"), ('{"luxe_verzuim": 1}', "luxe_verzuim"),
    ('{"leeftijd": true}', "leeftijd"), ('{"totaal_uren": "16"}', "totaal_uren"),
    ('{"totaal_uren": 1000000000}', "totaal_uren"), ('{"van": 20260302, "tot_en_met": "2026-03-02"}', "van"),
    ('{"afwezigheden": [{"datum": "2026-02-28", "uren": 8}]}', "afwezigheden.0.datum"),
    ('{"afwezigheden": [{"datum": "2026-03-03", "uren": 8}]}', "afwezigheden.0.datum"),
])
def test_facts_of_the_wrong_kind_are_refused(capsys: pytest.CaptureFixture[str], feiten: str, veld: str) -> None:
    assert _fout(capsys, "meldplicht", "--json", feiten, "--peildatum", "2026-03-02")["veld"] == veld


_JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.dates().map(dt.date.isoformat),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=12), kind, max_size=3), max_leaves=8)
_JSON_TEKST = st.one_of(
    _JSON_WAARDEN.map(lambda waarde: json.dumps(waarde, allow_nan=True)),  # NaN and Infinity as literals
    st.fixed_dictionaries({}, optional={"totaal_uren": _JSON_WAARDEN, "over_weken": _JSON_WAARDEN,
                                        "afwezigheden": _JSON_WAARDEN, "leeftijd": _JSON_WAARDEN})
    .map(json.dumps),
    st.text(max_size=30),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tekst=_JSON_TEKST, peildatum=st.dates().map(dt.date.isoformat) | st.text(max_size=12),
       onderwerp=st.sampled_from(sorted(ONDERWERPEN)))
def test_any_input_exits_0_or_2_with_json(capsys: pytest.CaptureFixture[str], tekst: str, peildatum: str,
                                          onderwerp: str) -> None:
    capsys.readouterr()
    code = main(["regels", onderwerp, "--json", tekst, "--peildatum", peildatum])
    uitvoer = json.loads(capsys.readouterr().out)
    assert code in (0, 2)
    assert ("error" in uitvoer) == (code == 2)
