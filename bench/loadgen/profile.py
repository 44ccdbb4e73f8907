"""py-spy around a room: samples the server's threads that hold the GIL, as collapsed stacks."""
from __future__ import annotations

import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def sampling(pid: int, folder: Path | None, name: str):
    """Record ``pid`` with py-spy while the block runs; no-op without ``folder``."""
    if folder is None:
        yield None
        return
    if shutil.which("py-spy") is None:
        raise RuntimeError("py-spy ontbreekt: pip install -r requirements-dev.txt")
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / f"{name}.txt"
    recorder = subprocess.Popen(
        ["py-spy", "record", "--pid", str(pid), "--rate", "100", "--gil", "--format", "raw",
         "--output", str(output), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield output
    finally:
        recorder.send_signal(signal.SIGINT)
        try:
            recorder.wait(timeout=30)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait(timeout=5)
