"""Start and stop the Streamlit servers under test, and read their CPU time and memory."""
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

ROOT = Path(__file__).resolve().parents[2]
_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Usage:
    cpu_seconds: float
    rss_bytes: int


def usage(pids: list[int]) -> Usage:
    """CPU seconds (user + system) and resident memory, summed over ``pids`` (from /proc)."""
    cpu, rss = 0.0, 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / _TICKS
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return Usage(cpu, rss)


def machine_busy() -> tuple[float, float]:
    """(busy CPU seconds of all processes on the machine, wall seconds) from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / _TICKS, time.monotonic()


def wait_healthy(base_url: str, timeout: float = 60.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            raise RuntimeError(f"{base_url} did not become healthy")
        time.sleep(0.2)


@contextmanager
def streamlit_server(script: str, env: dict[str, str], log_dir: Path):
    """``streamlit run <script>`` on a free loopback port; yields (base_url, pid)."""
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{port}"
    with open(log_dir / f"streamlit-{Path(script).stem}-{port}.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true",
             f"--server.port={port}", "--server.address=127.0.0.1",
             "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
            cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(base, process=process)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
