"""Across dagdelen, on a real database: outcomes, archive, placements and werkblad scores
per year, rode lijnen (alike points, grouping and tags by hand, points that came back) and
actions. The small history below is played through the domain; every expected number is
worked out by hand in the comments."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from conftest import EVERYTHING, OPERATOR

from zet.errors import UserError
from zet.programme.actions import action_from_point, list_actions, open_actions_for, set_done
from zet.programme.archive import (
    Scope,
    archive,
    group_outcomes,
    latest_placements,
    placements_per_year,
    werkblad_scores_per_year,
    years,
)
from zet.programme.locaties import add_partnership
from zet.programme.rode_lijnen import (
    add_label,
    by_waarborg,
    came_back,
    confirmed_points,
    group_points,
    lines,
    locaties_alike,
    locaties_of_line,
    point_groups,
    search,
    ungroup_point,
)
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel
from zet.steps import Step

WELKOM = "Studenten voelen zich welkom in het team"
WELKOM_B = "Studenten voelen zich welkom in het hele team"
FEEDBACK = "Feedback gaat vooral over lesgeven"
FEEDBACK_AGAIN = "Feedback gaat nog vooral over het lesgeven"
NABESPREKING = "Vaste nabespreking na elke les"


def play(engine, library, partnership_id, locatie, datum, theme_id, *, scores=(), koos=(),
         nu=None, gewenst=None, strong=(), develop=(), confirm=True) -> int:
    """One dagdeel with one theme group, played through the steps; returns the group id."""
    created = create_dagdeel(engine, locatie=locatie, datum=datum, partnerschap_id=partnership_id,
                             rounds=[RoundPlan(groups=(GroupPlan(theme_id, "Anna"),))],
                             titel=f"Dagdeel {locatie} {datum.year}")
    gid = created.group_ids[0]
    theme = library.theme(theme_id)
    people = [participants.join(engine, created.dagdeel, role=ROLES[i % 3])
              for i in range(max(len(scores), len(koos), 1))]
    for question in theme.vragen:
        values = scores if question.type == "schaal" else (
            [{"gewenst": g, "feitelijk": f} for g, f in koos] if question.type == "koos" else [])
        for person, value in zip(people, values):
            answers.save_answer(engine, gid, person.id, question, value)
    groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    groups.set_step(engine, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    groups.set_step(engine, gid, Step.PUNTEN, expected_current=Step.REFLECTIEKAARTEN)
    for text in strong:
        points.contribute(engine, gid, None, "sterk", text)
    for text in develop:
        points.contribute(engine, gid, None, "ontwikkel", text)
    if confirm and (strong or develop):
        points.confirm_list(engine, gid)
    groups.set_step(engine, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    if nu is not None:
        scenarios.place(engine, gid, people[0].id, nu=nu, gewenst=gewenst)
        groups.record_group_scenario(engine, gid, nu=nu, gewenst=gewenst, argument="")
    return gid


@dataclass
class History:
    partnership_id: int
    a: int  # locatie ids
    b: int


@pytest.fixture
def history(engine, library) -> History:
    pid = add_partnership(engine, OPERATOR, "Proefschool").id
    play(engine, library, pid, "De Brug", date(2025, 11, 3), "proef-twee", scores=[2, 3],
         koos=[(4, 2), (5, 3)], nu=1, gewenst=2, strong=[WELKOM], develop=[FEEDBACK])
    play(engine, library, pid, "De Brug", date(2026, 11, 2), "proef-twee", scores=[4, 4, 5],
         koos=[(4, 3), (4, 4), (5, 3)], nu=2, gewenst=3, strong=[NABESPREKING],
         develop=[FEEDBACK_AGAIN])
    play(engine, library, pid, "Het Kompas", date(2026, 11, 9), "proef-twee", scores=[1, 3],
         koos=[(3, 1), (5, 2)], nu=2, gewenst=4, strong=[WELKOM_B])
    play(engine, library, pid, "Het Kompas", date(2025, 11, 10), "proef", nu=3, gewenst=3,
         strong=["Niet bevestigd"], confirm=False)
    outcomes = group_outcomes(engine, EVERYTHING)
    a = next(o.locatie_id for o in outcomes if o.locatie == "De Brug")
    b = next(o.locatie_id for o in outcomes if o.locatie == "Het Kompas")
    return History(pid, a, b)


def test_archive_filters_by_locatie_year_and_theme(engine, history):
    everything = archive(engine, EVERYTHING)
    assert [(e.locatie, e.jaar) for e in everything] == [
        ("Het Kompas", 2026), ("De Brug", 2026), ("Het Kompas", 2025), ("De Brug", 2025)]
    assert len(archive(engine, Scope(OPERATOR, jaar=2026))) == 2
    assert [e.locatie for e in archive(engine, Scope(OPERATOR, theme_id="proef"))] == ["Het Kompas"]
    assert {e.jaar for e in archive(engine, Scope(OPERATOR, locatie_id=history.b))} == {2025, 2026}
    assert archive(engine, Scope(OPERATOR, locatie_id=history.b, jaar=2026, theme_id="proef")) == []
    assert years(engine, EVERYTHING) == [2026, 2025]


def test_latest_placement_per_locatie_and_theme(engine, history):
    latest = latest_placements(group_outcomes(engine, EVERYTHING))
    assert {key: (o.nu, o.gewenst, o.jaar) for key, o in latest.items()} == {
        (history.a, "proef-twee"): (2, 3, 2026),  # 2026 replaces 2025's 1 -> 2
        (history.b, "proef-twee"): (2, 4, 2026),
        (history.b, "proef"): (3, 3, 2025),
    }


def test_placements_per_year_count_the_groups_never_average_them(engine, history):
    rows = placements_per_year(group_outcomes(engine, Scope(OPERATOR, theme_id="proef-twee")))
    # 2025: one group 1 -> 2; 2026: groups 2 -> 3 and 2 -> 4 (no "2 -> 3,5")
    assert [(r.jaar, r.moves, r.groups) for r in rows] == [
        (2025, ((1, 2, 1),), 1), (2026, ((2, 3, 1), (2, 4, 1)), 2)]
    assert [r.label for r in rows] == ["1 → 2", "1× 2 → 3 · 1× 2 → 4"]
    assert rows[1].counts("nu") == {1: 0, 2: 2, 3: 0, 4: 0}
    assert rows[1].counts("gewenst") == {1: 0, 2: 0, 3: 1, 4: 1}
    assert rows[1].common_nu == 2
    only_a = placements_per_year(group_outcomes(engine, Scope(OPERATOR, locatie_id=history.a)))
    assert [(r.jaar, r.label) for r in only_a] == [(2025, "1 → 2"), (2026, "2 → 3")]


def test_werkblad_scores_per_year(engine, library, history):
    scores = {(s.jaar, s.kind): s for s in werkblad_scores_per_year(engine, library, EVERYTHING)}
    assert scores[(2025, "schaal")].score == pytest.approx(2.5)   # (2 + 3) / 2
    assert scores[(2026, "schaal")].score == pytest.approx(3.4)   # (4+4+5+1+3) / 5
    assert scores[(2026, "schaal")].answers == 5
    assert scores[(2025, "koos")].gewenst == pytest.approx(4.5)   # (4 + 5) / 2
    assert scores[(2025, "koos")].feitelijk == pytest.approx(2.5)  # (2 + 3) / 2
    assert scores[(2026, "koos")].gewenst == pytest.approx(4.2)   # (4+4+5+3+5) / 5
    assert scores[(2026, "koos")].feitelijk == pytest.approx(2.6)  # (3+4+3+1+2) / 5
    only_a = werkblad_scores_per_year(engine, library,
                                      Scope(OPERATOR, locatie_id=history.a, jaar=2026))
    assert [s.score for s in only_a if s.kind == "schaal"] == [pytest.approx(13 / 3)]


def test_rode_lijnen_count_locaties_that_say_something_alike(engine, library, history):
    found = confirmed_points(engine, EVERYTHING)
    assert sorted(p.text for p in found) == sorted(
        [WELKOM, FEEDBACK, NABESPREKING, FEEDBACK_AGAIN, WELKOM_B])  # unconfirmed left out
    welkom_b = next(p for p in found if p.text == WELKOM_B)
    assert locaties_alike(welkom_b, found) == 2  # De Brug said it too, in other words
    nabespreking = next(p for p in found if p.text == NABESPREKING)
    assert locaties_alike(nabespreking, found) == 1
    waarborgen = by_waarborg(found, library)
    assert len(waarborgen["Leeromgeving"]) == 5 and waarborgen["Organisatie"] == []
    first = lines(found, point_groups(engine, OPERATOR))[0]
    assert first.locaties == ["De Brug", "Het Kompas"] and first.kind == "sterk"
    assert [p.text for p in search(found, "welkom HELE")] == [WELKOM_B]
    # a search that shows one point still counts every locatie of its line
    [hit_line] = lines(search(found, "welkom HELE"), point_groups(engine, OPERATOR))
    assert locaties_of_line(hit_line, found) == 2
    assert [(a.text, b.text) for a, b in came_back(found)] == [(FEEDBACK, FEEDBACK_AGAIN)]


def test_grouping_and_tags_by_hand_are_kept(engine, history):
    found = {p.text: p for p in confirmed_points(engine, EVERYTHING)}
    gid = group_points(engine, OPERATOR, [found[NABESPREKING].id, found[WELKOM_B].id],
                       "Studenten horen erbij")
    add_label(engine, OPERATOR, found[NABESPREKING].id, "Begeleiding")
    again = confirmed_points(engine, EVERYTHING)  # read back from the database
    grouped = {p.text for p in again if p.puntgroep_id == gid}
    assert grouped == {NABESPREKING, WELKOM_B}
    assert next(p for p in again if p.text == NABESPREKING).labels == ("begeleiding",)
    assert [p.text for p in search(again, "begeleiding")] == [NABESPREKING]
    line = next(ln for ln in lines(again, point_groups(engine, OPERATOR)) if ln.puntgroep_id == gid)
    assert line.title == "Studenten horen erbij" and line.locaties == ["De Brug", "Het Kompas"]
    # in a hand-made group, the word overlap no longer decides: WELKOM_B left WELKOM's line
    welkom = next(p for p in again if p.text == WELKOM)
    assert locaties_alike(welkom, again) == 1
    with pytest.raises(UserError, match="niet in één groep"):
        group_points(engine, OPERATOR, [found[WELKOM].id, found[FEEDBACK].id], "Mengsel")
    ungroup_point(engine, OPERATOR, found[NABESPREKING].id)
    ungroup_point(engine, OPERATOR, found[WELKOM_B].id)
    assert point_groups(engine, OPERATOR) == []  # an emptied group goes


def test_an_ontwikkelpunt_becomes_an_action_shown_next_time(engine, history):
    found = {p.text: p for p in confirmed_points(engine, EVERYTHING)}
    action_id = action_from_point(engine, OPERATOR, found[FEEDBACK].id,
                                  tevreden="Studenten merken het",
                                  verantwoordelijk="De schoolopleider", aanpak="Intervisie",
                                  tijdpad="voor de zomer")
    [action] = open_actions_for(engine, history.a, "proef-twee")
    assert (action.id, action.ontwikkelpunt, action.locatie) == (action_id, FEEDBACK, "De Brug")
    assert (action.tevreden, action.verantwoordelijk, action.aanpak, action.tijdpad) == (
        "Studenten merken het", "De schoolopleider", "Intervisie", "voor de zomer")
    assert open_actions_for(engine, history.b, "proef-twee") == []
    assert open_actions_for(engine, history.a, "proef") == []
    assert open_actions_for(engine, None, "proef-twee") == []
    set_done(engine, OPERATOR, action_id)
    assert open_actions_for(engine, history.a, "proef-twee") == []
    assert [a.status for a in list_actions(engine, OPERATOR)] == ["afgerond"]
    with pytest.raises(UserError, match="bevestigd ontwikkelpunt"):
        action_from_point(engine, OPERATOR, found[WELKOM].id)
