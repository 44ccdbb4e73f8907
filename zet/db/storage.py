"""Refuse to start on a database that cannot take a write.

A read-only file, a full disk, a missing folder or an unreachable server becomes a
``StorageError`` with a Dutch message naming the file (or server), raised from
``make_engine`` before any page is drawn, instead of a traceback in the room.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from zet.errors import StorageError

MIN_FREE_BYTES = 2 * 1024 * 1024  # far more than a dagdeel writes, far less than any sane disk
_RESTART = "en start de app opnieuw."
log = logging.getLogger("zet")


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL (also ``file:...?mode=ro&uri=true``); None in memory."""
    name = url.database or ""
    if name.startswith("file:"):
        name = name[len("file:"):].split("?", 1)[0]
    return None if name in ("", ":memory:") else Path(name)


def database_label(url: URL) -> str:
    """How messages name the database: the file as configured, or host/name without password."""
    path = sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    if path is not None:
        return str(path)
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def storage_error(url: URL, error: BaseException) -> StorageError:
    """The Dutch message for a database error met while starting up."""
    label = database_label(url)
    log.error("database %s unusable: %s", label, error)
    orig = getattr(error, "orig", error)
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return StorageError(
            f"De database {label} kan niet worden beschreven (alleen-lezen). Geef de app "
            f"schrijfrechten op dit bestand en op de map waarin het staat, {_RESTART}")
    if name == "SQLITE_FULL" or "disk is full" in text or "no space" in text or _no_room(url):
        return full_disk(label)
    if name.startswith("SQLITE_BUSY") or "locked" in text:
        return StorageError(
            f"De database {label} is bezet door een ander programma. Sluit dat programma "
            f"{_RESTART}")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StorageError(
            f"De database {label} kan niet worden geopend. Controleer of de map bestaat en "
            f"of de app daar mag schrijven, {_RESTART}")
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return StorageError(
            f"De database {label} kan niet worden gelezen of beschreven (een schijffout). "
            f"Controleer de schijf of kies met ZET_DATABASE_URL een andere plek, {_RESTART}")
    if url.get_backend_name() != "sqlite":
        return StorageError(
            f"De databaseserver {label} is niet bereikbaar of weigert de verbinding. "
            f"Controleer ZET_DATABASE_URL en of de server draait, {_RESTART}")
    return StorageError(
        f"De database {label} is niet bruikbaar (beschadigd of geen database). Zet een "
        f"back-up terug of kies met ZET_DATABASE_URL een ander bestand, {_RESTART}")


def _no_room(url: URL) -> bool:
    """Whether the disk of a SQLite file has no room left (a full disk can show as an I/O
    error when SQLite creates its -shm file)."""
    path = sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    try:
        return path is not None and shutil.disk_usage(path.parent).free < MIN_FREE_BYTES
    except OSError:
        return False


def full_disk(label: str) -> StorageError:
    return StorageError(
        f"De schijf met de database {label} is vol. Maak ruimte vrij of kies met "
        f"ZET_DATABASE_URL een andere plek, {_RESTART}")


def check_storage(engine: Engine) -> None:
    """Prove the database takes a write, or raise ``StorageError``."""
    url = engine.url
    path = sqlite_file(url) if engine.dialect.name == "sqlite" else None
    try:
        if path is not None:
            _check_folder(path)
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, \
                conn.begin():
            if engine.dialect.name == "sqlite":
                # Rewriting the header field with its own value is a real, harmless write.
                version = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
                conn.exec_driver_sql(f"PRAGMA user_version={version}")
            elif conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on":
                raise StorageError(f"De databaseserver {database_label(url)} staat op "
                                   f"alleen-lezen. Gebruik de primaire server {_RESTART}")
    except (DBAPIError, OSError) as error:
        raise storage_error(url, error) from error


def _check_folder(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise StorageError(f"De map {folder} voor de database {path} bestaat niet. Maak de "
                           f"map aan of kies met ZET_DATABASE_URL een andere plek, {_RESTART}")
    if shutil.disk_usage(folder).free < MIN_FREE_BYTES:
        raise full_disk(str(path))
