"""The beamer's optional "Wat de quickscan zei" page in a theme's Uitwisseling."""
from __future__ import annotations

from ui.projector.render import group_page_html
from zet.roles import ROLES
from zet.room import groups
from zet.room.quickscan import open_quickscan, rate, start
from zet.room.screen_pages import group_pages
from zet.room.snapshot import group_snapshot
from zet.steps import Step


def _fill(engine, library, scan_id, role, count):
    koos = next(i for i in library.quickscan if i.id == "proef-koos")
    for _ in range(count):
        person = start(engine, scan_id, role=role)
        rate(engine, person.token, koos, "gewenst", 5)
        rate(engine, person.token, koos, "feitelijk", 2)


def _pages(engine, library, session):
    state = group_snapshot(engine, library, session.group_ids[0])
    return state, group_pages(state)


def test_the_page_appears_once_a_role_group_has_three_answers(engine, library, session):
    groups.set_step(engine, session.group_ids[0], Step.UITWISSELING,
                    expected_current=Step.WERKBLAD)
    assert "quickscan" not in [p.kind for p in _pages(engine, library, session)[1]]
    scan = open_quickscan(engine, session.dagdeel.id, ["proef"],
                          known_themes=set(library.themes))
    _fill(engine, library, scan.id, ROLES[0], 2)
    assert "quickscan" not in [p.kind for p in _pages(engine, library, session)[1]]
    _fill(engine, library, scan.id, ROLES[1], 1)  # a third student or starting teacher
    _fill(engine, library, scan.id, ROLES[7], 1)  # one schoolleider: left out
    state, pages = _pages(engine, library, session)
    assert pages[-1].kind == "quickscan" and pages[-1].title == "Wat de quickscan zei"
    html = group_page_html(state, pages[-1], join_code="X", join_url="http://x/deelnemen")
    assert "Studenten en startende leraren" in html and "3 mensen" in html
    assert "Schoolleiding" not in html and "verschil +3,0" in html
    assert "Rolgroepen met minder dan 3 mensen staan er niet apart in." in html


def test_not_in_other_steps_nor_for_a_theme_left_out(engine, library, session):
    scan = open_quickscan(engine, session.dagdeel.id, ["proef"],
                          known_themes=set(library.themes))
    _fill(engine, library, scan.id, ROLES[0], 3)
    open_quickscan(engine, session.dagdeel.id, ["proef-twee"], known_themes=set(library.themes))
    groups.set_step(engine, session.group_ids[0], Step.UITWISSELING,
                    expected_current=Step.WERKBLAD)
    assert "quickscan" not in [p.kind for p in _pages(engine, library, session)[1]]
    open_quickscan(engine, session.dagdeel.id, ["proef"], known_themes=set(library.themes))
    assert _pages(engine, library, session)[1][-1].kind == "quickscan"
    groups.set_step(engine, session.group_ids[0], Step.REFLECTIEKAARTEN,
                    expected_current=Step.UITWISSELING)
    assert "quickscan" not in [p.kind for p in _pages(engine, library, session)[1]]


def test_the_procesbegeleider_can_open_the_werkblad_step_with_the_quickscan(engine, library,
                                                                          session):
    group_id = session.group_ids[0]
    scan = open_quickscan(engine, session.dagdeel.id, ["proef"],
                          known_themes=set(library.themes))
    _fill(engine, library, scan.id, ROLES[0], 3)
    assert [p.kind for p in _pages(engine, library, session)[1]] == ["werkblad"]  # off
    groups.set_screen_page(engine, group_id, 3, expected_step=Step.WERKBLAD)
    groups.set_quickscan_first(engine, group_id, True)
    state, pages = _pages(engine, library, session)
    assert [p.kind for p in pages] == ["quickscan", "werkblad"]
    assert state.group.quickscan_first and state.group.screen_page == 0  # on the wall now
    html = group_page_html(state, pages[0], join_code="X", join_url="http://x/deelnemen")
    assert "Wat de quickscan zei" in html and "3 mensen" in html
    assert "Neem het mee in je werkblad." in html
    groups.set_screen_page(engine, group_id, 1, expected_step=Step.WERKBLAD)
    groups.set_quickscan_first(engine, group_id, False)
    state, pages = _pages(engine, library, session)
    assert [p.kind for p in pages] == ["werkblad"] and state.group.screen_page == 0
    # switched on without enough answers on the theme: no empty page
    open_quickscan(engine, session.dagdeel.id, ["proef-twee"], known_themes=set(library.themes))
    groups.set_quickscan_first(engine, group_id, True)
    assert [p.kind for p in _pages(engine, library, session)[1]] == ["werkblad"]
    # the Uitwisseling keeps its page at the end whatever the switch says
    open_quickscan(engine, session.dagdeel.id, ["proef"], known_themes=set(library.themes))
    groups.set_step(engine, group_id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    assert _pages(engine, library, session)[1][-1].kind == "quickscan"
