"""No statutory citation names an article for a peildatum after its repeal; repealed articles are content."""

from __future__ import annotations

import datetime as dt

from content import load_rule_set
from content.schema import Bron, BronSoort

RULES = load_rule_set()


def test_art_21_and_21b_are_listed_as_repealed_on_1_january_2024() -> None:
    ingetrokken = {(i.artikel, i.lid): i.vervallen_per for i in RULES.ingetrokken}
    assert ingetrokken[("21", None)] == dt.date(2024, 1, 1)
    assert ingetrokken[("21b", None)] == dt.date(2024, 1, 1)
    assert ("21a", "4") in ingetrokken


def test_no_content_cites_a_repealed_article_while_the_text_is_in_force() -> None:
    """Every source is checked on the last day its value or text is in force (today for open-ended ones)."""
    fouten = []
    for waar, bron, geldig_tot in RULES.bronnen():
        laatste_dag = geldig_tot or dt.date.max
        for artikel in RULES.ingetrokken:
            if artikel.raakt(bron, laatste_dag):
                fouten.append(f"{waar} cites {bron.citeer()} (repealed on {artikel.vervallen_per})")
    assert not fouten


def test_the_check_flags_art_21_after_its_repeal_and_not_before() -> None:
    art21 = Bron(soort=BronSoort.WET, titel="Leerplichtwet 1969", bwb_id="BWBR0002628", artikel="21", lid="1",
                 versie=dt.date(2023, 8, 1), url="https://wetten.overheid.nl/BWBR0002628/2023-08-01#Artikel21",
                 geverifieerd=True)
    assert any(i.raakt(art21, dt.date(2024, 1, 1)) for i in RULES.ingetrokken)
    assert not any(i.raakt(art21, dt.date(2023, 12, 31)) for i in RULES.ingetrokken)
    art21a_lid1 = art21.model_copy(update={"artikel": "21a"})
    assert not any(i.raakt(art21a_lid1, dt.date(2026, 8, 1)) for i in RULES.ingetrokken)
