"""The database tables (SQLAlchemy Core). Changes go through a new Alembic migration."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

dagdelen = Table(
    "dagdelen", metadata,
    Column("id", Integer, primary_key=True),
    Column("locatie", String(200), nullable=False),
    Column("datum", Date, nullable=False),
    Column("titel", String(200), nullable=False, server_default=""),
    Column("join_code", String(12), nullable=False),
    Column("admin_secret", String(64), nullable=False, unique=True),
    Column("status", String(20), nullable=False, server_default="open"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    # opening | ronde | afsluiting: what the room is doing; phones follow it.
    Column("fase", String(20), nullable=False, server_default="ronde"),
    Column("actieve_ronde", Integer),  # nummer of the running round
    Column("programma", Text, nullable=False, server_default="{}"),  # JSON, see Programme
    # Which page of the plenary screen the room sees (set from the control view).
    Column("scherm_pagina", Integer, nullable=False, server_default="0"),
    # Set by zet.operations.retention.purge: when the raw data went, and how many of each role
    # joined.
    Column("purged_at", DateTime(timezone=True)),
    Column("rolaantallen", Text),  # JSON {role: count}, NULL until purged
    # The stappenplan every round follows: 75 or 60 minutes (migration 0009).
    Column("ronde_minuten", Integer, nullable=False, server_default="75"),
    # Bumped inside every write that changes what a screen of the dagdeel shows (zet.room.versions).
    Column("version", Integer, nullable=False, server_default="0"),
)
# A join code is unique among open dagdelen; closed ones may reuse it.
Index(
    "ix_dagdelen_open_join_code", dagdelen.c.join_code, unique=True,
    sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'"),
)

rondes = Table(
    "rondes", metadata,
    Column("id", Integer, primary_key=True),
    Column("dagdeel_id", Integer, ForeignKey("dagdelen.id", ondelete="CASCADE"), nullable=False),
    Column("nummer", Integer, nullable=False),
    Column("start_tijd", String(5)),
    Column("eind_tijd", String(5)),
    Column("indeling_vast", Boolean, nullable=False, server_default="0"),
    UniqueConstraint("dagdeel_id", "nummer", name="uq_rondes_dagdeel_nummer"),
)

groepen = Table(
    "groepen", metadata,
    Column("id", Integer, primary_key=True),
    Column("dagdeel_id", Integer, ForeignKey("dagdelen.id", ondelete="CASCADE"), nullable=False),
    Column("ronde_id", Integer, ForeignKey("rondes.id", ondelete="CASCADE"), nullable=False),
    Column("theme_id", String(80), nullable=False),
    Column("procesbegeleider", String(200), nullable=False),
    Column("label", String(40), nullable=False, server_default=""),
    Column("secret", String(64), nullable=False, unique=True),
    Column("step", String(30), nullable=False, server_default="werkblad"),
    Column("step_changed_at", DateTime(timezone=True), nullable=False),
    Column("reporter", String(200), nullable=False, server_default=""),
    Column("scenario_nu", Integer),
    Column("scenario_gewenst", Integer),
    Column("scenario_argument", Text, nullable=False, server_default=""),
    Column("points_confirmed_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Which page of the current step the projector shows (set from the control view).
    Column("scherm_pagina", Integer, nullable=False, server_default="0"),
    Column("notulist_secret", String(64), unique=True),  # made when first asked for
    Column("rolaantallen", Text),  # JSON {role: count} of the members, kept when purged
    # JSON of the other counts a purge keeps (zet.operations.retention.Kept); NULL until purged
    # (0015)
    Column("bewaard", Text),
    # The beamer opens the werkblad step with what the quickscan said on the theme (0017)
    Column("quickscan_eerst", Boolean, nullable=False, server_default="0"),
)

deelnemers = Table(
    "deelnemers", metadata,
    Column("id", Integer, primary_key=True),
    Column("dagdeel_id", Integer, ForeignKey("dagdelen.id", ondelete="CASCADE"), nullable=False),
    Column("token", String(64), nullable=False, unique=True),
    Column("role", String(80), nullable=False),
    Column("initials", String(10), nullable=False, server_default=""),
    Column("joined_at", DateTime(timezone=True), nullable=False),
)

groepsleden = Table(
    "groepsleden", metadata,
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), primary_key=True),
    Column("deelnemer_id", Integer, ForeignKey("deelnemers.id", ondelete="CASCADE"),
           primary_key=True),
    Column("ronde_id", Integer, ForeignKey("rondes.id", ondelete="CASCADE"), nullable=False),
    # seated by the hoofdprocesbegeleider after the table's scenario step began (a listener)
    Column("na_scenario", Boolean, nullable=False, server_default="0"),
    UniqueConstraint("ronde_id", "deelnemer_id", name="uq_groepsleden_ronde_deelnemer"),
)

antwoorden = Table(
    "antwoorden", metadata,
    Column("id", Integer, primary_key=True),
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), nullable=False),
    Column("deelnemer_id", Integer, ForeignKey("deelnemers.id", ondelete="CASCADE"),
           nullable=False),
    Column("vraag_id", String(80), nullable=False),
    Column("value", Text),  # JSON of the submitted answer; NULL while only a draft exists
    Column("draft", Text),  # JSON typed after the werkblad step closed, restored on reopen
    Column("hidden", Boolean, nullable=False, server_default="0"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("groep_id", "deelnemer_id", "vraag_id", name="uq_antwoorden_per_vraag"),
)

kaarten_getoond = Table(
    "kaarten_getoond", metadata,
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), primary_key=True),
    Column("kaart_id", String(80), primary_key=True),
    Column("revealed_at", DateTime(timezone=True), nullable=False),
)

bijdragen = Table(  # raw sterke punten / ontwikkelpunten as sent from phones or typed
    "bijdragen", metadata,
    Column("id", Integer, primary_key=True),
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), nullable=False),
    Column("deelnemer_id", Integer, ForeignKey("deelnemers.id", ondelete="SET NULL")),
    Column("soort", String(20), nullable=False),
    Column("tekst", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # A participant sends a text once per kind (a double tap, a second tab); the
    # procesbegeleider's own points (deelnemer_id NULL) rely on the group row lock.
    UniqueConstraint("groep_id", "deelnemer_id", "soort", "tekst",
                     name="uq_bijdragen_per_deelnemer"),
)

punten = Table(  # the group's working list, which the procesbegeleider edits and confirms
    "punten", metadata,
    Column("id", Integer, primary_key=True),
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("tekst", Text, nullable=False),
    Column("positie", Integer, nullable=False),
    Column("bron_ids", Text, nullable=False, server_default="[]"),  # JSON list of bijdragen ids
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The one waarborg a confirmed point is about, when its theme has several (0015)
    Column("waarborg", String(40)),
    UniqueConstraint("groep_id", "soort", "positie", name="uq_punten_positie"),
)

scenario_plaatsingen = Table(
    "scenario_plaatsingen", metadata,
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), primary_key=True),
    Column("deelnemer_id", Integer, ForeignKey("deelnemers.id", ondelete="CASCADE"),
           primary_key=True),
    Column("nu", Integer),
    Column("gewenst", Integer),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# ---------------------------------------------------------------- room screens (0006)

notities = Table(  # what a notulist wrote down per step; goes into the group's report
    "notities", metadata,
    Column("id", Integer, primary_key=True),
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), nullable=False),
    Column("stap", String(30), nullable=False),
    Column("tekst", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

concepten = Table(  # text a participant is still typing (a point not yet sent)
    "concepten", metadata,
    Column("groep_id", Integer, ForeignKey("groepen.id", ondelete="CASCADE"), primary_key=True),
    Column("deelnemer_id", Integer, ForeignKey("deelnemers.id", ondelete="CASCADE"),
           primary_key=True),
    Column("veld", String(80), primary_key=True),
    Column("tekst", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

onderhoud = Table(  # when a periodic task last ran (zet.operations.retention.purge_if_due)
    "onderhoud", metadata,
    Column("taak", String(40), primary_key=True),
    Column("laatst_op", Date, nullable=False),
)

# ---------------------------------------------------------------- programme managers (issue 12)
# A partnership (opleidingsschool) with its locaties; dagdelen.locatie_id points here, and
# dagdelen.locatie keeps the name as typed (what every screen shows). Accounts and sessions
# for programme managers, the hand-made grouping and tags of confirmed points (rode lijnen)
# and the actions that grew from ontwikkelpunten. Added by migration 0004.

partnerschappen = Table(
    "partnerschappen", metadata,
    Column("id", Integer, primary_key=True),
    Column("naam", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

locaties = Table(
    "locaties", metadata,
    Column("id", Integer, primary_key=True),
    Column("partnerschap_id", Integer, ForeignKey("partnerschappen.id", ondelete="CASCADE"),
           nullable=False),
    Column("naam", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("partnerschap_id", "naam", name="uq_locaties_partnerschap_naam"),
)

dagdelen.append_column(Column("locatie_id", Integer, ForeignKey("locaties.id")))
dagdelen.append_column(Column("hoofdprocesbegeleider", String(200), nullable=False,
                              server_default=""))

accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("naam", String(120), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),  # argon2id, with its own salt
    Column("created_at", DateTime(timezone=True), nullable=False),
    # An administrator of the server: sees every partnership, manages accounts (0010).
    Column("beheerder", Boolean, nullable=False, server_default="0"),
)

account_partnerschappen = Table(  # which partnerships an account may see (0010)
    "account_partnerschappen", metadata,
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"),
           primary_key=True),
    Column("partnerschap_id", Integer, ForeignKey("partnerschappen.id", ondelete="CASCADE"),
           primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

account_sessies = Table(
    "account_sessies", metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# failed logins only; naam and client are HMACs (zet.programme.accounts, 0010)
login_pogingen = Table(
    "login_pogingen", metadata,
    Column("id", Integer, primary_key=True),
    Column("naam", String(120), nullable=False),
    Column("client", String(120), nullable=False, server_default=""),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("gelukt", Boolean, nullable=False),
)
Index("ix_login_pogingen_at", login_pogingen.c.at)

geheimen = Table(  # server secrets made on first use (the key of the login HMAC), 0010
    "geheimen", metadata,
    Column("naam", String(40), primary_key=True),
    Column("waarde", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

puntgroepen = Table(  # a rode lijn: confirmed points from several groups put together by hand
    "puntgroepen", metadata,
    Column("id", Integer, primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("soort", String(20), nullable=False),  # sterk | ontwikkel
    Column("created_at", DateTime(timezone=True), nullable=False),
)

puntgroep_leden = Table(
    "puntgroep_leden", metadata,
    Column("punt_id", Integer, ForeignKey("punten.id", ondelete="CASCADE"), primary_key=True),
    Column("puntgroep_id", Integer, ForeignKey("puntgroepen.id", ondelete="CASCADE"),
           nullable=False),
)

punt_labels = Table(
    "punt_labels", metadata,
    Column("punt_id", Integer, ForeignKey("punten.id", ondelete="CASCADE"), primary_key=True),
    Column("label", String(60), primary_key=True),
)

acties = Table(  # an ontwikkelpunt turned into an action (ZEK: wanneer tevreden, wie, hoe, tijdpad)
    "acties", metadata,
    Column("id", Integer, primary_key=True),
    Column("punt_id", Integer, ForeignKey("punten.id", ondelete="SET NULL")),
    Column("locatie_id", Integer, ForeignKey("locaties.id", ondelete="CASCADE"), nullable=False),
    Column("theme_id", String(80), nullable=False),
    Column("ontwikkelpunt", Text, nullable=False),
    Column("tevreden", Text, nullable=False, server_default=""),
    Column("verantwoordelijk", Text, nullable=False, server_default=""),
    Column("aanpak", Text, nullable=False, server_default=""),
    Column("tijdpad", String(200), nullable=False, server_default=""),
    Column("status", String(20), nullable=False, server_default="open"),  # open | afgerond
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("afgerond_at", DateTime(timezone=True)),
)

# ---------------------------------------------------------------- quickscan (issue 21)
# Before the dagdeel everyone fills in a short quickscan on a phone. A respondent is anonymous:
# a random token (in an HttpOnly cookie) and a role group, nothing else. A purge keeps only
# the results (``samenvatting``, aggregates per role group of at least 3) and removes the
# respondents with their ratings. Added by migration 0012.

quickscans = Table(
    "quickscans", metadata,
    Column("id", Integer, primary_key=True),
    Column("dagdeel_id", Integer, ForeignKey("dagdelen.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    Column("code", String(12), nullable=False, unique=True),  # its own code: /quickscan?code=
    Column("status", String(20), nullable=False, server_default="open"),
    Column("themas", Text, nullable=False, server_default="[]"),  # JSON list of theme ids
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    Column("purged_at", DateTime(timezone=True)),
    Column("samenvatting", Text),  # JSON of the results, written by the purge
)

quickscan_respondenten = Table(
    "quickscan_respondenten", metadata,
    Column("id", Integer, primary_key=True),
    Column("quickscan_id", Integer, ForeignKey("quickscans.id", ondelete="CASCADE"),
           nullable=False),
    Column("token", String(64), nullable=False, unique=True),
    Column("rolgroep", String(80), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

quickscan_antwoorden = Table(
    "quickscan_antwoorden", metadata,
    Column("respondent_id", Integer,
           ForeignKey("quickscan_respondenten.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", String(80), primary_key=True),
    Column("gewenst", Integer),  # 1-5 (KOOS items)
    Column("feitelijk", Integer),  # 1-5 (KOOS items)
    Column("oordeel", String(1)),  # O / V / G (ZEK items)
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
