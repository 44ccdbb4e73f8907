"""Programme-manager accounts: argon2 hashes, sessions that expire, rate-limited logins, and
``python -m zet account add``."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from zet import accounts
from zet.accounts import account_for, add_account, log_in, log_out
from zet.cli import main
from zet.clock import now
from zet.db import make_engine, reading, writing
from zet.db.schema import account_sessies
from zet.db.schema import accounts as accounts_table
from zet.errors import UserError

PASSWORD = "correct paard batterij"


def test_password_is_stored_as_an_argon2_hash(engine):
    add_account(engine, "Els Jansen", PASSWORD)
    with reading(engine) as conn:
        stored = conn.execute(select(accounts_table.c.password_hash)).scalar()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    with pytest.raises(UserError, match="al een account"):
        add_account(engine, "els jansen", PASSWORD + "x")
    with pytest.raises(UserError, match="minstens 10 tekens"):
        add_account(engine, "Piet", "kort")


def test_a_session_opens_expires_and_closes(engine):
    add_account(engine, "Els", PASSWORD)
    token = log_in(engine, "els", PASSWORD)
    assert account_for(engine, token).naam == "Els"
    assert account_for(engine, token + "x") is None
    with reading(engine) as conn:  # only the hash of the token is kept
        assert conn.execute(select(account_sessies.c.token_hash)).scalar() != token
    with writing(engine) as conn:
        conn.execute(update(account_sessies).values(expires_at=now() - timedelta(seconds=1)))
    assert account_for(engine, token) is None
    second = log_in(engine, "Els", PASSWORD)
    log_out(engine, second)
    assert account_for(engine, second) is None


def test_failed_logins_are_rate_limited_per_name_and_client(engine):
    add_account(engine, "Els", PASSWORD)
    add_account(engine, "Ruud", PASSWORD)
    for _ in range(accounts.FAILS_PER_NAME):
        with pytest.raises(UserError, match="klopt niet"):
            log_in(engine, "Els", "fout wachtwoord", client="laptop")
    with pytest.raises(UserError, match="Te veel mislukte pogingen"):
        log_in(engine, "Els", PASSWORD, client="elders")  # even the right password waits
    assert log_in(engine, "Ruud", PASSWORD, client="elders")  # other names go on
    for i in range(accounts.FAILS_PER_CLIENT - accounts.FAILS_PER_NAME):
        with pytest.raises(UserError, match="klopt niet"):
            log_in(engine, f"raad{i}", "x", client="laptop")
    with pytest.raises(UserError, match="Te veel mislukte pogingen"):
        log_in(engine, "Ruud", PASSWORD, client="laptop")
    with pytest.raises(UserError, match="klopt niet"):
        log_in(engine, "Niemand", PASSWORD)  # an unknown name says the same as a wrong one


def test_the_command_line_makes_an_account_from_stdin(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ZET_DATABASE_URL", url)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["account", "add", "Els Jansen"]) == 0
    assert "Account gemaakt: Els Jansen" in capsys.readouterr().out
    assert log_in(make_engine(url), "Els Jansen", PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert main(["account", "add", "Piet"]) == 1
    assert "minstens 10 tekens" in capsys.readouterr().err
    assert main(["account", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Els Jansen"]
