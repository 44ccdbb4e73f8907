"""How often people meet again: the app's composition over all rounds against random splits.

Run:  python bench/bench_composition.py [random_splits]   (default 2000; about half a minute)

For each room (people / tafels / rounds: 14/3/2, the handleiding's dagdeel; 40/4/3; 120/8/3)
with the role mix of the demo (``zet.operations.demo.ROOM`` scaled), the app proposes round after
round as ``zet.room.rounds.propose_round`` does (each round knowing who met before), for ten role
draws; random splits are the same sizes by lot, every round independently. Printed per room:

- repeats: meetings beyond the first, summed over all pairs (a pair at one table in all three
  rounds counts 2) — the figure the composition minimises, weighted by repetition;
- every round: pairs who sit together in every round;
- same colleague: people who sit with one and the same colleague in every round;
- role pairs: same-role pairs per round (how well roles are spread; random mixes worse);
- for random: mean, median and the share of random splits with fewer repeats than ours.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zet.operations.demo import ROOM
from zet.room.composition import Assignment, meeting_counts, propose, random_start, role_cost

ROOMS = ((14, 3, 2), (40, 4, 3), (120, 8, 3))
DRAWS = 10


@dataclass(frozen=True)
class Figures:
    repeats: int
    every_round: int
    same_colleague: int
    role_pairs: float


def figures(history: list[Assignment], roles: dict[int, str]) -> Figures:
    counts = meeting_counts(history)
    rounds = len(history)
    every = [pair for pair, times in counts.items() if times == rounds]
    return Figures(
        repeats=sum(times - 1 for times in counts.values() if times > 1),
        every_round=len(every),
        same_colleague=len({person for pair in every for person in pair}),
        role_pairs=statistics.mean(role_cost(a, roles) for a in history))


def room_roles(people: int, rng: random.Random) -> dict[int, str]:
    """The demo's role mix, scaled to ``people`` and shuffled into an arrival order."""
    mix = [ROOM[i * len(ROOM) // people] for i in range(people)] if people <= len(ROOM) else \
        [ROOM[i % len(ROOM)] for i in range(people)]
    rng.shuffle(mix)
    return {person: role for person, role in enumerate(mix, start=1)}


def ours(roles: dict[int, str], tables: int, rounds: int, seed: int) -> list[Assignment]:
    history: list[Assignment] = []
    group_ids = list(range(100, 100 + tables))
    for number in range(rounds):
        group_ids = [g + 100 for g in group_ids]  # every round has its own tables
        history.append(propose(list(roles), roles, group_ids, meeting_counts(history),
                               seed=seed + number))
    return history


def by_lot(roles: dict[int, str], tables: int, rounds: int,
           rng: random.Random) -> list[Assignment]:
    return [random_start(list(roles), list(range(tables)), rng) for _ in range(rounds)]


def main() -> None:
    splits = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    print(f"{'room':>10} {'who':>8} {'repeats':>8} {'every round':>12} {'same colleague':>15} "
          f"{'role pairs':>11} {'seconds':>8}")
    for people, tables, rounds in ROOMS:
        rng = random.Random(people)
        started = time.perf_counter()
        mine = []
        for draw in range(DRAWS):
            roles = room_roles(people, rng)
            mine.append(figures(ours(roles, tables, rounds, seed=draw), roles))
        seconds = (time.perf_counter() - started) / DRAWS
        chance = [figures(by_lot(roles, tables, rounds, rng), roles) for _ in range(splits)]
        name = f"{people}/{tables}/{rounds}"

        def row(who: str, values: list[Figures], extra: str = "", name: str = name) -> None:
            print(f"{name:>10} {who:>8} "
                  f"{statistics.mean(v.repeats for v in values):8.1f} "
                  f"{statistics.mean(v.every_round for v in values):12.1f} "
                  f"{statistics.mean(v.same_colleague for v in values):15.1f} "
                  f"{statistics.mean(v.role_pairs for v in values):11.1f} {extra}")

        row("app", mine, f"{seconds:8.2f}")
        row("random", chance)
        for label, key in (("repeats", "repeats"), ("every round", "every_round")):
            median = statistics.median(getattr(v, key) for v in chance)
            worst = max(getattr(v, key) for v in mine)
            fewer = sum(getattr(c, key) < worst for c in chance) / len(chance)
            print(f"{name:>10} {label:>11}: random median {median:g}, app worst of {DRAWS} "
                  f"draws {worst}; random splits below that: {fewer:.1%}")

if __name__ == "__main__":
    main()
