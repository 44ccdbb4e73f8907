"""Everything one theme group produced, gathered for summary screens and exports."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine

from zet import answers as answers_mod
from zet import points as points_mod
from zet.aggregates import (
    Progress,
    ScenarioDistribution,
    progress,
    role_counts,
    scenario_distribution,
)
from zet.clock import now
from zet.content.model import Card, Library, Theme
from zet.dagdelen import Dagdeel, get_dagdeel
from zet.export import dutch_date, local_time
from zet.groups import Group, get_group, revealed_cards
from zet.notes import Note, notes_of
from zet.participants import Participant, counted_members
from zet.rounds import Round, rounds_of
from zet.scenarios import Placement, placements


@dataclass(frozen=True)
class GroupReport:
    dagdeel: Dagdeel
    group: Group
    theme: Theme
    members: list[Participant]
    answers: list[answers_mod.Answer]
    contributions: list[points_mod.Contribution]
    points: list[points_mod.Point]
    placements: list[Placement]
    revealed: list[Card]
    made_at: datetime
    notes: tuple[Note, ...] = ()  # what a notulist wrote down, per step
    listeners: int = 0  # seated after the scenario step began, gave nothing: not counted

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
        """Who completed the werkblad; None after a purge (the answers are gone, only how
        many answered was kept: ``answered``)."""
        if self.purged_on is not None and not self.members:
            return None
        return progress(self.theme.vragen, self.answers, self.members)

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

    def points_of(self, kind: str) -> list[points_mod.Point]:
        return [p for p in self.points if p.kind == kind]

    @property
    def distribution(self) -> ScenarioDistribution:
        """The participants' placements; after a purge the totals per scenario it kept."""
        kept = self.group.kept
        if kept is not None and not self.placements:
            return ScenarioDistribution({}, {}, kept.placed,
                                        kept=(kept.totals("nu"), kept.totals("gewenst")))
        return scenario_distribution(self.placements)

    @property
    def where(self) -> str:
        return self.group.where


def build_group_report(engine: Engine, library: Library, group_id: int) -> GroupReport:
    group = get_group(engine, group_id)
    theme = library.theme(group.theme_id)
    cards = [card for cid in revealed_cards(engine, group_id) if (card := theme.card(cid))]
    members, listeners = counted_members(engine, group_id)
    return GroupReport(
        dagdeel=get_dagdeel(engine, group.dagdeel_id), group=group, theme=theme,
        members=members, listeners=listeners,
        answers=answers_mod.group_answers(engine, group_id),
        contributions=points_mod.contributions(engine, group_id),
        points=points_mod.working_list(engine, group_id),
        placements=placements(engine, group_id), revealed=cards, made_at=now(),
        notes=tuple(notes_of(engine, group_id)),
    )


def purged_on(dagdeel: Dagdeel) -> date | None:
    """The (Dutch) day the retention purge removed the dagdeel's individual answers."""
    return local_time(dagdeel.purged_at).date() if dagdeel.purged_at else None


def purged_line(dagdeel: Dagdeel) -> str:
    """The one line every export of a purged dagdeel carries; empty before the purge."""
    day = purged_on(dagdeel)
    if day is None:
        return ""
    return (f"De individuele antwoorden zijn na de bewaartermijn verwijderd op "
            f"{dutch_date(day)}; de uitkomst en de aantallen zijn bewaard.")


@dataclass(frozen=True)
class DagdeelReport:
    """All groups of a dagdeel, ordered by theme (Tabel 1 order), then round and table."""
    dagdeel: Dagdeel
    rounds: list[Round]
    groups: list[GroupReport]
    made_at: datetime

    @property
    def seated(self) -> list[Participant]:
        """Everyone counted at a table in any round (``GroupReport.members``), once, in
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


def theme_order(report: GroupReport) -> tuple[int, int, str]:
    """Groups in Tabel 1 order of their theme, then by round and table."""
    return report.theme.volgorde, report.group.ronde_nummer, report.group.label


def build_dagdeel_report(engine: Engine, library: Library, dagdeel_id: int) -> DagdeelReport:
    all_rounds = rounds_of(engine, dagdeel_id)
    reports = [build_group_report(engine, library, table.group_id)
               for r in all_rounds for table in r.tables]
    reports.sort(key=theme_order)
    return DagdeelReport(dagdeel=get_dagdeel(engine, dagdeel_id), rounds=all_rounds,
                         groups=reports, made_at=now())
