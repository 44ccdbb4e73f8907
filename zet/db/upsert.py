"""Insert-or-update and insert-if-absent on a unique key, in one statement on SQLite and
PostgreSQL: the database, not a check before the insert, decides who was first."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table):
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def upsert(conn: Connection, table: Table, key: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert ``key`` + ``values``; when a row with ``key`` exists, update its ``values``."""
    statement = _insert(conn, table).values(**key, **values)
    conn.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))


def insert_absent(conn: Connection, table: Table, key: dict[str, Any],
                  values: dict[str, Any] | None = None) -> bool:
    """Insert unless a row with ``key`` exists; whether this call inserted it."""
    statement = _insert(conn, table).values(**key, **(values or {}))
    return conn.execute(statement.on_conflict_do_nothing(index_elements=list(key))).rowcount == 1
