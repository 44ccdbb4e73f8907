"""How many websocket messages one phone receives per idle poll and per step change.

Run:  python bench/count_messages.py
Starts its own server on a throw-away SQLite file, joins one simulated phone (the load
generator's client), then counts the ForwardMsgs of 6 s of idle polling and of three step
changes. Every element a page draws is one message to each phone, so at a step change of
400 phones this count times 400 is what the server has to send at once.
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadgen.client import PageClient
from bench.loadgen.server import streamlit_server
from bench.loadgen.zet_room import Phone, _phone_join, create_room
from zet.db import make_engine
from zet.room import groups
from zet.steps import Step

THEME = "coachen-en-feedback"


async def count(base: str, engine) -> None:
    session = create_room(engine, THEME, 1)
    phone = Phone(1, None)  # type: ignore[arg-type]
    phone.client = PageClient(base, "deelnemen", f"code={session.dagdeel.join_code}",
                              on_text=phone.on_text, timeout=30)
    kinds: list[str] = []
    handle = phone.client._handle

    def counting(message) -> None:
        kinds.append(message.WhichOneof("type"))
        handle(message)

    phone.client._handle = counting  # type: ignore[method-assign]
    try:
        await _phone_join(phone, 30)
        if phone.error:
            raise SystemExit(phone.error)
        await asyncio.sleep(4.5)  # the join's own reruns are over
        start = len(kinds)
        await asyncio.sleep(6)
        print(f"idle, 6 s (three polls): {len(kinds) - start} messages")
        current = Step.WERKBLAD
        for target in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
            start = len(kinds)
            groups.set_step(engine, session.group_ids[0], target, expected_current=current)
            await phone.client.wait_for(lambda t=target: t.value in phone.step_seen, 10)
            await asyncio.sleep(0.5)
            tally = Counter(kinds[start:])
            print(f"{current.value} -> {target.value}: {sum(tally.values())} messages, "
                  f"{tally['delta']} of them elements ({dict(sorted(tally.items()))})")
            current = target
            await asyncio.sleep(3)
    finally:
        await phone.client.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zet-count-"))
    url = f"sqlite:///{folder / 'zet.db'}"
    engine = make_engine(url)
    started = time.monotonic()
    with streamlit_server("zet_app.py", {"ZET_DATABASE_URL": url}, folder) as (base, _pid):
        asyncio.run(count(base, engine))
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
