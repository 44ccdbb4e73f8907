"""``/api/stream/{dagdeel_id}``: an event stream that tells a screen its dagdeel's version
moved, so the screen reruns at once instead of polling (``ui/push.py`` listens to it).

The subscriber names the topics it follows (``room``: phase, rounds, step, cards, screen
page; ``input``: answers, points, placements, notes), optionally one group (its own changes
and the dagdeel-wide ones), and the version it shows (``since``); bumps after that version
are replayed first, so nothing committed between the page's read and the stream's opening
is missed. Events are ``{"version", "topic", "group"}``; a ``hartslag`` event every
``HEARTBEAT`` seconds (a comment would not reach the page's EventSource) lets the page see
a stream that died silently. The dagdeel is named by its id, which
is no secret; the stream carries no content, only version numbers.
"""
from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from zet.db import app_engine
from zet.db.changes import TOPICS, Bump, hub
from zet.room import versions

HEARTBEAT = 15.0
MAX_STREAMS = 2000  # per process; past it a screen falls back to its slow poll

_open = 0
_open_guard = threading.Lock()


def wanted(bump: Bump, topics: frozenset[str], group_id: int | None) -> bool:
    """Whether a subscriber of ``topics`` (of ``group_id``, or all groups) hears ``bump``."""
    return (bump.topic in topics
            and (group_id is None or bump.group_id is None or bump.group_id == group_id))


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and len(raw) < 12 else None


def event(bump: Bump) -> str:
    return "data: " + json.dumps({"version": bump.version, "topic": bump.topic,
                                  "group": bump.group_id}) + "\n\n"


async def stream(request: Request) -> Response:
    global _open
    dagdeel_id = int(request.path_params["dagdeel_id"])
    topics = frozenset(request.query_params.get("topics", "room").split(",")) & set(TOPICS)
    group_id = _int(request.query_params.get("group"))
    since = _int(request.query_params.get("since")) or 0
    if not topics:
        return PlainTextResponse("onbekend onderwerp", status_code=400)
    with _open_guard:
        if _open >= MAX_STREAMS:
            return PlainTextResponse("te veel schermen", status_code=503)
        _open += 1
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Bump] = asyncio.Queue()

    def heard(bump: Bump) -> None:  # called on the writing thread, after the commit
        if wanted(bump, topics, group_id):
            loop.call_soon_threadsafe(queue.put_nowait, bump)

    notifier = hub(app_engine())
    handle = notifier.listen(dagdeel_id, heard)
    versions.follow(app_engine())  # another process's writes reach this stream too
    for missed in notifier.since(dagdeel_id, since):
        heard(missed)

    async def events() -> AsyncIterator[str]:
        global _open
        try:
            yield "retry: 3000\n: verbonden\n\n"
            while True:
                try:
                    bump = await asyncio.wait_for(queue.get(), HEARTBEAT)
                except TimeoutError:
                    yield "event: hartslag\ndata: {}\n\n"
                    continue
                yield event(bump)
        finally:
            notifier.unlisten(handle)
            with _open_guard:
                _open -= 1

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


ROUTE = Route("/api/stream/{dagdeel_id:int}", stream)
