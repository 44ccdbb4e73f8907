"""Accounts of programme managers: passwords hashed with argon2id (argon2-cffi), sessions
that expire, failed logins limited per name and client together (``zet.programme.login_limits``).

A session token is handed to the browser once; the database keeps only its SHA-256, so a
copy of the database opens no session. Comparing hashes of 256-bit random tokens needs no
slow hash: there is nothing to guess.
"""
from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, select, update

from zet.clock import as_utc, now
from zet.db import reading, writing
from zet.db.schema import account_sessies, accounts
from zet.errors import UserError
from zet.fields import required_line
from zet.programme import login_limits

SESSION_HOURS = 8  # one working day; then log in again
MIN_PASSWORD = 10
MAX_NAME = 120
_HASHER = PasswordHasher()
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("geen-account-" + secrets.token_hex(8))


@dataclass(frozen=True)
class Account:
    id: int
    naam: str
    beheerder: bool = False


def clean_name(naam: str) -> str:
    return required_line(naam, "de naam", MAX_NAME)


def password_hash(password: str) -> str:
    """The argon2id hash of an acceptable new password; UserError for a short one."""
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens.")
    return _HASHER.hash(password)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def log_in(engine: Engine, naam: str, password: str, *, client: str = "",
           sleep: Callable[[float], None] = time.sleep) -> str:
    """A new session token for a correct name and password, else UserError. Failed attempts
    are limited per name and client together (``zet.programme.login_limits``): a stranger's wrong
    passwords for this name from another client only slow the right one down."""
    naam = " ".join((naam or "").split())[:MAX_NAME]
    attempt = login_limits.attempt_of(login_limits.server_key(engine), naam, client or "")
    with reading(engine) as conn:
        verdict = login_limits.verdict(conn, attempt, now())
    if verdict is login_limits.Verdict.REFUSE:
        raise UserError(login_limits.MESSAGE)
    if verdict is login_limits.Verdict.SLOW:
        sleep(login_limits.SLOW_DELAY)
    moment = now()
    with writing(engine) as conn:
        row = conn.execute(select(accounts).where(
            func.lower(accounts.c.naam) == naam.lower())).first()
        ok = _verify(row.password_hash if row else _DUMMY_HASH, password or "") and bool(row)
        token = ""
        login_limits.record(conn, attempt, moment, ok=ok)
        if ok and row is not None:
            if _HASHER.check_needs_rehash(row.password_hash):
                conn.execute(update(accounts).where(accounts.c.id == row.id)
                             .values(password_hash=_HASHER.hash(password)))
            token = secrets.token_urlsafe(32)
            conn.execute(account_sessies.insert().values(
                account_id=row.id, token_hash=_token_hash(token), created_at=moment,
                expires_at=moment + timedelta(hours=SESSION_HOURS)))
            conn.execute(delete(account_sessies).where(account_sessies.c.expires_at < moment))
    if not ok:  # raised after the commit: the failed attempt must be stored
        raise UserError("Naam of wachtwoord klopt niet.")
    return token


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def account_for(engine: Engine, token: str | None) -> Account | None:
    """The account behind a session token that has not expired, else None."""
    if not token:
        return None
    with reading(engine) as conn:
        row = conn.execute(
            select(accounts.c.id, accounts.c.naam, accounts.c.beheerder,
                   account_sessies.c.expires_at)
            .join(account_sessies, account_sessies.c.account_id == accounts.c.id)
            .where(account_sessies.c.token_hash == _token_hash(token))).first()
    expires = as_utc(row.expires_at) if row is not None else None
    if row is None or expires is None or expires <= now():
        return None
    return Account(row.id, row.naam, bool(row.beheerder))


def log_out(engine: Engine, token: str | None) -> None:
    if token:
        with writing(engine) as conn:
            conn.execute(delete(account_sessies)
                         .where(account_sessies.c.token_hash == _token_hash(token)))


def change_password(engine: Engine, token: str | None, current: str, new: str,
                    new_again: str) -> None:
    """The logged-in manager's own new password, after the current one; every other
    session of the account ends (this one stays)."""
    account = account_for(engine, token)
    if account is None or token is None:
        raise UserError("Je bent niet meer ingelogd. Log opnieuw in.")
    if new != new_again:
        raise UserError("De twee nieuwe wachtwoorden zijn niet gelijk.")
    hashed = password_hash(new)
    with writing(engine) as conn:
        stored = conn.execute(select(accounts.c.password_hash)
                              .where(accounts.c.id == account.id)).scalar_one()
        if not _verify(stored, current or ""):
            raise UserError("Je huidige wachtwoord klopt niet.")
        conn.execute(update(accounts).where(accounts.c.id == account.id)
                     .values(password_hash=hashed))
        conn.execute(delete(account_sessies).where(
            account_sessies.c.account_id == account.id,
            account_sessies.c.token_hash != _token_hash(token)))


def end_sessions(conn, account_id: int) -> None:
    """Log an account out everywhere (a new password set by an administrator, removal)."""
    conn.execute(delete(account_sessies).where(account_sessies.c.account_id == account_id))
