"""The topic of a whole sentence read from the facts in it, for where the NLU cannot tell: a message it did
not understand, a request to approve that carries a leave question ("keur mijn 15 dagen Bali goed"), a
follow-up aspect asked while no case is open ("…we willen in juni 5 dagen weg, wie moet ik mailen?").

Only clear signals count: an event that can be a gewichtige omstandigheid, a religious feast by name, hours of
absence with reporting or weeks, the ground of an exemption, a job that rules out the school holidays, or a
holiday or leave with a duration. Anything else stays unknown, and the caller asks the user to rephrase instead
of guessing.
"""

from __future__ import annotations

import re

from actions.feiten import (
    dagen,
    noemt_beperking,
    noemt_beroep,
    noemt_bezwaar_richting,
    noemt_goedkoper,
    noemt_school_in_buitenland,
    omstandigheid,
    relatie,
    vraagt_stoppen,
    vrijstelling_grond,
)
from content.woorden import herken_feest
from invoer.antwoorden import ja_nee
from invoer.leeftijd import leeftijd
from invoer.uren import uren, weken

# Events art. 14 is about; "goedkoper" or "familiebezoek" are reasons people give for a holiday.
_GEBEURTENISSEN = frozenset({"bruiloft", "overlijden", "ernstige_ziekte", "verhuizing", "jubileum",
                             "wettelijke_verplichting"})
# A holiday, or leave asked without an event ("15 schooldagen naar Bali", "in juni 5 dagen weg").
_VAKANTIE = re.compile(r"vakantie|op reis|\breis\b|holiday|vacation|\btrip\b|vliegticket|flights?\b|geboekt|booked|"
                       r"\bweg\b|verlof|\bvrij\b|\baway\b|\bdays? off\b|\bleave\b", re.I)
_MELDEN = re.compile(r"\bmeld|\breport|verzuimloket|\bduo\b|\blrv\b", re.I)


def onderwerp_uit_feiten(tekst: str) -> str | None:
    """The label the facts in the text point to, or None when they do not point clearly."""
    if omstandigheid(tekst) in _GEBEURTENISSEN:
        return "verlof_gewichtige_omstandigheden"
    feest = herken_feest(tekst)
    if feest is not None and feest[1] != "niet_religieus":  # "afmelden voor het Suikerfeest", "form for Yom Kippur"
        return "godsdienst_feestdag"
    if uren(tekst) is not None and (_MELDEN.search(tekst) or weken(tekst) is not None):
        return "meldplicht_vraag"  # "16u in 4 wk: tellen de vakantieweken mee?"
    if vrijstelling_grond(tekst):
        return "vrijstelling_andere"  # more internship at 15, a bargee's child, a gedoogbeschikking
    if noemt_beroep(tekst) or (_VAKANTIE.search(tekst) and dagen(tekst) is not None):
        return "verlof_vakantie_13a"
    return None


def verlof_uit_feiten(tekst: str) -> str | None:
    """Which of the two leave articles the facts decide: an event without a job reason is art. 14; a job that
    rules out every school holiday, or a cheaper holiday, without an event is art. 13a; both or neither decide
    nothing."""
    soort = omstandigheid(tekst)
    gebeurtenis, beroep = soort in _GEBEURTENISSEN, noemt_beroep(tekst)
    if gebeurtenis and not beroep:
        return "verlof_gewichtige_omstandigheden"
    if (beroep and soort is None) or (soort is None and noemt_goedkoper(tekst)) or soort == "goedkoper":
        return "verlof_vakantie_13a"
    return None


# Dated events that are no duty of religion or belief: art. 13 does not cover them, art. 14 may.
_ANDERE_GEBEURTENIS = re.compile(r"toernooi|wedstrijd|kampioenschap|concert|optreden|voorstelling|verjaardag|jarig|"
                                 r"\bfeestje|\bfeest\b|familiefeest|reünie|herdenking|jubileum|tournament|match|competition|"
                                 r"championship|performance|birthday|party|reunion|memorial|anniversary|jaarmarkt|"
                                 r"kermis|braderie|festival|dorpsfeest|volksfeest|\bfair\b", re.I)
_VERLOF_LABELS = frozenset({"verlof_vakantie_13a", "verlof_gewichtige_omstandigheden", "godsdienst_feestdag",
                            "luxe_verzuim_gevolgen"})
LEERPLICHTIG_VANAF = 5  # art. 3: the age settles a leave question for a younger child before any leave rule


def geen_religieuze_plicht(tekst: str) -> bool:
    """A day off for an event the text names that is no feast at all (a tournament, a birthday party, a
    funeral). A named feast stays a feast-day question, religious or not: its rule says whether art. 13 covers it
    (carnaval does not)."""
    if herken_feest(tekst) is not None:
        return False
    return bool(_ANDERE_GEBEURTENIS.search(tekst)) or omstandigheid(tekst) in _GEBEURTENISSEN


def plotselinge_nood(label: str, tekst: str) -> bool:
    """Staying away for a death or a dying relative is no luxe verzuim: art. 14 covers it, and lid 2 lets the
    parents tell the head afterwards when there was no time to ask first."""
    return label == "luxe_verzuim_gevolgen" and omstandigheid(tekst) in ("overlijden", "ernstige_ziekte")


def ziekte_van_familielid(label: str, tekst: str) -> bool:
    """A relative's illness or death ("my mum had a stroke", "opa ligt op de ic", "to care for my sick father")
    read as illness: the child is not ill, so it is leave for an important circumstance (art. 14, where the head
    weighs how serious it is), never "ziek melden is genoeg"."""
    if label != "ziekte" or relatie(tekst, []) is None:
        return False
    return omstandigheid(tekst) in ("ernstige_ziekte", "overlijden") or (
        bool(_ZIEK_WOORD.search(tekst)) and not _KIND_ZIEK.search(tekst) and not _ZIEK_MELDEN.search(tekst)
        and not _ZELF_ZIEK.search(tekst))


# Illness named at all: the sign of a question about illness.
_ZIEK_WOORD = re.compile(r"\bziek|\bill\b|illness|\bsick|koorts|griep|\bflu\b|fever|verkouden|\bcold\b|dokter|"
                         r"\barts\b|doctor|huisarts|\bgp\b|ziekenhuis|hospital|operatie|surgery|blessure|injur|"
                         r"gebroken|broken|pijn|pain|corona|covid|migraine|hersenschudding|concussion|misselijk|"
                         r"overgeven|vomit|buikgriep|waterpokken|chickenpox|ziekmelding|beterschap|herstel|recover|"
                         r"ongeluk|accident|allerg|astma|asthma|tandarts|dentist|orthodont|fysio|therap|specialist|"
                         r"opname|opgenomen|admitted|hoofdpijn|headache|buikpijn|stomach|besmettelijk|contagious|"
                         r"luizen|lice|krukken|crutches|gips|bezeerd|\bhurt|wond|wound|kuur|medicijn|medicine|"
                         r"medication|\bmedisch|\bmedical|afspraak bij|appointment (at|with) the (doctor|hospital)",
                         re.I)
# The writer ill: "ik ben 17 en ziek", "I'm sick" (a young person asking for themselves).
_ZELF_ZIEK = re.compile(r"\b(ik|i|i'm|i am|ben)\b[^.?!]{0,15}\b(ziek|sick|ill)\b|\bmezelf\b|\bmyself\b", re.I)
# The child itself ill: "hij is nu ook ziek", "she got sick", "my son has the flu".
_KIND_ZIEK = re.compile(r"\b(zoon|dochter|kind|son|daughter|child|kid|hij|zij|ze|he|she)\b[^.?!]{0,20}"
                        r"\b(ziek|koorts|griep|sick|ill|fever|flu)\b", re.I)


def ziekte_in_gewichtige_zaak(label: str, tekst: str, open_onderwerp: str | None) -> bool:
    """A follow-up read as illness in a conversation about leave for an important circumstance, often a relative's
    illness or death ("probably three weeks, we don't know how much time she has left"): still that leave
    (art. 14), unless the message says the child itself is ill."""
    return label == "ziekte" and open_onderwerp == "verlof_gewichtige_omstandigheden" and \
        not _KIND_ZIEK.search(tekst)


_THUISONDERWIJS = re.compile(r"thuis ?onderwijs|thuis (les|onderwijs) (geven|krijgen)|thuis leren|thuisscholing|"
                             r"home ?school|home[- ]educat|educate \w+ at home|teach \w+ at home", re.I)
KWALIFICATIEPLICHTIG_VANAF = 16


def thuisonderwijs(label: str, tekst: str) -> bool:
    """Teaching a leerplichtig child at home: the law knows no such exemption except art. 5 onder b (objections
    to the direction of every school nearby), so that rule answers and asks for the objection. Art. 15 is only for
    a kwalificatieplichtige jongere."""
    jaar = leeftijd(tekst)
    return label == "vrijstelling_andere" and bool(_THUISONDERWIJS.search(tekst)) and (
        jaar is None or jaar < KWALIFICATIEPLICHTIG_VANAF)


_OF_MELDEN = re.compile(
    r"\b(moet|moeten|hoeft|hoeven)\s+(we|wij|ik|de school|het|dit|dat)\b[^?.!]{0,50}\b(melden|gemeld)\b|"
    r"\b(do|does|must|should)\s+(we|i|the school)\s+(still\s+)?(have to |need to )?(report|file)\b|"
    r"\bis (this|it|that) reportable\b|"
    r"\bmeldplichtig\b|\b(lrv|luxe verzuim|verzuim|dit|dat|het|hem|haar)\s+melden\s*\?", re.I)


def verlofvraag_als_meldplicht(label: str, tekst: str) -> bool:
    """"Ouders willen 14 dagen verlof ivm ernstige ziekte opa, beslissen wij dat?": a leave request for an event,
    read as a question about reporting; without hours of absence it is art. 14."""
    return label == "meldplicht_vraag" and uren(tekst) is None and omstandigheid(tekst) in _GEBEURTENISSEN and \
        bool(re.search(r"verlof|\bleave\b", tekst, re.I))


_MELDEN_BIJ_SCHOOL = frozenset({"godsdienst_feestdag", "ziekte", "vijfjarige"})


def melden_van_ouder(label: str, rol: str, open_onderwerp: str | None) -> bool:
    """A parent who asks about "melden" in a conversation about a feast day, illness or a five-year-old's hours
    means telling the school ("kan ik het nu nog melden?"), not the school's meldplicht or filing a verzuimmelding."""
    return rol == "ouder" and label in ("meldplicht_vraag", "melding_doen") and open_onderwerp in _MELDEN_BIJ_SCHOOL


_ZIEK_MELDEN = re.compile(r"ziek (te )?melden|ziek meld|ziekmelding|call(ing)? (\w+ )?in sick|report(ing)? (\w+ )?sick|"
                          r"(say|tell them) (that )?(she|he|they|the kids?) (is|are|was|were) (sick|ill)", re.I)
_VERLOF_ZAKEN = frozenset({"verlof_vakantie_13a", "luxe_verzuim_gevolgen", "verlof_gewichtige_omstandigheden"})


def ziekmelding_als_uitweg(label: str, tekst: str, open_onderwerp: str | None) -> bool:
    """"En als ik haar dan gewoon ziek meld?" after a question about leave for a holiday: a false sick report to
    go anyway is unauthorised absence (luxe verzuim), never "ziek melden is genoeg"."""
    return label == "ziekte" and open_onderwerp in _VERLOF_ZAKEN and bool(_ZIEK_MELDEN.search(tekst))


def vraagt_of_melden(label: str, tekst: str, rol: str = "ouder") -> bool:
    """"Moeten we dit melden?" asks whether the meldplicht applies; only a wish to file one starts the form. From
    school staff it does so whatever the case is about (a five-year-old's hours, a holiday, illness); a parent's
    "moet ik het melden?" may mean telling the school (see `melden_van_ouder`)."""
    if label == "meldplicht_vraag" or not _OF_MELDEN.search(tekst):
        return False
    return label == "melding_doen" or rol == "school"


# A follow-up the classifier read as another topic, although it brings no sign of that topic, belongs to the case
# the conversation is about: an age or a birthday told ("hij is vorige maand 18 geworden", "jarig op 14-10"), a
# feast conversation's "waarom maar 1 dag?", "nee, alleen een vmbo-diploma" after a question about reporting,
# "do we have to renew it every year?" in a 5 onder b conversation. Per label: its sign, and the open topics in
# which the label without that sign is read as a follow-up.
_VRAAGT_LEERPLICHT = re.compile(r"leerplichtig|leerplicht\b|compulsory|vanaf wanneer|from when|when does .{0,20}"
                                r"(start|begin)|(moet|must|has to|have to) (hij|zij|ze|he|she) (al )?naar school",
                                re.I)
_WIL_MELDEN = re.compile(r"\b(wil|willen|ga|gaan|want to|wants to|'d like to|would like to|going to)\b[^.?!]{0,25}"
                         r"\b(melden|melding|report|file)|\bmelding (doen|maken|indienen)\b", re.I)
_KWALIFICATIE_VRAAG = re.compile(r"kwalificatieplicht|startkwalificatie|basic qualification|(nog )?geen 18|"
                                 r"not (yet )?18|under 18|onder de 18|tot (haar|zijn|hun) 18|"
                                 r"until (she|he) (is|turns) 18", re.I)
_RELIGIEUS = re.compile(r"religi|geloof|godsdienst|kerk|moskee|synagoge|tempel|church|mosque|synagogue|temple|"
                        r"gurdwara", re.I)
# What happens after unauthorised absence: going anyway, penalties, a sick report to cover it.
_GEVOLGEN = re.compile(r"toch (gaan|weg|vertrekken|op vakantie)|gewoon (gaan|weg)|anyway|boete|"
                       r"\b(a|the|get|any) fine\b|\bfined\b|\bfines\b|halt|proces[- ]?verbaal|straf|penalt|"
                       r"gevolg|consequen|what (happens|can happen|will happen)|"
                       r"wat (gebeurt|kan er gebeuren|zijn de)|betalen|\bpay\b|euro|€|ziek (te )?melden|"
                       r"call\w* in sick|luxe verzuim|zonder (toestemming|verlof)|without (permission|leave)|"
                       r"spijbel|truan|al weg|already (left|gone|away)|vertrokken|\bleft\b|rechter|court|melding|"
                       r"report", re.I)
_VRIJSTELLING_WOORD = re.compile(r"vrijstelling|exemption|exempt|ontheffing|thuisonderwijs|homeschool|"
                                 r"artikel 15|art\.? ?15\b", re.I)
_EXEMPTIES = ("vrijstelling_5a", "vrijstelling_5b", "vrijstelling_5c", "vrijstelling_andere")
_MELDEN_ZAKEN = ("meldplicht_vraag", "melding_doen")


def _teken_van(label: str, tekst: str) -> bool:
    """Whether the text itself carries a sign of the label's topic."""
    if label in ("leerplicht_leeftijd", "vijfjarige"):
        return bool(_VRAAGT_LEERPLICHT.search(tekst)) or vijfjarige_thuis(tekst)
    if label == "verlof_gewichtige_omstandigheden":  # "een religieus feest" is the feast again, no other event
        return omstandigheid(tekst) in _GEBEURTENISSEN or (
            bool(_ANDERE_GEBEURTENIS.search(tekst)) and not _RELIGIEUS.search(tekst))
    if label == "kwalificatieplicht":
        return vraagt_stoppen(tekst) or bool(_KWALIFICATIE_VRAAG.search(tekst))
    if label == "luxe_verzuim_gevolgen":
        return bool(_GEVOLGEN.search(tekst))
    if label == "ziekte":
        return bool(_ZIEK_WOORD.search(tekst)) or noemt_beperking(tekst)
    if label == "vrijstelling_andere":
        return vrijstelling_grond(tekst) is not None or bool(_VRIJSTELLING_WOORD.search(tekst))
    if label == "meldplicht_vraag":
        return bool(_OF_MELDEN.search(tekst) or re.search(r"meldplicht|wanneer|when|drempel|threshold", tekst, re.I))
    if label == "melding_doen":
        return bool(_WIL_MELDEN.search(tekst))
    if label == "vrijstelling_5a":
        return noemt_beperking(tekst) or genoemde_grond(label, tekst) is not None
    if label == "vrijstelling_5b":
        return noemt_bezwaar_richting(tekst) or bool(_THUISONDERWIJS.search(tekst)) or \
            genoemde_grond(label, tekst) is not None
    if label == "vrijstelling_5c":
        return noemt_school_in_buitenland(tekst) or genoemde_grond(label, tekst) is not None
    return True


_VERVOLG_IN: dict[str, frozenset[str]] = {
    "leerplicht_leeftijd": frozenset({"kwalificatieplicht", "meldplicht_vraag", "melding_doen", "vrijstelling_5a",
                                      "vrijstelling_5b", "vrijstelling_5c", "luxe_verzuim_gevolgen",
                                      "verlof_vakantie_13a", "verlof_gewichtige_omstandigheden"}),
    "vijfjarige": frozenset({"meldplicht_vraag", "melding_doen", "luxe_verzuim_gevolgen", "kwalificatieplicht"}),
    "verlof_gewichtige_omstandigheden": frozenset({"godsdienst_feestdag", "luxe_verzuim_gevolgen"}),
    "kwalificatieplicht": frozenset(_MELDEN_ZAKEN),
    "luxe_verzuim_gevolgen": frozenset({"verlof_vakantie_13a", "verlof_gewichtige_omstandigheden",
                                        "godsdienst_feestdag", "bezwaar", "vijfjarige"}),
    "vrijstelling_andere": frozenset({"verlof_vakantie_13a", "verlof_gewichtige_omstandigheden",
                                      "luxe_verzuim_gevolgen"}),
    "melding_doen": frozenset({"meldplicht_vraag"}),
    "meldplicht_vraag": frozenset({"melding_doen"}),
    **{grond: frozenset(set(_EXEMPTIES) - {grond}) for grond in _EXEMPTIES[:3]},
}


# Labels whose answer says no permission is needed: given only when the text bears their sign.
_ALLEEN_MET_TEKEN = ("ziekte",)


def onderwerp_zonder_teken(label: str, tekst: str, rangorde: list[str]) -> str | None:
    """For a label whose answer says no permission is needed (illness), read from a text that names no illness at
    all ("she has her mbo-2 diploma and works 32 hours a week, is that a problem?"): the next label the classifier
    ranked whose sign the text bears, else the topic the facts point to; None when the label's sign is there."""
    if label not in _ALLEEN_MET_TEKEN or _teken_van(label, tekst):
        return None
    for kandidaat in rangorde:  # answerable topics only, best first
        if kandidaat != label and _teken_van(kandidaat, tekst):
            return kandidaat
    return onderwerp_uit_feiten(tekst)


def vervolg_zonder_eigen_onderwerp(label: str, tekst: str, open_onderwerp: str | None) -> bool:
    """Whether a message read as `label` is a follow-up in the open case instead: the label is one a follow-up is
    often misread as in that case's topic, and the text carries no sign of the label's own topic."""
    return open_onderwerp in _VERVOLG_IN.get(label, frozenset()) and not _teken_van(label, tekst)


MAX_WOORDEN_KORT_ANTWOORD = 6


def antwoord_op_open_zaak(label: str, tekst: str, open_onderwerp: str | None) -> bool:
    """A short yes or no with a detail ("ja idd, vanaf september") answers the case that is open, whatever
    topic the classifier read into its few words; a question ("ja, en als we toch gaan?") may be a new one."""
    return (open_onderwerp is not None and open_onderwerp != label and "?" not in tekst
            and len(tekst.split()) <= MAX_WOORDEN_KORT_ANTWOORD and ja_nee(tekst) is not None)


def te_jong_voor_verlof(label: str, tekst: str) -> bool:
    """A leave question about a child under five: no leave is needed, the leerplicht age answers it."""
    jaar = leeftijd(tekst)
    return label in _VERLOF_LABELS and jaar is not None and jaar < LEERPLICHTIG_VANAF


_THUISBLIJVEN = re.compile(r"thuis ?blijven|thuis ?houden|thuishouden|minder uren|halve dagen|vrij(e)? middag|"
                           r"stay (at )?home|keep \w+ (at )?home|fewer hours|half days", re.I)


def vijfjarige_thuis(tekst: str) -> bool:
    """A five-year-old kept at home for some hours: the hours of art. 11a, not the start of leerplicht."""
    return leeftijd(tekst) == LEERPLICHTIG_VANAF and bool(_THUISBLIJVEN.search(tekst))


_MAANDEN = re.compile(r"\b(\d+|twee|drie|vier|vijf|zes|acht|negen|tien|een paar|enkele|several|a few|two|three|four|"
                      r"five|six)\s+(maanden|months)\b|half jaar|halfjaar|(een|heel|a|whole) (school)?(jaar|year)\b",
                      re.I)


_KAN_NIET_NAAR_SCHOOL = re.compile(r"\bkan\b[^.?!]{0,20}\bniet naar school|niet naar school kan|"
                                   r"can(not|'t)[^.?!]{0,20}\b(go to|attend) school|unable to attend school", re.I)


# A year or more: no sick report then, but a question of the exemption.
_LANGE_TIJD = re.compile(r"(dit|het hele|een|komend|komende) (school)?jaar|this (school )?year|(coming|whole|next) "
                         r"(school )?year|at least a year|\bmaanden\b|\bmonths\b|langdurig|permanent|nooit meer|"
                         r"never again", re.I)


def kan_niet_naar_school(label: str, tekst: str) -> bool:
    """A child who cannot attend school for a physical or psychological reason, asked about as a question of
    age or the start of leerplicht, or as illness that will last a year or more ("the doctor says he cannot go to
    school this year"): the exemption of art. 5 onder a answers it."""
    if not (_KAN_NIET_NAAR_SCHOOL.search(tekst) and noemt_beperking(tekst)):
        return False
    if label == "verlof_gewichtige_omstandigheden":  # the child itself seriously ill: no relative's illness
        return relatie(tekst, []) is None
    return label == "leerplicht_leeftijd" or (label in ("ziekte", "luxe_verzuim_gevolgen")
                                              and bool(_LANGE_TIJD.search(tekst)))


_TREKKEND = re.compile(r"binnenvaart|schipper|kermis|circus|woonwagen|reizend bestaan|trekkend bestaan|"
                       r"travell?ing (fair|circus|show)|barge", re.I)


def vervangende_leerplicht(label: str, tekst: str) -> bool:
    """A child of 14 or 15 who wants to work or learn in practice, asked about as kwalificatieplicht or the
    leerplicht age: that duty does not apply yet; art. 3a (vervangende leerplicht) answers it."""
    jaar = leeftijd(tekst)
    return label in ("kwalificatieplicht", "leerplicht_leeftijd") and jaar is not None and \
        jaar < KWALIFICATIEPLICHTIG_VANAF and vrijstelling_grond(tekst) == "art3a_vervangend_14"


def trekkend_bestaan(label: str, tekst: str) -> bool:
    """A bargee's, fair or circus family asking whether the child may travel along instead of going to school:
    art. 5a (vrijstelling_andere), not a leave or luxe-verzuim question."""
    return label in (*_VERLOF_LABELS, "leerplicht_leeftijd") and bool(_TREKKEND.search(tekst))


# "vrijstelling 5 onder a", "artikel 5 onder c": the user names the ground (5a alone may be art. 5a, travelling).
_GENOEMDE_GROND = re.compile(r"\b5\s*onder\s*([abc])\b|\b5\s*sub\s*([abc])\b|\bartikel 5([bc])\b|\b5([bc])\b", re.I)


def genoemde_grond(label: str, tekst: str) -> str | None:
    """The exemption the user names by its article, when the classifier read another one."""
    match = _GENOEMDE_GROND.search(tekst) if label.startswith("vrijstelling_") else None
    return f"vrijstelling_5{next(g for g in match.groups() if g).lower()}" if match else None


def maanden_naar_school_in_buitenland(label: str, tekst: str) -> bool:
    """Months abroad with the child at a school there: not leave but the exemption of art. 5 onder c."""
    return label in _VERLOF_LABELS and bool(_MAANDEN.search(tekst)) and noemt_school_in_buitenland(tekst)
