"""Who may create dagdelen: anyone on a laptop, only a logged-in organiser on a server.

With ``ZET_PUBLIC_URL`` set the app is reachable from outside the room, so creating needs a
login (see ``zet.config``). Until organiser accounts exist, ``ZET_ORGANISATOR_WACHTWOORD``
is the login: one shared password, compared in constant time and never logged.
"""
from __future__ import annotations

import hmac

from zet.config import CREATION_LOGIN, Settings
from zet.errors import UserError
from zet.room.throttle import logins


def creation_requires_login(settings: Settings) -> bool:
    return settings.creation == CREATION_LOGIN


def password_login_available(settings: Settings) -> bool:
    """Whether an organiser password is configured (else only accounts can log in)."""
    return bool(settings.organiser_password)


def check_organiser_password(settings: Settings, attempt: str, client_key: str) -> bool:
    """True for the configured organiser password. Wrong attempts are rate-limited per
    client and overall (raises ``zet.room.throttle.TooManyAttempts`` while blocked); without a
    configured password nothing matches."""
    logins.check(client_key)
    expected = settings.organiser_password
    if expected and hmac.compare_digest((attempt or "").encode(), expected.encode()):
        return True
    logins.record_failure(client_key)
    return False


def require_organiser_password(settings: Settings, attempt: str, client_key: str) -> None:
    """``check_organiser_password`` with the Dutch message for the login form."""
    if not check_organiser_password(settings, attempt, client_key):
        raise UserError("Dit wachtwoord klopt niet.")
