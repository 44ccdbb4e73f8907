"""Dagdeel programme and phase: opening, rounds, closing; which round is running.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dagdelen") as batch:
        # Sessions created before this revision were single groups that ran at once.
        batch.add_column(sa.Column("fase", sa.String(20), nullable=False,
                                   server_default="ronde"))
        batch.add_column(sa.Column("actieve_ronde", sa.Integer, nullable=True))
        batch.add_column(sa.Column("programma", sa.Text, nullable=False, server_default="{}"))
    op.execute("UPDATE dagdelen SET actieve_ronde = 1")


def downgrade() -> None:
    with op.batch_alter_table("dagdelen") as batch:
        batch.drop_column("programma")
        batch.drop_column("actieve_ronde")
        batch.drop_column("fase")
