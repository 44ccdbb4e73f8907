"""Participant roles: multidisciplinary groups are the point of the method."""
from __future__ import annotations

ROLES: list[str] = [
    "Aanstaande leraar / student",
    "Startende leraar",
    "Werkplekbegeleider",
    "Schoolopleider",
    "Instituutsopleider",
    "Onderzoeksbegeleider / -coördinator",
    "Coach startende leraren",
    "Schoolleider / locatiedirecteur / rector",
    "Lid MT instituut",
    "Anders",
]

STUDENT_ROLE = ROLES[0]


def is_known_role(role: str) -> bool:
    return role in ROLES


def role_sort_key(role: str) -> int:
    """Roles in the order of ROLES; unknown roles last."""
    return ROLES.index(role) if role in ROLES else len(ROLES)


# The quickscan stores a respondent's role group only: fewer people per group means a
# small group is identifiable sooner, and results need at least 3 answers per group.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "Studenten en startende leraren": (ROLES[0], ROLES[1]),
    "Begeleiders in de school": (ROLES[2], ROLES[3], ROLES[6]),
    "Lerarenopleiding en onderzoek": (ROLES[4], ROLES[5], ROLES[8]),
    "Schoolleiding": (ROLES[7],),
    "Anders": (ROLES[9],),
}


def role_group(role: str) -> str:
    """The quickscan's role group of a role from ROLES; KeyError for an unknown role."""
    for group, members in ROLE_GROUPS.items():
        if role in members:
            return group
    raise KeyError(role)
