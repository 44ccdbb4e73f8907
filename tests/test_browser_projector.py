"""The projector read from the back of the room, on the demo data, in Chromium at 1920×1080:
every page of every step has body text of at least 28 px, nothing scrolls or sticks out,
there is no control and no secret in the page. Each step gets its own demo dagdelen, so a
step that fails leaves no room half-way for the next."""
from __future__ import annotations

import pytest
from browser import (
    ARTIFACTS,
    PROJECTOR,
    PROJECTOR_CHECK,
    advance_group,
    demo_point,
    demo_room,
    fresh_demo,
    wait_for,
)

from zet.room import groups, participants
from zet.room.screen_pages import group_pages, screen_target
from zet.room.snapshot import group_snapshot
from zet.steps import Step

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running server on a fresh database, shared by the steps (each has its own room)."""
    with demo_room(tmp_path_factory.mktemp("db")) as running:
        yield running


@pytest.fixture
def room(server):
    """New demo dagdelen for one test, and a projector page of its own."""
    engine, library, paths, base, browser = fresh_demo(server)
    context = browser.new_context(viewport=PROJECTOR)
    yield {"engine": engine, "library": library, "paths": paths, "base": base,
           "page": context.new_page()}
    context.close()


def _group(room):
    code = room["paths"]["uitwisseling"]["projector"].split("code=")[1]
    return screen_target(room["engine"], code, client_key="test").group


def _prepare(room, step: Step) -> None:
    """Bring the demo group to ``step`` with something to show there."""
    advance_group(room["engine"], room["library"], _group(room), step,
                  point_texts=[demo_point(index) for index in range(12)])


def _check_every_page(room, name: str, path: str, pages: int, set_page) -> int:
    """Open every page; returns how many answers the pages showed together."""
    page = room["page"]
    shown = 0
    for index in range(pages):
        set_page(index)
        page.goto(room["base"] + path)
        wait_for(page, "projector", step=name, page=str(index))
        page.evaluate("document.fonts.ready")
        found = page.evaluate(PROJECTOR_CHECK)
        page.screenshot(path=str(ARTIFACTS / f"projector-{name}-{index + 1}.png"))
        where = f"{name}, pagina {index + 1}"
        assert not found["scroll"] and not found["mainOverflow"], f"{where}: scrolt"
        assert not found["small"], f"{where}: te kleine tekst {found['small'][:3]}"
        assert not found["outside"], f"{where}: buiten beeld {found['outside'][:3]}"
        assert not found["clipped"], f"{where}: afgekapt antwoord"
        assert found["buttons"] == 0, f"{where}: bediening op het scherm"
        for secret in room["secrets"]:
            assert secret not in found["html"], f"{where}: geheim op het scherm"
        shown += found["answers"]
    return shown


@pytest.mark.parametrize("step", list(Step), ids=lambda s: s.value)
def test_every_page_of_a_step_reads_from_the_back_of_the_room(room, step):
    engine = room["engine"]
    group = _group(room)
    if step == Step.WERKBLAD:
        path = room["paths"]["werkblad"]["projector"]
        group = screen_target(engine, path.split("code=")[1], client_key="test").group
    else:
        _prepare(room, step)
        path = room["paths"]["uitwisseling"]["projector"]
    room["secrets"] = [group.secret, participants.members_of(engine, group.id)[0].token]
    count = len(group_pages(group_snapshot(engine, room["library"], group.id)))
    if step == Step.UITWISSELING:
        assert count >= 5, "16 antwoorden van 6 rollen passen niet op één scherm per vraag"

    def set_page(index: int) -> None:
        groups.set_screen_page(engine, group.id, index, expected_step=step)

    shown = _check_every_page(room, step.value, path, count, set_page)
    if step == Step.UITWISSELING:
        open_questions = [q for q in room["library"].theme(group.theme_id).vragen
                          if not q.is_closed]
        assert shown >= 16 * len(open_questions), "niet elk antwoord kwam op het scherm"
