"""What administrators of the server do with accounts: make them, say which partnerships
each sees, make or unmake administrators, set a new password, remove. Every command takes
the acting ``Viewer`` and refuses anyone who is not an administrator (the command line acts
as ``Viewer.server()``)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, func, select, update

from zet.clock import now
from zet.db import inserted_id, reading, writing
from zet.db.schema import account_partnerschappen, accounts, partnerschappen
from zet.errors import NotFound, UserError
from zet.programme.accounts import Account, clean_name, end_sessions, password_hash
from zet.programme.tenancy import Viewer


@dataclass(frozen=True)
class AccountInfo:
    id: int
    naam: str
    beheerder: bool
    partnerschappen: tuple[str, ...]   # names, sorted
    partnerschap_ids: tuple[int, ...]


def _known_partnerships(conn: Connection, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    found = set(conn.execute(select(partnerschappen.c.id)
                             .where(partnerschappen.c.id.in_(wanted))).scalars())
    if found != set(wanted):
        raise NotFound("Een van deze opleidingsscholen bestaat niet (meer).")
    return wanted


def _write_memberships(conn: Connection, account_id: int, ids: list[int]) -> None:
    conn.execute(delete(account_partnerschappen)
                 .where(account_partnerschappen.c.account_id == account_id))
    if ids:
        moment = now()
        conn.execute(account_partnerschappen.insert(), [
            {"account_id": account_id, "partnerschap_id": pid, "created_at": moment}
            for pid in ids])


def add_account(engine: Engine, by: Viewer, naam: str, password: str, *,
                beheerder: bool = False, partnerschap_ids: Iterable[int] = ()) -> Account:
    """A new account that sees ``partnerschap_ids`` (or everything, as an administrator).
    Refuses a taken name or a short password."""
    by.require_admin()
    naam = clean_name(naam)
    hashed = password_hash(password)
    with writing(engine) as conn:
        taken = conn.execute(select(accounts.c.id).where(
            func.lower(accounts.c.naam) == naam.lower())).first()
        if taken:
            raise UserError(f"Er is al een account met de naam '{naam}'.")
        ids = _known_partnerships(conn, partnerschap_ids)
        account_id = inserted_id(conn.execute(accounts.insert().values(
            naam=naam, password_hash=hashed, created_at=now(), beheerder=beheerder)))
        _write_memberships(conn, account_id, ids)
    return Account(account_id, naam, beheerder)


def list_accounts(engine: Engine, by: Viewer) -> list[AccountInfo]:
    by.require_admin()
    with reading(engine) as conn:
        members: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for row in conn.execute(
                select(account_partnerschappen.c.account_id, partnerschappen.c.id,
                       partnerschappen.c.naam)
                .join(partnerschappen,
                      partnerschappen.c.id == account_partnerschappen.c.partnerschap_id)
                .order_by(partnerschappen.c.naam)):
            members[row.account_id].append((row.naam, row.id))
        rows = conn.execute(select(accounts.c.id, accounts.c.naam, accounts.c.beheerder)
                            .order_by(accounts.c.naam)).all()
    return [AccountInfo(row.id, row.naam, bool(row.beheerder),
                        tuple(n for n, _i in members[row.id]),
                        tuple(i for _n, i in members[row.id])) for row in rows]


def account_named(engine: Engine, by: Viewer, naam: str) -> AccountInfo:
    found = [a for a in list_accounts(engine, by)
             if a.naam.casefold() == " ".join((naam or "").split()).casefold()]
    if not found:
        raise NotFound(f"Er is geen account '{naam}'.")
    return found[0]


def _require_account(conn: Connection, account_id: int) -> None:
    if conn.execute(select(accounts.c.id).where(accounts.c.id == account_id)).first() is None:
        raise NotFound("Dit account bestaat niet (meer).")


def set_memberships(engine: Engine, by: Viewer, account_id: int,
                    partnerschap_ids: Iterable[int]) -> None:
    """The partnerships this account sees from now on (exactly these)."""
    by.require_admin()
    with writing(engine) as conn:
        _require_account(conn, account_id)
        _write_memberships(conn, account_id, _known_partnerships(conn, partnerschap_ids))


def set_admin(engine: Engine, by: Viewer, account_id: int, beheerder: bool) -> None:
    """Make an account administrator or not. Nobody unmakes themselves (another
    administrator or the command line does), so a server is never left without one by a
    slip of the hand."""
    by.require_admin()
    if not beheerder and account_id == by.account_id:
        raise UserError("Je kunt jezelf geen beheerder af maken; vraag een andere beheerder.")
    with writing(engine) as conn:
        _require_account(conn, account_id)
        conn.execute(update(accounts).where(accounts.c.id == account_id)
                     .values(beheerder=beheerder))


def reset_password(engine: Engine, by: Viewer, account_id: int, password: str) -> None:
    """A new password set by an administrator (a manager forgot theirs); the account is
    logged out everywhere."""
    by.require_admin()
    hashed = password_hash(password)
    with writing(engine) as conn:
        _require_account(conn, account_id)
        conn.execute(update(accounts).where(accounts.c.id == account_id)
                     .values(password_hash=hashed))
        end_sessions(conn, account_id)


def remove_account(engine: Engine, by: Viewer, account_id: int) -> None:
    """Remove an account with its sessions and memberships (not one's own)."""
    by.require_admin()
    if account_id == by.account_id:
        raise UserError("Je kunt je eigen account niet verwijderen.")
    with writing(engine) as conn:
        _require_account(conn, account_id)
        end_sessions(conn, account_id)
        conn.execute(delete(account_partnerschappen)
                     .where(account_partnerschappen.c.account_id == account_id))
        conn.execute(delete(accounts).where(accounts.c.id == account_id))
