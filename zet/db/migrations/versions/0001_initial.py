"""Initial schema: dagdelen, rondes, groepen, deelnemers and everything a group records.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "dagdelen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("locatie", sa.String(200), nullable=False),
        sa.Column("datum", sa.Date, nullable=False),
        sa.Column("titel", sa.String(200), nullable=False, server_default=""),
        sa.Column("join_code", sa.String(12), nullable=False),
        sa.Column("admin_secret", sa.String(64), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("closed_at", TS),
    )
    op.create_index(
        "ix_dagdelen_open_join_code", "dagdelen", ["join_code"], unique=True,
        sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "rondes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dagdeel_id", sa.Integer, sa.ForeignKey("dagdelen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("nummer", sa.Integer, nullable=False),
        sa.Column("start_tijd", sa.String(5)),
        sa.Column("eind_tijd", sa.String(5)),
        sa.Column("indeling_vast", sa.Boolean, nullable=False, server_default="0"),
        sa.UniqueConstraint("dagdeel_id", "nummer", name="uq_rondes_dagdeel_nummer"),
    )
    op.create_table(
        "groepen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dagdeel_id", sa.Integer, sa.ForeignKey("dagdelen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("ronde_id", sa.Integer, sa.ForeignKey("rondes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("theme_id", sa.String(80), nullable=False),
        sa.Column("procesbegeleider", sa.String(200), nullable=False),
        sa.Column("label", sa.String(40), nullable=False, server_default=""),
        sa.Column("secret", sa.String(64), nullable=False, unique=True),
        sa.Column("step", sa.String(30), nullable=False, server_default="werkblad"),
        sa.Column("step_changed_at", TS, nullable=False),
        sa.Column("reporter", sa.String(200), nullable=False, server_default=""),
        sa.Column("scenario_nu", sa.Integer),
        sa.Column("scenario_gewenst", sa.Integer),
        sa.Column("scenario_argument", sa.Text, nullable=False, server_default=""),
        sa.Column("points_confirmed_at", TS),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "deelnemers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dagdeel_id", sa.Integer, sa.ForeignKey("dagdelen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(80), nullable=False),
        sa.Column("initials", sa.String(10), nullable=False, server_default=""),
        sa.Column("joined_at", TS, nullable=False),
    )
    op.create_table(
        "groepsleden",
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("deelnemer_id", sa.Integer,
                  sa.ForeignKey("deelnemers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("ronde_id", sa.Integer, sa.ForeignKey("rondes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.UniqueConstraint("ronde_id", "deelnemer_id", name="uq_groepsleden_ronde_deelnemer"),
    )
    op.create_table(
        "antwoorden",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("deelnemer_id", sa.Integer,
                  sa.ForeignKey("deelnemers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("vraag_id", sa.String(80), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("draft", sa.Text),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("groep_id", "deelnemer_id", "vraag_id",
                            name="uq_antwoorden_per_vraag"),
    )
    op.create_table(
        "kaarten_getoond",
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("kaart_id", sa.String(80), primary_key=True),
        sa.Column("revealed_at", TS, nullable=False),
    )
    op.create_table(
        "bijdragen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("deelnemer_id", sa.Integer,
                  sa.ForeignKey("deelnemers.id", ondelete="SET NULL")),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "punten",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
        sa.Column("positie", sa.Integer, nullable=False),
        sa.Column("bron_ids", sa.Text, nullable=False, server_default="[]"),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "scenario_plaatsingen",
        sa.Column("groep_id", sa.Integer, sa.ForeignKey("groepen.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("deelnemer_id", sa.Integer,
                  sa.ForeignKey("deelnemers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("nu", sa.Integer),
        sa.Column("gewenst", sa.Integer),
        sa.Column("updated_at", TS, nullable=False),
    )


def downgrade() -> None:
    for table in ("scenario_plaatsingen", "punten", "bijdragen", "kaarten_getoond",
                  "antwoorden", "groepsleden", "deelnemers", "groepen", "rondes"):
        op.drop_table(table)
    op.drop_index("ix_dagdelen_open_join_code", table_name="dagdelen")
    op.drop_table("dagdelen")
