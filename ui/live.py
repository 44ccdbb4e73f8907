"""Live reads for screens that refresh every second or two.

Each read is kept for ``TTL`` seconds per group or dagdeel in one memo for the whole server
process (``ui.memo``), so the database sees about one query per group per ``TTL`` however
many phones and screens are watching, and a hit costs a dictionary lookup. Another server
process sees a change at most ``TTL`` later; a change made on this process is shown at once
(``refresh`` after a procesbegeleider's action, ``changed`` after a phone's).
"""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ui.memo import Memo, memo
from ui.resources import engine, library
from zet import answers, groups, participants, points, projector, rounds, scenarios
from zet.dagdelen import Dagdeel, get_dagdeel
from zet.projector import ScreenTarget
from zet.report import GroupReport, build_group_report, theme_order
from zet.room import room_of
from zet.states import Room

TTL = 0.5       # what a screen draws
POLL_TTL = 0.25  # "did the step or the phase change?", asked by every phone every 2 s


@memo(ttl=POLL_TTL)
def step(group_id: int) -> str:
    return groups.current_step(engine(), group_id).value


@memo(ttl=TTL)
def group(group_id: int) -> groups.Group:
    return groups.get_group(engine(), group_id)


@memo(ttl=TTL)
def revealed(group_id: int) -> tuple[str, ...]:
    return tuple(groups.revealed_cards(engine(), group_id))


@memo(ttl=TTL)
def members(group_id: int) -> tuple[participants.Participant, ...]:
    return tuple(participants.members_of(engine(), group_id))


@memo(ttl=TTL)
def group_answers(group_id: int) -> tuple[answers.Answer, ...]:
    return tuple(answers.group_answers(engine(), group_id))


@memo(ttl=TTL)
def working_list(group_id: int) -> tuple[points.Point, ...]:
    return tuple(points.working_list(engine(), group_id))


@memo(ttl=TTL)
def contributions(group_id: int) -> tuple[points.Contribution, ...]:
    return tuple(points.contributions(engine(), group_id))


@memo(ttl=TTL)
def placements(group_id: int) -> tuple[scenarios.Placement, ...]:
    return tuple(scenarios.placements(engine(), group_id))


@memo(ttl=TTL)
def dagdeel(dagdeel_id: int) -> Dagdeel:
    return get_dagdeel(engine(), dagdeel_id)


@memo(ttl=POLL_TTL)
def room(dagdeel_id: int) -> Room:
    """What the room is doing: the opening, round 2, the closing."""
    return room_of(engine(), dagdeel_id)


@memo(ttl=TTL)
def all_rounds(dagdeel_id: int) -> tuple[rounds.Round, ...]:
    """The rounds of a dagdeel with their tafels and who sits there."""
    return tuple(rounds.rounds_of(engine(), dagdeel_id))


@memo(ttl=TTL)
def people(dagdeel_id: int) -> tuple[participants.Participant, ...]:
    return tuple(participants.dagdeel_participants(engine(), dagdeel_id))


@memo(ttl=4 * TTL)
def report(group_id: int) -> GroupReport:
    """The outcome of a group, for the many phones showing it at the close."""
    return build_group_report(engine(), library(), group_id)


def closing_reports(dagdeel_id: int) -> tuple[GroupReport, ...]:
    """Every group of the dagdeel in the order the plenary close presents them."""
    return tuple(sorted((report(table.group_id) for ronde in all_rounds(dagdeel_id)
                         for table in ronde.tables), key=theme_order))


@memo(ttl=TTL)
def screen_target(join_code: str, tafel: str, client_key: str) -> ScreenTarget:
    """Which group (or the plenary) the projector at this address follows. Kept per
    client: the code lookup is guarded per client (``zet.throttle``)."""
    return projector.screen_target(engine(), join_code, tafel, client_key=client_key)


@memo(ttl=TTL)
def group_state(group_id: int) -> projector.GroupState:
    """Everything the projector and the control view draw a group's step from."""
    return projector.load_group_state(engine(), library(), group_id)


@memo(ttl=TTL)
def seats(dagdeel_id: int) -> Mapping[int, rounds.Seat]:
    """Who sits where in the running round (participant id -> seat), for the phones: one
    read per dagdeel per ``TTL`` however many phones ask, and a dictionary lookup each."""
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
    (a late joiner, a move younger than ``TTL``) is looked up, and if need be placed, in
    the database."""
    known = seats(participant.dagdeel_id).get(participant.id)
    if known is not None or not room(participant.dagdeel_id).in_round:
        return known
    placed = rounds.take_seat(engine(), participant)
    if placed is not None:
        seats.forget(participant.dagdeel_id)
        all_rounds.forget(participant.dagdeel_id)
    return placed


@memo(ttl=TTL)
def participant(token: str) -> participants.Participant:
    """The phone's own participant, read once per ``TTL`` (every full run needs it)."""
    return participants.participant_by_token(engine(), token)


GROUP_READS: tuple[Memo, ...] = (step, group, revealed, members, group_answers, working_list,
                                 contributions, placements, report, group_state)
EVERY_READ: tuple[Memo, ...] = (*GROUP_READS, dagdeel, room, all_rounds, seats, people,
                                screen_target, participant)


def changed(group_id: int) -> None:
    """After a phone wrote to its group (an answer, a point, a placement): this process's
    projector and control view show it at their next poll, not ``TTL`` later."""
    for read in GROUP_READS:
        read.forget(group_id)


def refresh() -> None:
    """After the procesbegeleider changed something: every screen of this process shows it
    at its next poll. Costs one read per key afterwards, not one per phone."""
    for read in EVERY_READ:
        read.forget()
