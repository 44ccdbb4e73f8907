"""Join codes people type and secrets nobody can guess."""
from __future__ import annotations

import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: read off a projector from the back of the room.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 5


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """Uppercase and strip the spaces and dashes people type around a code."""
    return "".join(ch for ch in (raw or "").upper() if ch not in " -\t")


def new_secret() -> str:
    """A URL-safe secret for facilitator links and participant tokens."""
    return secrets.token_urlsafe(18)


def is_well_formed_join_code(code: str) -> bool:
    """Whether a normalised code could be a join code at all (length and alphabet)."""
    return len(code) == JOIN_CODE_LENGTH and set(code) <= set(JOIN_CODE_ALPHABET)
