"""Storage: the SQLAlchemy engine, the schema and its Alembic migrations."""
from zet.db.engine import make_engine, reading, retry_transient, upgrade_schema, writing
from zet.db.storage import check_storage

__all__ = ["check_storage", "make_engine", "reading", "retry_transient", "upgrade_schema",
           "writing"]
