"""Room screens: which page of a step the projector shows, a notulist's link and notes,
and drafts of text a participant is still typing.

Revision ID: 0006
Revises: 0005
"""
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None



def _rebuild() -> Literal["always", "auto"]:
    """SQLite rebuilds dagdelen (its DROP COLUMN refuses a table with a foreign key that
    0004 added); PostgreSQL alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.add_column(sa.Column("scherm_pagina", sa.Integer, nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("groepen") as batch:
        batch.add_column(sa.Column("scherm_pagina", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("notulist_secret", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_groepen_notulist_secret", ["notulist_secret"])
    op.create_table(
        "notities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("stap", sa.String(30), nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "concepten",
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("deelnemer_id", sa.Integer,
                  sa.ForeignKey("deelnemers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("veld", sa.String(80), primary_key=True),
        sa.Column("tekst", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("concepten")
    op.drop_table("notities")
    with op.batch_alter_table("groepen") as batch:
        batch.drop_constraint("uq_groepen_notulist_secret", type_="unique")
        batch.drop_column("notulist_secret")
        batch.drop_column("scherm_pagina")
    with op.batch_alter_table("dagdelen", recreate=_rebuild()) as batch:
        batch.drop_column("scherm_pagina")
