"""`leerbot regels`: the rule engine from the command line, as JSON, with typed errors for bad facts."""

from __future__ import annotations

import json

import pytest

from leerbot.cli import main


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
