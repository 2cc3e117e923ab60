"""A date typed without a year is read as the nearest one that makes the period valid, and the answer names the
year it took: the assistant's "Ik ga uit van …" and the melding's summary show the full date."""

from __future__ import annotations

import datetime as dt

from actions.feiten import vakantieverlof
from actions.opmaak import feiten_zin
from content.loader import default_rule_set
from meldingen import samenvatting
from meldingen.velden import lees_periode

IN_NOVEMBER = dt.date(2026, 11, 30)


def test_the_assistant_says_which_year_it_took() -> None:
    feiten = vakantieverlof("we willen van 21 december t/m 8 januari naar Marokko", [], IN_NOVEMBER)
    assert (feiten["van"], feiten["tot_en_met"]) == (dt.date(2026, 12, 21), dt.date(2027, 1, 8))
    zin = feiten_zin(default_rule_set(), "nl", "ouder", feiten)
    assert "21 december 2026" in zin
    assert "8 januari 2027" in zin
    assert "January 8, 2027" in feiten_zin(default_rule_set(), "en", "ouder", feiten)


def test_the_melding_summary_shows_the_year_taken() -> None:
    gelezen = lees_periode("van 15 december t/m 3 januari", dt.date(2027, 1, 10))
    assert gelezen.waarden == {"eerste_dag": "2026-12-15", "laatste_dag": "2027-01-03"}
    assert samenvatting.periode(gelezen.waarden["eerste_dag"], gelezen.waarden["laatste_dag"], "nl") == \
        "15 december 2026 – 3 januari 2027"
