"""A database that cannot be written at start-up stops with a Dutch message naming the
file, never with a traceback: a read-only file or mount, and a disk that is really full."""
from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from zet.db import make_engine
from zet.errors import StorageError

AS_ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not AS_ROOT, reason="mount (tmpfs, read-only bind) needs root")


def migrated_file(path: Path) -> Path:
    make_engine(f"sqlite:///{path}").dispose()
    return path


@contextlib.contextmanager
def mounted(*commands: list[str], target: Path):
    try:
        for command in commands:
            subprocess.run(command, check=True, capture_output=True)
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=False, capture_output=True)


def fill(folder: Path) -> None:
    """Write zeros until the file system refuses: a disk that is full for real."""
    chunk = b"\0" * 65536
    with contextlib.suppress(OSError), open(folder / "vulsel", "wb") as filler:
        while True:  # ends with "no space left", also when the file is closed
            filler.write(chunk)
            filler.flush()
    assert os.statvfs(folder).f_bavail == 0


def assert_storage_message(error: pytest.ExceptionInfo, path: Path, word: str) -> None:
    message = str(error.value)
    assert str(path) in message and word in message
    assert "Traceback" not in message and "sqlite" not in message.lower()


def test_a_read_only_open_of_the_file_is_refused_with_its_name(tmp_path):
    # mode=ro makes SQLite itself refuse every write, also for root (chmod does not).
    path = migrated_file(tmp_path / "zet.db")
    with pytest.raises(StorageError) as error:
        make_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert_storage_message(error, path, "alleen-lezen")


@pytest.mark.skipif(AS_ROOT, reason="root writes through chmod; the mount tests cover root")
def test_a_read_only_file_is_refused_with_its_name(tmp_path):
    path = migrated_file(tmp_path / "zet.db")
    path.chmod(0o444)
    try:
        with pytest.raises(StorageError) as error:
            make_engine(f"sqlite:///{path}")
        assert_storage_message(error, path, "alleen-lezen")
    finally:
        path.chmod(0o644)


@needs_root
def test_a_database_on_a_read_only_mount_is_refused_with_its_name(tmp_path):
    source, view = tmp_path / "data", tmp_path / "alleen-lezen"
    source.mkdir()
    view.mkdir()
    migrated_file(source / "zet.db")
    with mounted(["mount", "--bind", str(source), str(view)],
                 ["mount", "-o", "remount,bind,ro", str(view)], target=view):
        with pytest.raises(StorageError) as error:
            make_engine(f"sqlite:///{view / 'zet.db'}")
        assert_storage_message(error, view / "zet.db", "alleen-lezen")


@needs_root
def test_a_new_database_on_a_full_disk_is_refused_with_its_name(tmp_path):
    disk = tmp_path / "schijf"
    disk.mkdir()
    with mounted(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], target=disk):
        fill(disk)
        with pytest.raises(StorageError) as error:
            make_engine(f"sqlite:///{disk / 'zet.db'}")
        assert_storage_message(error, disk / "zet.db", "vol")


@needs_root
def test_an_existing_database_on_a_disk_that_filled_up_is_refused(tmp_path):
    disk = tmp_path / "schijf"
    disk.mkdir()
    with mounted(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], target=disk):
        path = migrated_file(disk / "zet.db")
        fill(disk)
        with pytest.raises(StorageError) as error:
            make_engine(f"sqlite:///{path}")
        assert_storage_message(error, path, "vol")


def test_a_missing_folder_is_named(tmp_path):
    path = tmp_path / "weg" / "zet.db"
    with pytest.raises(StorageError) as error:
        make_engine(f"sqlite:///{path}")
    assert_storage_message(error, path, "bestaat niet")


def test_an_unreachable_database_server_is_named_without_its_password():
    with pytest.raises(StorageError) as error:
        make_engine("postgresql+psycopg://zet:geheim@127.0.0.1:9/zet?connect_timeout=2")
    message = str(error.value)
    assert "127.0.0.1:9/zet" in message and "niet bereikbaar" in message
    assert "geheim" not in message
