"""Programme-manager accounts: argon2 hashes, sessions that expire, rate-limited logins, and
``python -m zet account add``."""
from __future__ import annotations

import hashlib
import hmac
import io
from datetime import timedelta

import pytest
from conftest import OPERATOR
from sqlalchemy import select, update

from zet.clock import now, today
from zet.db import make_engine, reading, writing
from zet.db.schema import account_sessies, geheimen, login_pogingen
from zet.db.schema import accounts as accounts_table
from zet.errors import UserError
from zet.operations.cli import main
from zet.operations.retention import purge_if_due
from zet.programme import login_limits
from zet.programme.account_admin import add_account
from zet.programme.accounts import account_for, log_in, log_out

PASSWORD = "correct paard batterij"


def test_password_is_stored_as_an_argon2_hash(engine):
    add_account(engine, OPERATOR, "Els Jansen", PASSWORD)
    with reading(engine) as conn:
        stored = conn.execute(select(accounts_table.c.password_hash)).scalar()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    with pytest.raises(UserError, match="al een account"):
        add_account(engine, OPERATOR, "els jansen", PASSWORD + "x")
    with pytest.raises(UserError, match="minstens 10 tekens"):
        add_account(engine, OPERATOR, "Piet", "kort")


def test_a_session_opens_expires_and_closes(engine):
    add_account(engine, OPERATOR, "Els", PASSWORD)
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


def _fail(engine, naam, client, times, **kwargs):
    for _ in range(times):
        with pytest.raises(UserError, match="klopt niet"):
            log_in(engine, naam, "fout wachtwoord", client=client, **kwargs)


def test_a_strangers_wrong_passwords_do_not_lock_the_manager_out(engine):
    """The old limit counted per name: five wrong passwords from anywhere locked the name,
    the right password included."""
    add_account(engine, OPERATOR, "Els", PASSWORD)
    _fail(engine, "Els", "203.0.113.9", login_limits.FAILS_PER_NAME_AND_CLIENT)
    with pytest.raises(UserError, match="Te veel mislukte pogingen vanaf dit apparaat"):
        log_in(engine, "Els", PASSWORD, client="203.0.113.9")  # the stranger's client waits
    waited: list[float] = []
    assert log_in(engine, "Els", PASSWORD, client="198.51.100.7", sleep=waited.append)
    assert waited == [login_limits.SLOW_DELAY]  # the name is under attack: slowed, not shut


def test_a_client_that_tries_many_names_waits_and_the_others_go_on(engine):
    add_account(engine, OPERATOR, "Ruud", PASSWORD)
    for i in range(login_limits.FAILS_PER_CLIENT):
        _fail(engine, f"raad{i}", "laptop", 1)
    with pytest.raises(UserError, match="Te veel mislukte pogingen"):
        log_in(engine, "Ruud", PASSWORD, client="laptop")
    assert log_in(engine, "Ruud", PASSWORD, client="telefoon", sleep=lambda _s: None)
    with pytest.raises(UserError, match="klopt niet"):
        log_in(engine, "Niemand", PASSWORD)  # an unknown name says the same as a wrong one


def test_the_global_ceiling_only_slows_down(engine, monkeypatch):
    monkeypatch.setattr(login_limits, "SLOW_OVERALL", 6)
    add_account(engine, OPERATOR, "Els", PASSWORD)
    for i in range(6):
        _fail(engine, f"naam{i}", f"client{i}", 1)
    waited: list[float] = []
    assert log_in(engine, "Els", PASSWORD, client="eigen laptop", sleep=waited.append)
    assert waited == [login_limits.SLOW_DELAY]


def test_attempts_are_stored_as_keyed_hashes_and_deleted_after_the_window(engine):
    address = "192.0.2.44"
    _fail(engine, "Els Jansen", address, 2)
    with reading(engine) as conn:
        rows = conn.execute(select(login_pogingen)).all()
        key = conn.execute(select(geheimen.c.waarde)).scalar_one()
    assert len(rows) == 2 and key
    stored = " ".join(f"{r.naam} {r.client}" for r in rows)
    plain = hashlib.sha256(address.encode()).hexdigest()
    assert "Els" not in stored and "els jansen" not in stored and address not in stored
    assert plain[:32] not in stored
    expected = hmac.new(bytes.fromhex(key), f"client:{address}".encode(),
                        hashlib.sha256).hexdigest()
    assert rows[0].client == expected  # an HMAC under the server's key, not a plain hash
    later = now() + login_limits.FAIL_WINDOW + timedelta(seconds=1)
    assert login_limits.forget_old_attempts(engine, later) == 2
    with reading(engine) as conn:
        assert conn.execute(select(login_pogingen)).all() == []


def test_the_daily_run_deletes_old_login_attempts(engine):
    _fail(engine, "Els", "laptop", 1)
    with writing(engine) as conn:
        conn.execute(update(login_pogingen).values(
            at=now() - login_limits.FAIL_WINDOW - timedelta(minutes=1)))
    assert purge_if_due(engine, today() + timedelta(days=400)) is not None
    with reading(engine) as conn:
        assert conn.execute(select(login_pogingen)).all() == []


def test_the_address_behind_the_proxy_is_the_one_it_added():
    assert login_limits.client_address("127.0.0.1", "6.6.6.6, 192.0.2.1") == "192.0.2.1"
    assert login_limits.client_address("192.0.2.8", "6.6.6.6") == "192.0.2.8"  # no proxy
    assert login_limits.client_address("::1", None) == "::1"
    assert login_limits.client_address(None, None) == ""


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
    assert capsys.readouterr().out.splitlines() == ["Els Jansen\tnog geen opleidingsschool"]
