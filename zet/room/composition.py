"""Who sits at which table in a round.

The proposal keeps group sizes within one of each other, spreads roles over the groups (never
worse than the simple greedy of ``greedy_by_arrival``, so no table of only students while
other roles are in the room) and lets people meet as many new colleagues as possible, over
any number of rounds: sitting again with someone met ``k`` times before costs ``k²``, so a
pair that already met twice is split before two pairs that met once. (Counting only whether
two people met made a third round seat the same pairs a third time: see the composition
section of ``docs/performance.md``.) In a small room with few roles a third round cannot
always avoid every repeat; the role spread wins.

Pure functions on ids and roles; storage lives in ``zet.room.rounds``.
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from zet.roles import STUDENT_ROLE

Pair = frozenset[int]
Assignment = dict[int, list[int]]  # group id -> participant ids


def group_sizes(people: int, groups: int) -> list[int]:
    """Sizes that differ by at most one, larger groups first."""
    base, extra = divmod(people, groups)
    return [base + 1 if i < extra else base for i in range(groups)]


def role_cost(assignment: Assignment, roles: Mapping[int, str]) -> int:
    """Pairs of the same role sitting together: lower means better spread roles."""
    return sum(count * (count - 1) // 2
               for members in assignment.values()
               for count in Counter(roles[p] for p in members).values())


def repeat_weight(times_met: int) -> int:
    """What sitting together again costs for a pair that met ``times_met`` times before."""
    return times_met * times_met


def meeting_counts(history: Iterable[Assignment]) -> Counter[Pair]:
    """How many times each pair sat at one table in the given rounds."""
    counts: Counter[Pair] = Counter()
    for assignment in history:
        counts.update(pairs_of(assignment))
    return counts


def repeat_cost(assignment: Assignment, met: Mapping[Pair, int] | Iterable[Pair]) -> int:
    """Pairs sitting together again, each weighted by ``repeat_weight`` of how often they
    met before (``met``: times per pair, or pairs who met once)."""
    times = met if isinstance(met, Mapping) else Counter(met)
    return sum(repeat_weight(times.get(frozenset(pair), 0)) for members in assignment.values()
               for pair in combinations(members, 2))


def pairs_of(assignment: Assignment) -> set[Pair]:
    return {frozenset(pair) for members in assignment.values()
            for pair in combinations(members, 2)}


def greedy_by_arrival(participants: Sequence[int], roles: Mapping[int, str],
                      group_ids: Sequence[int]) -> Assignment:
    """The simple baseline: in order of arrival, each person joins the table with the fewest
    of their role (then the smallest table); no table is left with only students."""
    sizes = dict(zip(group_ids, group_sizes(len(participants), len(group_ids))))
    assignment: Assignment = {g: [] for g in group_ids}
    for person in participants:
        open_groups = [g for g in group_ids if len(assignment[g]) < sizes[g]]
        target = min(open_groups, key=lambda g: (
            sum(1 for m in assignment[g] if roles[m] == roles[person]), len(assignment[g])))
        assignment[target].append(person)
    return without_student_only_tables(assignment, roles)


def without_student_only_tables(assignment: Assignment, roles: Mapping[int, str]) -> Assignment:
    """Swap until no table holds only aanstaande leraren while other roles are in the room
    (the handleiding's one hard rule on mixing): a student of such a table changes places
    with someone of another role from the table that has most of them, choosing the swap
    that adds fewest same-role pairs."""
    assignment = {g: list(members) for g, members in assignment.items()}

    def others(members: list[int]) -> list[int]:
        return [m for m in members if roles[m] != STUDENT_ROLE]

    for _ in range(len(assignment)):
        lonely = [g for g, members in assignment.items() if members and not others(members)]
        donors = [g for g, members in assignment.items() if len(others(members)) >= 2]
        if not lonely or not donors:
            break
        table = lonely[0]
        best = None
        for donor in donors:
            for giver in others(assignment[donor]):
                student = assignment[table][0]
                trial = {**assignment,
                         table: [giver, *assignment[table][1:]],
                         donor: [student if m == giver else m for m in assignment[donor]]}
                cost = role_cost(trial, roles)
                if best is None or cost < best[0]:
                    best = (cost, trial)
        assignment = best[1] if best else assignment
    return assignment


def deal_by_role(participants: Sequence[int], roles: Mapping[int, str],
                 group_ids: Sequence[int]) -> Assignment:
    """Sort by role (rarest first) and deal out like cards: a well spread start."""
    counts = Counter(roles[p] for p in participants)
    ordered = sorted(participants, key=lambda p: (counts[roles[p]], roles[p], p))
    sizes = dict(zip(group_ids, group_sizes(len(participants), len(group_ids))))
    assignment: Assignment = {g: [] for g in group_ids}
    cycle = 0
    for person in ordered:
        while True:
            group = group_ids[cycle % len(group_ids)]
            cycle += 1
            if len(assignment[group]) < sizes[group]:
                assignment[group].append(person)
                break
    return assignment


def random_start(participants: Sequence[int], group_ids: Sequence[int],
                 rng: random.Random) -> Assignment:
    """A balanced composition by lot: a start for the search."""
    shuffled = list(participants)
    rng.shuffle(shuffled)
    assignment: Assignment = {}
    start = 0
    for group, size in zip(group_ids, group_sizes(len(shuffled), len(group_ids))):
        assignment[group] = shuffled[start:start + size]
        start += size
    return assignment




Score = tuple[int, int, int, int]


class _Search:
    """Swaps (and moves between tables that differ by one in size) until none lowers the
    score ``(tables of only students, same-role pairs above the greedy's, same-role pairs +
    repeat cost, same-role pairs)``. Every change is priced in constant time from per-table
    role counts and, per person, the repeat weight they have at every table."""

    def __init__(self, roles: Mapping[int, str], weights: Mapping[int, Mapping[int, int]],
                 role_cap: int, guard_students: bool):
        self.roles, self.weights = roles, weights
        self.role_cap, self.guard_students = role_cap, guard_students

    def run(self, start: Assignment, rng: random.Random, max_passes: int) -> Assignment:
        self.tables = {g: list(members) for g, members in start.items()}
        self.table_of = {p: g for g, members in self.tables.items() for p in members}
        self.role_counts = {g: Counter(self.roles[p] for p in members)
                            for g, members in self.tables.items()}
        self.weight_at: dict[int, Counter[int]] = {p: Counter() for p in self.table_of}
        for p, others in self.weights.items():
            for q, weight in others.items():
                self.weight_at[p][self.table_of[q]] += weight
        self.role_pairs = role_cost(self.tables, self.roles)
        self.repeats = sum(self.weight_at[p][g] for p, g in self.table_of.items()) // 2
        group_ids = list(self.tables)
        for _ in range(max_passes):
            pairs = list(combinations(group_ids, 2))
            rng.shuffle(pairs)
            improved = False
            for g, h in pairs:
                improved |= self._improve_between(g, h)
            if not improved:
                break
        return self.tables

    def score(self) -> Score:
        return self._score(self.role_pairs, self.repeats,
                           sum(self._student_only(counts) for counts in self.role_counts.values()))

    def _score(self, role_pairs: int, repeats: int, lonely: int) -> Score:
        return (lonely, max(0, role_pairs - self.role_cap), role_pairs + repeats, role_pairs)

    def _student_only(self, counts: Counter[str]) -> int:
        total = sum(counts.values())
        return int(self.guard_students and total > 0 and counts[STUDENT_ROLE] == total)

    def _lonely_after(self, g: int, leaving: int | None, joining: int | None) -> int:
        counts = Counter(self.role_counts[g])
        if leaving is not None:
            counts[self.roles[leaving]] -= 1
        if joining is not None:
            counts[self.roles[joining]] += 1
        return self._student_only(counts)

    def _improve_between(self, g: int, h: int) -> bool:
        """Make every change between tables ``g`` and ``h`` that lowers the score."""
        improved = False
        for a in list(self.tables[g]):
            if self.table_of[a] != g:
                continue
            for b in list(self.tables[h]):
                if self.table_of[b] == h and self._try(a, g, b, h):
                    improved = True
                    break
        for source, target in ((g, h), (h, g)):
            if len(self.tables[source]) == len(self.tables[target]) + 1:
                for a in list(self.tables[source]):
                    if self._try(a, source, None, target):
                        improved = True
                        break
        return improved

    def _try(self, a: int, g: int, b: int | None, h: int) -> bool:
        """Move ``a`` from ``g`` to ``h`` (and ``b`` from ``h`` to ``g``) if that helps."""
        roles, weight_at = self.roles, self.weight_at
        role_a = roles[a]
        between = 0 if b is None else self.weights.get(a, {}).get(b, 0)
        role_delta = self.role_counts[h][role_a] - (self.role_counts[g][role_a] - 1)
        repeat_delta = weight_at[a][h] - weight_at[a][g]
        if b is not None:
            role_b = roles[b]
            same = int(role_a == role_b)
            role_delta += (self.role_counts[g][role_b] - (self.role_counts[h][role_b] - 1)
                           - 2 * same)
            repeat_delta += weight_at[b][g] - weight_at[b][h] - 2 * between
        lonely_before = self._student_only(self.role_counts[g]) + self._student_only(
            self.role_counts[h])
        if role_delta >= 0 and repeat_delta >= 0 and not lonely_before:
            return False  # nothing of the score can go down
        lonely_after = self._lonely_after(g, a, b) + self._lonely_after(h, b, a)
        # the other tables' lonely count is the same on both sides, so it is left out
        before = self._score(self.role_pairs, self.repeats, lonely_before)
        after = self._score(self.role_pairs + role_delta, self.repeats + repeat_delta,
                            lonely_after)
        if after >= before:
            return False
        self._place(a, g, h)
        if b is not None:
            self._place(b, h, g)
        self.role_pairs += role_delta
        self.repeats += repeat_delta
        return True

    def _place(self, person: int, source: int, target: int) -> None:
        self.tables[source].remove(person)
        self.tables[target].append(person)
        self.table_of[person] = target
        self.role_counts[source][self.roles[person]] -= 1
        self.role_counts[target][self.roles[person]] += 1
        for other, weight in self.weights.get(person, {}).items():
            self.weight_at[other][source] -= weight
            self.weight_at[other][target] += weight


def propose(participants: Sequence[int], roles: Mapping[int, str], group_ids: Sequence[int],
            met: Mapping[Pair, int] | Iterable[Pair] = (), *, seed: int = 0,
            max_passes: int = 30, restarts: int = 12) -> Assignment:
    """A composition with as few same-role pairs plus weighted repeats (``repeat_cost``) as
    local search can reach, never spreading roles worse than ``greedy_by_arrival`` and never
    leaving a table of only aanstaande leraren while others are in the room.

    ``met`` says how often each pair sat together in earlier rounds (``meeting_counts``); a
    plain collection of pairs counts each once. The search starts from a role-dealt
    composition, the greedy one and ``restarts`` compositions by lot, and keeps the best:
    small rooms with few roles otherwise get stuck in the first good-enough composition."""
    if not group_ids:
        raise ValueError("at least one group is needed")
    times = met if isinstance(met, Mapping) else Counter(met)
    present = set(participants)
    weights: dict[int, dict[int, int]] = {}
    for pair, count in times.items():
        a, b = tuple(pair)
        if a in present and b in present and repeat_weight(count):
            weights.setdefault(a, {})[b] = repeat_weight(count)
            weights.setdefault(b, {})[a] = repeat_weight(count)
    role_cap = role_cost(greedy_by_arrival(participants, roles, group_ids), roles)
    others = sum(1 for p in participants if roles[p] != STUDENT_ROLE)
    search = _Search(roles, weights, role_cap, guard_students=others >= len(group_ids))
    rng = random.Random(seed)
    starts = [deal_by_role(participants, roles, group_ids),
              greedy_by_arrival(participants, roles, group_ids),
              *(random_start(participants, group_ids, rng) for _ in range(restarts))]
    best: tuple[Score, Assignment] | None = None
    for start in starts:
        result = search.run(start, rng, max_passes)
        if best is None or search.score() < best[0]:
            best = (search.score(), result)
    assert best is not None
    return {g: sorted(members) for g, members in best[1].items()}
