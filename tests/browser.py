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
    deadline = time.monotonic() + 60
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


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium ontbreekt: installeer het Debian-pakket 'chromium'.")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)


def wait_for(on, testid: str, timeout: int = 20_000, **attributes: str):
    """Wait until an element with this test id (and these data-* values) is in the page:
    waiting on the app's own state, not on a fixed time."""
    selector = f"[data-testid='{testid}']" + "".join(
        f"[data-{name.replace('_', '-')}='{value}']" for name, value in attributes.items())
    on.locator(selector).first.wait_for(state="attached", timeout=timeout)
    return on.locator(selector).first


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
    from zet.demo import add_demo

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
    from zet.demo import add_demo

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
