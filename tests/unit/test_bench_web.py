"""The load test's web users: its event-stream reader, and books that count lost, duplicated, out-of-order and
wrong events instead of assuming them away."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bench.report import web_table
from bench.scenarios import Scenario, Turn, Values
from bench.sse import Event, SseParser
from bench.web import WebUsers
from bench.web_boek import Gesprekboek, samenvatting
from tests.webserver import web_server

TRAGER = "De assistent is wat trager dan normaal."


def bericht(van: str, tekst: str) -> str:
    return json.dumps({"van": van, "tekst": tekst, "knoppen": []})


# --- the reader ------------------------------------------------------------------------------------------


def test_events_as_our_server_frames_them_with_a_ping_between() -> None:
    stream = ("id: 7\r\nevent: bericht\r\ndata: {\"van\": \"assistent\"}\r\n\r\n"
              ": ping\r\n\r\n"
              "id: 8\r\nevent: bericht\r\ndata: {\"van\": \"gebruiker\"}\r\n\r\n")
    assert SseParser().feed(stream) == [Event("7", "bericht", '{"van": "assistent"}'),
                                        Event("8", "bericht", '{"van": "gebruiker"}')]


@pytest.mark.parametrize("einde", ["\n", "\r\n", "\r"])
def test_every_split_of_the_stream_gives_the_same_events(einde: str) -> None:
    """Chunks end anywhere: halfway through a field, between the \\r and \\n of one line end, inside the blank
    line that ends an event."""
    stream = einde.join(["id: 1", "event: bericht", "data: eén", "", ": ping", "", "id: 2", "data: a",
                         "data: b", "", ""])
    whole = SseParser().feed(stream)
    assert whole == [Event("1", "bericht", "eén"), Event("2", "message", "a\nb")]
    for cut in range(1, len(stream)):
        parser = SseParser()
        assert parser.feed(stream[:cut]) + parser.feed(stream[cut:]) == whole, cut
    parser = SseParser()
    assert [e for char in stream for e in parser.feed(char)] == whole


def test_an_event_is_complete_only_at_its_blank_line() -> None:
    parser = SseParser()
    assert parser.feed("id: 3\nevent: bericht\ndata: x\n") == []
    assert parser.feed("\n") == [Event("3", "bericht", "x")]


def test_fields_as_the_standard_reads_them() -> None:
    """One space after the colon is dropped, a second kept; a field without a colon is a name with an empty value;
    the id carries over to later events; a block without data, comments and unknown fields are no event."""
    parser = SseParser()
    assert parser.feed("id: 5\nretry: 10\nfoo: bar\n\ndata:  twee\n\ndata\n\n") == [
        Event("5", "message", " twee"), Event("5", "message", "")]


# --- the books -------------------------------------------------------------------------------------------


def test_a_turn_answered_once_and_in_order_counts_clean() -> None:
    boek = Gesprekboek("web-1", frozenset({TRAGER}))
    beurt = boek.stuur("vraag", 0, 2, True, at=10.0, patience=30.0)
    boek.ontvang("1", bericht("gebruiker", "mag dat?"), 10.1)
    boek.ontvang("2", bericht("assistent", "Art. 13a."), 10.3)
    boek.ontvang("3", bericht("assistent", TRAGER), 10.4)  # a notice, counted apart, not as a reply
    boek.ontvang("4", bericht("assistent", "Het schoolhoofd beslist."), 10.5)
    boek.vergelijk_met_outbox([1, 2, 3, 4])
    beurt.beoordeel(["Art. #a.", "Het schoolhoofd beslist."], Values("Sara", 20, 12))
    assert beurt.latency == pytest.approx(0.5)
    assert (beurt.slow_notices, boek.lost, boek.duplicated, boek.out_of_order_total, beurt.wrong) == (1, 0, 0, 0, False)
    figures = samenvatting([boek])
    assert (figures["turns"], figures["replies_expected"], figures["replies_received"]) == (1, 2, 2)
    assert figures["latency_ms"] == {"p50": 500.0, "p95": 500.0}


def test_a_repeated_id_and_a_reply_beyond_the_calibrated_count_are_duplicates() -> None:
    boek = Gesprekboek("web-1")
    boek.stuur("vraag", 0, 1, False, at=0.0, patience=30.0)  # a pressed button: no echo expected
    boek.ontvang("1", bericht("assistent", "Ja."), 0.2)
    boek.ontvang("1", bericht("assistent", "Ja."), 0.3)  # the same row again (a reconnect that replayed it)
    boek.ontvang("2", bericht("assistent", "Ja."), 0.4)  # a second row with the same answer
    assert (boek.repeated_ids, boek.duplicated, boek.lost) == (1, 2, 0)


def test_an_echo_twice_or_for_a_button_is_a_duplicate_and_any_event_on_a_silent_conversation_too() -> None:
    boek = Gesprekboek("web-1")
    boek.stuur("vraag", 0, 0, False, at=0.0, patience=30.0)
    boek.ontvang("1", bericht("gebruiker", "ja"), 0.1)
    assert boek.duplicated == 1
    stil = Gesprekboek("web-2")
    stil.ontvang("9", bericht("assistent", "Hallo"), 0.1)
    assert stil.duplicated == 1


def test_missing_replies_and_a_missing_echo_are_lost_late_ones_are_late_not_lost() -> None:
    boek = Gesprekboek("web-1")
    boek.stuur("vraag", 0, 2, True, at=0.0, patience=30.0)
    boek.ontvang("1", bericht("assistent", "Art. 13a."), 0.2)  # no echo, one of two replies
    assert boek.lost == 2
    assert boek.turns[0].latency is None
    laat = Gesprekboek("web-2")
    beurt = laat.stuur("vraag", 0, 1, False, at=0.0, patience=30.0)
    laat.ontvang("5", bericht("assistent", "Art. 13a."), 31.0)
    assert (laat.lost, beurt.late, samenvatting([laat])["late_turns"]) == (0, True, 1)


def test_the_outbox_holding_what_the_stream_never_delivered_is_lost() -> None:
    boek = Gesprekboek("web-1")
    boek.stuur("vraag", 0, 1, False, at=0.0, patience=30.0)
    boek.ontvang("4", bericht("assistent", "Art. 13a."), 0.2)
    boek.vergelijk_met_outbox([3, 4])
    assert (boek.outbox_missing, boek.lost) == (1, 1)
    boek.vergelijk_met_outbox([4, 5])  # and an id the outbox does not hold is reported as such
    assert (boek.outbox_missing, boek.outbox_unknown) == (1, 0)
    boek.vergelijk_met_outbox([])
    assert boek.outbox_unknown == 1


def test_a_lower_id_after_a_higher_one_and_a_reply_before_its_echo_are_out_of_order() -> None:
    boek = Gesprekboek("web-1")
    boek.stuur("vraag", 0, 2, True, at=0.0, patience=30.0)
    boek.ontvang("3", bericht("assistent", "b"), 0.2)  # before the echo
    boek.ontvang("1", bericht("gebruiker", "vraag"), 0.3)  # lower id after a higher one
    boek.ontvang("2", bericht("assistent", "a"), 0.4)
    assert boek.out_of_order == 2
    assert boek.out_of_order_total == 3  # and the turn whose reply beat its echo
    boek.vergelijk_met_outbox([1, 2, 3])  # the stream's order (3, 1, 2) is not the outbox's
    assert boek.outbox_order_differs
    assert boek.lost == 0
    assert boek.last_id == 3  # a reconnect asks for what comes after the highest id


def test_another_conversations_answer_or_a_missing_own_value_is_wrong() -> None:
    values = Values("Sara de Vries", 24, 12)
    boek = Gesprekboek("web-1")
    beurt = boek.stuur("meldplicht", 1, 1, True, at=0.0, patience=30.0)
    boek.ontvang("1", bericht("gebruiker", "24 uur"), 0.1)
    boek.ontvang("2", bericht("assistent", "Bij 16 uur in 4 weken: melden."), 0.2)
    beurt.beoordeel(["Bij # uur in # weken: melden."], values, echo="24")
    assert beurt.wrong  # the numbers match the calibration once masked, but this conversation's 24 is missing
    beurt.beoordeel(["Bij # uur in # weken: melden."], values)
    assert not beurt.wrong
    beurt.beoordeel(["Welke gemeente?"], values)
    assert beurt.wrong
    niets = boek.stuur("meldplicht", 1, 1, True, at=1.0, patience=30.0)
    niets.beoordeel(["Bij # uur in # weken: melden."], values, echo="24")
    assert (niets.wrong, niets.lost) == (False, 2)  # nothing came: lost (reply and echo), not also wrong


def test_an_event_without_a_number_for_id_or_without_json_is_counted_not_dropped() -> None:
    boek = Gesprekboek("web-1")
    boek.ontvang(None, bericht("assistent", "x"), 0.1)
    boek.ontvang("1", "geen json", 0.1)
    assert (boek.bad_events, boek.ids) == (2, [])


# --- against the real web server -------------------------------------------------------------------------

# What the Rasa stand-in answers: buttons for a text with "knoppen", then the plain answer for a pressed button.
NEP_SCRIPT = (Scenario("knoppen", "vraag", 1, (Turn("welke knoppen zijn er?", "Waar gaat"),
                                               Turn("/vraag_verlof", "directeur", button=True))),
              Scenario("vraag", "vraag", 1, (Turn("mag ik op vakantie?", "directeur"),)))


async def test_web_users_hold_their_streams_and_every_reply_is_booked_once(tmp_path: Path) -> None:
    with web_server(tmp_path) as web:
        users = WebUsers(web.url, users=12, senders=4, turns_per_s=20.0, patience=10.0, script=NEP_SCRIPT,
                         log=lambda _line: None)
        try:
            await users.wait_ready()
            await users.calibrate()
            assert users.calibration[("knoppen", 0)] == ["Waar gaat je vraag over?"]
            await users.open_all()
            stop = asyncio.Event()
            play = asyncio.ensure_future(users.play(stop))
            for _ in range(100):  # until the senders are through their script (3 turns each), at most 10 s
                if users.senders_done == 4:
                    break
                await asyncio.sleep(0.1)
            stop.set()
            await play
            await asyncio.sleep(0.3)
            await users.check_outbox()
            users.judge()
            figures = users.summary()
            assert users.senders_done == 4  # the whole script, 3 turns each
            assert (figures["streams_held_whole_run"], figures["turns"], figures["turns_button"]) == (12, 12, 4)
            assert (figures["replies_expected"], figures["replies_received"]) == (12, 12)
            assert {k: figures[k] for k in ("lost", "duplicated", "out_of_order", "wrong_replies", "bad_events",
                                            "http_429")} == dict.fromkeys(("lost", "duplicated", "out_of_order",
                                                                           "wrong_replies", "bad_events",
                                                                           "http_429"), 0)
            assert figures["errors"] == {}
            assert figures["latency_ms"]["p95"] is not None
            assert "| 12 of 12 | 12 | 0 | 12 (8 + 4) | 12 (12) |" in "\n".join(web_table(figures))

            # A message the books do not know of, on a conversation that sent nothing, shows as duplicated.
            stil = next(g for g in users.gebruikers if not g.boek.turns)
            assert web.stuur(stil.gesprek_id, stil.kop, tekst="mag ik op vakantie?").status_code == 202
            await asyncio.sleep(1.0)
            assert users.summary()["duplicated"] == 2  # its echo and the answer
        finally:
            await users.close()
