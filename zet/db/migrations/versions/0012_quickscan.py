"""The quickscan before a dagdeel: quickscans, anonymous respondents and their ratings.

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quickscans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dagdeel_id", sa.Integer, sa.ForeignKey("dagdelen.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("themas", sa.Text, nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("purged_at", sa.DateTime(timezone=True)),
        sa.Column("samenvatting", sa.Text),
    )
    op.create_table(
        "quickscan_respondenten",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("quickscan_id", sa.Integer,
                  sa.ForeignKey("quickscans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("rolgroep", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "quickscan_antwoorden",
        sa.Column("respondent_id", sa.Integer,
                  sa.ForeignKey("quickscan_respondenten.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("gewenst", sa.Integer),
        sa.Column("feitelijk", sa.Integer),
        sa.Column("oordeel", sa.String(1)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("quickscan_antwoorden")
    op.drop_table("quickscan_respondenten")
    op.drop_table("quickscans")
