"""Every hostile string through every domain command that stores typed text: stored as
typed (after the trimming documented in ``zet.fields``) or refused with a Dutch message;
never a crash."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from conftest import OPERATOR
from hostile import HOSTILE, HOSTILE_NAMED

from zet.clock import today
from zet.errors import NotFound, UserError
from zet.fields import multi_line, no_spaces, one_line, without_controls
from zet.programme import actions
from zet.roles import ROLES
from zet.room import answers, drafts, groups, notes, participants, points
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel, find_open_dagdeel
from zet.steps import Step

SO = ROLES[3]
DUTCH_HINTS = ("hoogstens", "te lang", "vul", "typ", "kies", "geen", "leeg", "tekens")


def outcome(store: Callable[[str], object], read: Callable[[object], str], value: str,
            expected: str) -> str:
    """'stored' when read back equal to ``expected``; 'refused' for a Dutch UserError."""
    try:
        handle = store(value)
    except UserError as error:
        message = str(error)
        assert message and any(hint in message.lower() for hint in DUTCH_HINTS), message
        return "refused"
    assert read(handle) == expected, (value[:40], read(handle)[:80])
    return "stored"


def run_corpus(store, read, expect) -> dict[str, str]:
    results = {name: outcome(store, read, value, expect(value)) for name, value in HOSTILE_NAMED}
    assert set(results.values()) <= {"stored", "refused"}
    return results


# --- the trimming rule itself ----------------------------------------------------------------

@pytest.mark.parametrize("typed, one, multi", [
    ("  a \n\t b  ", "a b", "a \n\t b"),
    ("a\x00b\x1b[0m", "ab[0m", "ab[0m"),
    ("r\r\nn\rx", "r n x", "r\nn\nx"),
    ("tafel \u202eA\u202c", "tafel A", "tafel A"),
    ("<b>x</b> [a](b) =1 $x$", "<b>x</b> [a](b) =1 $x$", "<b>x</b> [a](b) =1 $x$"),
    ("👩🏽‍🏫 a\u200bb", "👩🏽‍🏫 a\u200bb", "👩🏽‍🏫 a\u200bb"),
    ("مرحبا", "مرحبا", "مرحبا"),
])
def test_the_trimming_rule_keeps_what_was_typed_except_whitespace_and_controls(typed, one,
                                                                              multi):
    assert one_line(typed) == one
    assert multi_line(typed) == multi


def test_no_control_or_bidi_override_character_survives_trimming():
    for value in HOSTILE:
        for cleaned in (one_line(value), multi_line(value), no_spaces(value)):
            assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t"
                           for ch in cleaned)
            assert not set(cleaned) & {chr(c) for c in (*range(0x202A, 0x202F),
                                                        *range(0x2066, 0x206A))}


# --- through the commands ------------------------------------------------------------------

def test_initials_when_joining(engine, session):
    def store(value):
        return participants.join(engine, session.dagdeel, role=SO, initials=value,
                                 max_participants=1000)

    def read(person):
        return participants.participant_by_token(engine, person.token).initials

    results = run_corpus(store, read, no_spaces)
    assert results["ten-thousand"] == "refused" and results["formula-minus"] == "stored"


def test_answers_to_text_and_list_questions(engine, library, session):
    gid = session.group_ids[0]
    theme = library.theme("proef")
    person = participants.join(engine, session.dagdeel, role=SO)

    def store_text(value):
        answers.save_answer(engine, gid, person.id, theme.question("beeld"), value)

    def read_text(_):
        return answers.own_answers(engine, gid, person.id).get("beeld") or ""

    results = run_corpus(store_text, read_text, multi_line)
    assert results["ten-thousand"] == "refused" and results["script"] == "stored"

    def store_item(value):
        answers.save_answer(engine, gid, person.id, theme.question("mensen"), [value, "b"])

    def read_item(_):
        items = answers.own_answers(engine, gid, person.id).get("mensen") or []
        return items[0] if len(items) == 2 else ""

    run_corpus(store_item, read_item, one_line)


def test_points_sent_from_a_phone_and_typed_by_the_procesbegeleider(engine, session):
    gid = session.group_ids[0]
    current = groups.current_step(engine, gid)
    while current != Step.PUNTEN:
        groups.set_step(engine, gid, current.next(), expected_current=current)
        current = current.next()

    def store(value):
        person = participants.join(engine, session.dagdeel, role=SO, max_participants=1000)
        points.contribute(engine, gid, person.id, "sterk", value)
        return person.id

    def read(person_id):
        return points.contributions(engine, gid, person_id)[0].text

    results = run_corpus(store, read, one_line)
    assert results["whitespace-only"] == "refused" and results["md-image"] == "stored"

    def store_own(value):
        return points.contribute(engine, gid, None, "ontwikkel", value), one_line(value)

    def read_own(handle):
        contribution_id, text = handle  # None: the same text came earlier (tab / CR start)
        return next(c.text for c in points.contributions(engine, gid)
                    if c.role is None and (c.id == contribution_id or c.text == text))

    run_corpus(store_own, read_own, one_line)
    assert [p.text for p in points.working_list(engine, gid) if p.kind == "ontwikkel"]


def test_reporter_and_group_scenario_argument(engine, session):
    gid = session.group_ids[0]

    def store_reporter(value):
        groups.set_reporter(engine, gid, value)

    run_corpus(store_reporter, lambda _: groups.get_group(engine, gid).reporter, one_line)

    def store_argument(value):
        groups.record_group_scenario(engine, gid, nu=2, gewenst=3, argument=value)

    results = run_corpus(store_argument,
                         lambda _: groups.get_group(engine, gid).scenario_argument, multi_line)
    assert results["md-markup"] == "stored"


def dagdeel_with(engine, *, locatie="Het Kompas", procesbegeleider="Anna", label="",
                 titel=""):
    return create_dagdeel(engine, locatie=locatie, datum=today(), titel=titel,
                          rounds=[RoundPlan(groups=(GroupPlan("proef", procesbegeleider,
                                                              label),))])


def test_locatie_titel_procesbegeleider_and_table_label_of_a_new_dagdeel(engine):
    def one_group(created):
        return groups.get_group(engine, created.group_ids[0])

    results = run_corpus(lambda v: dagdeel_with(engine, locatie=v),
                         lambda created: created.dagdeel.locatie, one_line)
    assert results["empty"] == "refused" and results["iframe-srcdoc"] == "stored"
    run_corpus(lambda v: dagdeel_with(engine, titel=v), lambda c: c.dagdeel.titel, one_line)
    run_corpus(lambda v: dagdeel_with(engine, procesbegeleider=v),
               lambda c: one_group(c).procesbegeleider, one_line)
    results = run_corpus(lambda v: dagdeel_with(engine, label=v),
                         lambda c: one_group(c).label, lambda v: one_line(v).upper())
    assert results["ten-thousand"] == "refused"  # refused, not silently cut to 40


def test_the_hoofdprocesbegeleider_of_a_new_dagdeel(engine):
    def store(value):
        return create_dagdeel(engine, locatie="Het Kompas", datum=today(),
                              hoofdprocesbegeleider=value,
                              rounds=[RoundPlan(groups=(GroupPlan("proef", "Anna"),))])

    run_corpus(store, lambda created: created.dagdeel.hoofdprocesbegeleider,
               lambda v: one_line(v)[:120])


def test_notulist_notes(engine, session):
    gid = session.group_ids[0]

    def store(value):
        return notes.add_note(engine, gid, value).id

    def read(note_id):
        return next(n.text for n in notes.notes_of(engine, gid) if n.id == note_id)

    results = run_corpus(store, read, multi_line)
    assert results["rtl-override"] == "stored" and results["whitespace-only"] == "refused"


def test_drafts_lose_controls_but_keep_their_spaces(engine, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)

    def store(value):
        drafts.save_draft(engine, gid, person.id, "punt", value)

    results = run_corpus(store, lambda _: drafts.draft_of(engine, gid, person.id, "punt"),
                         lambda v: "" if not v.strip() else without_controls(v))
    assert results["controls"] == "stored"
    drafts.save_draft(engine, gid, person.id, "punt", "half getypt ")
    assert drafts.draft_of(engine, gid, person.id, "punt") == "half getypt "


def test_actions_ontwikkelpunt_and_zek_fields(engine, session):
    locatie_id = session.dagdeel.locatie_id

    def store(value):
        point = value if value.strip() else "leeg"
        action_id = actions.create_action(engine, OPERATOR, locatie_id=locatie_id, theme_id="proef",
                                          ontwikkelpunt=point, tevreden=value,
                                          verantwoordelijk=value, aanpak=value,
                                          tijdpad=value[:200])
        actions.update_action(engine, OPERATOR, action_id, tevreden=value, verantwoordelijk=value,
                              aanpak=value, tijdpad=value[:200])
        return action_id

    def read(action_id):
        action = next(a for a in actions.list_actions(engine, OPERATOR) if a.id == action_id)
        fields = {action.tevreden, action.verantwoordelijk, action.aanpak}
        assert len(fields) == 1 and action.ontwikkelpunt in (*fields, "leeg")
        return action.tevreden

    results = run_corpus(store, read, multi_line)
    assert results["rtl-override"] == "stored" and results["controls"] == "stored"


def test_a_hostile_join_code_gets_a_message_without_the_typed_text(engine, session):
    for name, value in HOSTILE_NAMED:
        with pytest.raises(NotFound) as refused:
            find_open_dagdeel(engine, value)
        message = str(refused.value)
        if name not in ("empty", "whitespace-only"):
            assert value.strip() not in message or len(value.strip()) < 3, name
