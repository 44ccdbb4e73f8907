"""What the projector shows from many answers: progress, per-role columns and the counts
that fit each answer type. Pure functions on lists, so they are easy to test."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from zet.answer_types import answer_type
from zet.content.model import Question
from zet.roles import role_sort_key
from zet.room.answers import Answer, is_complete
from zet.room.participants import Participant
from zet.room.scenarios import Placement


@dataclass(frozen=True)
class Progress:
    done: int      # participants who completed every werkblad question
    started: int   # participants with at least one answer
    total: int     # members of the group

    @property
    def label(self) -> str:
        return f"{self.done} van {self.total} ingevuld"


def progress(questions: tuple[Question, ...], answers: Sequence[Answer],
             members: Sequence[Participant]) -> Progress:
    by_participant: dict[int, dict[str, Any]] = defaultdict(dict)
    for answer in answers:
        by_participant[answer.participant_id][answer.question_id] = answer.value
    member_ids = {m.id for m in members}
    done = sum(1 for pid in member_ids
               if all(is_complete(q, by_participant[pid].get(q.id)) for q in questions))
    started = sum(1 for pid in member_ids if by_participant.get(pid))
    return Progress(done=done, started=started, total=len(member_ids))


@dataclass
class QuestionSummary:
    question: Question
    by_role: dict[str, list[Any]] = field(default_factory=dict)  # role -> visible values
    option_counts: dict[str, int] = field(default_factory=dict)  # keuze / meerkeuze
    option_counts_by_role: dict[str, dict[str, int]] = field(default_factory=dict)
    scale_by_role: dict[str, dict[int, int]] = field(default_factory=dict)  # schaal
    koos_by_role: dict[str, tuple[float, float]] = field(default_factory=dict)  # (gew, feit)
    hidden_count: int = 0

    @property
    def answer_count(self) -> int:
        return sum(len(values) for values in self.by_role.values())

    def koos_overall(self) -> tuple[float, float] | None:
        pairs = [v for values in self.by_role.values() for v in values
                 if v.get("gewenst") is not None and v.get("feitelijk") is not None]
        if not pairs:
            return None
        return (mean(v["gewenst"] for v in pairs), mean(v["feitelijk"] for v in pairs))


def summarise(question: Question, answers: Sequence[Answer]) -> QuestionSummary:
    """Per-role columns of the visible answers to one question, with its aggregates."""
    summary = QuestionSummary(question)
    relevant = [a for a in answers if a.question_id == question.id]
    summary.hidden_count = sum(1 for a in relevant if a.hidden)
    visible = sorted((a for a in relevant if not a.hidden), key=lambda a: role_sort_key(a.role))
    for answer in visible:
        summary.by_role.setdefault(answer.role, []).append(answer.value)
    answer_type(question).tally(summary)
    return summary


def not_heard_yet(answers: Sequence[Answer], members: Sequence[Participant]) -> int:
    """How many members of the group have not answered anything yet.

    Only a count, never roles: the projector refreshes every two seconds, so a list of
    silent roles points at one person as soon as that role has one silent member left,
    even with a "name a role only from two" rule (the role drops off the list and everyone
    sees who is still silent). The facilitator needs to know whether to wait, not who."""
    answered = {a.participant_id for a in answers}
    return sum(1 for member in {m.id for m in members} if member not in answered)


def not_heard_yet_label(count: int) -> str:
    """'Nog geen antwoord van 3 deelnemers'; empty when everyone answered something."""
    if count <= 0:
        return ""
    return f"Nog geen antwoord van {count} {'deelnemer' if count == 1 else 'deelnemers'}"


def role_counts(members: Sequence[Participant]) -> dict[str, int]:
    counts = Counter(m.role for m in members)
    return dict(sorted(counts.items(), key=lambda item: role_sort_key(item[0])))


@dataclass(frozen=True)
class ScenarioDistribution:
    nu: dict[str, dict[int, int]]       # role -> scenario -> count
    gewenst: dict[str, dict[int, int]]
    placed: int
    # After a purge only the totals per scenario are kept (nu, gewenst), not per role.
    kept: tuple[dict[int, int], dict[int, int]] | None = None

    @property
    def by_role(self) -> bool:
        return self.kept is None

    def totals(self, which: str) -> dict[int, int]:
        if self.kept is not None:
            return dict(self.kept[0 if which == "nu" else 1])
        source = self.nu if which == "nu" else self.gewenst
        return {s: sum(counts[s] for counts in source.values()) for s in range(1, 5)}


def scenario_distribution(items: Sequence[Placement]) -> ScenarioDistribution:
    result: dict[str, dict[str, dict[int, int]]] = {"nu": {}, "gewenst": {}}
    for which in ("nu", "gewenst"):
        for placement in sorted(items, key=lambda p: role_sort_key(p.role)):
            value = getattr(placement, which)
            if value is None:
                continue
            counts = result[which].setdefault(placement.role, {s: 0 for s in range(1, 5)})
            counts[value] += 1
    placed = sum(1 for p in items if p.nu is not None or p.gewenst is not None)
    return ScenarioDistribution(nu=result["nu"], gewenst=result["gewenst"], placed=placed)
