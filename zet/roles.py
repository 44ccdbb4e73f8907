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
