"""One snapshot of a group and of a dagdeel (``zet.room.snapshot``): read on one connection in one
transaction, stamped with the dagdeel's version of that same transaction, so a write that
commits while it is read is either wholly in it (with its version) or wholly not."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from zet.db import reading
from zet.roles import ROLES
from zet.room import groups, notes, participants, points, versions
from zet.room.dagdelen import get_dagdeel
from zet.room.snapshot import dagdeel_snapshot, group_snapshot
from zet.steps import Step


@contextmanager
def checkouts(engine):
    """Count the connections taken from the engine's pool meanwhile."""
    taken: list[int] = []

    def count(*_):
        taken.append(1)

    event.listen(engine, "checkout", count)
    try:
        yield taken
    finally:
        event.remove(engine, "checkout", count)


def dagdeel_version(engine, dagdeel_id: int) -> int:
    with reading(engine) as conn:
        return versions.version_on(conn, dagdeel_id)


def test_a_group_snapshot_is_read_on_one_connection(engine, library, session):
    group_id = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=ROLES[0])
    groups.set_step(engine, group_id, Step.PUNTEN, expected_current=Step.WERKBLAD)
    points.contribute(engine, group_id, person.id, "sterk", "We plannen samen.")
    with checkouts(engine) as taken:
        snapshot = group_snapshot(engine, library, group_id)
    assert len(taken) == 1
    assert [m.id for m in snapshot.seated] == [person.id]
    assert [c.text for c in snapshot.contributions] == ["We plannen samen."]


def test_a_dagdeel_snapshot_is_read_on_one_connection(engine, library, session):
    participants.join(engine, session.dagdeel, role=ROLES[0])
    with checkouts(engine) as taken:
        snapshot = dagdeel_snapshot(engine, library, session.dagdeel.id)
    assert len(taken) == 1
    assert [g.group.id for g in snapshot.groups] == session.group_ids
    assert snapshot.participant_count == 1


def test_the_stamp_is_the_version_the_data_was_read_at(engine, library, session):
    group_id, dagdeel_id = session.group_ids[0], session.dagdeel.id
    first = group_snapshot(engine, library, group_id)
    assert first.version == dagdeel_version(engine, dagdeel_id)
    notes.add_note(engine, group_id, "Afspraak: volgende keer de rubric mee.")
    later = group_snapshot(engine, library, group_id)
    assert later.version > first.version
    assert later.version == dagdeel_version(engine, dagdeel_id)
    assert [n.text for n in later.notes] == ["Afspraak: volgende keer de rubric mee."]
    whole = dagdeel_snapshot(engine, library, dagdeel_id)
    assert whole.version == later.version
    assert whole.groups[0].notes == later.notes


def test_a_write_during_the_read_is_not_half_in_the_snapshot(engine, library, session):
    """Another connection commits a note right after the snapshot's first statement: the
    snapshot has neither the note nor its version (read in separate transactions, or in
    one READ COMMITTED transaction on PostgreSQL, it would have both or one of them)."""
    group_id, dagdeel_id = session.group_ids[0], session.dagdeel.id
    before = get_dagdeel(engine, dagdeel_id)
    start = dagdeel_version(engine, dagdeel_id)
    state = {"done": False}

    def write_once(_conn, _cursor, statement: str, *_):
        if state["done"] or not statement.lstrip().upper().startswith("SELECT"):
            return
        state["done"] = True
        notes.add_note(engine, group_id, "Tussendoor geschreven.")

    event.listen(engine, "after_cursor_execute", write_once)
    try:
        during = group_snapshot(engine, library, group_id)
    finally:
        event.remove(engine, "after_cursor_execute", write_once)
    assert state["done"]
    assert dagdeel_version(engine, dagdeel_id) > start  # the write did commit meanwhile
    assert during.version == start
    assert during.notes == ()
    assert during.dagdeel == before
    after = group_snapshot(engine, library, group_id)
    assert after.version > start
    assert [n.text for n in after.notes] == ["Tussendoor geschreven."]
