"""Guessing: wrong join codes and organiser passwords are rate-limited."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from zet.config import ConfigError, load_settings
from zet.errors import NotFound, UserError
from zet.room import throttle
from zet.room.access import check_organiser_password, creation_requires_login
from zet.room.throttle import JOIN_MESSAGE, Throttle, TooManyAttempts, find_open_dagdeel_guarded


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make(clock, **kwargs) -> Throttle:
    options = {"per_client": 3, "overall": 10, "window": 60, "message": JOIN_MESSAGE}
    return Throttle(clock=clock, **{**options, **kwargs})


def test_a_client_is_blocked_after_too_many_failures_and_free_again_after_the_window():
    clock = FakeClock()
    limiter = make(clock)
    for _ in range(3):
        limiter.check("phone-1")
        limiter.record_failure("phone-1")
    with pytest.raises(TooManyAttempts, match="Wacht een minuut") as blocked:
        limiter.check("phone-1")
    assert isinstance(blocked.value, UserError)
    limiter.check("phone-2")  # someone else is not blocked by one guesser
    clock.t += 61
    limiter.check("phone-1")


def test_failures_spread_over_many_keys_hit_the_overall_bound():
    clock = FakeClock()
    limiter = make(clock)
    for i in range(10):
        limiter.record_failure(f"fresh-session-{i}")  # a guesser changing keys
    with pytest.raises(TooManyAttempts):
        limiter.check("never-seen-before")
    clock.t += 61
    limiter.check("never-seen-before")


def test_memory_stays_bounded_under_a_flood_of_keys():
    clock = FakeClock()
    limiter = make(clock, overall=50, max_keys=100)
    for i in range(5000):
        clock.t += 0.001
        limiter.record_failure(f"k{i}")
    assert len(limiter._by_key) <= 100
    assert len(limiter._all) <= 50
    clock.t += 61
    limiter.record_failure("late")
    assert list(limiter._by_key) == ["late"]


def test_the_limiter_is_thread_safe():
    limiter = Throttle(per_client=10_000, overall=10_000, window=60, message=JOIN_MESSAGE)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: limiter.record_failure(f"k{i % 7}"), range(4000)))
    assert len(limiter._all) == 4000
    assert sum(len(s) for s in limiter._by_key.values()) == 4000


def test_the_phone_lookup_counts_wrong_codes_but_not_an_empty_field(engine, session):
    for _ in range(20):
        with pytest.raises(NotFound, match="Vul de deelnamecode in"):
            find_open_dagdeel_guarded(engine, "  ", "phone")
    for wrong in "QWERT"[:throttle.joins.per_client]:
        with pytest.raises(NotFound):
            find_open_dagdeel_guarded(engine, f"QQQQ{wrong}", "phone")
    with pytest.raises(TooManyAttempts, match="Te veel verkeerde codes geprobeerd"):
        find_open_dagdeel_guarded(engine, session.dagdeel.join_code, "phone")
    found = find_open_dagdeel_guarded(engine, session.dagdeel.join_code, "other-phone")
    assert found.id == session.dagdeel.id


def test_organiser_password_is_checked_in_constant_time_and_rate_limited():
    settings = load_settings({"ZET_DATABASE_URL": "sqlite://",
                              "ZET_ORGANISATOR_WACHTWOORD": "Lange zin als wachtwoord"})
    assert "Lange zin" not in repr(settings)  # never printed with the settings
    assert check_organiser_password(settings, "Lange zin als wachtwoord", "laptop")
    assert not check_organiser_password(settings, "lange zin als wachtwoord", "laptop")
    for _ in range(throttle.logins.per_client):
        check_organiser_password(settings, "fout", "guesser")
    with pytest.raises(TooManyAttempts):
        check_organiser_password(settings, "Lange zin als wachtwoord", "guesser")
    unset = load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_ORGANISATOR_WACHTWOORD": " "})
    assert unset.organiser_password is None
    assert not check_organiser_password(unset, "", "laptop")
    assert not check_organiser_password(unset, " ", "laptop")


def test_an_organiser_password_is_as_long_as_an_account_password():
    from zet.programme.accounts import MIN_PASSWORD

    with pytest.raises(ConfigError, match=f"minstens {MIN_PASSWORD} tekens"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_ORGANISATOR_WACHTWOORD": "x"})
    short = "a" * (MIN_PASSWORD - 1)
    with pytest.raises(ConfigError, match="ZET_ORGANISATOR_WACHTWOORD"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_ORGANISATOR_WACHTWOORD": short})
    settings = load_settings({"ZET_DATABASE_URL": "sqlite://",
                              "ZET_ORGANISATOR_WACHTWOORD": short + "a"})
    assert settings.organiser_password == short + "a"


def test_creating_is_open_on_a_laptop_and_needs_a_login_behind_a_public_url():
    laptop = load_settings({"ZET_DATABASE_URL": "sqlite://"})
    assert not creation_requires_login(laptop)
    assert creation_requires_login(load_settings({"ZET_DATABASE_URL": "sqlite://",
                                                  "ZET_AANMAKEN": "login"}))
    server = load_settings({"ZET_DATABASE_URL": "sqlite://",
                            "ZET_PUBLIC_URL": "https://zet.example.nl"})
    assert creation_requires_login(server)
    with pytest.raises(ConfigError, match="ZET_PUBLIC_URL"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_PUBLIC_URL": "https://x.nl",
                       "ZET_AANMAKEN": "open"})
    with pytest.raises(ConfigError, match="ZET_AANMAKEN"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_AANMAKEN": "iedereen"})


def test_limits_have_sane_defaults_and_refuse_nonsense():
    limits = load_settings({"ZET_DATABASE_URL": "sqlite://"}).limits
    assert (limits.close_after_days, limits.max_participants, limits.max_points,
            limits.retention_days) == (1, 600, 30, 30)
    custom = load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_SLUIT_NA_DAGEN": "3",
                            "ZET_MAX_DEELNEMERS": "40", "ZET_MAX_PUNTEN": "5",
                            "ZET_BEWAARTERMIJN_DAGEN": "365"}).limits
    assert (custom.close_after_days, custom.max_participants, custom.max_points,
            custom.retention_days) == (3, 40, 5, 365)
    with pytest.raises(ConfigError, match="ZET_MAX_DEELNEMERS"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_MAX_DEELNEMERS": "veel"})
    with pytest.raises(ConfigError, match="minstens 1"):
        load_settings({"ZET_DATABASE_URL": "sqlite://", "ZET_SLUIT_NA_DAGEN": "0"})


def test_a_stranger_guessing_from_many_phones_cannot_keep_a_right_code_out(engine, session):
    """The overall bound only slows lookups down; it never refuses the right code."""
    waits: list[float] = []
    for number in range(throttle.joins.overall + 5):
        with pytest.raises(NotFound):
            find_open_dagdeel_guarded(engine, "QQQQQ", f"stranger-{number}", sleep=waits.append)
    assert throttle.joins.saturated() and waits  # guessing is slowed down
    found = find_open_dagdeel_guarded(engine, session.dagdeel.join_code, "a-new-phone",
                                      sleep=waits.append)
    assert found.id == session.dagdeel.id
