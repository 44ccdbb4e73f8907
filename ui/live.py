"""Live reads for screens that refresh every few seconds.

Each read is cached for about a second per group, so the database sees roughly one query
per group per second however many phones and screens are watching.
"""
from __future__ import annotations

import streamlit as st

from ui.resources import engine, library
from zet import answers, groups, participants, points, projector, rounds, scenarios
from zet.dagdelen import Dagdeel, get_dagdeel
from zet.projector import ScreenTarget
from zet.report import GroupReport, build_group_report, theme_order
from zet.room import room_of
from zet.states import Room

TTL = 1.0


@st.cache_data(ttl=TTL, show_spinner=False)
def step(group_id: int) -> str:
    return groups.current_step(engine(), group_id).value


@st.cache_data(ttl=TTL, show_spinner=False)
def group(group_id: int) -> groups.Group:
    return groups.get_group(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def revealed(group_id: int) -> list[str]:
    return groups.revealed_cards(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def members(group_id: int) -> list[participants.Participant]:
    return participants.members_of(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def group_answers(group_id: int) -> list[answers.Answer]:
    return answers.group_answers(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def working_list(group_id: int) -> list[points.Point]:
    return points.working_list(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def contributions(group_id: int) -> list[points.Contribution]:
    return points.contributions(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def placements(group_id: int) -> list[scenarios.Placement]:
    return scenarios.placements(engine(), group_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def dagdeel(dagdeel_id: int) -> Dagdeel:
    return get_dagdeel(engine(), dagdeel_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def room(dagdeel_id: int) -> Room:
    """What the room is doing: the opening, round 2, the closing."""
    return room_of(engine(), dagdeel_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def all_rounds(dagdeel_id: int) -> list[rounds.Round]:
    """The rounds of a dagdeel with their tafels and who sits there."""
    return rounds.rounds_of(engine(), dagdeel_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def people(dagdeel_id: int) -> list[participants.Participant]:
    return participants.dagdeel_participants(engine(), dagdeel_id)


@st.cache_data(ttl=2 * TTL, show_spinner=False)
def report(group_id: int) -> GroupReport:
    """The outcome of a group, for the many phones showing it at the close."""
    return build_group_report(engine(), library(), group_id)


def closing_reports(dagdeel_id: int) -> list[GroupReport]:
    """Every group of the dagdeel in the order the plenary close presents them."""
    return sorted((report(table.group_id) for ronde in all_rounds(dagdeel_id)
                   for table in ronde.tables), key=theme_order)


@st.cache_data(ttl=TTL, show_spinner=False)
def screen_target(join_code: str, tafel: str) -> ScreenTarget:
    """Which group (or the plenary) the projector at this address follows."""
    return projector.screen_target(engine(), join_code, tafel)


@st.cache_data(ttl=TTL, show_spinner=False)
def group_state(group_id: int) -> projector.GroupState:
    """Everything the projector and the control view draw a group's step from."""
    return projector.load_group_state(engine(), library(), group_id)


def seat(dagdeel_id: int, participant_id: int) -> int | None:
    """The group a participant sits at in the running round, from the dagdeel's cached
    rounds: one read per dagdeel per second however many phones ask (a phone polls this
    to follow a move by hand)."""
    now = room(dagdeel_id)
    for ronde in all_rounds(dagdeel_id):
        if now.runs(ronde.nummer):
            return next((t.group_id for t in ronde.tables
                         if any(m.id == participant_id for m in t.members)), None)
    return None


def refresh() -> None:
    """After the procesbegeleider changed something: show it now, not a second later."""
    for cached in (step, group, revealed, members, group_answers, working_list,
                   contributions, placements, dagdeel, room, all_rounds, people, report,
                   screen_target, group_state):
        cached.clear()
