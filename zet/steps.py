"""The fixed order of steps every theme conversation runs through."""
from __future__ import annotations

from enum import StrEnum


class Step(StrEnum):
    WERKBLAD = "werkblad"
    UITWISSELING = "uitwisseling"
    REFLECTIEKAARTEN = "reflectiekaarten"
    PUNTEN = "punten"
    SCENARIO = "scenario"
    AFRONDING = "afronding"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]

    @property
    def number(self) -> int:
        return STEP_ORDER.index(self) + 1

    def next(self) -> Step | None:
        i = STEP_ORDER.index(self)
        return STEP_ORDER[i + 1] if i + 1 < len(STEP_ORDER) else None

    def previous(self) -> Step | None:
        i = STEP_ORDER.index(self)
        return STEP_ORDER[i - 1] if i > 0 else None


STEP_ORDER: list[Step] = list(Step)

STEP_LABELS: dict[Step, str] = {
    Step.WERKBLAD: "Werkblad",
    Step.UITWISSELING: "Uitwisseling",
    Step.REFLECTIEKAARTEN: "Reflectiekaarten",
    Step.PUNTEN: "Sterke punten & ontwikkelpunten",
    Step.SCENARIO: "Scenario",
    Step.AFRONDING: "Afronding",
}

# A latecomer can still join a table's conversation up to the points; from the scenario on
# the group is deciding, so a seat there is the hoofdprocesbegeleider's call.
LATE_JOIN_STEPS: frozenset[Step] = frozenset(STEP_ORDER[:STEP_ORDER.index(Step.SCENARIO)])
