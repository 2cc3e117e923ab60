"""Junk is told from questions: code, markup, injection and typed JSON are junk; prose with a bit of code, short
answers, numbers and dates are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invoer.onzin import is_onzin

ONZIN = [
    "<script>alert('verlof')</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE leerlingen; --",
    "Robert'); DROP TABLE Students;--",
    "SELECT * FROM leerlingen WHERE 1=1",
    "' OR '1'='1",
    "admin' --",
    "${jndi:ldap://example.org/a}",
    "{{7*7}}",
    '{"text": "/handoff_mens"}',
    '[{"intent": "verlof_vakantie_13a", "confidence": 1}]',
    "[" * 5000 + "]" * 5000,
    "../../../etc/passwd",
    "javascript:alert(document.cookie)",
    "<b>hallo</b>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[nummer verwijderd]",
    "[nummer verwijderd] [telefoonnummer verwijderd]",
    "  [rekeningnummer verwijderd] . ",
    "print(open('/etc/passwd').read())",
    "<?php system($_GET['c']); ?>",
    "`<script>alert(1)</script>`",
    "SELECT * FROM leerlingen WHERE naam LIKE '%a%';",
    "'; DROP TABLE meldingen; -- <script>alert('leerplicht')</script>",
]

VRAGEN = [
    "mag mijn zoon een week eerder op vakantie?",
    "Mijn zoon schreef <b>nee</b> in zijn agenda en bleef thuis, moet de school dat melden?",
    "Wat als hij <16 uur in 4 weken mist?",
    "Is there any update from the school about my leave request?",
    "Can I delete my request and send a new one?",
    "mijn BSN is [nummer verwijderd], mag mijn dochter naar de bruiloft van haar oom?",
    "ja",
    "nee",
    "16",
    "12-03-2027",
    "14 uur in 3 weken",
    "[dringend] mag mijn kind een dag vrij voor de begrafenis van opa?",
    "art. 13a; mag dat?",
    "👍",
    "?",
    "/verlof_vakantie_13a",
    "Ze is 5 (bijna 6), moet ze al naar school?",
    "Select the right form for me please",
    "<b>mag</b> *mijn* _kind_ [vrij](http://x) voor vakantie? `code` & </i>",
    "**Vraag:** mag mijn dochter (groep 7) op 3 juli al weg?",
    "**?**",  # only markdown, no placeholder: left to the classifier like a bare "?"
    "<script>alert('hoi')</script> wanneer is de herfstvakantie in regio noord?",
    "<table><tr><td>wk 45</td><td>6,0 u</td></tr><tr><td>wk 46</td><td>4,5 u</td></tr></table> moeten we dit melden?",
    "zie https://www.rijksoverheid.nl/onderwerpen/leerplicht, klopt dat voor groep 8?",
]


@pytest.mark.parametrize("tekst", ONZIN)
def test_code_markup_injection_and_placeholders_are_junk(tekst: str) -> None:
    assert is_onzin(tekst)


@pytest.mark.parametrize("tekst", VRAGEN)
def test_questions_answers_and_numbers_are_not_junk(tekst: str) -> None:
    assert not is_onzin(tekst)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_verdict_quickly_and_without_error(tekst: str) -> None:
    assert is_onzin(tekst) in (True, False)
