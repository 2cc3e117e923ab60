"""Redaction of personal numbers, language detection, day counts, Rasa output, rendering."""

from __future__ import annotations

from typing import Any

import pytest

from actions.normalise import parse_schooldagen
from basis.berichten import Button, Reply
from bot.language import detect_language
from bot.messages import replies_from_rasa
from bot.redact import PLACEHOLDER, REKENING, TELEFOON, redact_contact_details, redact_personal_numbers
from bot.render import split_text, telegram_keyboard, terminal_lines


@pytest.mark.parametrize(
    "text",
    ["bsn 123456782", "BSN: 123 456 782.", "nummer 1234.56.782 graag", "onderwijsnummer 10-00-00-004",
     "My daughter's BSN is 111222333, can you check"],
)
def test_personal_numbers_are_redacted(text: str) -> None:
    clean, found = redact_personal_numbers(text)
    assert found
    assert PLACEHOLDER in clean
    digits = "".join(ch for ch in text if ch.isdigit())
    assert digits not in "".join(ch for ch in clean if ch.isdigit())


@pytest.mark.parametrize(
    "text",
    ["bel me op 06-12345678", "+31 6 12345678", "geboren 12-03-2015", "16 uur in 4 weken",
     "NL91ABNA0417164300", "postcode 1234 AB", "dossiernummer 123456789 (geen elfproef)",
     "uren per dag: 1, 2, 3, 4, 5, 6, 7, 8, 2", "van 1-11-2025 t/m 12-11-2025"],
)
def test_other_numbers_stay(text: str) -> None:
    clean, found = redact_personal_numbers(text)
    assert not found
    assert clean == text


@pytest.mark.parametrize(("text", "expected"), [
    ("bel me op 06-12345678", f"bel me op {TELEFOON}"),
    ("of op +31 20 555 1234.", f"of op {TELEFOON}."),
    ("mijn iban is NL91 ABNA 0417 1643 00 graag", f"mijn iban is {REKENING} graag"),
    ("nl91abna0417164300", REKENING),
    ("DE89 3704 0044 0532 0130 00", REKENING),
])
def test_phone_numbers_and_ibans_in_free_text_are_replaced(text: str, expected: str) -> None:
    assert redact_contact_details(text) == (expected, True)


@pytest.mark.parametrize("text", ["geboren 12-03-2015", "16 uur in 4 weken", "NL12ABNA0417164300 (geen geldige)",
                                  "van 1-11-2025 t/m 12-11-2025", "om 14:30 uur", "postcode 1234 AB"])
def test_other_text_keeps_its_numbers(text: str) -> None:
    assert redact_contact_details(text) == (text, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mag mijn zoon een dag eerder op vakantie?", "nl"),
        ("What's the fine if we leave 2 days early?", "en"),
        ("can my child come on holiday with us outside the school holidays", "en"),
        ("wij hebben een camping kunnen we in mei weg", "nl"),
        ("hoi", "nl"),
        ("hello", "en"),
    ],
)
def test_language_detection(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_short_answer_keeps_the_previous_language() -> None:
    assert detect_language("3", previous="en") == "en"
    assert detect_language("ok", previous="en") == "en"


@pytest.mark.parametrize(
    ("text", "days"),
    [("3", 3), ("drie dagen", 3), ("een week", 5), ("anderhalve week", 8), ("twee weken", 10),
     ("about four school days", 4), ("2,5 dag", 3), ("twee weken en een dag", 11),
     ("a week and two days", 7), ("week", 5),
     ("we hebben 2 kinderen en willen 5 dagen weg", 5), ("2 of 3", None), ("geen idee", None), ("weet ik niet", None)],
)
def test_parse_schooldagen(text: str, days: int | None) -> None:
    assert parse_schooldagen(text) == days


def test_custom_payload_attaches_to_the_reply_before_it() -> None:
    output: list[dict[str, Any]] = [
        {"recipient_id": "x", "text": "Regel", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
        {"recipient_id": "x", "custom": {"leerbot": {"decision": {"allowed": "conditional"}}}},
        {"recipient_id": "x", "text": "Vraag"},
        {"recipient_id": "x", "custom": {"other": 1}},
    ]
    replies = replies_from_rasa(output)
    assert [r.text for r in replies] == ["Regel", "Vraag"]
    assert replies[0].buttons == (Button("Ja", "/affirm"),)
    assert replies[0].data == {"decision": {"allowed": "conditional"}}
    assert replies[1].data == {}


def test_split_text_respects_the_telegram_limit() -> None:
    text = ("woord " * 2000).strip()
    parts = split_text(text)
    assert all(len(p) <= 4096 for p in parts)
    assert " ".join(parts) == text


def test_keyboard_uses_payloads_and_falls_back_to_the_title_when_too_long() -> None:
    markup = telegram_keyboard((Button("Ja", "/affirm"), Button("Lang", "/inform" + "x" * 80)))
    assert markup is not None
    datas = [row[0].callback_data for row in markup.inline_keyboard]
    assert datas == ["/affirm", "Lang"]
    assert telegram_keyboard(()) is None


def test_terminal_shows_buttons_as_numbered_options() -> None:
    lines = terminal_lines(Reply("Vraag?", (Button("Ja", "/affirm"), Button("Nee", "/deny"))))
    assert lines == ["Vraag?", "  1) Ja", "  2) Nee"]
