"""What the hand-off says to users and consulenten (Dutch and English for users; Dutch for consulenten)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from rules.besluit import datum_tekst

Taal = Literal["nl", "en"]

_T: dict[str, tuple[str, str]] = {
    "welke_gemeente": ("Ik zet je door naar een leerplichtconsulent. In welke gemeente woont het kind? Die "
                       "gemeente is verantwoordelijk.", "I am passing you to a leerplicht consultant. In which "
                       "municipality does the child live? That municipality is responsible."),
    "gemeente_onbekend": ("Die gemeente ken ik niet (bedoel je {hint}?). Typ de naam van de gemeente.",
                          "I do not know that municipality (did you mean {hint}?). Please type its name."),
    "in_wachtrij": ("Je staat in de wachtrij van {team}: je bent nummer {plaats}, de verwachte wachttijd is "
                    "ongeveer {minuten} minuten. Berichten die je nu stuurt, leest de consulent straks. "
                    "'/stop' haalt je uit de wachtrij.", "You are in the queue of {team}: number {plaats}, "
                    "expected wait about {minuten} minutes. The consultant will read what you send meanwhile. "
                    "'/stop' leaves the queue."),
    "buiten_kantoortijd": ("Het team ({team}) is nu niet bereikbaar. Je staat in de wachtrij en wordt geholpen "
                           "vanaf {wanneer}.", "The team ({team}) is not available now. You are in the queue and "
                           "will be helped from {wanneer}."),
    "contact_vraag": ("Hoe wil je dan bereikt worden: hier in Telegram, per telefoon of per e-mail?",
                      "How would you like to be reached then: here in Telegram, by phone or by e-mail?"),
    "knop_telefoon": ("Telefoon", "Phone"),
    "contact_telefoon": ("Op welk nummer?", "On which number?"),
    "contact_email": ("Op welk e-mailadres?", "At which e-mail address?"),
    "contact_ongeldig": ("Dat is geen geldig telefoonnummer of e-mailadres. Typ het nummer (bijv. 06 12345678) "
                         "of het adres, of kies Telegram.", "That is not a valid phone number or e-mail address. "
                         "Please type the number (e.g. +31 6 12345678) or the address, or choose Telegram."),
    # Asked only outside office hours: no promise of contact "soon" at night.
    "contact_bewaard": ("Genoteerd. Een consulent neemt contact met je op zodra het team weer bereikbaar is.",
                        "Noted. A consultant will contact you as soon as the team is available again."),
    "niemand": ("Via deze chat is er nu geen consulent voor jouw gemeente. {uitleg}",
                "There is no consultant for your municipality in this chat. {uitleg}"),
    "weer_assistent": ("Je kunt je vraag hier gewoon aan de assistent blijven stellen.",
                       "You can go on asking the assistant here."),
    "al_in_wachtrij": ("Je staat al in de wachtrij (nummer {nummer}); een consulent komt zo bij je.",
                       "You are already in the queue (ticket {nummer}); a consultant will be with you soon."),
    "bewaard": ("Je bericht is bewaard; de consulent leest het zodra die je gesprek oppakt. Je bent nummer "
                "{plaats}.", "Your message is kept; the consultant reads it when they take your conversation. "
                "You are number {plaats}."),
    "gestopt": ("Je bent uit de wachtrij. Je praat weer met de assistent.",
                "You have left the queue. You are talking to the assistant again."),
    "opgepakt": ("Een consulent van {team} heeft je gesprek opgepakt. Alles wat je nu typt, leest de consulent.",
                 "A consultant of {team} has taken your conversation. The consultant reads everything you type "
                 "now."),
    "van_consulent": ("Een consulent van {team}: {tekst}", "A consultant of {team}: {tekst}"),
    "gesloten": ("Het gesprek met de consulent is afgesloten. Je praat weer met de assistent.",
                 "The conversation with the consultant has ended. You are talking to the assistant again."),
    "gevaar": ("Ik zet je gesprek meteen door naar een consulent, vooraan in de rij. Is iemand in direct gevaar, "
               "bel dan 112. Zorgen over geweld of mishandeling thuis: Veilig Thuis 0800-2000 (gratis, dag en "
               "nacht). Denk je aan zelfdoding: 113 of 0800-0113 (gratis, dag en nacht).",
               "I am passing your conversation to a consultant at once, first in line. If anyone is in immediate "
               "danger, call 112. Worried about violence or abuse at home: Veilig Thuis 0800-2000 (free, day and "
               "night). Thinking about suicide: 113 or 0800-0113 (free, day and night)."),
    "aanbod": ("Hierover beslist de leerplichtambtenaar. Wil je dat een consulent van je gemeente met je "
               "meekijkt?", "The leerplichtambtenaar decides on this. Would you like a consultant of your "
               "municipality to look at it with you?"),
    "knop_aanbod": ("Ja, een consulent", "Yes, a consultant"),
    "zelf_consulent": ("Je bent zelf consulent, dus ik zet je niet in de wachtrij. Met /wachtrij zie je de open "
                       "gesprekken.", "You are a consultant yourself, so I do not put you in the queue. /wachtrij "
                       "shows the open conversations."),
    "geen_consulent": ("Dit commando is alleen voor geregistreerde leerplichtconsulenten.",
                       "This command is only for registered leerplicht consultants."),
    # to consulenten (Dutch only: they are the municipality's staff)
    "nieuw_ticket": ("Nieuw ticket #{nummer} ({onderwerp}){urgent}. /info {nummer} of /pak {nummer}", ""),
    "gebruiker_gestopt": ("Ticket #{nummer}: de gebruiker heeft de wachtrij verlaten.", ""),
}


def tekst(sleutel: str, taal: Taal = "nl", **waarden: object) -> str:
    nl, en = _T[sleutel]
    return (en if taal == "en" and en else nl).format(**waarden)


def moment(waarde: dt.datetime, taal: Taal) -> str:
    tijd = waarde.strftime("%H:%M")
    return f"{datum_tekst(waarde.date().isoformat(), taal)} {'at' if taal == 'en' else 'om'} {tijd}"
