"""Live reads for the screens, shared by every session of the server process.

Each read is kept per group or dagdeel for as long as the dagdeel's version
(``zet.room.versions``) stays the same (``ui.memo.Versioned``): the database sees one read per
group per change, however many phones and screens are watching, a hit costs a dictionary
lookup, and a change shows as soon as its bump is known here: at once after a write of this
process, on PostgreSQL as soon as LISTEN relays another process's, on SQLite within the
version watcher's quarter second. Nothing is cleared by hand after a write.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

from sqlalchemy import select

from ui.memo import Memo, Versioned, memo
from ui.resources import engine, library
from zet.db import changes, reading
from zet.db.schema import groepen
from zet.errors import NotFound
from zet.room import (
    answers,
    groups,
    participants,
    points,
    rounds,
    scenarios,
    screen_pages,
    versions,
)
from zet.room.dagdelen import Dagdeel, get_dagdeel
from zet.room.phase import room_of
from zet.room.screen_pages import ScreenTarget
from zet.room.snapshot import GroupSnapshot, group_snapshot, theme_order
from zet.room.states import Room

TTL = 0.5  # reads no dagdeel version covers: the projector's address, a phone's token
R = TypeVar("R")
_DAGDEEL_OF: dict[int, int] = {}  # group id -> dagdeel id (never changes)


def version(dagdeel_id: int) -> int:
    """The dagdeel's version as this process knows it; what a screen shows is of it."""
    return versions.current(engine(), dagdeel_id)


def dagdeel_of(group_id: int) -> int:
    known = _DAGDEEL_OF.get(group_id)
    if known is None:
        with reading(engine()) as conn:
            known = conn.execute(select(groepen.c.dagdeel_id)
                                 .where(groepen.c.id == group_id)).scalar()
        if known is None:
            raise NotFound("Deze themagroep bestaat niet (meer).")
        _DAGDEEL_OF[group_id] = known
    return known


def group_version(group_id: int) -> int:
    return version(dagdeel_of(group_id))


def per_group(load: Callable[[int], R]) -> Versioned[[int], R]:
    """A read of one group, kept while its dagdeel's version stays the same."""
    return Versioned(load, group_version)


def per_dagdeel(load: Callable[[int], R]) -> Versioned[[int], R]:
    """A read of one dagdeel, kept while its version stays the same."""
    return Versioned(load, version)


@per_group
def step(group_id: int) -> str:
    return groups.current_step(engine(), group_id).value


@per_group
def group(group_id: int) -> groups.Group:
    return groups.get_group(engine(), group_id)


@per_group
def revealed(group_id: int) -> tuple[str, ...]:
    return tuple(groups.revealed_cards(engine(), group_id))


@per_group
def members(group_id: int) -> tuple[participants.Participant, ...]:
    return tuple(participants.members_of(engine(), group_id))


@per_group
def group_answers(group_id: int) -> tuple[answers.Answer, ...]:
    return tuple(answers.group_answers(engine(), group_id))


@per_group
def working_list(group_id: int) -> tuple[points.Point, ...]:
    return tuple(points.working_list(engine(), group_id))


@per_group
def contributions(group_id: int) -> tuple[points.Contribution, ...]:
    return tuple(points.contributions(engine(), group_id))


@per_group
def placements(group_id: int) -> tuple[scenarios.Placement, ...]:
    return tuple(scenarios.placements(engine(), group_id))


@per_dagdeel
def dagdeel(dagdeel_id: int) -> Dagdeel:
    return get_dagdeel(engine(), dagdeel_id)


@per_dagdeel
def room(dagdeel_id: int) -> Room:
    """What the room is doing: the opening, round 2, the closing."""
    return room_of(engine(), dagdeel_id)


@per_dagdeel
def all_rounds(dagdeel_id: int) -> tuple[rounds.Round, ...]:
    """The rounds of a dagdeel with their tafels and who sits there."""
    return tuple(rounds.rounds_of(engine(), dagdeel_id))


@per_dagdeel
def people(dagdeel_id: int) -> tuple[participants.Participant, ...]:
    return tuple(participants.dagdeel_participants(engine(), dagdeel_id))


def _snapshot(group_id: int) -> GroupSnapshot:
    """Everything the projector, the control view and the phones' outcome draw a group
    from, read in one transaction and kept under the version it was read at."""
    return group_snapshot(engine(), library(), group_id)


snapshot: Versioned[[int], GroupSnapshot] = Versioned(_snapshot, group_version,
                                                      stamp=lambda read: read.version)


def closing_snapshots(dagdeel_id: int) -> tuple[GroupSnapshot, ...]:
    """Every group of the dagdeel in the order the plenary close presents them."""
    return tuple(sorted((snapshot(table.group_id) for ronde in all_rounds(dagdeel_id)
                         for table in ronde.tables), key=theme_order))


@memo(ttl=TTL)
def screen_target(join_code: str, tafel: str, client_key: str) -> ScreenTarget:
    """Which group (or the plenary) the projector at this address follows. Kept per
    client: the code lookup is guarded per client (``zet.room.throttle``)."""
    return screen_pages.screen_target(engine(), join_code, tafel, client_key=client_key)


@per_dagdeel
def seats(dagdeel_id: int) -> Mapping[int, rounds.Seat]:
    """Who sits where in the running round (participant id -> seat), for the phones: one
    read per dagdeel per version however many phones ask, and a dictionary lookup each."""
    now = room(dagdeel_id)
    for ronde in all_rounds(dagdeel_id):
        if now.runs(ronde.nummer):
            return MappingProxyType({
                member.id: rounds.Seat(ronde=ronde.nummer, label=table.label,
                                       theme_id=table.theme_id, group_id=table.group_id)
                for table in ronde.tables for member in table.members})
    return MappingProxyType({})


def seat(participant: participants.Participant) -> rounds.Seat | None:
    """Where a participant sits in the running round. Someone not yet in the live seating
    (a late joiner, a move not yet read) is looked up, and if need be placed, in
    the database."""
    known = seats(participant.dagdeel_id).get(participant.id)
    if known is not None or not room(participant.dagdeel_id).in_round:
        return known
    return rounds.take_seat(engine(), participant)  # its bump renews the seating


_DAGDEEL_OF_TOKEN: dict[str, int] = {}  # a token belongs to one dagdeel for good


def _token_version(token: str) -> int:
    dagdeel_id = _DAGDEEL_OF_TOKEN.get(token)
    return -1 if dagdeel_id is None else version(dagdeel_id)


def _participant(token: str) -> participants.Participant:
    found = participants.participant_by_token(engine(), token)
    _DAGDEEL_OF_TOKEN[token] = found.dagdeel_id
    return found


# Every full run of a phone needs it; "Ik ben iemand anders" bumps the dagdeel, so an old
# token stops working at once here and in every other process.
participant: Versioned[[str], participants.Participant] = Versioned(_participant, _token_version)


EVERY_READ: tuple[Versioned | Memo, ...] = (
    step, group, revealed, members, group_answers, working_list, contributions, placements,
    snapshot, dagdeel, room, all_rounds, seats, people, screen_target, participant)


def refresh() -> None:
    """Forget every live read and every known version: for a fresh database (tests)."""
    for read in EVERY_READ:
        read.forget()
    _DAGDEEL_OF.clear()
    _DAGDEEL_OF_TOKEN.clear()
    changes.reset_hubs()
