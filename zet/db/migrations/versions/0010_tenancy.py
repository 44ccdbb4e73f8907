"""Tenancy and login limits that cannot be turned against a user.

- ``account_partnerschappen``: which partnerships (opleidingsscholen) an account may see;
  ``accounts.beheerder``: an administrator of the server (sees every partnership and manages
  accounts). Until now every account saw everything, so each existing account becomes a
  member of every existing partnership (it keeps what it saw, and no more: a partnership
  added later is not theirs until an administrator says so). Nobody becomes administrator
  by the upgrade; ``python -m zet account admin NAAM`` makes one.
- ``geheimen``: server secrets kept in the database; the login limits use one as the key of
  an HMAC, so ``login_pogingen`` holds keyed hashes of the name and the client instead of the
  typed name and a plain hash of the address. The old rows (at most a quarter of an hour of
  value) are deleted rather than converted: they cannot be.

Revision ID: 0010
Revises: 0009
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_partnerschappen",
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("partnerschap_id", sa.Integer,
                  sa.ForeignKey("partnerschappen.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Added in place (no table rebuild): SQLite can add a column with a default.
    op.add_column("accounts", sa.Column("beheerder", sa.Boolean, nullable=False,
                                        server_default="0"))
    op.create_table(
        "geheimen",
        sa.Column("naam", sa.String(40), primary_key=True),
        sa.Column("waarde", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute("DELETE FROM login_pogingen")
    _existing_accounts_keep_what_they_saw()


def _existing_accounts_keep_what_they_saw() -> None:
    bind = op.get_bind()
    account_ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM accounts"))]
    partnership_ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM partnerschappen"))]
    members = sa.table("account_partnerschappen", sa.column("account_id"),
                       sa.column("partnerschap_id"), sa.column("created_at"))
    moment = datetime.now(UTC)
    rows = [{"account_id": a, "partnerschap_id": p, "created_at": moment}
            for a in account_ids for p in partnership_ids]
    if rows:
        bind.execute(members.insert(), rows)


def downgrade() -> None:
    op.drop_table("geheimen")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("beheerder")
    op.drop_table("account_partnerschappen")
