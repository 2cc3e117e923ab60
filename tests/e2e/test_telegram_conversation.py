"""Telegram end to end: fake Bot API → python-telegram-bot → Rasa → action server → rules/ and back."""

from __future__ import annotations

import asyncio

import pytest

from testkit.fake_telegram import FakeTelegram
from tests.e2e.conftest import wait_for, wait_for_text

pytestmark = pytest.mark.e2e


async def test_holiday_question_states_article_13a_condition_and_decider(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "mag mijn zoon een dag eerder op vakantie?")
    rule, question = await wait_for(telegram, chat_id, 2)
    text = rule["text"]
    assert "13a" in text
    assert [b[0]["callback_data"] for b in rule["reply_markup"]["inline_keyboard"]] == ["/waarom", "/meer_regels"]
    assert "beroep" in text  # the condition about the parent's job
    assert "schoolhoofd" in text
    assert "toegestaan" not in text.lower()
    assert "goedgekeurd" not in text.lower()
    buttons = [row[0] for row in question["reply_markup"]["inline_keyboard"]]
    assert [(b["text"], b["callback_data"]) for b in buttons] == [("Ja", "/affirm"), ("Nee", "/deny")]

    telegram.push_button(chat_id, telegram.last_bot_message(chat_id), "/affirm")
    # "een dag" was in the question already, so the form asks nothing more and answers.
    answer = (await wait_for(telegram, chat_id, 3))[2]["text"]
    assert "schoolhoofd) beslist" in answer
    assert "niets toezeggen" in answer
    assert "Ik ga uit van:" in answer  # the facts the answer rests on, so the user can correct them
    assert telegram.calls_of("answerCallbackQuery")
    edits = telegram.calls_of("editMessageText")
    assert edits
    assert edits[-1]["text"].endswith("→ Ja")

    telegram.push_text(chat_id, "waarom?")
    why = (await wait_for(telegram, chat_id, 4))[3]["text"]
    assert "art. 13a lid 1 Leerplichtwet 1969" in why
    assert "wetten.overheid.nl/BWBR0002628/2026-08-01" in why


async def test_more_than_ten_days_is_something_nobody_can_grant(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "wij hebben een camping, mogen we in mei weg?")
    rule, question = await wait_for(telegram, chat_id, 2)
    assert "13a" in rule["text"]
    assert "Hoeveel schooldagen" in question["text"]  # the job reason was in the question already
    telegram.push_text(chat_id, "twee weken en een dag")
    answer = (await wait_for(telegram, chat_id, 3))[2]["text"]
    assert "niemand" in answer
    assert "leerplichtambtenaar niet" in answer


async def test_fifteen_days_in_the_first_message_is_answered_at_once(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "mogen we 15 dagen eerder op vakantie want mijn man werkt in de horeca")
    (answer,) = await wait_for(telegram, chat_id, 1)
    assert "niemand" in answer["text"]
    await asyncio.sleep(1)
    assert len(telegram.sent_messages(chat_id)) == 1  # no questions after the answer


async def test_no_job_reason_means_nobody_can_grant_it(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "mag mijn dochter een week eerder mee naar spanje")
    await wait_for(telegram, chat_id, 2)
    telegram.push_button(chat_id, telegram.last_bot_message(chat_id), "/deny")
    answer = (await wait_for(telegram, chat_id, 3))[2]["text"]
    assert "niemand" in answer
    assert "luxe verzuim" in answer


async def test_english_question_gets_an_english_answer(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "May my son leave one day before the school holidays?")
    rule, question = await wait_for(telegram, chat_id, 2)
    assert "13a" in rule["text"]
    assert "head of the school" in rule["text"]
    assert "job" in question["text"]


async def test_start_greets(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "/start")
    (greeting,) = await wait_for(telegram, chat_id, 1)
    assert "leerplicht" in greeting["text"]


async def test_personal_number_is_not_echoed_and_the_question_is_still_answered(
    telegram: FakeTelegram, chat_id: int
) -> None:
    telegram.push_text(chat_id, "Mijn zoon heeft BSN 123456782. Mag hij buiten de schoolvakanties mee op vakantie?")
    sent = await wait_for(telegram, chat_id, 3)
    assert "BSN" in sent[0]["text"]
    assert "13a" in sent[1]["text"]
    assert all("123456782" not in message["text"] for message in telegram.sent_messages(chat_id))


async def test_markup_and_unsupported_input_never_break_the_chat(telegram: FakeTelegram, chat_id: int) -> None:
    telegram.push_text(chat_id, "<b>mag</b> *mijn* _kind_ [vrij](http://x) voor vakantie? `code` & </i>")
    telegram.push_message(chat_id, voice={"file_id": "v", "file_unique_id": "v", "duration": 3})
    telegram.push_text(chat_id, "/onbekend")
    await wait_for_text(telegram, chat_id, "alleen tekst")
    await wait_for_text(telegram, chat_id, "commando ken ik niet")
    await wait_for_text(telegram, chat_id, "13a")
    assert all("parse_mode" not in message for message in telegram.sent_messages(chat_id))
