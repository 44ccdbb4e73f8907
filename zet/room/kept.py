"""What a purge keeps of a theme group besides its outcome and role counts: how many
participants placed the school on each scenario (totals only, no roles), how many answered
the werkblad and how many points were sent. Stored as JSON in ``groepen.bewaard`` so a
report of a purged dagdeel can still say what there was (``zet.room.snapshot``)."""
from __future__ import annotations

import json
from dataclasses import dataclass

SCENARIOS = (1, 2, 3, 4)


@dataclass(frozen=True)
class KeptCounts:
    nu: tuple[int, int, int, int] = (0, 0, 0, 0)       # participants per scenario, now
    gewenst: tuple[int, int, int, int] = (0, 0, 0, 0)  # and desired
    placed: int = 0        # participants who placed the school at all
    answered: int = 0      # participants with at least one werkblad answer
    contributions: int = 0  # sterke punten and ontwikkelpunten sent before editing

    def totals(self, which: str) -> dict[int, int]:
        counts = self.nu if which == "nu" else self.gewenst
        return dict(zip(SCENARIOS, counts))

    def to_json(self) -> str:
        return json.dumps({"nu": list(self.nu), "gewenst": list(self.gewenst),
                           "geplaatst": self.placed, "beantwoord": self.answered,
                           "bijdragen": self.contributions})

    @classmethod
    def from_json(cls, raw: str | None) -> KeptCounts | None:
        """None for a group that was never purged (or purged before this was kept)."""
        if not raw:
            return None
        data = json.loads(raw)

        def four(key: str) -> tuple[int, int, int, int]:
            values = [int(v) for v in data.get(key, ())][:4]
            a, b, c, d = values + [0] * (4 - len(values))
            return a, b, c, d

        return cls(nu=four("nu"), gewenst=four("gewenst"), placed=int(data.get("geplaatst", 0)),
                   answered=int(data.get("beantwoord", 0)),
                   contributions=int(data.get("bijdragen", 0)))
