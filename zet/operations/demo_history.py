"""A fictional partnership with three years of dagdelen, so every programme-manager view
has something to show: four locaties, a dagdeel per locatie per year, two rounds of two
theme groups each, all themes used somewhere, answers, confirmed points, placements,
a hand-made rode lijn and actions from ontwikkelpunten, and before every dagdeel a quickscan
that sixteen people filled in (the practice rated a little higher each year).

Everything goes through the same domain functions a real session uses. The partnership's
name and every dagdeel's title start with ``DEMO_PREFIX``, so ``remove_history`` (and the
integrator's ``python -m zet demo --remove``) can find it again.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, delete, select

from zet.content.model import Library, Question, Theme
from zet.db import writing
from zet.db.schema import dagdelen, locaties, partnerschappen, puntgroep_leden, puntgroepen
from zet.operations.demo import fill_quickscan
from zet.programme import actions
from zet.programme.locaties import add_locatie, add_partnership
from zet.programme.rode_lijnen import add_label, group_points, set_waarborg
from zet.programme.tenancy import Viewer
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, quickscan, rounds, scenarios
from zet.room.dagdelen import GroupPlan, Programme, RoundPlan, close_dagdeel, create_dagdeel
from zet.room.phase import set_plenary
from zet.room.states import Phase
from zet.room.versions import quiet
from zet.steps import Step

OPERATOR = Viewer.server()  # the demo is made by whoever runs the server
DEMO_PREFIX = "Demo — "
PARTNERSHIP = DEMO_PREFIX + "Opleidingsschool Rivierenland"
LOCATIES = ("Het Baken, Tiel", "Lyceum aan de Waal", "Kindcentrum De Linge",
            "Instituut Rivierenland (pabo en lerarenopleiding)")
YEARS = (2024, 2025, 2026)
LEADS = ("Marieke Dekker", "Youssef el Amrani", "Ingrid Post", "Bas Verhoef")
PROGRAMME = Programme(opening=("13:00", "13:20"), pauzes=(("14:35", "14:50"),),
                      afsluiting=("16:05", "16:30"))
ROUND_TIMES = (("13:20", "14:35"), ("14:50", "16:05"))
# Mixed roles, as the handleiding asks: students, werkplek, school and institute.
PEOPLE = (ROLES[0], ROLES[0], ROLES[1], ROLES[2], ROLES[2], ROLES[3], ROLES[4], ROLES[7])

# Per theme: sterke punten and ontwikkelpunten a group could have agreed on (our own words).
POINTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "visie": (("De visie op samen opleiden is met het hele team besproken",
               "Studenten herkennen de visie in hoe ze worden begeleid"),
              ("De visie staat op papier maar leeft weinig in de sectie",
               "School en instituut schreven de visie niet samen")),
    "gespreid-leiderschap": (("Schoolopleiders nemen zelf initiatief in het overleg",
                              "Werkplekbegeleiders beslissen mee over de stageplaatsen"),
                             ("Beslissingen over samen opleiden liggen bij één persoon",
                              "Teamleiders zijn weinig betrokken bij het opleiden")),
    "kwaliteitsontwikkeling": (("Evaluaties met studenten worden elk jaar samen besproken",
                                "De stuurgroep kijkt twee keer per jaar naar de cijfers"),
                               ("Uitkomsten van evaluaties leiden zelden tot verbeteracties",
                                "Alumni worden niet gevraagd naar hun ervaring")),
    "professionalisering": (("Werkplekbegeleiders volgen samen een basistraining",
                             "Er is tijd voor intervisie tussen schoolopleiders"),
                            ("Professionalisering van werkplekbegeleiders is niet geregeld",
                             "Startende leraren krijgen na het eerste jaar geen begeleiding")),
    "theorie-praktijk-persoon": (("Studenten brengen opdrachten van de opleiding in de les in",
                                  "Er is ruimte om over de eigen ontwikkeling te praten"),
                                 ("Opdrachten van de opleiding sluiten slecht aan bij de praktijk",
                                  "Weinig aandacht voor de persoon achter de student")),
    "onderzoekende-houding": (("Studenten doen praktijkonderzoek met een vraag van de school",
                               "Onderzoeksresultaten worden op een studiemiddag gedeeld"),
                              ("Onderzoek van studenten blijft in een la liggen",
                               "Leraren zien onderzoek als iets van de opleiding")),
    "rijke-leeromgeving": (("Studenten doen mee aan teamoverleg en studiedagen",
                            "Studenten lopen mee in verschillende klassen en vakken"),
                           ("Ruimte om fouten te maken verschilt per sectie",
                            "Studenten krijgen weinig taken buiten de eigen klas")),
    "rijke-leeromgeving-regie": (("Studenten kiezen zelf welke leerervaringen ze opzoeken",
                                  "Er is een rijk aanbod aan leerplekken in de school"),
                                 ("Studenten wachten af tot de begeleider iets aanbiedt",
                                  "Leerdoelen van studenten zijn bij het team onbekend")),
    "coachen-en-feedback": (("Werkplekbegeleiders geven eerlijke en concrete feedback",
                             "Nabespreken na elke les is vaste gewoonte"),
                            ("Feedback gaat vooral over lesgeven en weinig over de persoon",
                             "Feedforward krijgt weinig aandacht in gesprekken")),
    "regie-op-leren": (("Studenten stellen zelf hun leerdoelen op",
                        "Studenten vragen zelf om feedback"),
                       ("Studenten voelen weinig ruimte om eigen keuzes te maken",
                        "Het portfolio wordt ingevuld voor de beoordeling, niet om te leren")),
    "beoordelen": (("Beoordelaars bespreken vooraf samen de criteria",
                    "De student krijgt zijn beoordeling altijd uitgelegd"),
                   ("Het is onduidelijk wie het laatste woord heeft bij de beoordeling",
                    "Werkplekbegeleiders kennen de beoordelingscriteria slecht")),
}
GENERIC_POINTS = (("We werken hier goed samen", "Er is veel betrokkenheid"),
                  ("Afspraken worden nog te weinig vastgelegd", "Er is weinig tijd voor overleg"))
# Points that several locaties say in their own words: the rode lijnen of the demo.
SHARED = {"coachen-en-feedback": ("sterk", ("Vaste nabespreking na elke les",
                                            "Na elke les is er een nabespreking",
                                            "Nabespreken na de les is een vaste gewoonte")),
          "visie": ("ontwikkel", ("De visie leeft nog te weinig in de teams",
                                  "In de teams leeft de visie nog weinig",
                                  "De visie leeft weinig in de secties"))}
# The waarborg the programme manager placed each point of a theme with several waarborgen
# under (Organisatie and Kwaliteitscultuur share all their themes, so only this tells their
# sections apart).
LERENDE_LERAAR, ORGANISATIE, KWALITEITSCULTUUR, LEEROMGEVING = (
    "Lerende leraar", "Organisatie", "Kwaliteitscultuur", "Leeromgeving")
WAARBORG_OF_POINT = {
    "De visie op samen opleiden is met het hele team besproken": KWALITEITSCULTUUR,
    "Studenten herkennen de visie in hoe ze worden begeleid": LERENDE_LERAAR,
    "De visie staat op papier maar leeft weinig in de sectie": KWALITEITSCULTUUR,
    "School en instituut schreven de visie niet samen": ORGANISATIE,
    "De visie leeft nog te weinig in de teams": KWALITEITSCULTUUR,
    "In de teams leeft de visie nog weinig": KWALITEITSCULTUUR,
    "De visie leeft weinig in de secties": KWALITEITSCULTUUR,
    "Schoolopleiders nemen zelf initiatief in het overleg": KWALITEITSCULTUUR,
    "Werkplekbegeleiders beslissen mee over de stageplaatsen": ORGANISATIE,
    "Beslissingen over samen opleiden liggen bij één persoon": ORGANISATIE,
    "Teamleiders zijn weinig betrokken bij het opleiden": ORGANISATIE,
    "Evaluaties met studenten worden elk jaar samen besproken": KWALITEITSCULTUUR,
    "De stuurgroep kijkt twee keer per jaar naar de cijfers": ORGANISATIE,
    "Uitkomsten van evaluaties leiden zelden tot verbeteracties": KWALITEITSCULTUUR,
    "Alumni worden niet gevraagd naar hun ervaring": KWALITEITSCULTUUR,
    "Werkplekbegeleiders volgen samen een basistraining": LERENDE_LERAAR,
    "Er is tijd voor intervisie tussen schoolopleiders": ORGANISATIE,
    "Professionalisering van werkplekbegeleiders is niet geregeld": ORGANISATIE,
    "Startende leraren krijgen na het eerste jaar geen begeleiding": LERENDE_LERAAR,
    "Werkplekbegeleiders geven eerlijke en concrete feedback": LEEROMGEVING,
    "Nabespreken na elke les is vaste gewoonte": LEEROMGEVING,
    "Feedback gaat vooral over lesgeven en weinig over de persoon": LERENDE_LERAAR,
    "Feedforward krijgt weinig aandacht in gesprekken": LEEROMGEVING,
    "Vaste nabespreking na elke les": LEEROMGEVING,
    "Na elke les is er een nabespreking": LEEROMGEVING,
    "Nabespreken na de les is een vaste gewoonte": LEEROMGEVING,
    "Studenten stellen zelf hun leerdoelen op": LERENDE_LERAAR,
    "Studenten vragen zelf om feedback": LERENDE_LERAAR,
    "Studenten voelen weinig ruimte om eigen keuzes te maken": LEEROMGEVING,
    "Het portfolio wordt ingevuld voor de beoordeling, niet om te leren": LERENDE_LERAAR,
}
OPEN_WORDS = ("samen leren", "vertrouwen", "feedback", "vaste afspraken", "eigenaarschap",
              "tijd voor overleg", "nieuwsgierig", "veiligheid")
OPEN_SENTENCES = ("Bij de nabespreking van een les merkte ik hoe we samen keken.",
                  "In het teamoverleg kwam de student met een eigen vraag.",
                  "De schoolopleider en de instituutsopleider zaten samen aan tafel.",
                  "Een student mocht een studiedag mee voorbereiden.",
                  "Na een lastige les hebben we rustig teruggekeken wat er gebeurde.")


@dataclass(frozen=True)
class DemoHistory:
    partnerschap_id: int
    locatie_ids: tuple[int, ...]
    dagdeel_ids: tuple[int, ...]


def _schedule(themes: list[Theme]) -> dict[tuple[int, int], list[str]]:
    """Per (locatie, year) four themes: two the locatie returns to every year (so there is
    a trend to see) and two that rotate, so that every theme is used somewhere."""
    ids = [t.id for t in themes]
    plan: dict[tuple[int, int], list[str]] = {}
    rotating = list(ids)
    slot = 0
    for li in range(len(LOCATIES)):
        fixed = [ids[(2 * li) % len(ids)], ids[(2 * li + 1) % len(ids)]]
        for yi in range(len(YEARS)):
            extra: list[str] = []
            while len(extra) < 2:
                candidate = rotating[slot % len(rotating)]
                slot += 1
                if candidate not in fixed and candidate not in extra:
                    extra.append(candidate)
            plan[(li, yi)] = [*fixed, *extra]
    return plan


# A plausible answer per answer type (``zet.answer_types``); ``level`` (0..2, the year)
# nudges scores up over the years.
HISTORY_ANSWERS: dict[str, Callable[[Question, random.Random, int], object]] = {
    "tekst": lambda question, rng, level: rng.choice(OPEN_SENTENCES),
    "lijst": lambda question, rng, level: rng.sample(
        OPEN_WORDS, k=min(question.max_items, rng.choice((2, 3)))),
    "keuze": lambda question, rng, level: rng.choice(question.opties),
    "meerkeuze": lambda question, rng, level: rng.sample(
        list(question.opties), k=min(len(question.opties), rng.choice((1, 2)))),
    "schaal": lambda question, rng, level: max(
        1, min(5, 2 + level // 2 + rng.choice((-1, 0, 0, 1, 1)))),
    "koos": lambda question, rng, level: {
        "gewenst": rng.choice((4, 4, 5)),
        "feitelijk": max(1, min(5, 2 + level // 2 + rng.choice((-1, 0, 1))))},
}


def _run_group(engine: Engine, theme: Theme, table, rng: random.Random, li: int,
               yi: int) -> None:
    gid, members = table.group_id, table.members
    for person in members:
        for question in theme.vragen:
            answer = HISTORY_ANSWERS[question.type](question, rng, yi)
            answers.save_answer(engine, gid, person.id, question, answer)
    groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    groups.set_step(engine, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    if theme.kaarten:
        groups.reveal_card(engine, gid, theme.kaarten[(li + yi) % len(theme.kaarten)].id)
    groups.set_step(engine, gid, Step.PUNTEN, expected_current=Step.REFLECTIEKAARTEN)
    strong, develop = POINTS.get(theme.id, GENERIC_POINTS)
    texts = {"sterk": [strong[(li + yi) % len(strong)]],
             "ontwikkel": [develop[li % len(develop)]]}  # the same one returns each year
    if theme.id in SHARED and li < len(SHARED[theme.id][1]):
        kind, variants = SHARED[theme.id]
        texts[kind].append(variants[li])
    for kind, items in texts.items():
        for i, text in enumerate(items):
            author = members[i % len(members)].id if members else None
            points.contribute(engine, gid, author, kind, text)
    points.confirm_list(engine, gid)
    groups.set_step(engine, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    nu = min(4, 1 + (li % 2) + (yi + 1) // 2)  # creeping up over the years
    gewenst = min(4, nu + (0 if nu == 4 or (li + yi) % 5 == 4 else 1))
    for person in members:
        scenarios.place(engine, gid, person.id, nu=max(1, min(4, nu + rng.choice((-1, 0, 0)))),
                        gewenst=max(nu, min(4, gewenst + rng.choice((0, 0, 1)))))
    groups.record_group_scenario(
        engine, gid, nu=nu, gewenst=gewenst,
        argument="We zien al veel samenwerking, maar die hangt nog aan een paar mensen; "
                 "we willen dat het van het hele team wordt.")
    groups.set_reporter(engine, gid, "de schoolopleider")
    groups.set_step(engine, gid, Step.AFRONDING, expected_current=Step.SCENARIO)


def add_history(engine: Engine, library: Library, *, seed: int = 12) -> DemoHistory:
    """Add the fictional partnership with its dagdelen (see the module docstring)."""
    rng = random.Random(seed)
    themes = library.ordered_themes()
    partnership = add_partnership(engine, OPERATOR, PARTNERSHIP)
    locatie_ids = tuple(add_locatie(engine, OPERATOR, partnership.id, name).id
                        for name in LOCATIES)
    plan = _schedule(themes)
    dagdeel_ids = []
    for yi, year in enumerate(YEARS):
        for li, name in enumerate(LOCATIES):
            theme_ids = plan[(li, yi)]
            rounds_plan = [RoundPlan(groups=(GroupPlan(theme_ids[2 * r], f"Begeleider {r}A", "A"),
                                             GroupPlan(theme_ids[2 * r + 1], f"Begeleider {r}B",
                                                       "B")),
                                     start_tijd=start, eind_tijd=end)
                           for r, (start, end) in enumerate(ROUND_TIMES)]
            created = create_dagdeel(
                engine, locatie=name, datum=date(year, 11, 4 + 5 * li),
                titel=f"{DEMO_PREFIX}ZET-dagdeel {year}", rounds=rounds_plan,
                programme=PROGRAMME, partnerschap_id=partnership.id,
                hoofdprocesbegeleider=LEADS[li], known_themes=set(library.themes))
            dagdeel = created.dagdeel
            scan = fill_quickscan(engine, library, dagdeel.id, list(dict.fromkeys(theme_ids)),
                                  rng, roles=list(PEOPLE) * 2, lift=0.4 * yi)
            quickscan.close_quickscan(engine, scan.id)
            for role in PEOPLE:
                participants.join(engine, dagdeel, role=role)
            for nummer in (1, 2):
                rounds.propose_round(engine, dagdeel.id, nummer)
                rounds.start_round(engine, dagdeel.id, nummer)
                for table in rounds.rounds_of(engine, dagdeel.id)[nummer - 1].tables:
                    _run_group(engine, library.theme(table.theme_id), table, rng, li, yi)
            set_plenary(engine, dagdeel.id, Phase.AFSLUITING)
            close_dagdeel(engine, dagdeel.id)
            dagdeel_ids.append(dagdeel.id)
    history = DemoHistory(partnership.id, locatie_ids, tuple(dagdeel_ids))
    _programme_manager_work(engine, library, history)
    return history


def _programme_manager_work(engine: Engine, library: Library, history: DemoHistory) -> None:
    """What a programme manager did with the first two years: one rode lijn grouped and
    tagged by hand, every point of a theme with several waarborgen placed under one, and
    actions from ontwikkelpunten (one in three finished, the rest open)."""
    from zet.programme.archive import Scope
    from zet.programme.rode_lijnen import confirmed_points

    found = confirmed_points(engine, Scope(OPERATOR, partnerschap_id=history.partnerschap_id))
    for point in found:
        waarborg = WAARBORG_OF_POINT.get(point.text)
        if waarborg in library.themes[point.theme_id].waarborgen:
            set_waarborg(engine, OPERATOR, library, point.id, waarborg)
    shared = [p for p in found if p.kind == "sterk" and p.text in SHARED.get(
        "coachen-en-feedback", ("", ()))[1]]
    if len(shared) >= 2:
        group_points(engine, OPERATOR, [p.id for p in shared], "Nabespreken na elke les")
        add_label(engine, OPERATOR, shared[0].id, "begeleiding")
    first_year = [p for p in found if p.kind == "ontwikkel" and p.jaar == YEARS[0]]
    for i, point in enumerate(first_year[:6]):
        action_id = actions.action_from_point(
            engine, OPERATOR, point.id,
            tevreden="Als studenten en begeleiders het bij de evaluatie zelf merken",
            verantwoordelijk="Schoolopleider met de teamleider",
            aanpak="Elke maand een kort overleg; het eerste halfjaar een pilot in één sectie",
            tijdpad=f"Voor de zomer van {YEARS[1]}")
        if i % 3 == 2:
            actions.set_done(engine, OPERATOR, action_id)


def remove_history(engine: Engine) -> int:
    """Remove every demo partnership with its locaties, dagdelen and everything in them
    (rounds, groups, answers, points, their rode lijnen and actions); returns how many
    dagdelen went. Real data is never touched: it has no demo name."""
    with writing(engine) as conn:
        ids = [row.id for row in conn.execute(
            select(dagdelen.c.id).where(dagdelen.c.titel.startswith(DEMO_PREFIX)))]
        quiet(conn)  # the dagdelen go: no version left to bump
        conn.execute(delete(dagdelen).where(dagdelen.c.id.in_(ids)))  # cascades to groups
        demo = select(partnerschappen.c.id).where(partnerschappen.c.naam.startswith(
            DEMO_PREFIX))
        conn.execute(delete(locaties).where(locaties.c.partnerschap_id.in_(demo)))
        conn.execute(delete(partnerschappen).where(partnerschappen.c.naam.startswith(
            DEMO_PREFIX)))
        conn.execute(delete(puntgroepen).where(puntgroepen.c.id.not_in(
            select(puntgroep_leden.c.puntgroep_id))))
    return len(ids)
