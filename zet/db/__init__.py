"""Storage: the SQLAlchemy engine, the schema and its Alembic migrations."""
from zet.db.engine import (
    app_engine,
    inserted_id,
    make_engine,
    reading,
    retry_transient,
    upgrade_schema,
    writing,
)
from zet.db.storage import check_storage

__all__ = ["app_engine", "check_storage", "inserted_id", "make_engine", "reading",
           "retry_transient", "upgrade_schema", "writing"]
