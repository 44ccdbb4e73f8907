"""Limits on failed programme-manager logins that a stranger cannot turn against a user.

A wrong password counts against the pair (account name, client): after
``FAILS_PER_NAME_AND_CLIENT`` within ``FAIL_WINDOW`` that client waits for that name, and a
client that failed ``FAILS_PER_CLIENT`` times (any names) waits for every name. The other
bounds only slow down: when one name, over all clients together, or the whole server failed
often in the window, each attempt first waits ``SLOW_DELAY``, and the right password from
the manager's own client still gets in. So knowing a manager's name is not enough to lock
them out.

``login_pogingen`` keeps failed attempts only, and neither the typed name nor the address:
both are stored as HMAC-SHA256 under a random server key kept in the database
(``geheimen``), so the table says neither who tried nor from where. Rows older than the
window are deleted at every login and by the daily maintenance run
(``zet.operations.retention.purge_if_due``, ``python -m zet purge``).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import Connection, Engine, delete, func, select

from zet.clock import now
from zet.db import reading, writing
from zet.db.schema import geheimen, login_pogingen
from zet.db.upsert import insert_absent

FAIL_WINDOW = timedelta(minutes=15)
FAILS_PER_NAME_AND_CLIENT = 5  # then this client waits for this name
FAILS_PER_CLIENT = 20          # then this client waits for every name
SLOW_PER_NAME = 5              # failures for one name over all clients: attempts slow down
SLOW_OVERALL = 50              # failures on the whole server: every attempt slows down
SLOW_DELAY = 1.0               # seconds
KEY_NAME = "login_hmac"
LOOPBACK = ("127.0.0.1", "::1")
MESSAGE = ("Te veel mislukte pogingen vanaf dit apparaat. Wacht een kwartier en probeer het "
           "dan opnieuw.")


class Verdict(Enum):
    GO = "go"
    SLOW = "slow"      # go, after SLOW_DELAY
    REFUSE = "refuse"  # this client waits


@dataclass(frozen=True)
class Attempt:
    """Who tries, as stored: keyed hashes of the name (case-insensitive) and the client."""
    name: str
    client: str


def server_key(engine: Engine) -> bytes:
    """The login HMAC key of this database, made on first use (two processes at once agree:
    the database keeps the first)."""
    query = select(geheimen.c.waarde).where(geheimen.c.naam == KEY_NAME)
    with reading(engine) as conn:
        value = conn.execute(query).scalar()
    if value is None:
        with writing(engine) as conn:
            insert_absent(conn, geheimen, {"naam": KEY_NAME},
                          {"waarde": secrets.token_hex(32), "created_at": now()})
            value = conn.execute(query).scalar_one()
    return bytes.fromhex(value)


def _keyed(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def attempt_of(key: bytes, naam: str, client: str) -> Attempt:
    return Attempt(_keyed(key, "naam", " ".join(naam.split()).casefold()),
                   _keyed(key, "client", client))


def client_address(peer: str | None, forwarded_for: str | None) -> str:
    """The address a login comes from: the connection's, or, when that is this machine (the
    proxy of docs/deployment.md), the last entry of X-Forwarded-For, which that proxy added
    (entries before it are whatever the browser sent). Empty when unknown."""
    peer = (peer or "").strip()
    if peer in LOOPBACK and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return peer


def _failures(conn: Connection, since: datetime, *where) -> int:
    return conn.execute(select(func.count()).select_from(login_pogingen).where(
        login_pogingen.c.at >= since, *where)).scalar_one()


def verdict(conn: Connection, attempt: Attempt, moment: datetime) -> Verdict:
    since = moment - FAIL_WINDOW
    pair = _failures(conn, since, login_pogingen.c.naam == attempt.name,
                     login_pogingen.c.client == attempt.client)
    if pair >= FAILS_PER_NAME_AND_CLIENT:
        return Verdict.REFUSE
    if _failures(conn, since, login_pogingen.c.client == attempt.client) >= FAILS_PER_CLIENT:
        return Verdict.REFUSE
    if (_failures(conn, since, login_pogingen.c.naam == attempt.name) >= SLOW_PER_NAME
            or _failures(conn, since) >= SLOW_OVERALL):
        return Verdict.SLOW
    return Verdict.GO


def record(conn: Connection, attempt: Attempt, moment: datetime, *, ok: bool) -> None:
    """A failure is kept for the window; a success forgets this pair's failures. Either way
    rows older than the window go."""
    if ok:
        conn.execute(delete(login_pogingen).where(login_pogingen.c.naam == attempt.name,
                                                  login_pogingen.c.client == attempt.client))
    else:
        conn.execute(login_pogingen.insert().values(naam=attempt.name, client=attempt.client,
                                                    at=moment, gelukt=False))
    conn.execute(delete(login_pogingen).where(login_pogingen.c.at < moment - FAIL_WINDOW))


def forget_old_attempts(engine: Engine, moment: datetime | None = None) -> int:
    """Delete the attempts older than the window (the daily run); how many went."""
    with writing(engine) as conn:
        return conn.execute(delete(login_pogingen).where(
            login_pogingen.c.at < (moment or now()) - FAIL_WINDOW)).rowcount
