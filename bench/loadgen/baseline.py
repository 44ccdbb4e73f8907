"""The baseline room: N sessions on bench/trivial_app.py, first render and idle cost."""
from __future__ import annotations

import asyncio
import time

from bench.loadgen.client import PageClient


async def _open(client: PageClient, timeout: float) -> float | None:
    start = time.monotonic()
    await client.open()
    if await client.wait_for(lambda: client.events.finished_runs > 0, timeout):
        return time.monotonic() - start
    return None


async def baseline_room(base_url: str, sessions: int, *, ramp_per_second: float,
                        idle_seconds: float, timeout: float, on_window) -> tuple[list[float],
                                                                                  list[str]]:
    """Open ``sessions`` tabs at the ramp, let them poll for ``idle_seconds``."""
    clients = [PageClient(base_url, "", "", timeout=timeout) for _ in range(sessions)]
    try:
        on_window("join", "start")
        tasks = []
        for client in clients:
            tasks.append(asyncio.create_task(_open(client, timeout)))
            await asyncio.sleep(1 / ramp_per_second)
        opened = await asyncio.gather(*tasks, return_exceptions=True)
        on_window("join", "end")
        on_window("idle", "start")
        await asyncio.sleep(idle_seconds)
        on_window("idle", "end")
        errors = [f"open: {o!r}" for o in opened if isinstance(o, BaseException)]
        errors += ["open: no first render" for o in opened if o is None]
        for client in clients:
            errors.extend(client.events.errors)
        return [o for o in opened if isinstance(o, float)], errors
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
