"""Errors raised while loading or reading rule content."""

from __future__ import annotations


class ContentError(Exception):
    """Base class: the rule content is missing, invalid or asked for outside its validity."""


class ContentValidationError(ContentError):
    """Raised at load time when a YAML file does not match the schema (e.g. a value without a source)."""


class BuitenGeldigheid(ContentError):
    """Raised when a parameter is read for a peildatum on which none of its values is in force."""


class OnbekendeParameter(ContentError):
    """Raised when code asks for a parameter or explanation that the content does not define."""
