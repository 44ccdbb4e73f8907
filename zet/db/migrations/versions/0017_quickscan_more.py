"""The quickscan at the werkblad step: a group's beamer may open the step with what the
quickscan said on its theme, switched by its procesbegeleider (``groepen.quickscan_eerst``).

Revision ID: 0017
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groepen") as batch:
        batch.add_column(sa.Column("quickscan_eerst", sa.Boolean, nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("groepen") as batch:
        batch.drop_column("quickscan_eerst")
