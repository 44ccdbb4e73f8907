"""Partnerships and locaties; programme-manager accounts and sessions; rode lijnen (groups
and tags of confirmed points) and actions from ontwikkelpunten.

Every existing dagdeel gets a locatie: one partnership "Opleidingsschool" is made and each
distinct free-text locatie becomes a locatie row of it.

Revision ID: 0004
Revises: 0003
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
DEFAULT_PARTNERSHIP = "Opleidingsschool"


def upgrade() -> None:
    op.create_table(
        "partnerschappen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "locaties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("partnerschap_id", sa.Integer,
                  sa.ForeignKey("partnerschappen.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("partnerschap_id", "naam", name="uq_locaties_partnerschap_naam"),
    )
    # No batch (table rebuild) on SQLite: with foreign keys on, dropping the old dagdelen
    # table would cascade and delete every round, group and answer. SQLite can add a column
    # with an inline REFERENCES in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE dagdelen ADD COLUMN locatie_id INTEGER REFERENCES locaties (id)")
    else:
        op.add_column("dagdelen", sa.Column("locatie_id", sa.Integer, nullable=True))
        op.create_foreign_key("fk_dagdelen_locatie", "dagdelen", "locaties",
                              ["locatie_id"], ["id"])
    op.add_column("dagdelen", sa.Column("hoofdprocesbegeleider", sa.String(200),
                                        nullable=False, server_default=""))
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(120), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "account_sessies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
    )
    op.create_table(
        "login_pogingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(120), nullable=False),
        sa.Column("client", sa.String(120), nullable=False, server_default=""),
        sa.Column("at", TS, nullable=False),
        sa.Column("gelukt", sa.Boolean, nullable=False),
    )
    op.create_index("ix_login_pogingen_at", "login_pogingen", ["at"])
    op.create_table(
        "puntgroepen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "puntgroep_leden",
        sa.Column("punt_id", sa.Integer, sa.ForeignKey("punten.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("puntgroep_id", sa.Integer,
                  sa.ForeignKey("puntgroepen.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_table(
        "punt_labels",
        sa.Column("punt_id", sa.Integer, sa.ForeignKey("punten.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("label", sa.String(60), primary_key=True),
    )
    op.create_table(
        "acties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("punt_id", sa.Integer, sa.ForeignKey("punten.id", ondelete="SET NULL")),
        sa.Column("locatie_id", sa.Integer, sa.ForeignKey("locaties.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("theme_id", sa.String(80), nullable=False),
        sa.Column("ontwikkelpunt", sa.Text, nullable=False),
        sa.Column("tevreden", sa.Text, nullable=False, server_default=""),
        sa.Column("verantwoordelijk", sa.Text, nullable=False, server_default=""),
        sa.Column("aanpak", sa.Text, nullable=False, server_default=""),
        sa.Column("tijdpad", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("afgerond_at", TS),
    )
    _existing_dagdelen_get_a_locatie()


def _existing_dagdelen_get_a_locatie() -> None:
    bind = op.get_bind()
    dagdelen = sa.table("dagdelen", sa.column("id"), sa.column("locatie"),
                        sa.column("locatie_id"))
    partnerschappen = sa.table("partnerschappen", sa.column("id"), sa.column("naam"),
                               sa.column("created_at"))
    locaties = sa.table("locaties", sa.column("id"), sa.column("partnerschap_id"),
                        sa.column("naam"), sa.column("created_at"))
    names = sorted({row.locatie for row in bind.execute(sa.select(dagdelen.c.locatie))})
    if not names:
        return
    created = datetime.now(UTC)
    bind.execute(partnerschappen.insert().values(naam=DEFAULT_PARTNERSHIP, created_at=created))
    partnerschap_id = bind.execute(sa.select(partnerschappen.c.id).where(
        partnerschappen.c.naam == DEFAULT_PARTNERSHIP)).scalar_one()
    for name in names:
        bind.execute(locaties.insert().values(partnerschap_id=partnerschap_id, naam=name,
                                              created_at=created))
        locatie_id = bind.execute(sa.select(locaties.c.id).where(
            locaties.c.partnerschap_id == partnerschap_id, locaties.c.naam == name)).scalar_one()
        bind.execute(dagdelen.update().where(dagdelen.c.locatie == name)
                     .values(locatie_id=locatie_id))


def downgrade() -> None:
    for table in ("acties", "punt_labels", "puntgroep_leden", "puntgroepen"):
        op.drop_table(table)
    op.drop_index("ix_login_pogingen_at", table_name="login_pogingen")
    for table in ("login_pogingen", "account_sessies", "accounts"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "sqlite":
        # A rebuilt table keeps the foreign key as a table constraint, which SQLite's DROP
        # COLUMN refuses; rebuild once more without both columns (foreign keys are off
        # while migrating, see zet.db.engine.upgrade_schema).
        with op.batch_alter_table("dagdelen", recreate="always") as batch:
            batch.drop_column("hoofdprocesbegeleider")
            batch.drop_column("locatie_id")
    else:
        op.drop_constraint("fk_dagdelen_locatie", "dagdelen", type_="foreignkey")
        op.drop_column("dagdelen", "hoofdprocesbegeleider")
        op.drop_column("dagdelen", "locatie_id")
    op.drop_table("locaties")
    op.drop_table("partnerschappen")
