"""Guarding the clock: the werkblad and the scenario must always happen (handleiding), so
the procesbegeleider is warned when the time left no longer covers the scenario.

The minutes come from the stappenplan the round follows: 75 or 60 minutes, chosen when the
session or dagdeel was prepared (``Dagdeel.ronde_minuten``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from zet.clock import LOCAL_ZONE
from zet.content.model import ROUND_MINUTES, Opdracht
from zet.steps import DECIDING_STEPS, Step


@dataclass(frozen=True)
class TimeGuard:
    step_minutes: int           # minutes spent in the current step
    suggested: int              # the opdracht's minutes for this step
    round_left: int | None      # minutes until the round ends, if the programme says when
    needed_from_scenario: int   # scenario + afronding, per the opdracht
    warning: str | None

    @property
    def over_time(self) -> bool:
        return self.step_minutes > self.suggested


def round_end(datum: date, eind_tijd: str | None) -> datetime | None:
    """The end of a round as a moment, from the programme's local 'HH:MM'."""
    if not eind_tijd:
        return None
    hours, minutes = (int(part) for part in eind_tijd.split(":"))
    return datetime.combine(datum, time(hours, minutes), tzinfo=LOCAL_ZONE or UTC)


def guard(opdracht: Opdracht, step: Step, step_started: datetime, moment: datetime,
          ends_at: datetime | None, plan_minutes: int = ROUND_MINUTES) -> TimeGuard:
    plan = opdracht.plan_for(step)
    suggested = plan.minutes(plan_minutes) if plan else 0
    spent = max(0, int((moment - step_started).total_seconds() // 60))
    needed = sum(p.minutes(plan_minutes) for p in opdracht.stappen
                 if p.stap in DECIDING_STEPS)
    left = None if ends_at is None else int((ends_at - moment).total_seconds() // 60)
    warning = None
    before_scenario = not step.spec.deciding
    if left is not None and left <= 0:
        warning = "De tijd van deze ronde is om. Rond af en spreek af wie terugkoppelt."
    elif left is not None and before_scenario and left < needed:
        warning = (f"Nog {left} min in deze ronde: het scenario en de afronding vragen "
                   f"{needed} min. Ga nu naar het scenario.")
    elif spent > suggested and plan is not None and step != Step.AFRONDING:
        warning = f"Deze stap duurt al {spent} min (richttijd {suggested} min)."
    return TimeGuard(spent, suggested, left, needed, warning)
