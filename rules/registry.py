"""Every topic the rule engine decides, with its input model, so the CLI, the YAML rule cases and the
actions all reach a rule the same way."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from content.errors import BuitenGeldigheid
from content.schema import RuleSet
from rules.besluit import Besluit
from rules.bezwaar import BezwaarFeiten, beoordeel_bezwaar
from rules.errors import NeeZonderFeit, Onberekenbaar, OngeldigeFeiten
from rules.feittypen import PEILDATUM, plausibel
from rules.gewichtig import GewichtigFeiten, beoordeel_gewichtig
from rules.kennisgeving import KennisgevingFeiten, beoordeel_kennisgeving
from rules.leerplicht import LeerplichtFeiten, beoordeel_leerplicht
from rules.luxe_verzuim import GevolgenFeiten, beoordeel_gevolgen
from rules.meldplicht import MeldplichtFeiten, beoordeel_meldplicht
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof
from rules.vrijstelling import VrijstellingFeiten, beoordeel_vrijstelling

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Onderwerp:
    naam: str
    omschrijving: str
    feiten: type[BaseModel]
    beoordeel: Callable[[Any, RuleSet, dt.date], Besluit]


ONDERWERPEN: Mapping[str, Onderwerp] = {
    o.naam: o
    for o in (
        Onderwerp("vakantieverlof", "verlof voor vakantie om het beroep van een ouder (art. 11 f, 13a)",
                  VakantieverlofFeiten, beoordeel_vakantieverlof),
        Onderwerp("gewichtige_omstandigheden", "verlof wegens gewichtige omstandigheden (art. 11 g, 14)",
                  GewichtigFeiten, beoordeel_gewichtig),
        Onderwerp("kennisgeving", "ziekte (art. 12), godsdienst (art. 13), vijfjarigen (art. 11a)",
                  KennisgevingFeiten, beoordeel_kennisgeving),
        Onderwerp("luxe_verzuim", "wat volgt op vakantie zonder verlof of spijbelen (art. 2, 22, 26)",
                  GevolgenFeiten, beoordeel_gevolgen),
        Onderwerp("bezwaar", "bezwaar tegen een beslissing op een verlofaanvraag (Awb)",
                  BezwaarFeiten, beoordeel_bezwaar),
        Onderwerp("vrijstelling", "vrijstelling van inschrijving of vervangende leerplicht (art. 5, 5a, 15, 3a, 3b)",
                  VrijstellingFeiten, beoordeel_vrijstelling),
        Onderwerp("leerplicht", "wanneer leerplicht en kwalificatieplicht beginnen en eindigen (art. 3, 4a, 4b)",
                  LeerplichtFeiten, beoordeel_leerplicht),
        Onderwerp("meldplicht", "moet of mag de school verzuim melden (art. 21a; tot 2024 ook art. 21)",
                  MeldplichtFeiten, beoordeel_meldplicht),
    )
}


def _soort(waarde: object) -> str:
    """What a JSON value is, in the words of JSON, for an error that does not echo the value."""
    if waarde is None:
        return "null"
    if isinstance(waarde, bool):
        return "true or false"
    if isinstance(waarde, (int, float)):
        return "a number"
    if isinstance(waarde, str):
        return "a string"
    return "an array" if isinstance(waarde, (list, tuple)) else type(waarde).__name__


def lees_feiten(onderwerp: Onderwerp, ruw: object, peildatum: dt.date) -> BaseModel:
    """Validate raw facts against the topic's model, whose fields are strict (rules/feittypen.py); dates of
    events are checked against the peildatum. The first problem becomes a typed error that names the field."""
    if not isinstance(ruw, Mapping):
        raise OngeldigeFeiten("feiten", f"expected a JSON object with the facts by name, not {_soort(ruw)}")
    try:
        return onderwerp.feiten.model_validate(dict(ruw), context={PEILDATUM: peildatum})
    except ValidationError as exc:
        fout = exc.errors(include_url=False, include_input=False)[0]
        veld = ".".join(str(deel) for deel in fout["loc"]) or str(fout["msg"]).split(":")[0].split()[-1]
        raise OngeldigeFeiten(veld, str(fout["msg"])) from None


def _gegeven(waarde: object) -> bool:
    """Whether a fact was given: not missing, false or empty. A 0 is given (0 hours is known, not unknown)."""
    return waarde is not None and waarde is not False and waarde not in ("", [], ())


def beoordeel(naam: str, ruw: object, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """Decide a topic by name from raw facts (a JSON object, e.g. parsed from the CLI). Whatever `ruw` holds,
    the result is a decision or a RegelFout: a peildatum for which the content holds no rule, or (for a rule that
    counts school days) no calendar, is a typed error on the field peildatum."""
    try:
        onderwerp = ONDERWERPEN[naam]
    except KeyError:
        raise OngeldigeFeiten("onderwerp", f"unknown topic {naam!r}; known: {', '.join(ONDERWERPEN)}") from None
    try:
        plausibel(peildatum)
    except ValueError as exc:
        raise OngeldigeFeiten("peildatum", str(exc)) from None
    feiten = lees_feiten(onderwerp, ruw, peildatum)
    try:
        besluit = onderwerp.beoordeel(feiten, rules, peildatum)
    except BuitenGeldigheid as exc:
        raise OngeldigeFeiten("peildatum", f"no rule content for this topic: {exc}") from None
    except (OverflowError, RecursionError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise  # the rule built an invalid decision: a defect, never to be passed off as the user's facts
        # The last line: the strict facts should make this impossible. Only the kind of error and where it
        # arose are logged, nothing of the facts or of the message (it may quote them).
        plek = traceback.extract_tb(exc.__traceback__)[-1]
        _log.error("regels %s: %s at %s:%s", naam, type(exc).__name__, Path(plek.filename).name, plek.lineno)
        raise Onberekenbaar("feiten", "the rules cannot compute with these facts (a date or number out of range)") \
            from None
    niet_gegeven = [naam for naam in besluit.erkend
                    if naam not in feiten.model_fields_set or not _gegeven(getattr(feiten, naam, None))]
    if niet_gegeven:  # a rule that says "no" on a default instead of a fact: a defect, never an answer
        raise NeeZonderFeit(niet_gegeven[0], f"{naam}: the decision rests on facts not given")
    return besluit
