"""The fixed order of steps every theme conversation runs through, and what each step is.

Every layer keeps one registry keyed by ``Step``: ``STEPS`` here (the rules of a step),
``zet.room.screen_pages.STEP_PAGES`` (what the beamer shows in it), ``zet.content.glossary.
STEP_TEXTS`` (the theme texts it shows, for 'Begrippen') and ``ui.steps.STEP_VIEWS`` (the
phone and the control view). ``tests/test_step_registries.py`` fails when a step is missing
from one of them; ``docs/architecture.md`` says how to add one.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Step(StrEnum):
    WERKBLAD = "werkblad"
    UITWISSELING = "uitwisseling"
    REFLECTIEKAARTEN = "reflectiekaarten"
    PUNTEN = "punten"
    SCENARIO = "scenario"
    AFRONDING = "afronding"

    @property
    def spec(self) -> StepSpec:
        return STEPS[self]

    @property
    def label(self) -> str:
        return STEPS[self].label

    @property
    def number(self) -> int:
        return STEP_ORDER.index(self) + 1

    def next(self) -> Step | None:
        i = STEP_ORDER.index(self)
        return STEP_ORDER[i + 1] if i + 1 < len(STEP_ORDER) else None

    def previous(self) -> Step | None:
        i = STEP_ORDER.index(self)
        return STEP_ORDER[i - 1] if i > 0 else None


@dataclass(frozen=True)
class StepSpec:
    """The rules of one step, whatever screen shows it.

    ``deciding``: from the scenario on the group decides. A latecomer can still join a
    table's conversation before that (a seat later is the hoofdprocesbegeleider's call),
    and the round keeps time for the deciding steps (``zet.room.timer``).
    ``always_done``: never skipped, whatever the time (handleiding).
    ``links_open``: the control view opens 'Beamer en links' (the room is still joining).
    """
    label: str
    deciding: bool = False
    always_done: bool = False
    links_open: bool = False


STEPS: dict[Step, StepSpec] = {
    Step.WERKBLAD: StepSpec("Werkblad", always_done=True, links_open=True),
    Step.UITWISSELING: StepSpec("Uitwisseling"),
    Step.REFLECTIEKAARTEN: StepSpec("Reflectiekaarten"),
    Step.PUNTEN: StepSpec("Sterke punten & ontwikkelpunten"),
    Step.SCENARIO: StepSpec("Scenario", deciding=True, always_done=True),
    Step.AFRONDING: StepSpec("Afronding", deciding=True),
}

STEP_ORDER: list[Step] = list(Step)
LATE_JOIN_STEPS: frozenset[Step] = frozenset(s for s in STEP_ORDER if not s.spec.deciding)
DECIDING_STEPS: frozenset[Step] = frozenset(s for s in STEP_ORDER if s.spec.deciding)
