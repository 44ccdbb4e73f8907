"""The named states of a dagdeel, as stored in the database (``dagdelen.fase``, ``status``).

The steps of a theme group have their own module, ``zet.steps``.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """What the whole room is doing; phones follow it."""
    OPENING = "opening"
    RONDE = "ronde"
    AFSLUITING = "afsluiting"


PLENARY = (Phase.OPENING, Phase.AFSLUITING)


class Status(StrEnum):
    """Open: phones can join and answer. Gesloten: only reading and exporting."""
    OPEN = "open"
    GESLOTEN = "gesloten"


@dataclass(frozen=True)
class Room:
    """What the room is doing: the phase and, during a round, which round runs."""
    phase: Phase
    ronde: int | None = None

    @property
    def in_round(self) -> bool:
        return self.phase == Phase.RONDE and self.ronde is not None

    def runs(self, nummer: int) -> bool:
        return self.in_round and self.ronde == nummer
