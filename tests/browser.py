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
