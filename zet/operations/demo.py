"""A clearly marked fictional dagdeel to look at every screen without a room.

``python -m zet demo`` fills the configured database with three dagdelen at a fictional
school, every one titled "Demo — …": a group in the Uitwisseling with 16 participants of six
roles who all answered, a fresh group in the Werkblad with a few participants who have not
answered yet, and a dagdeel with three tables and two rounds in its plenary opening, whose
quickscan sixteen people filled in beforehand.
``python -m zet demo --remove`` deletes every dagdeel whose title starts with "Demo — ".
"""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, select

from zet.content.model import Library, Question, QuickscanItem, Theme
from zet.db import writing
from zet.db.schema import dagdelen
from zet.roles import ROLES, role_group
from zet.room import answers, groups, participants, quickscan, rounds
from zet.room.dagdelen import (
    CreatedSession,
    GroupPlan,
    Programme,
    RoundPlan,
    create_dagdeel,
    get_dagdeel,
)
from zet.room.versions import quiet
from zet.steps import Step

DEMO_PREFIX = "Demo — "
SCHOOL = "Demo — Fictief College De Wilgenhoek"
PREFERRED_THEMES = ("coachen-en-feedback", "onderzoekende-houding", "visie")

# Six roles, sixteen people: the mix a real ZET table has.
ROOM = [ROLES[0]] * 4 + [ROLES[1]] * 3 + [ROLES[2]] * 3 + [ROLES[3]] * 2 + [ROLES[4]] * 2 \
    + [ROLES[7]] * 2

OPEN_ANSWERS = [
    "We bespreken de voortgang vooral informeel, bij de koffie of na een les.",
    "Feedback komt vaak pas aan het eind van een periode; tussendoor blijft het stil.",
    "In de sectie Nederlands is er één vaste middag per maand om samen te reflecteren.",
    "Ik merk dat studenten zelden zelf om feedback vragen; ze wachten af wat de "
    "werkplekbegeleider zegt.",
    "De nieuwe coördinator heeft ideeën over lesbezoek in tweetallen, maar dat is nog niet "
    "ingevoerd.",
    "Wat goed werkt: korte gesprekken direct na de les, met één concreet punt om mee verder "
    "te gaan.",
    "Niet iedereen weet wat er van een schoolopleider verwacht wordt.",
    "Bij ons op de locatie hangt veel af van de persoon: de ene begeleider doet het heel "
    "anders dan de andere, en als student merk je dat meteen. Ik zou willen dat we afspreken "
    "wat we in elk geval samen doen, bijvoorbeeld een vast moment in de week, een gedeeld "
    "formulier voor lesbezoeken en een gesprek aan het eind van elke periode waarin de "
    "student zelf zegt waar het volgende doel ligt. Nu voelt het soms als toeval.",
    "Reünie van oud-studenten zou mooi zijn: wat hebben zij gehad aan de begeleiding?",
    "Het instituut en de school gebruiken verschillende woorden voor hetzelfde; dat zorgt "
    "voor verwarring.",
    "Ik krijg als startende leraar veel ruimte, maar weet niet altijd bij wie ik terecht kan.",
    "Samen lessen voorbereiden gebeurt wel, maar meestal pas vlak voor de les.",
    "De beoordelingscriteria zijn helder op papier; in de praktijk leggen we ze verschillend "
    "uit.",
    "Mooi voorbeeld: de vakgroep biologie nodigt studenten uit bij het ontwerpen van toetsen.",
    "We zouden vaker data kunnen gebruiken, bijvoorbeeld uit de evaluaties van studenten.",
    "Ik zie dat de schoolleiding het belangrijk vindt; het staat in het jaarplan.",
]
LIST_ITEMS = ["vaste gespreksmomenten", "lesbezoek in tweetallen", "één formulier",
              "tijd in het rooster", "scholing voor begeleiders", "heldere rollen",
              "studenten die zelf doelen stellen", "feedback binnen een week"]


def _theme(library: Library, preferred: str | None = None) -> Theme:
    for theme_id in ((preferred,) if preferred else ()) + PREFERRED_THEMES:
        if theme_id and theme_id in library.themes:
            return library.themes[theme_id]
    return library.ordered_themes()[0]


# A demo answer per answer type (``zet.answer_types``): (question, rng, index) -> value.
DEMO_ANSWERS: dict[str, Callable[[Question, random.Random, int], Any]] = {
    "tekst": lambda question, rng, index: OPEN_ANSWERS[index % len(OPEN_ANSWERS)],
    "lijst": lambda question, rng, index: rng.sample(
        LIST_ITEMS, k=min(question.max_items, rng.randint(2, 4))),
    "keuze": lambda question, rng, index: rng.choice(question.opties),
    "meerkeuze": lambda question, rng, index: rng.sample(
        list(question.opties), k=rng.randint(1, min(3, len(question.opties)))),
    "schaal": lambda question, rng, index: rng.randint(2, 5),
    "koos": lambda question, rng, index: {"gewenst": rng.randint(3, 5),
                                          "feitelijk": rng.randint(1, 4)},
}


# How the fictional school sees itself: (gewenst, feitelijk) per theme, and how much lower
# the students and starting teachers rate the practice. Beoordelen has the largest gap,
# coachen en feedback the largest difference between roles.
QUICKSCAN_BIAS = {"beoordelen": (4.6, 2.2, 0.3), "coachen-en-feedback": (4.4, 3.4, 1.6),
                  "visie": (4.0, 3.3, 0.2), "regie-op-leren": (4.2, 3.0, 0.5),
                  "onderzoekende-houding": (3.6, 2.8, 0.0), "professionalisering": (4.0, 3.5, 0.3)}


def fill_quickscan(engine: Engine, library: Library, dagdeel_id: int, theme_ids: list[str],
                   rng: random.Random, *, roles: list[str] | None = None,
                   lift: float = 0.0) -> quickscan.Quickscan:
    """Open the dagdeel's quickscan and let ``roles`` (the sixteen people of ROOM) fill it
    in; ``lift`` raises every feitelijk rating (a school that develops over the years)."""
    scan = quickscan.open_quickscan(engine, dagdeel_id, theme_ids,
                                    known_themes=set(library.themes))
    clip = lambda value: min(5, max(1, round(value)))  # noqa: E731
    for role in roles or ROOM:
        person = quickscan.start(engine, scan.id, role=role)
        student = role_group(role) == role_group(ROLES[0])
        taps: list[tuple[QuickscanItem, str, int | str | None]] = []
        for item in library.quickscan_items(scan.theme_ids):
            wish, fact, student_drop = QUICKSCAN_BIAS.get(item.theme_id, (4.0, 3.0, 0.0))
            fact += lift - (student_drop if student else 0.0)
            if item.schaal == "ovg":
                taps.append((item, "oordeel", "OVG"[clip(fact + rng.uniform(-1, 1)) // 2]))
            else:
                taps += [(item, "gewenst", clip(wish + rng.uniform(-0.8, 0.8))),
                         (item, "feitelijk", clip(fact + rng.uniform(-1, 1)))]
        quickscan.rate_many(engine, person.token, taps)
    return scan


def _single(engine: Engine, library: Library, titel: str, theme: Theme,
            facilitator: str) -> CreatedSession:
    return create_dagdeel(engine, locatie=SCHOOL, datum=date.today(), titel=titel,
                          rounds=[RoundPlan(groups=(GroupPlan(theme.id, facilitator),))],
                          known_themes=set(library.themes))


def add_demo(engine: Engine, library: Library) -> dict[str, dict[str, str]]:
    """Create the demo dagdelen; returns the paths (relative to the app root) to open."""
    rng = random.Random(20261201)
    theme = _theme(library)

    exchange = _single(engine, library, f"{DEMO_PREFIX}Uitwisseling", theme, "Demo Sanne")
    group_id = exchange.group_ids[0]
    for index, role in enumerate(ROOM):
        person = participants.join(engine, exchange.dagdeel, role=role,
                                   initials="" if index % 3 else f"D{index}")
        for number, question in enumerate(theme.vragen):
            answers.save_answer(engine, group_id, person.id, question,
                                DEMO_ANSWERS[question.type](question, rng, index + number * 5))
    groups.set_step(engine, group_id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    fill_quickscan(engine, library, exchange.dagdeel.id, [theme.id], rng)

    fresh = _single(engine, library, f"{DEMO_PREFIX}Werkblad", _theme(library, "visie"),
                    "Demo Ahmed")
    for role in (ROLES[0], ROLES[2], ROLES[4]):
        participants.join(engine, fresh.dagdeel, role=role)

    plan = [_theme(library, tid).id for tid in ("visie", "beoordelen", "regie-op-leren",
                                                "coachen-en-feedback", "onderzoekende-houding",
                                                "professionalisering")]
    day = create_dagdeel(
        engine, locatie=SCHOOL, datum=date.today(), titel=f"{DEMO_PREFIX}Dagdeel",
        known_themes=set(library.themes),
        programme=Programme(opening=("09:00", "09:30"), pauzes=(("10:45", "11:00"),),
                            afsluiting=("12:15", "12:45")),
        rounds=[RoundPlan(groups=tuple(GroupPlan(plan[i + 3 * r], f"Demo begeleider {i + 1}",
                                                 "ABC"[i]) for i in range(3)),
                          start_tijd=("09:30", "11:00")[r], eind_tijd=("10:45", "12:15")[r])
                for r in range(2)])
    for role in ROOM[:14]:
        participants.join(engine, day.dagdeel, role=role)
    rounds.propose_round(engine, day.dagdeel.id, 1)
    scan_code = fill_quickscan(engine, library, day.dagdeel.id, list(dict.fromkeys(plan)),
                               rng).code

    def single_paths(created: CreatedSession) -> dict[str, str]:
        dagdeel = get_dagdeel(engine, created.dagdeel.id)
        return {"projector": f"/scherm?code={dagdeel.join_code}",
                "control": f"/begeleiden?sleutel={created.group_secrets[0]}",
                "join": f"/deelnemen?code={dagdeel.join_code}"}

    return {
        "uitwisseling": single_paths(exchange),
        "werkblad": single_paths(fresh),
        "dagdeel": {"projector": f"/scherm?code={day.dagdeel.join_code}",
                    "control": f"/dagdeel?beheer={day.dagdeel.admin_secret}",
                    "join": f"/deelnemen?code={day.dagdeel.join_code}",
                    "tafel_a": f"/scherm?code={day.dagdeel.join_code}&tafel=A",
                    "quickscan": f"/quickscan?code={scan_code}"},
    }


def remove_demo(engine: Engine) -> int:
    """Delete every demo dagdeel with everything in it; returns how many."""
    with writing(engine) as conn:
        ids = list(conn.execute(select(dagdelen.c.id)
                                .where(dagdelen.c.titel.startswith(DEMO_PREFIX))).scalars())
        if ids:
            quiet(conn)  # the dagdelen go: no version left to bump
            conn.execute(delete(dagdelen).where(dagdelen.c.id.in_(ids)))
    return len(ids)
