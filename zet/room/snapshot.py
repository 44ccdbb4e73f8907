"""One snapshot of a group and of a dagdeel: everything a screen, summary or export of it
shows, read in one transaction and stamped with the dagdeel's version (``zet.room.versions``)
read in that same transaction.

A screen that draws from one snapshot never mixes two moments (the points of one write
beside the step of the next), and its ``version`` says exactly which writes it contains:
the live reads keep it while the version stays (``ui/live.py``). The reads compose on the
one connection (``answers_on``, ``working_list_on``, …); on PostgreSQL the transaction is
REPEATABLE READ, on SQLite a read transaction already sees one state of the file.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, select

from zet.clock import now
from zet.content.model import Card, Library, Theme
from zet.db import reading
from zet.db.schema import dagdelen, locaties
from zet.errors import NotFound
from zet.export import purged_on
from zet.programme.actions import Action, open_actions_on
from zet.programme.archive import Scope, scoped
from zet.programme.quickscan_results import Outcome, theme_outcome_on
from zet.programme.tenancy import Viewer
from zet.room.aggregates import (
    Progress,
    ScenarioDistribution,
    progress,
    role_counts,
    scenario_distribution,
)
from zet.room.answers import Answer, group_answers_on
from zet.room.dagdelen import Dagdeel, dagdeel_on
from zet.room.groups import Group, load_group, revealed_cards_on
from zet.room.notes import Note, notes_on
from zet.room.participants import Participant, table_on
from zet.room.points import Contribution, Point, contributions_on, working_list_on
from zet.room.rounds import Round, rounds_on
from zet.room.scenarios import Placement, placements_on
from zet.room.versions import version_on
from zet.steps import Step


@dataclass(frozen=True)
class GroupSnapshot:
    """A theme group at one version of its dagdeel: what its projector pages, control view,
    phones' outcome, summary and exports are made of."""
    version: int
    dagdeel: Dagdeel
    group: Group
    theme: Theme
    seated: tuple[Participant, ...]    # everyone at the table (what live screens count)
    members: tuple[Participant, ...]   # who counts in its report (``participants.Table``)
    answers: tuple[Answer, ...]
    contributions: tuple[Contribution, ...]
    points: tuple[Point, ...]
    placements: tuple[Placement, ...]
    revealed: tuple[Card, ...]
    notes: tuple[Note, ...]            # what a notulist wrote down, per step
    actions: tuple[Action, ...]        # open actions of this locatie and theme, from before
    # what the quickscan said on this theme: in the Uitwisseling, and as the werkblad step's
    # first page when the procesbegeleider switched it on (``Group.quickscan_first``)
    quickscan: Outcome | None
    made_at: datetime

    @property
    def listeners(self) -> int:
        """Seated after the scenario step began and gave nothing: not counted."""
        return len(self.seated) - len(self.members)

    @property
    def member_count(self) -> int:
        """Everyone at the table now."""
        return len(self.seated)

    @property
    def progress(self) -> Progress:
        """Who at the table completed the werkblad (the live screens)."""
        return progress(self.theme.vragen, list(self.answers), list(self.seated))

    @property
    def role_counts(self) -> dict[str, int]:
        """Members per role; after a purge (no members left) the counts it kept."""
        return role_counts(self.members) if self.members else dict(self.group.kept_role_counts)

    @property
    def participant_count(self) -> int:
        return sum(self.role_counts.values())

    @property
    def purged_on(self) -> date | None:
        return purged_on(self.dagdeel)

    @property
    def werkblad_progress(self) -> Progress | None:
        """Who of the counted members completed the werkblad (the report); None after a
        purge (the answers are gone, only how many answered was kept: ``answered``)."""
        if self.purged_on is not None and not self.members:
            return None
        return progress(self.theme.vragen, list(self.answers), list(self.members))

    @property
    def answered(self) -> int:
        """Participants with at least one werkblad answer, also after a purge."""
        if self.group.kept is not None and not self.answers:
            return self.group.kept.answered
        return len({a.participant_id for a in self.answers if a.value is not None})

    @property
    def contribution_count(self) -> int:
        if self.group.kept is not None and not self.contributions:
            return self.group.kept.contributions
        return len(self.contributions)

    @property
    def points_confirmed(self) -> bool:
        return self.group.points_confirmed_at is not None

    def points_of(self, kind: str) -> list[Point]:
        return [p for p in self.points if p.kind == kind]

    @property
    def distribution(self) -> ScenarioDistribution:
        """The participants' placements; after a purge the totals per scenario it kept."""
        kept = self.group.kept
        if kept is not None and not self.placements:
            return ScenarioDistribution({}, {}, kept.placed,
                                        kept=(kept.totals("nu"), kept.totals("gewenst")))
        return scenario_distribution(list(self.placements))

    @property
    def where(self) -> str:
        return self.group.where


@dataclass(frozen=True)
class DagdeelSnapshot:
    """A dagdeel at one version: its rounds and all its groups, ordered by theme (Tabel 1
    order), then round and table."""
    version: int
    dagdeel: Dagdeel
    rounds: tuple[Round, ...]
    groups: tuple[GroupSnapshot, ...]
    made_at: datetime

    @property
    def seated(self) -> list[Participant]:
        """Everyone counted at a table in any round (``GroupSnapshot.members``), once, in
        order of arrival."""
        people = {m.id: m for g in self.groups for m in g.members}
        return [people[pid] for pid in sorted(people)]

    @property
    def role_counts(self) -> dict[str, int]:
        """Everyone seated, once, per role; after a purge the counts it kept."""
        seated = self.seated
        return role_counts(seated) if seated else dict(self.dagdeel.kept_role_counts)

    @property
    def participant_count(self) -> int:
        return sum(self.role_counts.values())

    def table_count(self, group_id: int) -> int:
        """How many sat at the table of ``group_id`` (kept counts after a purge)."""
        return next((g.participant_count for g in self.groups if g.group.id == group_id), 0)


def theme_order(snapshot: GroupSnapshot) -> tuple[int, int, str]:
    """Groups in Tabel 1 order of their theme, then by round and table."""
    return snapshot.theme.volgorde, snapshot.group.ronde_nummer, snapshot.group.label


def group_snapshot(engine: Engine, library: Library, group_id: int) -> GroupSnapshot:
    """The group as it is now, read in one transaction."""
    with reading(engine, repeatable=True) as conn:
        group = load_group(conn, group_id)
        dagdeel = dagdeel_on(conn, group.dagdeel_id)
        return _group_on(conn, library, dagdeel, group, version_on(conn, dagdeel.id))


def dagdeel_snapshot(engine: Engine, library: Library, dagdeel_id: int) -> DagdeelSnapshot:
    """The dagdeel and every one of its groups as they are now, read in one transaction."""
    with reading(engine, repeatable=True) as conn:
        return _dagdeel_on(conn, library, dagdeel_id)


def archived_dagdeel_snapshot(engine: Engine, library: Library, viewer: Viewer,
                              dagdeel_id: int) -> DagdeelSnapshot:
    """``dagdeel_snapshot`` for the archive (its PDF, Excel and group PDFs), only when its
    locatie belongs to a partnership the viewer sees; else NotFound, as for a wrong id."""
    query = scoped(select(dagdelen.c.id).outerjoin(
        locaties, locaties.c.id == dagdelen.c.locatie_id)
        .where(dagdelen.c.id == dagdeel_id), Scope(viewer))
    with reading(engine, repeatable=True) as conn:
        if conn.execute(query).first() is None:
            raise NotFound("Dit dagdeel bestaat niet (meer).")
        return _dagdeel_on(conn, library, dagdeel_id)


def _dagdeel_on(conn: Connection, library: Library, dagdeel_id: int) -> DagdeelSnapshot:
    dagdeel = dagdeel_on(conn, dagdeel_id)
    version = version_on(conn, dagdeel_id)
    rounds = tuple(rounds_on(conn, dagdeel_id))
    groups = sorted((_group_on(conn, library, dagdeel, load_group(conn, table.group_id),
                               version)
                     for ronde in rounds for table in ronde.tables), key=theme_order)
    return DagdeelSnapshot(version=version, dagdeel=dagdeel, rounds=rounds,
                           groups=tuple(groups), made_at=now())


def _group_on(conn: Connection, library: Library, dagdeel: Dagdeel, group: Group,
              version: int) -> GroupSnapshot:
    theme = library.theme(group.theme_id)
    table = table_on(conn, group.id)
    return GroupSnapshot(
        version=version, dagdeel=dagdeel, group=group, theme=theme,
        seated=table.seated, members=table.counted,
        answers=tuple(group_answers_on(conn, group.id)),
        contributions=tuple(contributions_on(conn, group.id)),
        points=tuple(working_list_on(conn, group.id)),
        placements=tuple(placements_on(conn, group.id)),
        revealed=tuple(card for cid in revealed_cards_on(conn, group.id)
                       if (card := theme.card(cid))),
        notes=tuple(notes_on(conn, group.id)),
        actions=tuple(open_actions_on(conn, dagdeel.locatie_id, group.theme_id)),
        quickscan=theme_outcome_on(conn, library, dagdeel.id, group.theme_id)
        if group.step == Step.UITWISSELING
        or (group.step == Step.WERKBLAD and group.quickscan_first) else None,
        made_at=now())
