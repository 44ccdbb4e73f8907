"""Check the Content-Security-Policy of docs/deployment.md against the real pages in Chromium.

Run:  python bench/csp_check.py
Starts the app on a free loopback port (throw-away SQLite), serves every page with the CSP of
docs/deployment.md (the websocket address made local), walks start page, joining phone,
beamer at the werkblad (QR code), control view (moving on), beamer at the
uitwisseling (bar charts), and prints every CSP
violation the browser reports. Exit code 1 when there is one.
"""
from __future__ import annotations

import re
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, PROJECTOR
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from bench.loadgen.server import ROOT, streamlit_server
from zet.content import load_library
from zet.db import make_engine
from zet.roles import ROLES
from zet.room import answers, participants
from zet.room.dagdelen import create_single_session

DOC = ROOT / "docs" / "deployment.md"
NO_LOCAL_NETWORK_CHECKS = ("--disable-features=LocalNetworkAccessChecks,"
                           "BlockInsecurePrivateNetworkRequests")
_LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def documented_csp(ws_origin: str) -> str:
    """The policy as written in docs/deployment.md, with the websocket origin made local."""
    match = re.search(r'Content-Security-Policy "([^"]+)"', DOC.read_text())
    if not match:
        raise SystemExit("no Content-Security-Policy in docs/deployment.md")
    return match.group(1).replace("wss://zet.school.nl", ws_origin)


def seed(url: str):
    """A session with answers from three roles, so the uitwisseling draws its charts."""
    engine = make_engine(url)
    library = load_library(ROOT / "content")
    theme = library.themes["coachen-en-feedback"]
    session = create_single_session(engine, locatie="CSP", datum=date.today(),
                                    procesbegeleider="PB", theme_id=theme.id)
    for number in range(3):
        person = participants.join(engine, session.dagdeel, role=ROLES[number])
        for question in theme.vragen:
            value = {"lijst": ["a"], "keuze": question.opties[:1] and question.opties[0],
                     "meerkeuze": question.opties[:1], "koos": {"gewenst": 4, "feitelijk": 2},
                     "schaal": 3, "tekst": "t"}[question.type]
            answers.save_answer(engine, session.group_ids[0], person.id, question, value)
    return session


def _page_to_a_chart(beamer, control) -> None:
    """Page the uitwisseling on the control view until the beamer draws a chart."""
    charts = beamer.locator("canvas, svg.marks")
    for _ in range(8):
        if charts.count():
            break
        shown = beamer.locator("[data-testid='projector']").get_attribute("data-page")
        control.get_by_role("button", name="Volgende pagina ▶").click()
        beamer.locator(f"[data-testid='projector']:not([data-page='{shown}'])"
                       ).wait_for(state="attached", timeout=30_000)
    charts.first.wait_for(timeout=30_000)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zet-csp-") as tmp:
        url = f"sqlite:///{tmp}/zet.db"
        session = seed(url)
        with streamlit_server("zet_app.py", {"ZET_DATABASE_URL": url},
                              Path(tmp)) as (base, _pid), sync_playwright() as pw:
            policy = documented_csp(base.replace("http://", "ws://"))
            # A fulfilled document counts as a public address for Chromium's local network
            # checks, which then block the websocket to 127.0.0.1; that is not about the CSP.
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=[*CHROMIUM_ARGS, NO_LOCAL_NETWORK_CHECKS])

            def with_policy(route):
                if route.request.resource_type != "document":
                    return route.continue_()
                response = route.fetch()
                route.fulfill(response=response, headers={
                    **response.headers, "content-security-policy": policy})

            violations = []
            control = None
            code = session.dagdeel.join_code
            beamer = "[data-testid='projector'][data-step='{}']"
            for name, path, viewport, ready in (
                    ("start", "/start", PROJECTOR, "text=Sessie starten"),
                    ("phone", f"/deelnemen?code={code}", PHONE, "text=Meedoen"),
                    ("beamer at the werkblad", f"/scherm?code={code}", PROJECTOR,
                     "[data-testid='join-code']"),
                    ("control view", f"/begeleiden?sleutel={session.group_secrets[0]}",
                     PROJECTOR, "text=Uitwisseling →"),
                    ("beamer at the uitwisseling", f"/scherm?code={code}", PROJECTOR,
                     beamer.format("uitwisseling"))):
                page = browser.new_context(viewport=viewport).new_page()
                page.add_init_script(_LISTEN)
                page.route("**/*", with_policy)
                page.on("console", lambda m, n=name: violations.append(f"{n}: {m.text[:300]}")
                        if "Content Security Policy" in m.text else None)
                page.goto(base + path)
                try:
                    page.locator(ready).first.wait_for(timeout=30_000)
                    if name == "control view":
                        forward = page.get_by_role("button", name="Uitwisseling →")
                        forward.click()
                        forward.wait_for(state="detached", timeout=30_000)
                        control = page
                    if name == "beamer at the uitwisseling" and control is not None:
                        _page_to_a_chart(page, control)
                except PlaywrightTimeout:
                    violations.append(f"{name}: the page did not finish drawing ({ready})")
                page.wait_for_timeout(1500)
                violations.extend(f"{name}: {v}" for v in page.evaluate("window.__csp"))
            browser.close()
    print(f"policy: {policy}")
    for violation in violations:
        print("VIOLATION", violation)
    print("no violations" if not violations else f"{len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
