"""The melding conversation of a linked school: asks for what is missing, checks each answer, shows the
kind of verzuim with its rule decision, and saves only after the school confirms a summary.

The draft lives in the database after every answer, so a restart of any process loses nothing; the bot
takes the conversation back from Rasa while a draft is open, and hands it back when it is done.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from basis.berichten import Button, ChatUser, Reply
from basis.klok import Clock
from basis.taal import Language as Taal
from content.schema import RuleSet
from content.teksten import tekst
from invoer import antwoorden
from meldingen import samenvatting
from meldingen.categorie import Categorie, bepaal
from meldingen.velden import (
    PER_NAAM,
    correctie,
    getal,
    leeftijd_op,
    lees,
    te_wijzigen,
    uit_eerste_bericht,
    volgende,
)
from rules.besluit_data import BesluitData
from rules.regio import Schooltype, verantwoordelijk_team
from store.meldingen import Concepten, Meldingen
from store.scholen import Scholen, bewust
from store.wachtrij import Wachtrij

MELDING_DOEN = "melding_doen"  # the canonical label of filing a melding
HERVAT_NA = dt.timedelta(minutes=30)  # a draft untouched this long is offered again, not answered into
# A question of the user's own halfway a draft goes to the assistant and the draft waits: a message of a few words
# ending in a question mark (a name or a reason never does), or one that opens with a question word and is no
# answer to the field asked.
VRAAGWOORD = re.compile(r"^\s*(wat|wanneer|hoe|hoelang|welke?|waarom|wie|waar|moet|mag|kan|kun|is|zijn|what|when|"
                        r"how|which|why|who|where|must|may|can|do|does|are)\b", re.I)
BEVESTIG, HERVATTEN = "bevestig", "hervatten"


class MeldingGesprek:
    def __init__(self, scholen: Scholen, concepten: Concepten, meldingen: Meldingen, clock: Clock, rules: RuleSet,
                 wachtrij: Wachtrij | None = None) -> None:
        self._scholen, self._concepten, self._meldingen, self._clock = scholen, concepten, meldingen, clock
        self._rules = rules
        self._wachtrij = wachtrij  # every new melding also joins the consulent queue of its team

    async def gekoppeld(self, user: ChatUser) -> bool:
        return await self._scholen.school_van(user.channel, user.sender_id) is not None

    async def koppel(self, user: ChatUser, code: str, taal: Taal) -> list[Reply]:
        if not code.strip():
            return [Reply(tekst("code_ontbreekt", taal))]
        resultaat = await self._scholen.koppel(user.channel, user.sender_id, code, self._clock.now())
        if resultaat.uitkomst == "pauze":
            return [Reply(tekst("code_pauze", taal, minuten=resultaat.minuten))]
        if resultaat.school is None:
            return [Reply(tekst("code_fout", taal))]
        return [Reply(tekst("gekoppeld", taal, school=resultaat.school.naam))]

    async def open(self, user: ChatUser) -> bool:
        """Whether a draft is waiting for this user's answer (an inactive, paused draft is not)."""
        concept = await self._concepten.ophalen(user.channel, user.sender_id, self._clock.now())
        return concept is not None and concept.actief

    async def starten(self, user: ChatUser, eerste_bericht: str, taal: Taal) -> list[Reply]:
        """Start (or offer to resume) a melding; accounts that are not linked hear how to get linked."""
        school = await self._scholen.school_van(user.channel, user.sender_id)
        if school is None:
            return [Reply(tekst("niet_gekoppeld", taal))]
        now = self._clock.now()
        bestaand = await self._concepten.ophalen(user.channel, user.sender_id, now)
        if bestaand is not None:
            velden = json.loads(bestaand.velden)
            velden.setdefault("_vraag", bestaand.gevraagd)
            await self._concepten.bewaren(user.channel, user.sender_id, school[0].id, velden, HERVATTEN, True, now)
            return [self._hervat_vraag(velden, taal)]
        velden = uit_eerste_bericht(eerste_bericht)
        replies = [Reply(tekst("melding_start", taal))]
        return replies + await self._vraag_verder(user, school[0].id, velden, taal)

    async def antwoord(self, user: ChatUser, bericht: str, taal: Taal) -> tuple[list[Reply], bool]:
        """Handle a message while a draft is open. The bool says whether the message was taken; when
        not, the front end passes it on to Rasa (the user asked something else and the draft waits)."""
        now = self._clock.now()
        concept = await self._concepten.ophalen(user.channel, user.sender_id, now)
        if concept is None or not concept.actief:
            return [], False
        velden: dict[str, Any] = json.loads(concept.velden)
        gevraagd, school_id = concept.gevraagd, concept.school_id
        if antwoorden.is_stop(bericht):
            await self._concepten.verwijderen(user.channel, user.sender_id)
            return [Reply(tekst("melding_gestopt", taal))], True
        if gevraagd != HERVATTEN and bewust(concept.updated_at) < now - HERVAT_NA:
            velden["_vraag"] = gevraagd
            await self._concepten.bewaren(user.channel, user.sender_id, school_id, velden, HERVATTEN, True, now)
            return [self._hervat_vraag(velden, taal)], True
        if gevraagd == HERVATTEN:
            if antwoorden.gaat_door(bericht):
                return await self._vraag_verder(user, school_id, velden, taal, velden.pop("_vraag", None)), True
            await self._concepten.bewaren(user.channel, user.sender_id, school_id, velden, HERVATTEN, False, now)
            return [Reply(tekst("melding_gepauzeerd", taal))], False
        veld = te_wijzigen(bericht)
        if veld is not None:
            return await self._vraag_verder(user, school_id, velden, taal, veld), True
        if gevraagd == BEVESTIG:
            if antwoorden.gaat_door(bericht):
                return await self._opslaan(user, school_id, velden, taal), True
            gecorrigeerd = correctie(bericht, velden, self._rules, self._clock.today())
            velden.update(gecorrigeerd)
            return await self._vraag_verder(user, school_id, velden, taal, aangepast=bool(gecorrigeerd)), True
        antwoord = await self._lees_antwoord(user, school_id, velden, str(gevraagd), bericht, taal)
        if antwoord is None:  # a question of its own: answered by the assistant, then the draft is offered again
            velden["_vraag"] = gevraagd
            await self._concepten.bewaren(user.channel, user.sender_id, school_id, velden, HERVATTEN, True, now)
            return [], False
        return antwoord, True

    async def na_vraag(self, user: ChatUser, taal: Taal) -> list[Reply]:
        """After the assistant answered a question asked halfway a draft: the offer to go on with it."""
        concept = await self._concepten.ophalen(user.channel, user.sender_id, self._clock.now())
        if concept is None or not concept.actief or concept.gevraagd != HERVATTEN:
            return []
        return [self._hervat_vraag(json.loads(concept.velden), taal)]

    async def _lees_antwoord(self, user: ChatUser, school_id: int, velden: dict[str, Any], gevraagd: str,
                             bericht: str, taal: Taal) -> list[Reply] | None:
        """The answer to the field asked read into the draft, with the next question; None when the message
        is no answer but a question of its own."""
        if bericht.rstrip().endswith("?") and len(bericht.split()) >= 3:
            return None
        rules, peildatum = self._rules, self._clock.today()
        gelezen = lees(PER_NAAM[gevraagd], bericht, velden, rules, peildatum)
        if gelezen.fout is not None:
            gecorrigeerd = correctie(bericht, velden, rules, peildatum)
            if gecorrigeerd:  # "nee, 12 uur" while something else was asked: that fact, then the question again
                velden.update(gecorrigeerd)
                return await self._vraag_verder(user, school_id, velden, taal, gevraagd, aangepast=True)
            if VRAAGWOORD.search(bericht):
                return None
            hint = {"hint": tekst("gemeente_hint", taal, suggesties=gelezen.details["suggesties"])
                    if gelezen.details.get("suggesties") else ""}
            await self._bewaar(user, school_id, velden, gevraagd)
            fout = Reply(tekst(gelezen.fout, taal, **{**gelezen.details, **hint}), self._knoppen(gevraagd, taal))
            return [fout, *self._besluit(velden)]
        velden.update(gelezen.waarden)
        if gevraagd == "periode" and "uren" in velden:
            # A new period may no longer hold the hours given before: check them again.
            opnieuw = lees(PER_NAAM["uren"], str(velden["uren"]), velden, rules, peildatum)
            if opnieuw.fout is not None:
                velden.pop("uren")
        return await self._vraag_verder(user, school_id, velden, taal, categorie_tonen=gevraagd == "reden")

    async def _vraag_verder(self, user: ChatUser, school_id: int, velden: dict[str, Any], taal: Taal,
                            veld: str | None = None, *, aangepast: bool = False,
                            categorie_tonen: bool = False) -> list[Reply]:
        """Ask `veld` (or the next missing field), or show the summary when everything is known."""
        categorie = self._categorie(velden)
        # "Aangepast." opens the message that follows, so a question asked again reads as the next step.
        voor = tekst("aangepast", taal) + " " if aangepast else ""
        replies: list[Reply] = []
        if categorie is not None and categorie_tonen:
            replies.extend(self._categorie_uitleg(categorie, velden, taal))
        volgend = PER_NAAM[veld] if veld in PER_NAAM else volgende(velden)
        if volgend is None:
            await self._bewaar(user, school_id, velden, BEVESTIG)
            knoppen = (Button(tekst("knop_versturen", taal), "versturen"), Button(tekst("knop_stop", taal), "stop"))
            return [*replies, Reply(voor + samenvatting.tekst(velden, categorie, taal)),
                    Reply(tekst("melding_bevestig", taal), knoppen, self._data(categorie))]
        await self._bewaar(user, school_id, velden, volgend.naam)
        return [*replies, Reply(voor + tekst(f"melding_vraag_{volgend.naam}", taal), self._knoppen(volgend.naam, taal),
                                self._data(categorie))]

    def _categorie(self, velden: dict[str, Any]) -> Categorie | None:
        velden["categorie"] = None
        categorie = bepaal(velden, self._rules, self._clock.today())
        velden["categorie"] = categorie.soort if categorie else None
        return categorie

    def _categorie_uitleg(self, categorie: Categorie, velden: dict[str, Any], taal: Taal) -> list[Reply]:
        weken = samenvatting.weken(velden)
        replies = [Reply(tekst(f"categorie_{categorie.soort}", taal, uren=getal(velden["uren"]),
                               weken=weken), data=self._data(categorie))]
        if categorie.termijn is not None:
            # The deadline and its warning are the rule's own cited texts.
            rules = self._rules
            replies.extend(Reply(reden.tekst(rules, taal)) for reden in categorie.termijn_redenen)
            replies.append(Reply(tekst("duo", taal)))
        return replies

    def _besluit(self, velden: dict[str, Any]) -> list[Reply]:
        categorie = self._categorie(velden)
        return [Reply("", data=self._data(categorie))] if categorie else []

    @staticmethod
    def _data(categorie: Categorie | None) -> dict[str, Any]:
        """The meldplicht decision for the melding being filed, as a decision on filing one (melding_doen)."""
        if categorie is None:
            return {}
        besluit = categorie.besluit.model_copy(update={"onderwerp": MELDING_DOEN})
        return {"decision": BesluitData.van(besluit).als_json(), "melding_categorie": categorie.soort}

    @staticmethod
    def _knoppen(veld: str, taal: Taal) -> tuple[Button, ...]:
        return tuple(Button(tekst(f"knop_{k}", taal), k) for k in PER_NAAM[veld].knoppen) if veld in PER_NAAM else ()

    def _hervat_vraag(self, velden: dict[str, Any], taal: Taal) -> Reply:
        knoppen = (Button(tekst("knop_verder", taal), "verder"), Button(tekst("knop_stop", taal), "stop"))
        return Reply(tekst("melding_hervatten", taal, stand=samenvatting.stand(velden, taal)), knoppen)

    async def _bewaar(self, user: ChatUser, school_id: int, velden: dict[str, Any], gevraagd: str) -> None:
        await self._concepten.bewaren(user.channel, user.sender_id, school_id, velden, gevraagd, True,
                                      self._clock.now())

    async def _opslaan(self, user: ChatUser, school_id: int, velden: dict[str, Any], taal: Taal) -> list[Reply]:
        rules, peildatum, now = self._rules, self._clock.today(), self._clock.now()
        categorie = self._categorie(velden)
        koppeling = await self._scholen.school_van(user.channel, user.sender_id)
        if categorie is None or koppeling is None:  # unlinked meanwhile: the draft stays, nothing is filed
            return [Reply(tekst("niet_gekoppeld", taal))]
        geboren = dt.date.fromisoformat(velden["geboortedatum"])
        leeftijd = leeftijd_op(geboren, peildatum)
        team = verantwoordelijk_team(rules, velden["woonplaats"], leeftijd, Schooltype(velden["schooltype"]))
        gegevens = {k: v for k, v in velden.items() if not k.startswith("_") and k != "categorie"}
        melding = await self._meldingen.opslaan(
            {**gegevens, "school_id": school_id, "koppeling_id": koppeling[1], "categorie": categorie.soort,
             "meldplichtig": bool(categorie.besluit.meldplicht) or categorie.soort in ("luxe", "langdurig"),
             "termijn": categorie.termijn, "team": team.profiel.id, "buiten_regio": team.landelijk},
            door=f"school {koppeling[0].brin}", now=now)
        await self._concepten.verwijderen(user.channel, user.sender_id)
        if self._wachtrij is not None:
            async with self._wachtrij.werk() as w:
                await w.tickets.aanmaken(
                    team=team.profiel.id, channel=user.channel, external_id=user.sender_id, rol="school",
                    onderwerp="melding_doen", prioriteit=0, now=now, melding_referentie=melding.referentie,
                    samenvatting={"reden": f"nieuwe melding ({categorie.soort})",
                                  "besluit": BesluitData.van(categorie.besluit).als_json(),
                                  "laatste": [samenvatting.tekst(velden, categorie, "nl")]})
        replies = [Reply(tekst("melding_opgeslagen", taal, referentie=melding.referentie, team=team.profiel.team,
                               status=tekst("status_geregistreerd", taal)),
                         data={**self._data(categorie), "melding": melding.referentie})]
        if team.landelijk:
            replies.append(Reply(tekst("buiten_regio", taal, gemeente=velden["woonplaats"])))
        return replies

    async def mijn_meldingen(self, user: ChatUser, taal: Taal) -> list[Reply]:
        school = await self._scholen.school_van(user.channel, user.sender_id)
        if school is None:
            return [Reply(tekst("niet_gekoppeld", taal))]
        meldingen = await self._meldingen.van_school(school[0].id)
        if not meldingen:
            return [Reply(tekst("geen_meldingen", taal))]
        return [Reply("\n".join(samenvatting.regel(m, taal) for m in meldingen[:20]))]

    async def intrekken(self, user: ChatUser, referentie: str, taal: Taal) -> list[Reply]:
        school = await self._scholen.school_van(user.channel, user.sender_id)
        if school is None:
            return [Reply(tekst("niet_gekoppeld", taal))]
        melding = await self._meldingen.status_zetten(referentie.strip(), "ingetrokken", f"school {school[0].brin}",
                                                      self._clock.now(), school_id=school[0].id)
        if melding is None:
            return [Reply(tekst("niet_gevonden", taal))]
        return [Reply(tekst("ingetrokken", taal, referentie=melding.referentie))]


def melding_gesprek(sessions: async_sessionmaker[AsyncSession], clock: Clock, rules: RuleSet,
                    wachtrij: Wachtrij | None = None) -> MeldingGesprek:
    return MeldingGesprek(Scholen(sessions), Concepten(sessions), Meldingen(sessions), clock, rules, wachtrij)
