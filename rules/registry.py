"""Every topic the rule engine decides, with its input model, so the CLI, the YAML rule cases and the
actions all reach a rule the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from content.errors import BuitenGeldigheid
from content.schema import RuleSet
from rules.besluit import Besluit
from rules.bezwaar import BezwaarFeiten, beoordeel_bezwaar
from rules.errors import NeeZonderFeit, OngeldigeFeiten
from rules.feittypen import PEILDATUM
from rules.gewichtig import GewichtigFeiten, beoordeel_gewichtig
from rules.kennisgeving import KennisgevingFeiten, beoordeel_kennisgeving
from rules.leerplicht import LeerplichtFeiten, beoordeel_leerplicht
from rules.luxe_verzuim import GevolgenFeiten, beoordeel_gevolgen
from rules.meldplicht import MeldplichtFeiten, beoordeel_meldplicht
from rules.verlof import VakantieverlofFeiten, beoordeel_vakantieverlof
from rules.vrijstelling import VrijstellingFeiten, beoordeel_vrijstelling


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


def beoordeel(naam: str, ruw: object, rules: RuleSet, peildatum: dt.date) -> Besluit:
    """Decide a topic by name from raw facts (a JSON object, e.g. parsed JSON). A peildatum for which the content
    holds no rule is a typed error on the field peildatum, not a crash."""
    try:
        onderwerp = ONDERWERPEN[naam]
    except KeyError:
        raise OngeldigeFeiten("onderwerp", f"unknown topic {naam!r}; known: {', '.join(ONDERWERPEN)}") from None
    feiten = lees_feiten(onderwerp, ruw, peildatum)
    try:
        besluit = onderwerp.beoordeel(feiten, rules, peildatum)
    except BuitenGeldigheid as exc:
        raise OngeldigeFeiten("peildatum", f"no rule content in force on {peildatum.isoformat()} ({exc})") from None
    niet_gegeven = [naam for naam in besluit.erkend
                    if naam not in feiten.model_fields_set or getattr(feiten, naam, None) in (None, False, "", ())]
    if niet_gegeven:  # a rule that says "no" on a default instead of a fact: a defect, never an answer
        raise NeeZonderFeit(niet_gegeven[0], f"{naam}: the decision rests on facts not given")
    return besluit
