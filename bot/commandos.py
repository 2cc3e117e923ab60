"""Every command the assistant knows, in one registry: Telegram's command menu, the /help text and the router's
routing are all derived from it, so adding a command is one line here and one handler in the router."""

from __future__ import annotations

from dataclasses import dataclass

from basis.berichten import Role

IEDEREEN: frozenset[Role] = frozenset({"ouder", "school", "consulent"})
SCHOOL: frozenset[Role] = frozenset({"school"})
CONSULENT: frozenset[Role] = frozenset({"consulent"})


@dataclass(frozen=True)
class Commando:
    naam: str  # without the slash
    argument: str  # how its argument is written in the help ("" when it takes none)
    voor: frozenset[Role]  # the roles that may use it and see it in the menu and the help
    in_menu: bool = True  # shown in Telegram's command menu (the menu is short: the everyday commands)

    @property
    def hulp_sleutel(self) -> str:
        """The catalogue key of its one-line description."""
        return f"commando_{self.naam}"


COMMANDOS: tuple[Commando, ...] = (
    Commando("start", "", IEDEREEN),
    Commando("help", "", IEDEREEN),
    Commando("stop", "", IEDEREEN),
    # Anyone may link an account with a school's code: staff are not 'school' until they have.
    Commando("koppel", "<code>", IEDEREEN, in_menu=False),
    Commando("melding", "", SCHOOL),
    Commando("mijnmeldingen", "", SCHOOL),
    Commando("intrekken", "<referentie>", SCHOOL, in_menu=False),
    Commando("wachtrij", "", CONSULENT),
    Commando("pak", "<nummer>", CONSULENT, in_menu=False),
    Commando("info", "<nummer>", CONSULENT, in_menu=False),
    Commando("overdragen", "<nummer> <team>", CONSULENT, in_menu=False),
    Commando("sluit", "<nummer> <uitkomst> [notitie]", CONSULENT, in_menu=False),
    Commando("heropen", "<nummer>", CONSULENT, in_menu=False),
    Commando("mijngegevens", "", IEDEREEN),
    Commando("vergeetmij", "", IEDEREEN),
)
PER_NAAM = {c.naam: c for c in COMMANDOS}


def lees_commando(tekst: str) -> tuple[Commando, str] | None:
    """The command a message starts with and the rest of it, when it names one we know ('/pak@leerbot 3' too);
    None for anything else, including an unknown '/word'."""
    eerste, _, rest = tekst.strip().partition(" ")
    if not eerste.startswith("/"):
        return None
    commando = PER_NAAM.get(eerste[1:].split("@")[0].lower())
    return (commando, rest.strip()) if commando else None


def lijkt_commando(tekst: str) -> bool:
    """A message written as a command ('/iets'), known or not."""
    eerste = tekst.strip().split(" ")[0]
    return len(eerste) > 1 and eerste.startswith("/") and eerste[1].isalpha()


def voor_rol(rol: Role) -> tuple[Commando, ...]:
    return tuple(c for c in COMMANDOS if rol in c.voor)
