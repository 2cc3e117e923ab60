"""The few sentences the front end says itself, when Rasa cannot (it is down) or should not (bad input)."""

from __future__ import annotations

from basis.taal import Language

_TEXTS: dict[str, dict[Language, str]] = {
    "slow": {
        "nl": "De assistent is even wat trager dan normaal. Je bericht is bewaard; het antwoord komt zo.",
        "en": "The assistant is a little slower than usual. Your message is kept; the answer follows shortly.",
    },
    "kept": {
        "nl": (
            "De assistent is op dit moment even niet bereikbaar. Je bericht is bewaard en je krijgt "
            "antwoord zodra hij weer werkt; je hoeft niets opnieuw te sturen."
        ),
        "en": (
            "The assistant cannot be reached at the moment. Your message is kept and you will get an "
            "answer as soon as it is back; there is no need to send it again."
        ),
    },
    "too_long": {
        "nl": (
            "Dat bericht is te lang voor mij ({length} tekens; maximaal {limit}). Kun je je vraag in een "
            "paar zinnen stellen? Wat je eerder hebt verteld, ben ik niet kwijt."
        ),
        "en": (
            "That message is too long for me ({length} characters; at most {limit}). Could you ask your "
            "question in a few sentences? I have kept what you told me before."
        ),
    },
    "personal_number": {
        "nl": (
            "Let op: deel geen BSN of onderwijsnummer in deze chat. Ik heb het nummer niet gelezen en "
            "niet bewaard."
        ),
        "en": (
            "Please do not share a BSN or other personal number in this chat. I have not read or stored "
            "the number."
        ),
    },
    "not_text": {
        "nl": "Ik kan alleen tekst lezen, geen foto's, spraakberichten of stickers. Typ je vraag maar.",
        "en": "I can only read text, not photos, voice messages or stickers. Please type your question.",
    },
    "unknown_command": {
        "nl": "Dat commando ken ik niet. Stel je vraag gewoon in een zin, of stuur /start.",
        "en": "I do not know that command. Just ask your question in a sentence, or send /start.",
    },
    "empty": {
        "nl": "Ik zie geen tekst in je bericht. Wat wil je weten?",
        "en": "I do not see any text in your message. What would you like to know?",
    },
    # Said in both languages at once: the user wrote neither.
    "other_language": {
        "nl": (
            "Ik begrijp alleen Nederlands en Engels. Stel je vraag in een van die talen, of praat met een "
            "consulent van de gemeente.\nI only understand Dutch and English. Please ask in one of those, or "
            "talk to a consulent of the municipality."
        ),
        "en": (
            "I only understand Dutch and English. Please ask in one of those, or talk to a consulent of the "
            "municipality.\nIk begrijp alleen Nederlands en Engels. Stel je vraag in een van die talen, of praat "
            "met een consulent van de gemeente."
        ),
    },
    "consulent_button": {
        "nl": "Een consulent spreken / Talk to a consulent",
        "en": "Talk to a consulent / Een consulent spreken",
    },
    "error": {
        "nl": "Er ging bij mij iets mis. Probeer het zo nog eens; wat je al had verteld, ben ik niet kwijt.",
        "en": "Something went wrong on my side. Please try again shortly; I have kept what you told me.",
    },
}


def text(key: str, language: Language = "nl", **values: object) -> str:
    return _TEXTS[key][language].format(**values)
