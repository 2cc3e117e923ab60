"""Guess whether a message is English or Dutch, so replies follow the user's language."""

from __future__ import annotations

import re

from basis.taal import Language

_EN = frozenset(
    (
    "the is are can may my our we you what when how why which does do if to of and for from with school "
    "child son daughter kids holiday holidays leave allowed please thanks thank hello hi fine absence "
    "teacher week weeks day days yes no "
    ).split()
)
_NL = frozenset(
    (
    "de het een is zijn kan mag mijn onze wij we je jij wat wanneer hoe waarom welke als naar van en voor "
    "met kind zoon dochter vakantie verlof school dag dagen week weken ja nee hoi hallo bedankt niet wel "
    "ook moet mogen krijgt krijg "
    ).split()
)


def detect_language(text: str, previous: Language = "nl") -> Language:
    """English only when English words clearly outnumber Dutch ones; short answers keep the last language."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    english = sum(word in _EN for word in words)
    dutch = sum(word in _NL for word in words)
    if english >= 2 and english > dutch:
        return "en"
    if dutch >= 2 and dutch >= english:
        return "nl"
    if len(words) <= 3:
        if english > dutch:
            return "en"
        if dutch > english:
            return "nl"
        return previous
    return previous


# Turkish words that are neither Dutch nor English, and the letters only Turkish uses among these three.
_TR = frozenset(
    (
    "ve bir bu için mi mı mu mü ne nasıl neden var yok okul okula çocuk çocuğum oğlum kızım izin tatil "
    "merhaba lütfen teşekkür ederim öğretmen gün hafta ama değil olur mu musunuz istiyorum benim "
    ).split()
)
_TURKISH_LETTERS = re.compile(r"[ğışİĞŞ]")


def other_language(text: str) -> str | None:
    """'ar' for Arabic script, 'tr' for Turkish, 'other' for another non-Latin script; None for Dutch/English."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    arabic = sum("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters)
    if arabic * 2 > len(letters):
        return "ar"
    if sum(not ("a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f") for c in letters) * 2 > len(letters):
        return "other"
    words = re.findall(r"\w+", text.lower())
    turkish = sum(word in _TR for word in words) + len(_TURKISH_LETTERS.findall(text))
    known = sum(word in _NL or word in _EN for word in words)
    if turkish >= 2 and turkish > known:
        return "tr"
    return None
