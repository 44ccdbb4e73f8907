"""Errors whose message is meant for the person in the room (Dutch)."""


class UserError(Exception):
    """Something the user can fix or should know; ``str(error)`` is the Dutch message."""


class NotFound(UserError):
    """A code, link or token that points at nothing (or at something closed)."""


class Closed(NotFound):
    """A code or link of a dagdeel that has closed (by hand or past its date)."""


class StorageError(Exception):
    """The database cannot be used (read-only, disk full, unreachable, or too busy for too
    long). ``str(error)`` is a Dutch message for the screen; details go to the log."""


class StorageBusy(StorageError):
    """Every retry of a write found the database locked by someone else."""
