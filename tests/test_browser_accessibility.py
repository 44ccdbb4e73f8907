"""WCAG 2.1 AA in a real browser (issue 18): axe-core on every step of every view, Dutch
accessible names for every control, tap targets of at least 44 px on the phone, and the
control view by keyboard. One room per test.

axe-core is the npm package pinned in ``tests/package.json``; ``npm ci --prefix tests``
installs it (the README's test command and ``.ci/run`` do).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import (
    ARTIFACTS,
    PHONE,
    PROJECTOR,
    ROOT,
    demo_room,
    open_as_participant,
    wait_for,
)
from playwright.sync_api import Page, expect

from zet.clock import today
from zet.programme.account_admin import add_account
from zet.programme.tenancy import Viewer
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.dagdelen import create_single_session, get_dagdeel
from zet.steps import STEP_ORDER, Step

pytestmark = pytest.mark.browser
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
CONTROL = {"width": 1280, "height": 800}
TIMEOUT = 30_000
PASSWORD = "toegankelijk wachtwoord"

# Names Streamlit gives in English, or after an icon's file name.
ENGLISH = re.compile(r"\b(icon|Open|Close|Copy to clipboard|Fullscreen|Link to heading|"
                     r"Clear( all| value)?|Show password text|Loading|Running)\b")

_AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
      .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(
          n => n.html.slice(0, 120) + " — " + n.failureSummary.replace(/\\s+/g, " ")).join(" | "));
}"""

# Everything one taps, measured as it is drawn (a radio or checkbox by its whole label).
_SMALL_TARGETS = """() => [...document.querySelectorAll(
    "button, a[href], input, textarea, select, summary, [role=button], [role=combobox]")]
  .map(e => (e.type === "radio" || e.type === "checkbox") ? (e.closest("label") || e) : e)
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden"
               && !e.closest("[data-testid=stSkipToContent], [aria-hidden=true]"))
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 1 && (r.height < 44 || r.width < 44))
  .map(([e, r]) => `${e.tagName} "${(e.getAttribute("aria-label") || e.innerText || "")
      .trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)"""


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    if not AXE.is_file():
        pytest.fail("axe-core ontbreekt: draai `npm ci --prefix tests` (zie README)")
    with demo_room(tmp_path_factory.mktemp("db")) as opened:
        yield opened


_contexts: list = []


@pytest.fixture(autouse=True)
def _close_pages():
    """Close each test's pages after it: open ones keep polling the server."""
    yield
    while _contexts:
        _contexts.pop().close()


def new_page(browser, viewport: dict[str, int], *, phone: bool = False) -> Page:
    """A page on its own context; generous timeouts, the machine may be busy."""
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    context.set_default_timeout(TIMEOUT)
    context.set_default_navigation_timeout(2 * TIMEOUT)
    _contexts.append(context)
    return context.new_page()


def settled(page: Page) -> None:
    """Wait until Streamlit has drawn the run and the names script has done its work."""
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget] "
                           "[data-testid=stStatusWidgetRunningIcon]')", timeout=TIMEOUT)
    page.wait_for_timeout(300)  # one animation frame for the names script, with margin


def axe_problems(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(_AXE_RUN)


def english_names(page: Page) -> list[str]:
    """Lines of the accessibility tree that name something in English."""
    tree = page.locator("body").aria_snapshot()
    return [line.strip() for line in tree.splitlines()
            if ENGLISH.search(line.split(":")[0]) and not line.strip().startswith("- /url")]


def check(page: Page, what: str, *, phone: bool = False) -> None:
    settled(page)
    page.screenshot(path=str(ARTIFACTS / f"a11y-{what}.png"), full_page=True)
    problems = {"axe": axe_problems(page), "english": english_names(page)}
    if phone:
        problems["small"] = page.evaluate(_SMALL_TARGETS)
    assert problems == {key: [] for key in problems}, what


def _session(room, theme_id: str = "beoordelen"):
    engine, library = room[0], room[1]
    created = create_single_session(engine, locatie="Toegankelijk College", datum=today(),
                                    procesbegeleider="Demo Toegang", theme_id=theme_id,
                                    known_themes=set(library.themes))
    dagdeel = get_dagdeel(engine, created.dagdeel.id)
    people = [participants.join(engine, dagdeel, role=role) for role in ROLES[:3]]
    return created, dagdeel, people


def _play_to(room, group_id: int, people, step: Step) -> None:
    """Move the group step by step to ``step``, with answers, points and placements."""
    engine, library = room[0], room[1]
    theme = library.theme(groups.get_group(engine, group_id).theme_id)
    for person in people:
        for question in theme.vragen:
            if question.type == "tekst":
                answers.save_answer(engine, group_id, person.id, question, "Samen op weg")
            elif question.type == "schaal":
                answers.save_answer(engine, group_id, person.id, question, 3)
    current = Step.WERKBLAD
    while current != step:
        following = current.next()
        assert following is not None
        groups.set_step(engine, group_id, following, expected_current=current)
        current = following
        if current == Step.PUNTEN:
            points.contribute(engine, group_id, people[0].id, "sterk", "Heldere rollen")
            points.contribute(engine, group_id, None, "ontwikkel", "Meer tijd samen")
        if current == Step.SCENARIO:
            for person in people:
                scenarios.place(engine, group_id, person.id, nu=2, gewenst=3)


@pytest.mark.parametrize("step", STEP_ORDER, ids=[s.value for s in STEP_ORDER])
def test_every_view_of_a_step_has_no_serious_violations(room, step: Step):
    """Phone, control view and beamer of one step: axe finds nothing serious or critical, no
    control has an English name, and every tap target on the phone is 44 px or more."""
    _engine, _library, _paths, base, browser = room
    created, dagdeel, people = _session(room)
    group_id = created.group_ids[0]
    _play_to(room, group_id, people, step)

    phone = new_page(browser, PHONE, phone=True)
    open_as_participant(phone, base, people[0].token)
    wait_for(phone, "phone-step", step=step.value, timeout=TIMEOUT)
    check(phone, f"phone-{step.value}", phone=True)

    control = new_page(browser, CONTROL)
    control.goto(f"{base}/begeleiden?sleutel={created.group_secrets[0]}")
    wait_for(control, "control-step", step=step.value, timeout=TIMEOUT)
    check(control, f"control-{step.value}")

    beamer = new_page(browser, PROJECTOR)
    beamer.goto(f"{base}/scherm?code={dagdeel.join_code}")
    wait_for(beamer, "projector", timeout=TIMEOUT)
    check(beamer, f"beamer-{step.value}")


def test_joining_has_dutch_names_and_large_tap_targets(room):
    """The code page and the role form: no "Open", fields 44 px or higher."""
    _engine, _library, _paths, base, browser = room
    _created, dagdeel, _people = _session(room)
    page = new_page(browser, PHONE, phone=True)
    page.goto(f"{base}/deelnemen")
    expect(page.get_by_label("Deelnamecode")).to_be_visible(timeout=TIMEOUT)
    check(page, "join-code", phone=True)
    page.goto(f"{base}/deelnemen?code={dagdeel.join_code}")
    expect(page.get_by_role("combobox", name="Wat is je rol?")).to_be_visible(timeout=TIMEOUT)
    check(page, "join-role", phone=True)
    expect(page.get_by_role("button", name="Keuzelijst openen")).to_be_visible()
    page.get_by_role("combobox", name="Wat is je rol?").click()
    page.get_by_role("option", name=ROLES[1], exact=True).click()
    check(page, "join-role-chosen", phone=True)
    page.get_by_role("button", name="Meedoen").click()
    wait_for(page, "phone-step", step="werkblad", timeout=TIMEOUT)


def test_scale_buttons_say_their_place_and_the_scale_ends(room):
    """"1 van 5 — helemaal oneens", and each KOOS pair named after its statement."""
    engine, library, _paths, base, browser = room
    _created, _dagdeel, people = _session(room, "kwaliteitsontwikkeling")
    theme = library.theme("kwaliteitsontwikkeling")
    koos = [q for q in theme.vragen if q.type == "koos"]
    assert koos
    page = new_page(browser, PHONE, phone=True)
    open_as_participant(page, base, people[0].token)
    wait_for(page, "phone-step", step="werkblad", timeout=TIMEOUT)
    settled(page)
    for question in koos:
        for situation in ("Gewenste situatie", "Feitelijke situatie"):
            group = page.get_by_role("radiogroup", name=f"{situation}: {question.vraag}",
                                     exact=True)
            expect(group).to_be_visible()
            expect(group.get_by_role("radio", name=f"1 van 5 — {question.laag}",
                                     exact=True)).to_be_visible()
            expect(group.get_by_role("radio", name="3 van 5", exact=True)).to_be_visible()
            expect(group.get_by_role("radio", name=f"5 van 5 — {question.hoog}",
                                     exact=True)).to_be_visible()
    # a schaal question (beoordelen) is named after the question itself
    _created, _dagdeel, others = _session(room, "beoordelen")
    schaal = next(q for q in library.theme("beoordelen").vragen if q.type == "schaal")
    open_as_participant(page, base, others[0].token)
    wait_for(page, "phone-step", step="werkblad", timeout=TIMEOUT)
    group = page.get_by_role("radiogroup", name=schaal.vraag, exact=True)
    expect(group.get_by_role("radio", name=f"1 van 5 — {schaal.laag}", exact=True)) \
        .to_be_visible(timeout=TIMEOUT)
    # the name is also the tap target: tapping "2 van 5" saves 2
    group.get_by_role("radio", name="2 van 5", exact=True).click()
    page.get_by_text("Opgeslagen").first.wait_for(timeout=TIMEOUT)
    group_id = participants.groups_joined(engine, others[0].id)[0]
    assert answers.own_answers(engine, group_id, others[0].id)[schaal.id] == 2


def _control_at(room, step: Step) -> tuple[int, Page]:
    """A new group played to ``step``, and its control view open at that step."""
    _engine, _library, _paths, base, browser = room
    created, _dagdeel, people = _session(room)
    group_id = created.group_ids[0]
    _play_to(room, group_id, people, step)
    page = new_page(browser, CONTROL)
    page.goto(f"{base}/begeleiden?sleutel={created.group_secrets[0]}")
    wait_for(page, "control-step", step=step.value, timeout=TIMEOUT)
    return group_id, page


def test_point_buttons_on_the_control_view_have_dutch_names(room):
    engine = room[0]
    group_id, page = _control_at(room, Step.PUNTEN)
    for verb in ("bewerken", "omhoog", "omlaag", "verwijderen"):
        expect(page.get_by_role("button", name=f"Sterk punt 1 {verb}", exact=True)) \
            .to_be_visible(timeout=TIMEOUT)
        expect(page.get_by_role("button", name=f"Ontwikkelpunt 1 {verb}", exact=True)) \
            .to_be_visible()
    check(page, "control-punten-names")
    page.get_by_role("button", name="Ontwikkelpunt 1 verwijderen", exact=True).focus()
    page.keyboard.press("Enter")  # by keyboard, too
    expect(page.get_by_role("button", name="Ontwikkelpunt 1 verwijderen", exact=True)) \
        .to_have_count(0, timeout=TIMEOUT)
    assert [p.kind for p in points.working_list(engine, group_id)] == ["sterk"]


def _focus_order(page: Page, stops: int) -> list[str]:
    names = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        names.append(page.evaluate("""() => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
                || style.boxShadow !== "none";
            return (e.getAttribute("aria-label") || e.innerText || e.tagName).trim()
                .replace(/\\s+/g, " ").slice(0, 40) + (ring ? "" : " [geen focusrand]");
        }"""))
    return names


def test_control_view_works_by_keyboard_in_a_sensible_order(room):
    """Tab goes from the skip link to the step buttons, then the beamer's pages; every stop
    shows where the focus is; Enter on the step button moves the group."""
    engine = room[0]
    group_id, page = _control_at(room, Step.UITWISSELING)
    settled(page)
    order = _focus_order(page, 5)
    # the skip link, the page itself (Streamlit lets the keyboard scroll it), the steps
    assert order[0] == "Naar de inhoud" and order[1].startswith("Beoordelen"), order
    assert order[2:4] == ["← Werkblad", "Reflectiekaarten →"], order
    assert not [stop for stop in order if "[geen focusrand]" in stop], order
    page.get_by_role("button", name="Reflectiekaarten →").focus()
    page.keyboard.press("Enter")
    wait_for(page, "control-step", step="reflectiekaarten", timeout=TIMEOUT)
    assert groups.get_group(engine, group_id).step == Step.REFLECTIEKAARTEN


def test_dagdeel_views_have_no_serious_violations(room):
    """The hoofdprocesbegeleider's view, the plenary beamer and a phone waiting for its
    table (the demo dagdeel, used by this test only)."""
    engine, _library, paths, base, browser = room
    page = new_page(browser, CONTROL)
    page.goto(base + paths["dagdeel"]["control"])
    page.get_by_role("tab").first.wait_for(timeout=TIMEOUT)
    check(page, "dagdeel-control")
    for tab in page.get_by_role("tab").all()[1:]:
        tab.click()
        check(page, f"dagdeel-tab-{tab.inner_text().strip()[:12]}")
    beamer = new_page(browser, PROJECTOR)
    beamer.goto(base + paths["dagdeel"]["projector"])
    wait_for(beamer, "projector", timeout=TIMEOUT)
    check(beamer, "dagdeel-beamer")
    from zet.room.dagdelen import find_open_dagdeel
    dagdeel = find_open_dagdeel(engine, paths["dagdeel"]["join"].split("code=")[1])
    person = participants.join(engine, dagdeel, role=ROLES[0])
    phone = new_page(browser, PHONE, phone=True)
    open_as_participant(phone, base, person.token)
    wait_for(phone, "phone-step", timeout=TIMEOUT)
    check(phone, "dagdeel-phone", phone=True)


def test_programma_has_no_serious_violations(room):
    """Login and every tab of the programme manager's page."""
    engine, _library, _paths, base, browser = room
    add_account(engine, Viewer.server(), "Toegang", PASSWORD, beheerder=True)
    page = new_page(browser, PROJECTOR)
    page.goto(f"{base}/programma")
    page.get_by_label("Naam").wait_for(timeout=TIMEOUT)
    check(page, "programma-login")
    page.get_by_label("Naam").fill("Toegang")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("tab").first.wait_for(timeout=TIMEOUT)
    check(page, "programma-overzicht")
    for tab in page.get_by_role("tab").all()[1:]:
        name = tab.inner_text().strip()
        tab.click()
        check(page, f"programma-{name[:12]}")


def test_accessibility_statement_is_there():
    statement = Path(ROOT / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    for part in ("Toegankelijkheidsverklaring", "WCAG 2.1", "EN 301 549", "Melden"):
        assert part in statement
