"""py-spy around a room: samples the server's threads that hold the GIL, as collapsed stacks."""
from __future__ import annotations

import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path


def _record(pid: int, output: Path) -> subprocess.Popen:
    if shutil.which("py-spy") is None:
        raise RuntimeError("py-spy ontbreekt: pip install -r requirements-dev.txt")
    output.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        ["py-spy", "record", "--pid", str(pid), "--rate", "100", "--gil", "--format", "raw",
         "--output", str(output), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _finish(recorder: subprocess.Popen) -> None:
    recorder.send_signal(signal.SIGINT)
    try:
        recorder.wait(timeout=30)
    except subprocess.TimeoutExpired:
        recorder.kill()
        recorder.wait(timeout=5)


@contextmanager
def sampling(pid: int, folder: Path | None, name: str):
    """Record ``pid`` with py-spy while the block runs; no-op without ``folder``."""
    if folder is None:
        yield None
        return
    output = folder / f"{name}.txt"
    recorder = _record(pid, output)
    try:
        yield output
    finally:
        _finish(recorder)


class WindowSampling:
    """Record ``pid`` only inside one window of the room (``join``, ``idle``, ``answer``,
    ``step``): called with (window, "start"|"end") like ``measure.Windows``."""

    def __init__(self, pid: int, folder: Path, name: str, window: str) -> None:
        self.pid, self.output, self.window = pid, folder / f"{name}-{window}.txt", window
        self._recorder: subprocess.Popen | None = None

    def __call__(self, name: str, edge: str) -> None:
        if name != self.window:
            return
        if edge == "start" and self._recorder is None:
            self._recorder = _record(self.pid, self.output)
        elif edge == "end":
            self.stop()

    def stop(self) -> None:
        if self._recorder is not None:
            _finish(self._recorder)
            self._recorder = None
