"""Backup while the room keeps writing, and restoring the copy."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from zet.db import make_engine, reading
from zet.db.schema import antwoorden, bijdragen, deelnemers, punten
from zet.errors import UserError
from zet.operations.backup import NotSQLite, backup_sqlite
from zet.roles import ROLES
from zet.room import answers, groups, participants, points
from zet.room.dagdelen import create_single_session
from zet.steps import Step

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def live(tmp_path, library):
    """A SQLite session with ten participants, and writers that keep going in threads."""
    path = tmp_path / "zet.db"
    engine = make_engine(f"sqlite:///{path}")
    session = create_single_session(engine, locatie="Live", datum=date(2026, 11, 30),
                                    procesbegeleider="P", theme_id="proef")
    group_id = session.group_ids[0]
    people = [participants.join(engine, session.dagdeel, role=ROLES[i % len(ROLES)])
              for i in range(10)]
    question = library.theme("proef").question("beeld")
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
        groups.set_step(engine, group_id, step, expected_current=step.previous())
    stop = threading.Event()

    def keep_writing(person):
        n = 0
        while not stop.is_set():
            n += 1
            points.contribute(engine, group_id, person.id, "sterk", f"punt {n} van {person.id}",
                              max_points=10**9)
            answers.save_answer(engine, group_id, person.id, question, f"versie {n}")

    writers = [threading.Thread(target=keep_writing, args=(p,)) for p in people]
    for writer in writers:
        writer.start()
    yield path, engine, group_id
    stop.set()
    for writer in writers:
        writer.join()
    engine.dispose()


def counts(engine) -> dict[str, int]:
    with reading(engine) as conn:
        return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (deelnemers, bijdragen, punten, antwoorden)}


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the writers did not get going"
        time.sleep(0.05)


def test_backups_during_writes_are_whole_transactions_and_restore(live, tmp_path):
    path, engine, group_id = live
    copies = []
    for number in range(3):
        wait_for(lambda n=number: counts(engine)["bijdragen"] >= 20 * (n + 1)
                 and counts(engine)["antwoorden"] == 10)
        made = backup_sqlite(f"sqlite:///{path}", tmp_path / f"kopie-{number}.db")
        copies.append(made)
    for made in copies:
        # Restoring: the single file on its own, in a fresh place, opened as the app would.
        restored_dir = tmp_path / f"terug-{made.path.stem}"
        restored_dir.mkdir()
        restored = restored_dir / "zet.db"
        shutil.copyfile(made.path, restored)
        assert not Path(f"{made.path}-wal").exists()
        with sqlite3.connect(restored) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copy_engine = make_engine(f"sqlite:///{restored}")
        rows = counts(copy_engine)
        # Every contribution lands in the list in the same transaction: a torn copy would
        # show one without the other.
        assert rows["bijdragen"] == rows["punten"] == made.rows["bijdragen"] > 0
        assert rows["deelnemers"] == 10 and rows["antwoorden"] == 10
        assert len(points.working_list(copy_engine, group_id)) == rows["punten"]
        copy_engine.dispose()
    assert copies[0].rows["bijdragen"] <= copies[-1].rows["bijdragen"]
    assert copies[-1].rows["bijdragen"] <= counts(engine)["bijdragen"]


def test_a_backup_never_overwrites_a_file(tmp_path):
    path = tmp_path / "zet.db"
    make_engine(f"sqlite:///{path}").dispose()
    existing = tmp_path / "al-daar.db"
    existing.write_text("belangrijk")
    with pytest.raises(UserError, match="bestaat al"):
        backup_sqlite(f"sqlite:///{path}", existing)
    assert existing.read_text() == "belangrijk"


def test_postgresql_points_to_pg_dump_without_the_password():
    with pytest.raises(NotSQLite) as error:
        backup_sqlite("postgresql+psycopg://zet:geheim@db.example:5432/zet", Path("x.dump"))
    message = str(error.value)
    assert "pg_dump" in message and "pg_restore" in message and "geheim" not in message


def test_the_command_line_makes_a_checked_copy(tmp_path):
    path = tmp_path / "zet.db"
    make_engine(f"sqlite:///{path}").dispose()
    env = {**os.environ, "ZET_DATABASE_URL": f"sqlite:///{path}"}
    done = subprocess.run([sys.executable, "-m", "zet", "backup", str(tmp_path / "b.db")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "gecontroleerd" in done.stdout and (tmp_path / "b.db").is_file()
    env["ZET_DATABASE_URL"] = "postgresql+psycopg://zet@127.0.0.1:9/zet"
    refused = subprocess.run([sys.executable, "-m", "zet", "backup", str(tmp_path / "p.db")],
                             cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 2 and "pg_dump" in refused.stderr
