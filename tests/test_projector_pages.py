"""How the projector's steps are cut into pages (``zet.room.screen_pages``, ``zet.room.screenfit``):
a page is full before the next one starts, a label never ends a column, nothing is lost when a long
text is cut, and a list keeps its numbers."""
from __future__ import annotations

from collections import Counter

import pytest

from zet.roles import ROLES
from zet.room import answers, groups, participants, points
from zet.room.screen_pages import (
    NUMBER_BADGE,
    answer_flow,
    group_pages,
    points_pages,
)
from zet.room.screenfit import BODY_W, LINE, Flow, Piece, body_height, fill, flow, heading_height
from zet.room.snapshot import group_snapshot
from zet.steps import Step

# Fifteen answers of the length people type at a table (40 to 160 characters).
ANSWERS = [
    "We bespreken de voortgang vooral informeel, bij de koffie of na een les.",
    "Feedback komt vaak pas aan het eind van een periode; tussendoor blijft het stil.",
    "Eén vaste middag per maand om samen te reflecteren.",
    "Studenten vragen zelden zelf om feedback; ze wachten af wat de begeleider zegt.",
    "Lesbezoek in tweetallen is een idee, maar nog niet ingevoerd.",
    "Korte gesprekken direct na de les, met één concreet punt om mee verder te gaan.",
    "Niet iedereen weet wat er van een schoolopleider verwacht wordt.",
    "Het hangt af van de persoon: de ene begeleider doet het heel anders dan de andere, en "
    "als student merk je dat meteen.",
    "Wat hebben oud-studenten gehad aan de begeleiding?",
    "Het instituut en de school gebruiken verschillende woorden voor hetzelfde.",
    "Ik krijg als startende leraar veel ruimte, maar weet niet bij wie ik terecht kan.",
    "Samen lessen voorbereiden gebeurt wel, maar meestal pas vlak voor de les.",
    "De criteria zijn helder op papier; in de praktijk leggen we ze verschillend uit.",
    "De vakgroep biologie nodigt studenten uit bij het ontwerpen van toetsen.",
    "We zouden vaker de evaluaties van studenten kunnen gebruiken.",
]


def _exchange(engine, library, session, texts):
    """A group in the Uitwisseling where one person per text answered the open question."""
    group_id = session.group_ids[0]
    theme = library.theme("proef")
    question = next(q for q in theme.vragen if q.type == "tekst")
    for index, text in enumerate(texts):
        person = participants.join(engine, session.dagdeel, role=ROLES[index % 6])
        answers.save_answer(engine, group_id, person.id, question, text)
    groups.set_step(engine, group_id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    state = group_snapshot(engine, library, group_id)
    number = theme.vragen.index(question) + 1
    return [p for p in group_pages(state) if p.number == number], state


def _room(page, state) -> float:
    return body_height(state.theme.titel) - heading_height(page.question.vraag,
                                                           BODY_W - NUMBER_BADGE)


def test_fifteen_answers_fill_their_pages_and_leave_no_remnant(engine, library, session):
    pages, state = _exchange(engine, library, session, ANSWERS)
    how = answer_flow(_room(pages[0], state))
    fills = [fill(page.columns, how) for page in pages]
    shown = [p.text for page in pages for column in page.columns for p in column
             if p.kind == "answer"]
    words = Counter(word for text in shown for word in text.split() if word != "…")
    assert words == Counter(word for text in ANSWERS for word in text.split())  # all, once
    assert len(pages) > 1
    assert all(f >= 0.5 for f in fills), fills   # no page half empty, and no remnant last


def test_a_page_title_says_which_part_of_the_question_it_is(engine, library, session):
    pages, _ = _exchange(engine, library, session, ANSWERS * 2)
    assert len(pages) > 1
    assert [p.title for p in pages] == [f"Vraag {pages[0].number} (deel {n} van "
                                        f"{len(pages)})" for n in range(1, len(pages) + 1)]


def _how(height: float) -> Flow:
    return Flow(2, height, lambda p: LINE if p.kind == "role" else
                len(p.text.split()) * LINE / 4 + 0.5, headers=frozenset({"role"}),
                splittable=frozenset({"answer"}), text_width=8.0, frame=0.5)


def test_a_label_goes_on_above_the_rest_of_its_pieces_and_never_ends_a_column():
    pieces = [Piece("role", "Schoolopleider", role="Schoolopleider"),
              *[Piece("answer", "een twee drie vier", role="Schoolopleider")] * 7,
              Piece("role", "Werkplekbegeleider", role="Werkplekbegeleider"),
              *[Piece("answer", "een twee drie vier", role="Werkplekbegeleider")] * 3]
    pages = flow(pieces, _how(6 * LINE + 0.01))
    columns = [column for page in pages for column in page]
    for column in columns:
        assert column[-1].kind != "role"
        assert column[0].kind == "role"   # every column says whose answers it holds
    continued = [c[0] for c in columns if c[0].continued]
    assert continued and all(p.text in ("Schoolopleider", "Werkplekbegeleider")
                             for p in continued)


def test_a_long_text_is_cut_at_a_line_end_and_nothing_is_lost():
    words = [f"woord{n}" for n in range(60)]
    long = Piece("answer", " ".join(words), role="Schoolopleider")
    pages = flow([Piece("role", "Schoolopleider", role="Schoolopleider"), long],
                 _how(5 * LINE))
    parts = [p.text for page in pages for column in page for p in column if p.kind == "answer"]
    assert len(parts) > 1
    assert parts[0].endswith(" …") and all(p.startswith("… ") for p in parts[1:])
    assert " ".join(p.strip("… ") for p in parts).split() == words


def test_points_keep_their_numbers_on_every_page(engine, library, session):
    group_id = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=ROLES[0])
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
        groups.set_step(engine, group_id, step, expected_current=step.previous())
    for n in range(1, 15):
        points.contribute(engine, group_id, person.id, "sterk",
                          f"Sterk punt {n}: de begeleiding is afgestemd met het instituut en "
                          "iedereen weet wie wat doet.")
    pages = points_pages(points.working_list(engine, group_id), "punten", "Punten",
                         body_height("Proef"))
    assert len(pages) > 1
    assert [n for page in pages for n, _ in page.sterk] == list(range(1, 15))
    assert pages[-1].title == f"Punten ({len(pages)} van {len(pages)})"


@pytest.mark.parametrize("title, more", [
    ("Visie", True), ("Professionalisering en professionele ontwikkeling", True),
    ("Samen opleiden en professionaliseren in de hele school nu", False)])
def test_a_title_on_one_line_leaves_the_page_more_room(title, more):
    assert (body_height(title) > body_height("x" * 200)) is more


def test_a_list_answer_is_cut_between_its_points():
    items = "\n".join(f"• punt {n} met een paar woorden erbij" for n in range(1, 9))
    pages = flow([Piece("role", "Schoolopleider", role="Schoolopleider"),
                  Piece("answer", items, role="Schoolopleider")], _how(6 * LINE))
    parts = [p.text for page in pages for column in page for p in column if p.kind == "answer"]
    assert len(parts) > 1
    assert all(line.startswith("• ") for part in parts for line in part.splitlines())
    assert "\n".join(parts) == items


def test_a_round_of_many_tables_goes_on_as_many_pages_as_it_needs(engine, session):
    from zet.room.dagdelen import get_dagdeel
    from zet.room.screen_pages import Seat, plenary_pages

    dagdeel = get_dagdeel(engine, session.dagdeel.id)
    assert dagdeel.room.in_round
    seats = [Seat(label, "Professionalisering en professionele ontwikkeling",
                  f"Begeleider {label}", 6, Step.UITWISSELING) for label in "ABCDEFGHIJ"]
    pages = plenary_pages(dagdeel, seats=seats)
    shown = [p.text for page in pages for column in page.columns for p in column]
    assert len(pages) > 1 and shown == list("ABCDEFGHIJ")
    assert pages[0].title.startswith("Ronde 1: wie zit waar (deel 1 van ")
