"""What the melding conversation says, in Dutch and English. Placeholders are filled by `tekst()`."""

from __future__ import annotations

from typing import Literal

Taal = Literal["nl", "en"]

_T: dict[str, tuple[str, str]] = {
    # questions, in the order of meldingen.velden.VELDEN
    "vraag_leerling_naam": ("Wat is de naam van de leerling? (Geen BSN of onderwijsnummer, alleen de naam.)",
                            "What is the pupil's name? (No BSN or education number, just the name.)"),
    "vraag_geboortedatum": ("Wat is de geboortedatum van de leerling? Bijvoorbeeld 14-03-2012.",
                            "What is the pupil's date of birth? For example 14-03-2012."),
    "vraag_woonplaats": ("In welke gemeente woont de leerling? Die gemeente is verantwoordelijk, niet die van de "
                         "school.", "In which municipality does the pupil live? That municipality is responsible, "
                         "not the school's."),
    "vraag_klas": ("In welke groep of klas zit de leerling? Bijvoorbeeld groep 7, 3 havo of mbo 2.",
                   "Which group or class is the pupil in? For example groep 7, 3 havo or mbo 2."),
    "vraag_periode": ("Over welke periode gaat het? Noem de eerste en de laatste verzuimdag, bijvoorbeeld "
                      "'van 2 t/m 20 november'.", "Which period is it about? Give the first and the last day of "
                      "absence, for example 'from 2 to 20 November'."),
    "vraag_uren": ("Hoeveel uur ongeoorloofd verzuim was het in die periode? In totaal, of per dag of week "
                   "('2 uur per dag').", "How many hours of unauthorised absence were there in that period? In "
                   "total, or per day or week ('2 hours per day')."),
    "vraag_aaneengesloten": ("Was de leerling die hele periode aaneengesloten afwezig?",
                             "Was the pupil absent continuously for that whole period?"),
    "vraag_reden": ("Wat is volgens de school de (vermoedelijke) reden? Bijvoorbeeld spijbelen, vakantie, "
                    "problemen thuis, of 'onbekend'.", "What does the school think is the (likely) reason? For "
                    "example truancy, a holiday, problems at home, or 'unknown'."),
    "vraag_acties": ("Wat heeft de school al gedaan? Bijvoorbeeld gesprek met leerling en ouders, mentor, "
                     "zorgteam, jeugdarts.", "What has the school done already? For example talks with the pupil "
                     "and parents, the mentor, the care team, the youth doctor."),
    "vraag_verzoek": ("Wat vraagt de school van de leerplichtconsulent: advies, spreekuur, huisbezoek of "
                      "onderzoek?", "What does the school ask of the consulent: advice (advies), a consultation "
                      "(spreekuur), a home visit (huisbezoek) or an investigation (onderzoek)?"),
    "vraag_contact_naam": ("Wie is de contactpersoon op school (de mentor of verzuimcoördinator)? Graag de naam.",
                           "Who is the contact person at school (the mentor or attendance officer)? Their name, "
                           "please."),
    "vraag_contact_telefoon": ("Op welk telefoonnummer is de contactpersoon bereikbaar?",
                               "On which phone number can the contact person be reached?"),
    "vraag_contact_email": ("En het e-mailadres van de contactpersoon?",
                            "And the contact person's e-mail address?"),
    "vraag_ouders_geinformeerd": ("Zijn de ouders verteld dat de school deze melding doet?",
                                  "Have the parents been told that the school is making this report?"),
    # errors: each says what is wrong and asks again; what was given stays
    "naam_ongeldig": ("Dat lijkt geen naam. Typ de naam zonder cijfers, bijvoorbeeld Sara de Vries.",
                      "That does not look like a name. Please type it without digits, for example Sara de Vries."),
    "geboortedatum_onleesbaar": ("Die datum kan ik niet lezen. Typ dag, maand en jaar, bijvoorbeeld 14-03-2012.",
                                 "I cannot read that date. Please give day, month and year, for example "
                                 "14-03-2012."),
    "datum_toekomst": ("Die datum ligt in de toekomst. Een melding gaat over verzuim dat al is gebeurd; welke "
                       "datum bedoel je?", "That date lies in the future. A report is about absence that has "
                       "already happened; which date do you mean?"),
    "leeftijd_onwaarschijnlijk": ("Dan is de leerling {leeftijd} jaar. Meldingen gaan over leerlingen van 5 tot "
                                  "27 jaar; klopt de geboortedatum?", "That makes the pupil {leeftijd}. Reports "
                                  "are about pupils aged 5 to 27; is the date of birth right?"),
    "gemeente_onbekend": ("Die gemeente ken ik niet. {hint}Typ de naam van de gemeente waar de leerling woont.",
                          "I do not know that municipality. {hint}Please type the name of the municipality where "
                          "the pupil lives."),
    "klas_onbekend": ("Dat kan ik niet plaatsen. Typ bijvoorbeeld groep 7, 3 havo, 2 vmbo of mbo 2.",
                      "I cannot place that. Please type for example groep 7, 3 havo, 2 vmbo or mbo 2."),
    "periode_onleesbaar": ("Die periode kan ik niet lezen. Typ de eerste en laatste dag, bijvoorbeeld 'van 2 t/m "
                           "20 november'.", "I cannot read that period. Please give the first and last day, for "
                           "example 'from 2 to 20 November'."),
    "einde_voor_begin": ("De laatste dag ligt vóór de eerste. Welke periode bedoel je?",
                         "The last day lies before the first. Which period do you mean?"),
    "periode_te_lang": ("Die periode is langer dan een schooljaar. Meld per schooljaar; welke periode bedoel je?",
                        "That period is longer than a school year. Please report per school year; which period do "
                        "you mean?"),
    "uren_onleesbaar": ("Ik kon daar geen aantal uren in lezen. Typ bijvoorbeeld 18 uur.",
                        "I could not read a number of hours in that. Please type for example 18 hours."),
    "uren_te_veel": ("{uren} uur past niet in die periode (hooguit {maximum} lesuur). Hoeveel uur was het?",
                     "{uren} hours do not fit in that period (at most {maximum} lesson hours). How many hours "
                     "was it?"),
    "ja_nee": ("Antwoord met ja of nee, alsjeblieft.", "Please answer yes or no."),
    "tekst_te_kort": ("Kun je dat in een paar woorden zeggen?", "Could you say that in a few words?"),
    "acties_nodig": ("Bij overig verzuim vraagt het leerplichtteam dat de school eerst zelf in gesprek gaat met "
                     "leerling en ouders. Wat is er al gedaan, of wat is gepland?", "For overig verzuim the "
                     "leerplicht team asks the school to talk with the pupil and parents first. What has been done, "
                     "or what is planned?"),
    "verzoek_onbekend": ("Kies advies, spreekuur, huisbezoek of onderzoek.",
                         "Please choose advies, spreekuur, huisbezoek or onderzoek."),
    "telefoon_ongeldig": ("Dat is geen geldig telefoonnummer. Typ een Nederlands nummer (bijv. 06 12345678) of "
                          "een internationaal nummer met landcode (+32 ...).", "That is not a valid phone number. "
                          "Please type a Dutch number (e.g. 06 12345678) or an international one with its country "
                          "code (+32 ...)."),
    "email_ongeldig": ("Dat is geen geldig e-mailadres (het moet iets@domein.nl zijn). Welk adres is het?",
                       "That is not a valid e-mail address (it should look like name@domain.nl). Which is it?"),
    # the conversation around the questions
    "start": ("Dan maken we samen de melding. Ik vraag alleen wat ik nog niet weet; 'stop' stopt, 'wijzig …' past "
              "iets aan.", "Let's make the report together. I only ask what I do not know yet; 'stop' ends it, "
              "'change …' corrects something."),
    "aangepast": ("Aangepast.", "Changed."),
    "categorie_wettelijk": ("Dit is wettelijk verzuim: {uren} uur in {weken} lesweken, 16 uur of meer binnen 4 "
                            "lesweken. De school moet dit melden (art. 21a Leerplichtwet).",
                            "This is wettelijk verzuim: "
                            "{uren} hours in {weken} school weeks, 16 hours or more within 4 school weeks. The school "
                            "must report it (art. 21a Leerplichtwet)."),
    "categorie_langdurig": ("Dit is langdurig relatief verzuim: meer dan 4 weken aaneengesloten afwezig. DUO "
                            "verwacht dat de school dit meldt.", "This is langdurig relatief verzuim: absent for "
                            "more than 4 weeks in a row. DUO expects the school to report it."),
    "categorie_luxe": ("Dit is luxe verzuim (vakantie zonder verlof). DUO verwacht dat de school dit meldt; de "
                       "wettelijke grens zelf is 16 uur.", "This is luxe verzuim (a holiday without leave). DUO "
                       "expects the school to report it; the law's own threshold is 16 hours."),
    "categorie_overig": ("Dit is overig verzuim: minder dan 16 uur binnen 4 lesweken. Melden mag, maar hoeft "
                         "niet; het leerplichtteam ziet het graag vroeg.", "This is overig verzuim: under 16 hours "
                         "within 4 school weeks. The school may report it but does not have to; the team likes to "
                         "hear early."),
    "duo": ("De wettelijke melding gaat naar het verzuimregister van DUO (via jullie administratiepakket of het "
            "verzuimloket). Deze melding hier is de intake bij de gemeente en gaat meteen naar de consulent; de "
            "samenvatting staat in de volgorde van de DUO-melding.", "The legal report goes to DUO's verzuimregister "
            "(through your administration package or the verzuimloket). This report here is the municipality's "
            "intake and reaches the consulent at once; the summary follows the order of the DUO report."),
    "bevestig": ("Klopt alles? Kies Versturen, of typ wat je wilt wijzigen (bijv. 'wijzig de datum').",
                 "Is everything right? Choose Send, or type what you want to change (e.g. 'change the dates')."),
    "opgeslagen": ("De melding is opgeslagen met kenmerk {referentie} en staat bij {team}. {status}",
                   "The report is saved as {referentie} and is with {team}. {status}"),
    "buiten_regio": ("Let op: {gemeente} valt niet onder de teams die ik ken. De melding is bewaard en "
                     "gemarkeerd; de gemeente {gemeente} moet hem ontvangen, neem ook zelf contact met hen op.",
                     "Note: {gemeente} is not one of the teams I know. The report is kept and flagged; the "
                     "municipality of {gemeente} must receive it, please contact them too."),
    "gestopt": ("De melding is gestopt; er is niets opgeslagen.", "The report was cancelled; nothing was saved."),
    "hervatten": ("Je was nog bezig met een melding ({stand}). Wil je verdergaan?",
                  "You were still working on a report ({stand}). Do you want to continue?"),
    "gepauzeerd": ("Goed, het concept blijft 7 dagen bewaard. Zeg 'melding' om verder te gaan.",
                   "All right, the draft is kept for 7 days. Say 'report' to continue."),
    "niet_gekoppeld": ("Meldingen kunnen alleen medewerkers van een gekoppelde school doen. Vraag het "
                       "leerplichtteam van je gemeente om een koppelcode voor je school en stuur dan /koppel CODE.",
                       "Only staff of a linked school can file reports. Ask your municipality's leerplicht team for "
                       "a link code for your school, then send /koppel CODE."),
    "gekoppeld": ("Gekoppeld: je kunt nu meldingen doen voor {school}.",
                  "Linked: you can now file reports for {school}."),
    "code_fout": ("Die code klopt niet of is verlopen. Controleer hem, of vraag het leerplichtteam om een nieuwe.",
                  "That code is wrong or has expired. Please check it, or ask the leerplicht team for a new one."),
    "code_pauze": ("Te veel verkeerde codes. Probeer het over {minuten} minuten opnieuw.",
                   "Too many wrong codes. Please try again in {minuten} minutes."),
    "code_ontbreekt": ("Stuur de code achter het commando, zo: /koppel ABCD-EFGH.",
                       "Please send the code after the command, like this: /koppel ABCD-EFGH."),
    "geen_meldingen": ("Er zijn nog geen meldingen van je school.", "Your school has no reports yet."),
    "ingetrokken": ("Melding {referentie} is ingetrokken.", "Report {referentie} has been withdrawn."),
    "niet_gevonden": ("Die melding vind ik niet bij je school. Gebruik het kenmerk uit /mijnmeldingen.",
                      "I cannot find that report for your school. Use the reference from /mijnmeldingen."),
    "status_geregistreerd": ("Status: geregistreerd.", "Status: registered (geregistreerd)."),
}

LABELS: dict[str, tuple[str, str]] = {
    "leerling_naam": ("Leerling", "Pupil"), "geboortedatum": ("Geboortedatum", "Date of birth"),
    "woonplaats": ("Woongemeente", "Municipality"), "leerjaar": ("Groep/klas", "Group/class"),
    "categorie": ("Soort verzuim", "Kind of absence"), "periode": ("Periode", "Period"),
    "uren": ("Uren ongeoorloofd", "Unauthorised hours"), "aaneengesloten": ("Aaneengesloten", "Continuous"),
    "reden": ("Vermoedelijke reden", "Likely reason"), "acties": ("Al gedaan door school", "Done by school"),
    "verzoek": ("Verzoek aan consulent", "Request to consulent"), "contact": ("Contactpersoon", "Contact person"),
    "ouders_geinformeerd": ("Ouders geïnformeerd", "Parents told"),
}
KNOPPEN: dict[str, tuple[str, str]] = {
    "ja": ("Ja", "Yes"), "nee": ("Nee", "No"), "advies": ("Advies", "Advice"), "spreekuur": ("Spreekuur", "Consult"),
    "huisbezoek": ("Huisbezoek", "Home visit"), "onderzoek": ("Onderzoek", "Investigation"),
    "versturen": ("Versturen", "Send"), "stop": ("Stoppen", "Cancel"), "verder": ("Verdergaan", "Continue"),
}


def tekst(sleutel: str, taal: Taal = "nl", **waarden: object) -> str:
    nl, en = _T[sleutel]
    return (en if taal == "en" else nl).format(**waarden)


def label(sleutel: str, taal: Taal) -> str:
    nl, en = LABELS[sleutel]
    return en if taal == "en" else nl


def knop(sleutel: str, taal: Taal) -> str:
    nl, en = KNOPPEN[sleutel]
    return en if taal == "en" else nl
