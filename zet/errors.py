"""Errors whose message is meant for the person in the room (Dutch)."""


class UserError(Exception):
    """Something the user can fix or should know; ``str(error)`` is the Dutch message."""


class NotFound(UserError):
    """A code, link or token that points at nothing (or at something closed)."""
