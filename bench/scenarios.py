"""The conversations the load test plays: what parents, school staff and consulenten really send.

Each turn names a fragment its replies must contain (checked once, on a quiet stack, before the load) and,
where the assistant repeats a value of this conversation back, that value: under load each conversation
must get its own value back, which is how a mixed-up conversation would show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Turn:
    text: str  # may hold {naam}, {uren}, {dagen} or {code}: filled in per conversation
    expect: str = ""  # a fragment of the replies to this turn (empty: the count is checked, not the text)
    button: bool = False  # press the button with payload `text` under the bot's last message
    echo: str = ""  # a per-conversation value the replies must repeat, e.g. "{uren} uur"


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str  # vraag | verlofcheck | melding | overdracht
    weight: float  # share of the conversations that start
    turns: tuple[Turn, ...]
    linked_school: bool = False  # the chat needs a fresh link code ({code})


@dataclass
class Values:
    """What one conversation fills into its turns."""

    naam: str
    uren: int
    dagen: int
    code: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def fill(self, text: str) -> str:
        return text.format(naam=self.naam, uren=self.uren, dagen=self.dagen, code=self.code)


VOORNAMEN = ("Sara", "Noah", "Emma", "Daan", "Julia", "Sem", "Tess", "Finn", "Zoë", "Milan", "Lotte", "Ayoub",
             "Fleur", "Liam", "Yara", "Bram", "Nora", "Jesse", "Iris", "Mohamed")
ACHTERNAMEN = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
               "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Kok", "Dekker")


def values_for(index: int, rng: random.Random) -> Values:
    """Distinct values per conversation: a pupil name of its own, hours and days that differ."""
    first, rest = index % len(VOORNAMEN), index // len(VOORNAMEN)
    naam = f"{VOORNAMEN[first]} {ACHTERNAMEN[rest % len(ACHTERNAMEN)]}"
    if rest >= len(ACHTERNAMEN):  # a double surname: names stay distinct and free of digits (a melding checks)
        naam += f"-{ACHTERNAMEN[(rest // len(ACHTERNAMEN)) % len(ACHTERNAMEN)].split()[-1]}"
    # Every value leads to the same kind of answer (meldplichtig; more than ten days), so the answer text is
    # the same up to the numbers, which is what the load test compares.
    return Values(naam=naam, uren=rng.randint(17, 30), dagen=rng.randint(11, 15))


MELDING_TURNS = (
    Turn("/koppel {code}", "Gekoppeld"),
    Turn("/melding", "naam van de leerling"),
    Turn("{naam}", "geboortedatum"),
    Turn("14-03-2012", "gemeente"),
    Turn("Zwolle", "groep of klas"),
    Turn("2 havo", "periode"),
    Turn("van 2 t/m 20 februari", "Hoeveel uur"),
    Turn("{uren}", "aaneengesloten"),
    Turn("nee", "reden"),
    Turn("spijbelen", "Wat heeft de school"),
    Turn("gesprek met leerling en ouders, mentor", "advies"),
    Turn("spreekuur", "contactpersoon"),
    Turn("Mevr. J. Bakker", "telefoonnummer"),
    Turn("038 123 4567", "e-mailadres"),
    Turn("j.bakker@hetbaken.nl", "ouders verteld"),
    Turn("ja", "Klopt alles", echo="{naam}"),
    Turn("versturen", "kenmerk", button=True),
)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("vakantie buiten de schoolvakanties", "vraag", 14, (
        Turn("Mag mijn kind buiten de schoolvakanties mee op vakantie?", "13a"),
    )),
    Scenario("bruiloft oom", "vraag", 10, (
        Turn("Krijgt mijn zoon vrij voor de bruiloft van zijn oom?", "14"),
    )),
    Scenario("vakantie in het Engels", "vraag", 6, (
        Turn("Can we go on holiday outside the school holidays?", "13a"),
    )),
    Scenario("toch op vakantie", "vraag", 8, (
        Turn("Wat gebeurt er als we toch zonder toestemming op vakantie gaan?", ""),
    )),
    Scenario("onbegrepen", "vraag", 4, (
        Turn("fiets banaan regenjas", ""),
    )),
    Scenario("camping in mei", "verlofcheck", 14, (
        Turn("wij hebben een camping, mogen we in mei weg?", "Hoeveel schooldagen"),
        Turn("{dagen} dagen", "niemand"),
        Turn("waarom?", "13a"),
    )),
    Scenario("dag eerder op vakantie", "verlofcheck", 14, (
        Turn("mag mijn zoon een dag eerder op vakantie?", "13a"),
        Turn("/affirm", "schoolhoofd", button=True),
    )),
    Scenario("meldplicht", "verlofcheck", 12, (
        Turn("moet ik ongeoorloofd verzuim van een leerling melden?", "uur"),
        Turn("{uren} uur in 3 weken", "", echo="{uren}"),
    )),
    Scenario("verzuimmelding", "melding", 4, MELDING_TURNS, linked_school=True),
    Scenario("consulent gevraagd", "overdracht", 3, (
        Turn("ik wil graag met iemand van leerplicht praten", "In welke gemeente"),
        Turn("Zwolle", ""),
        Turn("/stop", ""),
    )),
)


def pick(rng: random.Random) -> Scenario:
    return rng.choices(SCENARIOS, weights=[s.weight for s in SCENARIOS])[0]
