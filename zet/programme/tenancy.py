"""Who may see which opleidingsschool: one server can host several partnerships.

An account belongs to one or more partnerships (``account_partnerschappen``), or is an
administrator of the server (``accounts.beheerder``), who sees every partnership and
manages the accounts. Every programme read takes a ``Viewer`` (inside
``zet.programme.archive.Scope``) and limits its query with ``Viewer.where``; there is no read
without one. The command line is the server's operator: ``Viewer.server()``, and it still
names the partnership it wants (``python -m zet report --partnerschap`` or ``--all``).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, false, select, true

from zet.db import reading
from zet.db.schema import account_partnerschappen, accounts
from zet.errors import UserError

NO_PARTNERSHIP = ("Je account hoort nog bij geen opleidingsschool. Vraag een beheerder om je "
                  "aan je opleidingsschool te koppelen.")


@dataclass(frozen=True)
class Viewer:
    """The eyes a programme read is for. ``partnerschap_ids`` None: every partnership."""
    naam: str
    partnerschap_ids: frozenset[int] | None
    account_id: int | None = None
    admin: bool = False

    @classmethod
    def server(cls) -> Viewer:
        """The operator of the server (command line, demo): every partnership."""
        return cls("beheer van de server", None, admin=True)

    @property
    def sees_all(self) -> bool:
        return self.partnerschap_ids is None

    def sees(self, partnerschap_id: int | None) -> bool:
        if self.partnerschap_ids is None:
            return True
        return partnerschap_id is not None and partnerschap_id in self.partnerschap_ids

    def where(self, column) -> ColumnElement[bool]:
        """The condition on a partnership-id column that keeps what this viewer may see
        (rows without a partnership only for a viewer who sees all)."""
        if self.partnerschap_ids is None:
            return true()
        if not self.partnerschap_ids:
            return false()
        return column.in_(sorted(self.partnerschap_ids))

    def require_sees(self, partnerschap_id: int | None) -> None:
        if not self.sees(partnerschap_id):
            raise UserError("Deze opleidingsschool hoort niet bij je account.")

    def require_admin(self) -> None:
        if not self.admin:
            raise UserError("Dat mag alleen een beheerder.")


def viewer_for(engine: Engine, account_id: int) -> Viewer | None:
    """The viewer of an account (None when the account is gone)."""
    with reading(engine) as conn:
        row = conn.execute(select(accounts.c.naam, accounts.c.beheerder)
                           .where(accounts.c.id == account_id)).first()
        ids = frozenset(conn.execute(
            select(account_partnerschappen.c.partnerschap_id)
            .where(account_partnerschappen.c.account_id == account_id)).scalars())
    if row is None:
        return None
    return Viewer(row.naam, None if row.beheerder else ids, account_id, bool(row.beheerder))
