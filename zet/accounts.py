"""Accounts of programme managers: passwords hashed with argon2id (argon2-cffi), sessions
that expire, failed logins rate-limited per account name and per client.

A session token is handed to the browser once; the database keeps only its SHA-256, so a
copy of the database opens no session. Comparing hashes of 256-bit random tokens needs no
slow hash: there is nothing to guess.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, select, update

from zet.clock import as_utc, now
from zet.db import inserted_id, reading, writing
from zet.db.schema import account_sessies, accounts, login_pogingen
from zet.errors import UserError
from zet.fields import required_line

SESSION_HOURS = 8  # one working day; then log in again
MIN_PASSWORD = 10
MAX_NAME = 120
FAILS_PER_NAME = 5      # failed logins per account name ...
FAILS_PER_CLIENT = 20   # ... and per client (browser session or address) ...
FAIL_WINDOW = timedelta(minutes=15)  # ... within this window, then wait
_HASHER = PasswordHasher()
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("geen-account-" + secrets.token_hex(8))


@dataclass(frozen=True)
class Account:
    id: int
    naam: str


def _clean_name(naam: str) -> str:
    return required_line(naam, "de naam", MAX_NAME)


def add_account(engine: Engine, naam: str, password: str) -> Account:
    """A new programme-manager account. Refuses a taken name or a short password."""
    naam = _clean_name(naam)
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens.")
    with writing(engine) as conn:
        taken = conn.execute(select(accounts.c.id).where(
            func.lower(accounts.c.naam) == naam.lower())).first()
        if taken:
            raise UserError(f"Er is al een account met de naam '{naam}'.")
        account_id = inserted_id(conn.execute(accounts.insert().values(
            naam=naam, password_hash=_HASHER.hash(password), created_at=now())
        ))
    return Account(account_id, naam)


def list_accounts(engine: Engine) -> list[Account]:
    with reading(engine) as conn:
        rows = conn.execute(select(accounts.c.id, accounts.c.naam)
                            .order_by(accounts.c.naam)).all()
    return [Account(row.id, row.naam) for row in rows]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _too_many_fails(conn, naam: str, client: str, moment: datetime) -> bool:
    since = moment - FAIL_WINDOW
    failed = select(func.count()).select_from(login_pogingen).where(
        login_pogingen.c.gelukt.is_(False), login_pogingen.c.at >= since)
    by_name = conn.execute(failed.where(func.lower(login_pogingen.c.naam) == naam.lower()))
    if by_name.scalar() >= FAILS_PER_NAME:
        return True
    return bool(client) and conn.execute(
        failed.where(login_pogingen.c.client == client)).scalar() >= FAILS_PER_CLIENT


def log_in(engine: Engine, naam: str, password: str, *, client: str = "") -> str:
    """A new session token for a correct name and password, else UserError. After too many
    failed attempts (per name or per client) even a correct password waits."""
    naam = " ".join((naam or "").split())[:MAX_NAME]
    client = (client or "")[:120]
    moment = now()
    with writing(engine) as conn:
        if _too_many_fails(conn, naam, client, moment):
            raise UserError("Te veel mislukte pogingen. Wacht een kwartier en probeer het "
                            "dan opnieuw.")
        row = conn.execute(select(accounts).where(
            func.lower(accounts.c.naam) == naam.lower())).first()
        ok = _verify(row.password_hash if row else _DUMMY_HASH, password or "") and bool(row)
        token = ""
        conn.execute(login_pogingen.insert().values(naam=naam, client=client, at=moment,
                                                    gelukt=ok))
        conn.execute(delete(login_pogingen).where(login_pogingen.c.at < moment - FAIL_WINDOW))
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
            select(accounts.c.id, accounts.c.naam, account_sessies.c.expires_at)
            .join(account_sessies, account_sessies.c.account_id == accounts.c.id)
            .where(account_sessies.c.token_hash == _token_hash(token))).first()
    expires = as_utc(row.expires_at) if row is not None else None
    if row is None or expires is None or expires <= now():
        return None
    return Account(row.id, row.naam)


def log_out(engine: Engine, token: str | None) -> None:
    if token:
        with writing(engine) as conn:
            conn.execute(delete(account_sessies)
                         .where(account_sessies.c.token_hash == _token_hash(token)))
