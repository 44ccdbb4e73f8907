"""One theme group end to end in the domain layer, on a real SQLite file."""
from __future__ import annotations

from datetime import date

import pytest

from zet.codes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from zet.errors import NotFound, UserError
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, rounds, scenarios
from zet.room.dagdelen import close_dagdeel, create_single_session, find_open_dagdeel
from zet.room.snapshot import group_snapshot
from zet.steps import Step

STUDENT, WPB, SO = ROLES[0], ROLES[2], ROLES[3]


def test_join_codes_are_short_unambiguous_and_unique_among_open_sessions(engine, library):
    codes = set()
    for i in range(40):
        created = create_single_session(engine, locatie=f"School {i}", datum=date.today(),
                                        procesbegeleider="P", theme_id="proef")
        code = created.dagdeel.join_code
        assert len(code) == JOIN_CODE_LENGTH
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert not set(code) & set("0O1IL")
        codes.add(code)
    assert len(codes) == 40


def test_wrong_closed_and_empty_codes_get_a_clear_dutch_message(engine, session):
    with pytest.raises(NotFound, match="hoort bij geen enkele sessie"):
        find_open_dagdeel(engine, "QQQQQ")
    with pytest.raises(NotFound, match="Vul de deelnamecode in"):
        find_open_dagdeel(engine, "  ")
    assert find_open_dagdeel(engine, f" {session.dagdeel.join_code.lower()} ").id == \
        session.dagdeel.id
    close_dagdeel(engine, session.dagdeel.id)
    with pytest.raises(NotFound, match="al afgesloten"):
        find_open_dagdeel(engine, session.dagdeel.join_code)


def test_session_needs_locatie_and_known_theme(engine, library):
    with pytest.raises(UserError, match="locatie"):
        create_single_session(engine, locatie=" ", datum=date.today(), procesbegeleider="P",
                              theme_id="proef")
    with pytest.raises(UserError, match="bestaat niet"):
        create_single_session(engine, locatie="X", datum=date.today(), procesbegeleider="P",
                              theme_id="onbekend", known_themes=set(library.themes))


def test_participant_joins_once_and_is_found_again_by_token(engine, session):
    person = participants.join(engine, session.dagdeel, role=WPB, initials=" A B ")
    assert person.initials == "AB"
    assert participants.participant_by_token(engine, person.token) == person
    assert rounds.take_seat(engine, person).group_id == session.group_ids[0]
    assert rounds.take_seat(engine, person).group_id == session.group_ids[0]  # no second seat
    assert len(participants.members_of(engine, session.group_ids[0])) == 1
    with pytest.raises(UserError, match="rol"):
        participants.join(engine, session.dagdeel, role="Directeur-generaal")
    with pytest.raises(NotFound):
        participants.participant_by_token(engine, "verzonnen")


def test_step_moves_forward_and_back_and_a_double_click_cannot_skip(engine, session):
    gid = session.group_ids[0]
    group = groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    assert group.step == Step.UITWISSELING
    with pytest.raises(UserError, match="inmiddels bij 'Uitwisseling'"):
        groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    assert groups.current_step(engine, gid) == Step.UITWISSELING
    groups.set_step(engine, gid, Step.WERKBLAD, expected_current=Step.UITWISSELING)
    assert groups.current_step(engine, gid) == Step.WERKBLAD


@pytest.mark.parametrize("question_id, value, stored", [
    ("beeld", "  Een les over feedback  ", "Een les over feedback"),
    ("mensen", ["Schoolopleider", " ", "Mentor"], ["Schoolopleider", "Mentor"]),
    ("initiatief", "Ik zelf", "Ik zelf"),
    ("plekken", ["Op papier", "In de les"], ["In de les", "Op papier"]),
])
def test_answers_of_every_type_are_stored_in_their_clean_form(engine, library, session,
                                                              question_id, value, stored):
    person = participants.join(engine, session.dagdeel, role=SO)
    question = library.theme("proef").question(question_id)
    result = answers.save_answer(engine, session.group_ids[0], person.id, question, value)
    assert result == answers.SaveResult.SAVED
    assert answers.own_answers(engine, session.group_ids[0], person.id) == {question_id: stored}


def test_scale_and_koos_answers(engine, library):
    created = create_single_session(engine, locatie="X", datum=date.today(),
                                    procesbegeleider="P", theme_id="proef-twee")
    gid = created.group_ids[0]
    person = participants.join(engine, created.dagdeel, role=STUDENT)
    theme = library.theme("proef-twee")
    answers.save_answer(engine, gid, person.id, theme.question("ruimte"), 4)
    answers.save_answer(engine, gid, person.id, theme.question("feedback"),
                        {"gewenst": 5, "feitelijk": 2})
    assert answers.own_answers(engine, gid, person.id) == {
        "ruimte": 4, "feedback": {"gewenst": 5, "feitelijk": 2}}
    for bad in (0, 6, "4", True):
        with pytest.raises(UserError, match="1 tot en met 5"):
            answers.save_answer(engine, gid, person.id, theme.question("ruimte"), bad)


def test_a_600_character_point_is_refused_with_the_limit_never_stored_as_300(engine,
                                                                           session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
        groups.set_step(engine, gid, step, expected_current=step.previous())
    with pytest.raises(UserError, match=r"te lang \(600 tekens; hoogstens 300\)"):
        points.clean_point("sterk", "p" * 600)
    with pytest.raises(UserError, match="hoogstens 300"):
        points.contribute(engine, gid, person.id, "sterk", "p" * 600)
    assert points.contributions(engine, gid) == [] and points.working_list(engine, gid) == []
    assert points.clean_point("sterk", "p" * 300) == "p" * 300


def test_invalid_answers_are_refused_with_a_reason_and_keep_the_old_answer(engine, library,
                                                                           session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    theme = library.theme("proef")
    answers.save_answer(engine, gid, person.id, theme.question("beeld"), "eerste versie")
    with pytest.raises(UserError, match="te lang"):
        answers.save_answer(engine, gid, person.id, theme.question("beeld"), "x" * 2001)
    with pytest.raises(UserError, match="hoogstens 3"):
        answers.save_answer(engine, gid, person.id, theme.question("mensen"), list("abcd"))
    with pytest.raises(UserError, match="opties"):
        answers.save_answer(engine, gid, person.id, theme.question("initiatief"), "Iemand")
    assert answers.own_answers(engine, gid, person.id) == {"beeld": "eerste versie"}


def test_empty_answer_clears_and_does_not_count(engine, library, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    question = library.theme("proef").question("beeld")
    answers.save_answer(engine, gid, person.id, question, "iets")
    assert answers.save_answer(engine, gid, person.id, question, "   ") == \
        answers.SaveResult.CLEARED
    assert answers.group_answers(engine, gid) == []


def test_typing_after_the_step_closed_is_kept_and_restored_on_reopen(engine, library, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    question = library.theme("proef").question("beeld")
    answers.save_answer(engine, gid, person.id, question, "op tijd")
    groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    late = answers.save_answer(engine, gid, person.id, question, "te laat maar belangrijk")
    assert late == answers.SaveResult.DRAFT
    assert [a.value for a in answers.group_answers(engine, gid)] == ["op tijd"]
    assert answers.own_answers(engine, gid, person.id) == {"beeld": "te laat maar belangrijk"}
    groups.set_step(engine, gid, Step.WERKBLAD, expected_current=Step.UITWISSELING)
    assert [a.value for a in answers.group_answers(engine, gid)] == ["te laat maar belangrijk"]


def test_procesbegeleider_hides_one_answer(engine, library, session):
    gid = session.group_ids[0]
    question = library.theme("proef").question("beeld")
    people = [participants.join(engine, session.dagdeel, role=r) for r in (SO, WPB)]
    for person in people:
        answers.save_answer(engine, gid, person.id, question, f"antwoord {person.role}")
    answers.set_answer_hidden(engine, gid, people[0].id, "beeld", True)
    visible = answers.group_answers(engine, gid, include_hidden=False)
    assert [a.role for a in visible] == [WPB]
    answers.set_answer_hidden(engine, gid, people[0].id, "beeld", False)
    assert len(answers.group_answers(engine, gid, include_hidden=False)) == 2


def test_cards_reveal_once_and_can_be_put_away(engine, session):
    gid = session.group_ids[0]
    groups.reveal_card(engine, gid, "kaart-b")
    groups.reveal_card(engine, gid, "kaart-b")
    groups.reveal_card(engine, gid, "kaart-a")
    assert groups.revealed_cards(engine, gid) == ["kaart-b", "kaart-a"]
    groups.hide_card(engine, gid, "kaart-b")
    assert groups.revealed_cards(engine, gid) == ["kaart-a"]


def to_step(engine, gid: int, target: Step) -> None:
    """Move a group forward from wherever it is to ``target``."""
    current = groups.current_step(engine, gid)
    while current != target:
        groups.set_step(engine, gid, current.next(), expected_current=current)
        current = current.next()


def test_points_arrive_are_edited_merged_deleted_and_confirmed(engine, session):
    gid = session.group_ids[0]
    a = participants.join(engine, session.dagdeel, role=STUDENT)
    b = participants.join(engine, session.dagdeel, role=WPB)
    to_step(engine, gid, Step.PUNTEN)
    first = points.contribute(engine, gid, a.id, "sterk", "Goede  begeleiding")
    assert points.contribute(engine, gid, a.id, "sterk", "Goede begeleiding") is None  # tap²
    points.contribute(engine, gid, b.id, "sterk", "Fijne begeleiding")
    points.contribute(engine, gid, b.id, "ontwikkel", "Meer tijd voor overleg")
    points.contribute(engine, gid, None, "ontwikkel", "Rol van het MT")
    with pytest.raises(UserError, match="leeg"):
        points.contribute(engine, gid, a.id, "sterk", "   ")
    with pytest.raises(UserError, match="te lang"):
        points.contribute(engine, gid, a.id, "sterk", "x" * 301)
    work = points.working_list(engine, gid)
    assert [p.text for p in work if p.kind == "sterk"] == ["Goede begeleiding",
                                                           "Fijne begeleiding"]
    strong = [p.id for p in work if p.kind == "sterk"]
    merged = points.merge_points(engine, gid, strong, "Begeleiding wordt gewaardeerd")
    with pytest.raises(UserError, match="alleen sterke punten"):
        points.merge_points(engine, gid, [merged, work[-1].id], "mix")
    development = [p for p in points.working_list(engine, gid) if p.kind == "ontwikkel"]
    points.edit_point(engine, gid, development[0].id, "Meer tijd voor overleg met het instituut")
    points.delete_point(engine, gid, development[1].id)
    points.move_point(engine, gid, merged, +1)
    points.confirm_list(engine, gid)
    final = points.working_list(engine, gid)
    assert [(p.kind, p.text) for p in final] == [
        ("sterk", "Begeleiding wordt gewaardeerd"),
        ("ontwikkel", "Meer tijd voor overleg met het instituut")]
    assert set(final[0].source_ids) == {first, first + 1}
    assert len(points.contributions(engine, gid)) == 4  # raw contributions are all kept
    with pytest.raises(UserError, match="al bevestigd"):
        points.contribute(engine, gid, b.id, "sterk", "Nog eentje")
    with pytest.raises(UserError, match="al bevestigd"):
        points.delete_point(engine, gid, final[0].id)
    points.reopen_list(engine, gid)
    points.delete_point(engine, gid, final[0].id)


def test_confirming_an_empty_list_is_refused(engine, session):
    with pytest.raises(UserError, match="nog leeg"):
        points.confirm_list(engine, session.group_ids[0])


def test_scenario_placement_opens_at_the_scenario_step(engine, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    with pytest.raises(UserError, match="nog niet begonnen"):
        scenarios.place(engine, gid, person.id, nu=2, gewenst=3)
    for current, target in zip(list(Step)[:4], list(Step)[1:5]):
        groups.set_step(engine, gid, target, expected_current=current)
    scenarios.place(engine, gid, person.id, nu=2, gewenst=None)
    scenarios.place(engine, gid, person.id, nu=2, gewenst=3)
    assert scenarios.own_placement(engine, gid, person.id).gewenst == 3
    with pytest.raises(UserError, match="1 tot en met 4"):
        scenarios.place(engine, gid, person.id, nu=5, gewenst=3)
    groups.record_group_scenario(engine, gid, nu=2, gewenst=2,
                                 argument="We blijven hier: dat past bij onze visie.")
    group = groups.get_group(engine, gid)
    assert (group.scenario_nu, group.scenario_gewenst) == (2, 2)


def test_nothing_changes_after_the_session_is_closed_but_the_report_still_builds(
        engine, library, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    close_dagdeel(engine, session.dagdeel.id)
    with pytest.raises(UserError, match="afgesloten"):
        answers.save_answer(engine, gid, person.id, library.theme("proef").question("beeld"),
                            "te laat")
    with pytest.raises(UserError, match="afgesloten"):
        groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    with pytest.raises(NotFound):
        participants.join(engine, session.dagdeel, role=SO)
    report = group_snapshot(engine, library, gid)
    assert report.role_counts == {SO: 1}
