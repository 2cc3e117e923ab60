"""The one place where Rasa's intents map to the canonical labels of shared/spec/intents.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CANONICAL_LABELS = frozenset({
    "verlof_vakantie_13a", "verlof_gewichtige_omstandigheden", "luxe_verzuim_gevolgen", "vrijstelling_5a",
    "vrijstelling_5b", "vrijstelling_5c", "vrijstelling_andere", "meldplicht_vraag", "melding_doen",
    "leerplicht_leeftijd", "kwalificatieplicht", "ziekte", "handoff_mens", "bezwaar", "godsdienst_feestdag",
    "vijfjarige", "out_of_scope", "greet", "thanks",
})
# Turns that only answer, confirm, deny or ask why carry the topic of the conversation.
FOLLOW_UP_INTENTS = frozenset({"affirm", "deny", "inform", "waarom", "stop", "nlu_fallback"})
FORM_TOPICS: Mapping[str, str] = {
    "vakantieverlof_form": "verlof_vakantie_13a",
}


def canonical_label(intent: str | None, active_loop: str | None, last_decision: Any) -> str:
    """The label for a turn: its own intent when canonical, else the topic of the conversation."""
    if intent in CANONICAL_LABELS:
        return str(intent)
    if active_loop and active_loop in FORM_TOPICS:
        return FORM_TOPICS[active_loop]
    if isinstance(last_decision, Mapping) and last_decision.get("topic") in CANONICAL_LABELS:
        return str(last_decision["topic"])
    return "out_of_scope"
