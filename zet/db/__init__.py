"""Storage: the SQLAlchemy engine, the schema and its Alembic migrations."""
from zet.db.engine import make_engine, reading, upgrade_schema, writing

__all__ = ["make_engine", "reading", "upgrade_schema", "writing"]
