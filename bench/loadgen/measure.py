"""Figures around a room: CPU and memory per window, /_stcore/health latency, percentiles."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.loadgen.server import Usage, usage


def spread(values: list[float]) -> str:
    """'p50/p95/max' in seconds, or '-' without values."""
    if not values:
        return "-"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return f"{at(0.5):.2f}/{at(0.95):.2f}/{ordered[-1]:.2f}"


@dataclass
class Windows:
    """Server usage at the edges of named windows (join, idle, answer, step)."""
    pids: list[int]
    edges: dict[tuple[str, str], tuple[float, Usage]] = field(default_factory=dict)
    first_cpu: float = 0.0

    def __post_init__(self) -> None:
        self.first_cpu = usage(self.pids).cpu_seconds

    def __call__(self, name: str, edge: str) -> None:
        self.edges[(name, edge)] = (time.monotonic(), usage(self.pids))

    def cpu_share(self, name: str) -> float | None:
        """Server CPU in the window as a share of one core (1.0 = one core busy)."""
        start, end = self.edges.get((name, "start")), self.edges.get((name, "end"))
        if not start or not end or end[0] <= start[0]:
            return None
        return (end[1].cpu_seconds - start[1].cpu_seconds) / (end[0] - start[0])

    def cpu_above(self, name: str, share: float) -> float | None:
        """CPU seconds in the window beyond ``share`` of a core (e.g. the idle share)."""
        start, end = self.edges.get((name, "start")), self.edges.get((name, "end"))
        if not start or not end:
            return None
        return (end[1].cpu_seconds - start[1].cpu_seconds) - share * (end[0] - start[0])

    def rss(self, name: str, edge: str) -> int | None:
        point = self.edges.get((name, edge))
        return point[1].rss_bytes if point else None


class HealthProbe:
    """GET /_stcore/health every ``every`` seconds while the room runs (bounded count)."""

    def __init__(self, base_url: str, every: float = 0.5, limit: int = 4000) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.every, self.limit = every, limit
        self.samples: list[tuple[float, float]] = []  # (start, seconds)
        self._task: asyncio.Task | None = None
        self._lag_task: asyncio.Task | None = None
        self.lags: list[float] = []
        self._stopping = False

    async def _probe_once(self) -> float:
        start = time.monotonic()
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(self.host, self.port), 30)
        try:
            writer.write(f"GET /_stcore/health HTTP/1.1\r\nHost: {self.host}\r\n"
                         "Connection: close\r\n\r\n".encode())
            await writer.drain()
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        finally:
            writer.close()
        return time.monotonic() - start

    async def _lag_loop(self) -> None:
        """How late this process's own event loop wakes up: if the load generator is the
        bottleneck, every phone's timestamps would be late by this much."""
        for _ in range(self.limit * 5):
            if self._stopping:
                return
            planned = time.monotonic() + 0.1
            await asyncio.sleep(0.1)
            self.lags.append(max(0.0, time.monotonic() - planned))

    async def _loop(self) -> None:
        for _ in range(self.limit):
            if self._stopping:
                return
            start = time.monotonic()
            try:
                self.samples.append((start, await self._probe_once()))
            except (TimeoutError, OSError):
                self.samples.append((start, 30.0))
            await asyncio.sleep(self.every)

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._loop())
        self._lag_task = asyncio.create_task(self._lag_loop())

    async def stop(self) -> None:
        """Stop by flag as well as by cancelling: Python 3.11's wait_for can swallow a
        cancellation that arrives as the probe completes, and the loop would run on."""
        self._stopping = True
        for task in (self._task, self._lag_task):
            if task:
                task.cancel()
                await asyncio.wait({task}, timeout=35)

    def worst(self, window: tuple[float, float] | None = None) -> float | None:
        chosen = [s for t, s in self.samples
                  if window is None or window[0] <= t <= window[1]]
        return max(chosen) if chosen else None
