"""A version per dagdeel, bumped inside every write transaction that changes what a screen
of that dagdeel shows (zet.room.versions); screens follow it instead of polling.

Revision ID: 0011
Revises: 0006
"""
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _rebuild() -> Literal["always", "auto"]:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    op.add_column("dagdelen", sa.Column("version", sa.Integer, nullable=False,
                                        server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.drop_column("version")
