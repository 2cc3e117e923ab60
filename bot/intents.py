"""The one place where Rasa's intents map to the canonical labels of shared/spec/intents.md."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CANONICAL_LABELS = frozenset({
    "verlof_vakantie_13a", "verlof_gewichtige_omstandigheden", "luxe_verzuim_gevolgen", "vrijstelling_5a",
    "vrijstelling_5b", "vrijstelling_5c", "vrijstelling_andere", "meldplicht_vraag", "melding_doen",
    "leerplicht_leeftijd", "kwalificatieplicht", "ziekte", "handoff_mens", "bezwaar", "godsdienst_feestdag",
    "vijfjarige", "out_of_scope", "greet", "thanks",
})
# Turns that only answer, confirm, deny or ask why carry the topic of the conversation.
FOLLOW_UP_INTENTS = frozenset({"affirm", "deny", "inform", "waarom", "stop", "nlu_fallback"})
# The actions that answer a topic's question (actions/antwoord.py, and art. 13a's in actions/verlof.py).
ANTWOORD_PREFIX = "action_antwoord_"
VAKANTIEVERLOF_UITLEG = "action_vakantieverlof_uitleg"
FORM_TOPICS: Mapping[str, str] = {
    "vakantieverlof_form": "verlof_vakantie_13a",
    "meldplicht_form": "meldplicht_vraag",
    "leeftijd_form": "leerplicht_leeftijd",
}


def form_answered(events: Sequence[Mapping[str, Any]]) -> str | None:
    """The form that took the last user message as an answer (it ran and was not rejected), if any."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") != "user":
            continue
        volgende = [e for e in events[index + 1:] if e.get("event") in ("action", "action_execution_rejected")]
        if volgende and volgende[0].get("name") in FORM_TOPICS:
            rejected = len(volgende) > 1 and volgende[1].get("event") == "action_execution_rejected"
            # A new question asked while the form waited is answered by its own topic's action, not by the form.
            ander_onderwerp = any(str(e.get("name") or "").startswith(ANTWOORD_PREFIX)
                                  or e.get("name") == VAKANTIEVERLOF_UITLEG for e in volgende[1:])
            return None if rejected or ander_onderwerp else str(volgende[0]["name"])
        return None
    return None


def canonical_label(intent: str | None, active_loop: str | None, last_decision: Any,
                    answered_form: str | None = None, answered_topic: str | None = None) -> str:
    """The label for a turn: the topic of the form it answered, else the topic its answer was given on when the
    facts corrected the classifier's topic (a tournament read as a feast day is answered as art. 14), else its
    own intent when canonical, else the topic of the conversation."""
    if answered_form in FORM_TOPICS:
        return FORM_TOPICS[str(answered_form)]
    if intent in CANONICAL_LABELS and answered_topic in CANONICAL_LABELS:
        return str(answered_topic)
    if intent in CANONICAL_LABELS:
        return str(intent)
    if active_loop and active_loop in FORM_TOPICS:
        return FORM_TOPICS[active_loop]
    if isinstance(last_decision, Mapping) and last_decision.get("topic") in CANONICAL_LABELS:
        return str(last_decision["topic"])
    return "out_of_scope"
