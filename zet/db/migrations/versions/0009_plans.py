"""The stappenplan a dagdeel's rounds follow: 75 or 60 minutes.

Revision ID: 0009
Revises: 0006
"""
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def _rebuild() -> Literal["always", "auto"]:
    """SQLite rebuilds dagdelen (as in 0006); PostgreSQL alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("dagdelen") as batch:
        batch.add_column(sa.Column("ronde_minuten", sa.Integer, nullable=False,
                                   server_default="75"))


def downgrade() -> None:
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.drop_column("ronde_minuten")
