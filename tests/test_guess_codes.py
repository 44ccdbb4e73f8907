"""Guessing join codes at the beamer and the phone: one guarded lookup for both (issue 24).

The domain tests make 300 guesses, as the probe did; the page tests make enough to pass the
limit. ``bench/guess_codes.py`` does the same over the websocket protocol."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_pages import env, htmls, open_page, texts  # noqa: F401  (env is a fixture)

from zet.errors import Closed, NotFound
from zet.roles import ROLES
from zet.room import participants, rounds, throttle
from zet.room.dagdelen import GroupPlan, RoundPlan, close_dagdeel, create_dagdeel, find_open_dagdeel
from zet.room.screen_pages import screen_target
from zet.room.throttle import TooManyAttempts, find_open_dagdeel_guarded

ROOT = Path(__file__).resolve().parent.parent
REFUSED = "Te veel verkeerde codes"


def wrong_codes(real: str, count: int) -> list[str]:
    alphabet = "ACDEFGHJKMNPQRTUVWXY"
    codes = [f"Q{alphabet[i // 20 % 20]}{alphabet[i % 20]}{alphabet[i // 400 % 20]}Q"
             for i in range(count + 1)]
    return [code for code in codes if code != real][:count]


def two_tables(engine):
    return create_dagdeel(engine, locatie="De Brug", datum=_today(), rounds=[RoundPlan(groups=(
        GroupPlan(theme_id="proef", procesbegeleider="Anna", label="A"),
        GroupPlan(theme_id="proef", procesbegeleider="Bram", label="B")))])


def _today():
    from zet.clock import today
    return today()


def lookups():
    """The beamer's and the phone's way from a code to a dagdeel."""
    return {
        "beamer": lambda engine, code, client: screen_target(engine, code, "",
                                                             client_key=client).dagdeel_id,
        "phone": lambda engine, code, client: find_open_dagdeel_guarded(engine, code,
                                                                        client).id,
    }


@pytest.mark.parametrize("route", ["beamer", "phone"])
def test_300_guesses_are_refused_after_the_limit_and_a_second_client_gets_in(engine, session,
                                                                            route):
    lookup = lookups()[route]
    real = session.dagdeel.join_code
    guesses = wrong_codes(real, 300)
    guesses[249] = real  # the real code as guess 250, as in the probe
    refused = []
    for number, code in enumerate(guesses, start=1):
        try:
            lookup(engine, code, "stranger")
        except TooManyAttempts:
            refused.append(number)
        except NotFound:
            pass
    assert refused == list(range(throttle.joins.per_client + 1, 301))  # the real one too
    assert lookup(engine, real, "a-second-client") == session.dagdeel.id


@pytest.mark.parametrize("route", ["beamer", "phone"])
def test_the_same_wrong_code_again_is_one_guess_not_one_per_run(engine, session, route):
    lookup = lookups()[route]
    for _ in range(30):  # a beamer redrawing a mistyped address every second
        with pytest.raises(NotFound):
            lookup(engine, "QQQQQ", "beamer-1")
    assert lookup(engine, session.dagdeel.join_code, "beamer-1") == session.dagdeel.id


def test_a_closed_dagdeel_is_not_found_by_the_beamer(engine, session):
    close_dagdeel(engine, session.dagdeel.id)
    with pytest.raises(Closed):
        screen_target(engine, session.dagdeel.join_code, "", client_key="beamer")


def test_no_code_is_looked_up_outside_the_guarded_function():
    """One way from a code to a dagdeel: the query lives in zet/room/dagdelen.py, and only
    zet/room/throttle.py calls it."""
    query, calls = re.compile(r"join_code\s*==\s*"), re.compile(r"\bfind_open_dagdeel\(")
    for path in [*ROOT.glob("zet/**/*.py"), *ROOT.glob("ui/**/*.py"),
                 *ROOT.glob("pages/*.py")]:
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        if query.search(source):
            assert name == "zet/room/dagdelen.py", name
        if calls.search(source):
            assert name in ("zet/room/dagdelen.py", "zet/room/throttle.py"), name


@pytest.fixture
def page_session(env):  # noqa: F811
    """A session in the database the pages use (``env``), whatever ``engine`` runs on."""
    from zet.room.dagdelen import create_single_session

    return create_single_session(env, locatie="Het Kompas", datum=_today(),
                                 procesbegeleider="Anna de Vries", theme_id="proef")


@pytest.mark.parametrize("page", ["pages/scherm.py", "pages/deelnemen.py"])
def test_the_page_refuses_a_guesser_while_another_device_gets_in(page_session, page,
                                                                 monkeypatch):
    real = page_session.dagdeel.join_code
    at = open_page(page, code="QQQQQ")
    for code in wrong_codes(real, throttle.joins.per_client + 2):
        at.query_params["code"] = code
        at.run()
    shown = texts(at) + htmls(at)
    assert REFUSED in shown
    at.query_params["code"] = real
    at.run()
    assert REFUSED in texts(at) + htmls(at)  # this guesser, even with the right code
    # AppTest gives every test session the same id: the other device says who it is.
    monkeypatch.setattr("ui.resources.client_key", lambda: "127.0.0.1:another-device")
    other = open_page(page, code=real)
    assert REFUSED not in texts(other) + htmls(other)
    assert ("data-step='werkblad'" in htmls(other) if page == "pages/scherm.py"
            else "Welkom bij ZET" in texts(other))


@pytest.mark.parametrize("page", ["pages/scherm.py", "pages/deelnemen.py"])
def test_a_page_rerun_with_one_wrong_code_counts_it_once(env, session, page):  # noqa: F811
    at = open_page(page, code="QQQQQ")
    for _ in range(throttle.joins.per_client + 3):
        at.run()
    assert REFUSED not in texts(at) + htmls(at)


def test_the_beamer_of_a_closed_dagdeel_with_tables_shows_no_round_code_or_names(env):  # noqa: F811
    created = two_tables(env)
    for initials in ("XQ", "YW"):
        participants.join(env, created.dagdeel, role=ROLES[0], initials=initials)
    rounds.propose_round(env, created.dagdeel.id, 1)
    rounds.start_round(env, created.dagdeel.id, 1)
    code = created.dagdeel.join_code
    before = htmls(open_page("pages/scherm.py", code=code))
    assert "Ronde 1" in before and code in before and "Anna" in before  # before the close
    close_dagdeel(env, created.dagdeel.id)
    with pytest.raises(NotFound):
        find_open_dagdeel(env, code)
    for tafel in ("", "A"):
        wall = htmls(open_page("pages/scherm.py", code=code, **({"tafel": tafel} if tafel
                                                               else {})))
        assert "Deze sessie is afgesloten" in wall
        assert code not in wall and "Ronde 1" not in wall and "Anna" not in wall
