"""Seats given after a table's scenario step began: such a late joiner listens in, and
counts in the group's report only if they still gave something (a placement).

Revision ID: 0014
Revises: 0015
"""
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0015"
branch_labels = None
depends_on = None


def _rebuild() -> Literal["always", "auto"]:
    """SQLite rebuilds groepsleden to drop the column; PostgreSQL alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("groepsleden") as batch:
        batch.add_column(sa.Column("na_scenario", sa.Boolean, nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("groepsleden", recreate=_rebuild()) as batch:
        batch.drop_column("na_scenario")
