"""A test server that hosts two opleidingsscholen, with three accounts: a manager of each and
an administrator. Each school has its own locatie, dagdelen in two years, confirmed points,
a hand-made rode lijn with a tag, scenarios, werkblad scores and an action, all played
through the domain. Every text of Zuiderzon carries a word that occurs nowhere in
Noorderlicht (``ZUID_MARKERS``), so a leak is a plain substring test."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from conftest import EVERYTHING, OPERATOR
from test_programme_data import play

from zet.programme.account_admin import add_account
from zet.programme.actions import action_from_point
from zet.programme.locaties import add_partnership
from zet.programme.rode_lijnen import add_label, confirmed_points, group_points
from zet.programme.tenancy import Viewer, viewer_for

PASSWORD = "een lang wachtwoord"
NOORD, ZUID = "Opleidingsschool Noorderlicht", "Opleidingsschool Zuiderzon"
NOORD_LOCATIE, ZUID_LOCATIE = "De Poolster", "De Zonnewijzer"
NOORD_POINTS = ("Studenten van de Poolster voelen zich welkom",
                "Mentoren van de Poolster kijken samen terug",
                "Feedback op de Poolster gaat vooral over lesgeven")
ZUID_POINTS = ("Studenten van de Zonnewijzer voelen zich welkom",
               "Mentoren van de Zonnewijzer kijken samen terug",
               "Feedback op de Zonnewijzer gaat vooral over lesgeven")
ZUID_MARKERS = ("zuiderzon", "zonnewijzer")
NOORD_MARKERS = ("noorderlicht", "poolster")


def leaks(text: str, markers: tuple[str, ...] = ZUID_MARKERS) -> list[str]:
    """The markers of the other school found in ``text`` (case-insensitive)."""
    folded = text.casefold()
    return [m for m in markers if m in folded]


@dataclass(frozen=True)
class Server:
    noord: int  # partnership ids
    zuid: int
    noor: Viewer   # manager of Noorderlicht
    zeger: Viewer  # manager of Zuiderzon
    bea: Viewer    # administrator


def _school(engine, library, naam, locatie, texts) -> int:
    pid = add_partnership(engine, OPERATOR, naam).id
    strong, alike, develop = texts
    play(engine, library, pid, locatie, date(2025, 11, 3), "proef-twee", scores=[2, 3],
         koos=[(4, 2)], nu=1, gewenst=2, strong=[strong], develop=[develop])
    play(engine, library, pid, locatie, date(2026, 11, 2), "proef-twee", scores=[4, 5],
         koos=[(5, 3)], nu=2, gewenst=3, strong=[alike], develop=[develop + " en planning"])
    mine = [p for p in confirmed_points(engine, EVERYTHING) if p.locatie == locatie]
    by_text = {p.text: p for p in mine}
    group_points(engine, OPERATOR, [by_text[strong].id, by_text[alike].id],
                 f"Samen terugkijken ({locatie})")
    add_label(engine, OPERATOR, by_text[strong].id, f"label {locatie}")
    action_from_point(engine, OPERATOR, by_text[develop].id, tevreden=f"Als {locatie} het merkt",
                      verantwoordelijk="De schoolopleider")
    return pid


def build_server(engine, library) -> Server:
    noord = _school(engine, library, NOORD, NOORD_LOCATIE, NOORD_POINTS)
    zuid = _school(engine, library, ZUID, ZUID_LOCATIE, ZUID_POINTS)
    ids = [add_account(engine, OPERATOR, naam, PASSWORD, beheerder=admin, partnerschap_ids=p).id
           for naam, admin, p in (("Noor", False, [noord]), ("Zeger", False, [zuid]),
                                  ("Bea", True, []))]
    noor, zeger, bea = (viewer_for(engine, i) for i in ids)
    assert noor and zeger and bea
    return Server(noord, zuid, noor, zeger, bea)
