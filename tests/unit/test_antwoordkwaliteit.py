"""The reply-quality figures of `leerbot eval`: what counts as an invented number and a repeated block."""

from __future__ import annotations

from typing import Any

from leerbot.antwoordkwaliteit import getallen, meet

BESLUIT: dict[str, Any] = {"topic": "verlof_vakantie_13a", "max_days": 10, "deadline": None, "reasons": [],
                           "next_steps": []}


def _resultaat(*beurten: tuple[str, str]) -> dict[str, Any]:
    return {"id": "t", "lang": "nl", "turns": [
        {"user": gezegd, "replies": [{"text": tekst, "decision": BESLUIT}]} for gezegd, tekst in beurten]}


def test_numbers_in_words_count_and_web_addresses_do_not() -> None:
    assert getallen("drie weken, 4 dagen") == {"3", "4"}
    assert getallen("zie https://wetten.overheid.nl/BWBR0002628/2026-08-01#Artikel11") == set()


def test_a_number_the_user_did_not_give_is_invented() -> None:
    figuren = meet([_resultaat(("mag mijn kind een dag eerder weg?", "Ik ga uit van: 7 schooldagen."))])
    assert figuren["reply_invented_number"] == 1
    assert figuren["reply_examples"][0]["getallen"] == ["7"]


def test_numbers_said_computed_from_the_users_words_or_decided_are_not_invented() -> None:
    figuren = meet([
        _resultaat(("we willen 3 dagen weg", "Ik ga uit van: 3 schooldagen.")),
        _resultaat(("mogen we een week eerder weg?", "Met 5 schooldagen blijft het binnen de 10.")),
    ])
    assert figuren["reply_invented_number"] == 0


def test_a_block_repeated_from_the_previous_reply_counts_unless_asked() -> None:
    blok = "De directeur van de school beslist over dit verlof, op een schriftelijke aanvraag."
    herhaald = meet([_resultaat(("mag dat?", blok), ("en hoe vraag ik het aan?", blok))])
    gevraagd = meet([_resultaat(("mag dat?", blok), ("waarom?", blok))])
    assert herhaald["reply_repeated_block"] == 1
    assert gevraagd["reply_repeated_block"] == 0
    assert herhaald["reply_words_p50"] == len(blok.split())


def test_a_bullet_is_not_a_word_of_its_sentence() -> None:
    from leerbot.antwoordkwaliteit import zinnen

    assert zinnen("Eerste zin. Tweede zin?\n• Een punt met vijf woorden.") == [
        "Eerste zin.", "Tweede zin?", "Een punt met vijf woorden."]
