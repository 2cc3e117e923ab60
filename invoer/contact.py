"""Phone numbers and e-mail addresses, checked and written in their usual form."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email


def telefoonnummer(tekst: str) -> str | None:
    """A valid phone number (Dutch unless it has a country code) in its usual notation; None otherwise."""
    try:
        nummer = phonenumbers.parse(tekst, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(nummer):
        return None
    vorm = (phonenumbers.PhoneNumberFormat.NATIONAL if nummer.country_code == 31
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return str(phonenumbers.format_number(nummer, vorm))


def emailadres(tekst: str) -> str | None:
    """A well-formed e-mail address, normalised; None otherwise. No DNS look-up (a school's mail server says
    nothing about the address): syntax only."""
    try:
        return str(validate_email(tekst.strip(), check_deliverability=False).normalized)
    except EmailNotValidError:
        return None
