"""Who sits at which table in a round.

The proposal keeps group sizes within one of each other, spreads roles over the groups (never
worse than the simple greedy of ``greedy_by_arrival``, so no table of only students while
other roles are in the room) and lets people meet as many new colleagues as possible: pairs
who sat together in an earlier round are split where the role spread allows it. In a small
room with few roles a third round cannot always avoid every repeat; the role spread wins.

Pure functions on ids and roles; storage lives in ``zet.rounds``.
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


def repeat_cost(assignment: Assignment, met: set[Pair]) -> int:
    """Pairs who sat together in an earlier round and do so again."""
    return sum(1 for members in assignment.values()
               for a, b in combinations(members, 2) if frozenset((a, b)) in met)


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


def propose(participants: Sequence[int], roles: Mapping[int, str], group_ids: Sequence[int],
            met: Iterable[Pair] = (), *, seed: int = 0, max_passes: int = 30,
            restarts: int = 12) -> Assignment:
    """A composition with as few same-role pairs plus repeat pairs as swaps between tables
    can reach, never spreading roles worse than ``greedy_by_arrival`` and never leaving a
    table of only aanstaande leraren while others are in the room.

    Swapping is a local search, so it starts from a role-dealt composition and from
    ``restarts`` compositions by lot, and keeps the best result: small rooms with few roles
    otherwise get stuck in the first good-enough composition."""
    if not group_ids:
        raise ValueError("at least one group is needed")
    met = set(met)
    neighbours: dict[int, set[int]] = {p: set() for p in participants}
    for pair in met:
        a, b = tuple(pair)
        if a in neighbours and b in neighbours:
            neighbours[a].add(b)
            neighbours[b].add(a)
    role_cap = role_cost(greedy_by_arrival(participants, roles, group_ids), roles)
    others = sum(1 for p in participants if roles[p] != STUDENT_ROLE)
    guard_students = others >= len(group_ids)
    rng = random.Random(seed)

    def student_only(members: list[int]) -> int:
        return int(guard_students and bool(members)
                   and all(roles[m] == STUDENT_ROLE for m in members))

    def score(assignment: Assignment) -> tuple[int, int, int, int]:
        roles_now = role_cost(assignment, roles)
        repeats = repeat_cost(assignment, met)
        lonely = sum(student_only(m) for m in assignment.values())
        return (lonely, max(0, roles_now - role_cap), roles_now + repeats, roles_now)

    def leave_join(members: list[int], leaving: int, joining: int) -> tuple[int, int]:
        """Cost change in one table when ``leaving`` makes room for ``joining``."""
        rest = [m for m in members if m != leaving]
        same_role = (sum(1 for m in rest if roles[m] == roles[joining])
                     - sum(1 for m in rest if roles[m] == roles[leaving]))
        repeats = (sum(1 for m in rest if m in neighbours[joining])
                   - sum(1 for m in rest if m in neighbours[leaving]))
        return same_role, repeats

    def search(assignment: Assignment) -> Assignment:
        assignment = {g: list(members) for g, members in assignment.items()}
        roles_now = role_cost(assignment, roles)
        repeats_now = repeat_cost(assignment, met)
        lonely = {g: student_only(m) for g, m in assignment.items()}
        for _ in range(max_passes):
            improved = False
            group_pairs = list(combinations(group_ids, 2))
            rng.shuffle(group_pairs)
            for g, h in group_pairs:
                for i in range(len(assignment[g])):
                    for j in range(len(assignment[h])):
                        a, b = assignment[g][i], assignment[h][j]
                        role_g, repeat_g = leave_join(assignment[g], a, b)
                        role_h, repeat_h = leave_join(assignment[h], b, a)
                        new_roles = roles_now + role_g + role_h
                        new_repeats = repeats_now + repeat_g + repeat_h
                        swapped_g = [b if m == a else m for m in assignment[g]]
                        swapped_h = [a if m == b else m for m in assignment[h]]
                        new_lonely = student_only(swapped_g) + student_only(swapped_h)
                        old_lonely = lonely[g] + lonely[h]
                        before = (old_lonely, max(0, roles_now - role_cap),
                                  roles_now + repeats_now, roles_now)
                        after = (new_lonely, max(0, new_roles - role_cap),
                                 new_roles + new_repeats, new_roles)
                        if after < before:
                            assignment[g], assignment[h] = swapped_g, swapped_h
                            lonely[g], lonely[h] = student_only(swapped_g), student_only(
                                swapped_h)
                            roles_now, repeats_now = new_roles, new_repeats
                            improved = True
            if not improved:
                break
        return assignment

    starts = [deal_by_role(participants, roles, group_ids),
              greedy_by_arrival(participants, roles, group_ids),
              *(random_start(participants, group_ids, rng) for _ in range(restarts))]
    best = min((search(start) for start in starts), key=score)
    return {g: sorted(members) for g, members in best.items()}
