"""Helpers for browser journeys: a real Streamlit server and Debian's Chromium."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = ROOT / "test-artifacts"
# A loaded machine (load average 20 on two cores) took over 60 s to start a server.
STARTUP_SECONDS = 240


def open_as_participant(page, base: str, token: str) -> None:
    """Open the phone page as a participant who joined on this browser before: the identity
    is the HttpOnly cookie ``web.phone`` sets, never a part of the address."""
    from web.phone import COOKIE

    page.context.add_cookies([{"name": COOKIE, "value": token, "url": base,
                               "httpOnly": True, "sameSite": "Strict"}])
    page.goto(f"{base}/deelnemen")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    base: str
    log: IO[str]


def start_streamlit(env_overrides: dict[str, str], port: int | None = None) -> Server:
    """Start ``streamlit run zet_app.py`` (on a free port unless given); returns once healthy."""
    port = port or free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    env = {**os.environ, **env_overrides}
    log = open(ARTIFACTS / f"streamlit-{port}.log", "a")  # noqa: SIM115 (closed in stop)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "zet_app.py", "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return server
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop_streamlit(server)
            raise RuntimeError(f"Streamlit did not start; see {log.name}")
        time.sleep(0.2)


def stop_streamlit(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
    server.log.close()


@contextmanager
def streamlit_server(env_overrides: dict[str, str]):
    """A running server for the duration of the block; yields its base URL."""
    server = start_streamlit(env_overrides)
    try:
        yield server.base
    finally:
        stop_streamlit(server)


def cpu_throttle() -> float:
    """The load mode: ``ZET_TEST_CPU_THROTTLE=4`` runs every page's scripts four times
    slower (a cheap phone or a busy laptop); 1 (unset) is the machine's own speed."""
    return float(os.environ.get("ZET_TEST_CPU_THROTTLE") or 1)


class _Throttled:
    """A Playwright browser or context whose every new page runs at ``cpu_throttle()``
    (CDP ``Emulation.setCPUThrottlingRate``); everything else is the wrapped object's."""

    def __init__(self, wrapped, rate: float):
        self._wrapped, self._rate = wrapped, rate

    def __getattr__(self, name: str):
        return getattr(self._wrapped, name)

    def new_context(self, **options):
        return _Throttled(self._wrapped.new_context(**options), self._rate)

    def new_page(self, **options):
        page = self._wrapped.new_page(**options)
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                                {"rate": self._rate})
        return page


def launch_chromium(playwright):
    """Debian's Chromium, headless; in the load mode (``cpu_throttle``) with every page
    slowed down."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium ontbreekt: installeer het Debian-pakket 'chromium'.")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                         headless=True)
    rate = cpu_throttle()
    return _Throttled(browser, rate) if rate > 1 else browser


def wait_for(on, testid: str, timeout: int = 20_000, **attributes: str):
    """Wait until an element with this test id (and these data-* values) is in the page:
    waiting on the app's own state, not on a fixed time."""
    selector = f"[data-testid='{testid}']" + "".join(
        f"[data-{name.replace('_', '-')}='{value}']" for name, value in attributes.items())
    on.locator(selector).first.wait_for(state="attached", timeout=timeout)
    return on.locator(selector).first


def wait_until_idle(page, timeout: int = 60_000) -> None:
    """Wait until Streamlit runs no script for this page (its status widget is gone): a
    click during a rerun can land on an element that the rerun is about to replace."""
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=timeout)


# Everything that makes a projector page unreadable or unsafe, measured in the browser.
PROJECTOR_CHECK = """() => {
  const root = document.querySelector("[data-testid='projector']");
  const texts = [...root.querySelectorAll("*")].filter(e => [...e.childNodes].some(
      n => n.nodeType === 3 && n.textContent.trim()));
  const small = texts.map(e => [parseFloat(getComputedStyle(e).fontSize), e.textContent.trim()])
      .filter(([size]) => size < 28).map(([size, text]) => `${size}px: ${text.slice(0, 40)}`);
  const outside = [...root.querySelectorAll("[data-testid='answer'], h2, h3, li, p")]
      .map(e => [e.getBoundingClientRect(), e.textContent.trim().slice(0, 40)])
      .filter(([r]) => r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.left < -1)
      .map(([r, text]) => text);
  const clipped = [...root.querySelectorAll("[data-testid='answer']")]
      .filter(e => e.scrollHeight > e.clientHeight + 1).length;
  const main = root.querySelector(".zp-main");
  return {scroll: document.scrollingElement.scrollHeight > innerHeight + 1,
          mainOverflow: main ? main.scrollHeight > main.clientHeight + 1 : false,
          small, outside, clipped,
          buttons: [...document.querySelectorAll("button, input, textarea, select, a[href]")]
              .filter(e => getComputedStyle(e).display !== "none").length,
          answers: root.querySelectorAll("[data-testid='answer']").length,
          html: document.documentElement.outerHTML};
}"""


@contextmanager
def demo_room(db_dir: Path, env: dict[str, str] | None = None):
    """The demo dagdelen (``python -m zet demo``) on a fresh database, a server on them and
    Chromium: yields (engine, library, paths, base url, browser)."""
    from playwright.sync_api import sync_playwright

    from zet.content import load_library
    from zet.db import make_engine
    from zet.operations.demo import add_demo

    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{db_dir / 'zet.db'}"
    engine = make_engine(url)
    library = load_library(ROOT / "content")
    paths = add_demo(engine, library)
    settings = {"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(ROOT / "content"), **(env or {})}
    try:
        with streamlit_server(settings) as base, sync_playwright() as pw:
            browser = launch_chromium(pw)
            yield engine, library, paths, base, browser
            browser.close()
    finally:
        engine.dispose()


def fresh_demo(server: tuple):
    """New demo dagdelen on a ``demo_room``'s server, for one test: a test that fails leaves
    its own room in whatever step it reached, and no other test sits in it. Same shape
    as ``demo_room`` yields."""
    from zet.operations.demo import add_demo

    engine, library, _paths, base, browser = server
    return engine, library, add_demo(engine, library), base, browser


@contextmanager
def fixture_app(db_dir: Path):
    """A server on a fresh database with the test content (tests/fixtures/content), the
    engine to that database and Chromium: yields (base url, engine, browser)."""
    from playwright.sync_api import sync_playwright

    from zet.db import make_engine

    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{db_dir / 'zet.db'}"
    engine = make_engine(url)
    content = ROOT / "tests" / "fixtures" / "content"
    try:
        with streamlit_server({"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(content)}) \
                as base, sync_playwright() as pw:
            browser = launch_chromium(pw)
            yield base, engine, browser
            browser.close()
    finally:
        engine.dispose()


# The beamers a school room may have; the projector must fit every one of them.
BEAMERS = [(1024, 768), (1280, 720), (1280, 800), (1366, 768), (1920, 1080), (3840, 2160)]


def body_text_px(width: int) -> int:
    """The smallest body text a beamer this wide may show: read from 8 m."""
    return 24 if width < 1280 else 28


# Whether a projector page fits its screen, measured in the browser: every element's box
# inside the viewport (and inside the page body when it is in the body, which clips), no
# text element whose content is taller or wider than its box, no text smaller than
# ``minPx``, no scrolling.
FIT_CHECK = """(minPx) => {
  const W = innerWidth, H = innerHeight;
  const root = document.querySelector("[data-testid='projector']");
  const main = root.querySelector(".zp-main");
  const box = main ? main.getBoundingClientRect() : null;
  const name = e => `${e.tagName.toLowerCase()}.${e.className}: ${
      (e.textContent || "").trim().slice(0, 40)}`;
  const all = [root, ...root.querySelectorAll("*")];
  const outside = [], clipped = [], small = [];
  for (const e of all) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) {
      outside.push(name(e));
    } else if (box && main.contains(e) && e !== main &&
               (r.bottom > box.bottom + 1 || r.right > box.right + 1)) {
      outside.push("afgesneden door de pagina: " + name(e));
    }
  }
  for (const e of all.filter(e => [...e.childNodes].some(
      n => n.nodeType === 3 && n.textContent.trim()))) {
    const style = getComputedStyle(e);
    if (parseFloat(style.fontSize) < minPx - 0.05) {
      small.push(`${style.fontSize} ${name(e)}`);
    }
    if (style.display !== "inline" && (e.scrollHeight > e.clientHeight + 1 ||
                                       e.scrollWidth > e.clientWidth + 1)) {
      clipped.push(name(e));
    }
  }
  const page = document.scrollingElement;
  return {outside, clipped, small,
          scroll: page.scrollHeight > H + 1 || page.scrollWidth > W + 1
                  || (main ? main.scrollHeight > main.clientHeight + 1 : false),
          bodyPx: parseFloat(getComputedStyle(root).fontSize),
          used: box ? Math.max(0, ...[...main.querySelectorAll("*")].map(
              e => e.getBoundingClientRect().bottom)) - box.top : 0,
          room: box ? box.height : 0};
}"""


def demo_point(index: int) -> str:
    return (f"Punt {index + 1}: we plannen de begeleiding samen en spreken af wie wat doet in "
            "elke periode van het jaar.")


def advance_group(engine, library, group, step, *, point_texts=(), reporter: str = ""):
    """Bring a (demo) group to ``step`` with something to show on the way: two cards, a point
    per text of ``point_texts`` (sterk and ontwikkel in turn), everyone's scenarios and the
    group's, and a reporter. Returns the group as it is then."""
    from zet.room import groups, participants, points, scenarios
    from zet.steps import Step

    while group.step != step:
        groups.set_step(engine, group.id, group.step.next(), expected_current=group.step)
        group = groups.get_group(engine, group.id)
        members = participants.members_of(engine, group.id)
        if group.step == Step.REFLECTIEKAARTEN:
            for card in library.theme(group.theme_id).kaarten[:2]:
                groups.reveal_card(engine, group.id, card.id)
        if group.step == Step.PUNTEN:
            for index, (person, text) in enumerate(zip(members, point_texts, strict=False)):
                points.contribute(engine, group.id, person.id,
                                  "sterk" if index % 2 else "ontwikkel", text)
        if group.step == Step.SCENARIO:
            for index, person in enumerate(members):
                scenarios.place(engine, group.id, person.id, nu=1 + index % 3,
                                gewenst=2 + index % 3)
            groups.record_group_scenario(engine, group.id, nu=2, gewenst=3,
                                         argument="De basis staat; nu samen verbreden.")
            if reporter:
                groups.set_reporter(engine, group.id, reporter)
    return group
