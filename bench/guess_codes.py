"""A stranger guessing join codes, over Streamlit's own websocket protocol (issue 24).

One browser session makes ``--guesses`` wrong guesses (the real code placed at guess 250)
at the beamer (``/scherm?code=…``) and then at the phone (``/deelnemen?code=…``), changing
the address between runs as a script does. Afterwards a second session opens the right code
and should get in at once. Starts its own server on a free loopback port with a throw-away
SQLite file, and stops it after; bounded (every wait has a timeout).

    python bench/guess_codes.py                # 300 guesses on each page
    python bench/guess_codes.py --guesses 50

Prints per page: guesses made, how many were answered with "Te veel verkeerde codes", the
first refused guess, whether the real code was found, guesses per second, and how long the
second session took to see the dagdeel.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadgen.client import PageClient
from bench.loadgen.server import ROOT, streamlit_server
from zet.codes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from zet.db import make_engine
from zet.room.dagdelen import create_single_session

REFUSED = "Te veel verkeerde codes"
REAL_AT = 250  # the real code is tried as this guess (1-based), as in the probe
# What each page shows once the dagdeel is found: the beamer's werkblad page, the join form.
FOUND = {"scherm": "data-step='werkblad'", "deelnemen": "Welkom bij ZET"}


@dataclass
class Result:
    page: str
    guesses: int
    refused: int
    first_refused: int | None
    real_found: bool
    per_second: float
    second_client_s: float | None


def wrong_codes(real: str, count: int) -> list[str]:
    """``count`` well-formed codes, none of them ``real``, all different."""
    codes: list[str] = []
    number = 0
    while len(codes) < count:
        digits, value = [], number
        for _ in range(JOIN_CODE_LENGTH):
            value, digit = divmod(value, len(JOIN_CODE_ALPHABET))
            digits.append(JOIN_CODE_ALPHABET[digit])
        code = "".join(digits)
        if code != real:
            codes.append(code)
        number += 7919  # spread over the alphabet
    return codes


async def run_and_read(client: PageClient, timeout: float) -> str:
    """Rerun the page with the client's address; the text of that full run."""
    runs, start = client.events.finished_runs, len(client.events.texts)
    await client.rerun()
    if not await client.wait_for(lambda: client.events.finished_runs > runs, timeout):
        raise TimeoutError("the page did not finish its run")
    return "\n".join(text for _, text in client.events.texts[start:])


async def guess(base: str, page: str, real: str, guesses: int, timeout: float) -> Result:
    codes = wrong_codes(real, guesses)
    if guesses >= REAL_AT:
        codes[REAL_AT - 1] = real
    stranger = PageClient(base, page, f"code={codes[0]}", timeout=timeout)
    refused, first_refused, real_found = 0, None, False
    started = time.monotonic()
    await stranger.open()
    try:
        if not await stranger.wait_for(lambda: stranger.events.finished_runs > 0, timeout):
            raise TimeoutError("the first run did not finish")
        for number, code in enumerate(codes, start=1):
            if number > 1:
                stranger.query_string = f"code={code}"
                shown = await run_and_read(stranger, timeout)
            else:
                shown = "\n".join(text for _, text in stranger.events.texts)
            if REFUSED in shown:
                refused += 1
                first_refused = first_refused or number
            if code == real and FOUND[page] in shown:
                real_found = True
        elapsed = time.monotonic() - started
    finally:
        await stranger.close()
    neighbour = PageClient(base, page, f"code={real}", timeout=timeout)
    opened = time.monotonic()
    await neighbour.open()
    try:
        seen = await neighbour.wait_for(
            lambda: any(FOUND[page] in text for _, text in neighbour.events.texts), timeout)
        second = time.monotonic() - opened if seen else None
    finally:
        await neighbour.close()
    return Result(page, guesses, refused, first_refused, real_found, guesses / elapsed, second)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--guesses", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    logs = ROOT / "bench" / "results" / "logs"
    failed = False
    with tempfile.TemporaryDirectory(prefix="zet-guess-") as tmp:
        url = f"sqlite:///{tmp}/zet.db"
        engine = make_engine(url)
        created = create_single_session(engine, locatie="Benchmark", datum=date.today(),
                                        procesbegeleider="Bench", theme_id="coachen-en-feedback")
        real = created.dagdeel.join_code
        with streamlit_server("zet_app.py", {"ZET_DATABASE_URL": url}, logs) as (base, _pid):
            print("page       guesses  refused  first-refused  real-found  guesses/s  "
                  "second-client-s")
            for page in ("scherm", "deelnemen"):
                result = asyncio.run(guess(base, page, real, args.guesses, args.timeout))
                second = ("-" if result.second_client_s is None
                          else f"{result.second_client_s:.2f}")
                print(f"{page:<10} {result.guesses:>7}  {result.refused:>7}  "
                      f"{result.first_refused or '-':>13}  {result.real_found!s:>10}  "
                      f"{result.per_second:>9.1f}  {second:>15}")
                failed |= (result.real_found or result.second_client_s is None
                           or result.first_refused is None)
        engine.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
