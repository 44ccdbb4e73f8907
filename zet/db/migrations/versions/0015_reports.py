"""Reports that stay true: what a purge keeps beyond the role counts (placements per
scenario, how many answered and contributed) and the waarborg a point belongs to.

Revision ID: 0015
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groepen") as batch:
        batch.add_column(sa.Column("bewaard", sa.Text, nullable=True))
    with op.batch_alter_table("punten") as batch:
        batch.add_column(sa.Column("waarborg", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("punten") as batch:
        batch.drop_column("waarborg")
    with op.batch_alter_table("groepen") as batch:
        batch.drop_column("bewaard")
