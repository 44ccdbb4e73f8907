"""A consistent copy of the database while the app keeps running: ``python -m zet backup FILE``.

SQLite's online backup API copies every page from one read snapshot (WAL lets the app keep
writing meanwhile), so the copy holds whole transactions only. The copy is checked with
``PRAGMA integrity_check`` before it gets its final name, and it is one self-contained file
(no -wal/-shm): restoring is putting it in place while the app is stopped
(docs/reliability.md). PostgreSQL has its own tool for this: pg_dump.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from zet.config import load_settings
from zet.db.schema import metadata
from zet.db.storage import sqlite_file
from zet.errors import UserError

BUSY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Backup:
    path: Path
    rows: dict[str, int]  # table -> number of rows in the copy


class NotSQLite(UserError):
    """The database is not a SQLite file; the message says how to use pg_dump."""


def backup_sqlite(url: str | URL, target: Path) -> Backup:
    """Copy the SQLite database at ``url`` to ``target`` (which must not exist yet)."""
    url = make_url(url)
    source_path = sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    if source_path is None:
        raise NotSQLite(pg_dump_hint(url))
    if not source_path.is_file():
        raise UserError(f"De database {source_path} bestaat niet; er is niets om te bewaren.")
    if target.exists():
        raise UserError(f"{target} bestaat al. Kies een nieuwe naam; een back-up overschrijft "
                        "nooit een bestand.")
    if not target.parent.is_dir():
        raise UserError(f"De map {target.parent} bestaat niet.")
    partial = target.with_name(target.name + ".deel")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(source_path, timeout=BUSY_TIMEOUT_S)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)  # all pages in one step: one consistent snapshot
        copy.execute("PRAGMA journal_mode=DELETE")  # the copy is one file, no -wal beside it
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise UserError(f"De kopie is niet in orde ({verdict}); probeer het opnieuw.")
        rows = {table.name: copy.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
                for table in metadata.sorted_tables}
    except BaseException:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    copy.close()
    with open(partial, "rb") as written:
        os.fsync(written.fileno())
    os.replace(partial, target)
    return Backup(target, rows)


def pg_dump_hint(url: URL) -> str:
    plain = url.set(drivername="postgresql", password=None).render_as_string()
    return ("Deze database draait op PostgreSQL; maak de back-up daar met pg_dump:\n"
            f"  pg_dump --format=custom --file=zet.dump '{plain}'\n"
            "Terugzetten (met de app gestopt):\n"
            f"  pg_restore --clean --if-exists --dbname='{plain}' zet.dump\n"
            "Het wachtwoord vragen beide zelf (of zet het in PGPASSWORD).")


def backup_command(args: argparse.Namespace) -> int:
    """``python -m zet backup FILE``: 0 when the copy is made and checked."""
    try:
        made = backup_sqlite(load_settings().database_url, Path(args.file))
    except NotSQLite as error:
        print(error, file=sys.stderr)
        return 2
    except (UserError, sqlite3.Error, OSError) as error:
        print(f"Back-up mislukt: {error}", file=sys.stderr)
        return 1
    print(f"Back-up gemaakt en gecontroleerd: {made.path}")
    print(", ".join(f"{table} {count}" for table, count in made.rows.items()))
    return 0
