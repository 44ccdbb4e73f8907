"""The programme of a dagdeel as one list in time order: opening, rounds, pauses, closing."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zet.room.dagdelen import Dagdeel
from zet.room.rounds import Round

OPENING = "Plenaire opening"
PAUZE = "Pauze"
AFSLUITING = "Plenaire afsluiting"


@dataclass(frozen=True)
class TimetableItem:
    """One line of the programme: a plenary part, a pause or a round (with its tables)."""
    kind: str  # "opening" | "ronde" | "pauze" | "afsluiting"
    start: str | None
    end: str | None
    titel: str
    ronde: Round | None = None

    @property
    def time(self) -> str:
        """``09:30–10:45``, ``09:30`` or empty."""
        return time_span(self.start, self.end)


def time_span(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start}–{end}"
    return start or (f"tot {end}" if end else "")


def timetable_items(dagdeel: Dagdeel, rounds: Sequence[Round]) -> list[TimetableItem]:
    """Opening, rounds and pauses in time order, the closing last. A round without times
    keeps its place after the part before it; a dagdeel without a programme (a quick
    session) is just its rounds."""
    programme = dagdeel.programme
    items: list[tuple[str, TimetableItem]] = []
    key = "00:00"
    if programme.opening:
        start, end = programme.opening
        items.append((start or key, TimetableItem("opening", start, end, OPENING)))
        key = start or key
    for ronde in rounds:
        key = ronde.start_tijd or key
        items.append((key, TimetableItem("ronde", ronde.start_tijd, ronde.eind_tijd,
                                         f"Ronde {ronde.nummer}", ronde)))
    for start, end in programme.pauzes:
        items.append((start or "99:98", TimetableItem("pauze", start, end, PAUZE)))
    if programme.afsluiting:
        start, end = programme.afsluiting
        items.append(("99:99", TimetableItem("afsluiting", start, end, AFSLUITING)))
    ordered = sorted(enumerate(items), key=lambda pair: (pair[1][0], pair[0]))
    return [item for _index, (_key, item) in ordered]
