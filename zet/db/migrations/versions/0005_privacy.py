"""Privacy: what a purge keeps (role counts per group and dagdeel, when it ran) and when
the periodic tasks last ran.

Revision ID: 0005
Revises: 0004
"""
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None



def _rebuild() -> Literal["always", "auto"]:
    """SQLite rebuilds dagdelen (its DROP COLUMN refuses a table with a foreign key that
    0004 added); PostgreSQL alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("rolaantallen", sa.Text, nullable=True))
    with op.batch_alter_table("groepen") as batch:
        batch.add_column(sa.Column("rolaantallen", sa.Text, nullable=True))
    op.create_table(
        "onderhoud",
        sa.Column("taak", sa.String(40), primary_key=True),
        sa.Column("laatst_op", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("onderhoud")
    with op.batch_alter_table("groepen") as batch:
        batch.drop_column("rolaantallen")
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.drop_column("rolaantallen")
        batch.drop_column("purged_at")
