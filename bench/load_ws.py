"""Load benchmark over Streamlit's own websocket protocol: a room of phones on the ZET app,
and the same sessions on a trivial Streamlit page as baseline.

Run (starts its own servers on free loopback ports, throw-away SQLite, stops them after):
    python bench/load_ws.py                    # quick set: 15 and 50 phones
    python bench/load_ws.py --n 15,50,100,200,400 --groups 1
    python bench/load_ws.py --n 200 --groups 13
Against servers started elsewhere (bench/scale_out.sh does this):
    python bench/load_ws.py --n 100 --target http://127.0.0.1:8600 --pids 11,12 \\
        --database-url postgresql+psycopg://...
Prints one line per room: join, submit -> stored, submit -> projector, step -> all phones
(p50/p95/max seconds), server CPU (share of one core) and memory per participant, the worst
/_stcore/health answer, errors and lost/duplicated writes found in the database afterwards.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadgen.baseline import baseline_room
from bench.loadgen.measure import HealthProbe, Windows, spread
from bench.loadgen.profile import WindowSampling, sampling
from bench.loadgen.server import ROOT, machine_busy, streamlit_server, usage
from bench.loadgen.zet_room import Room
from zet.config import load_settings
from zet.content import load_library
from zet.db import make_engine

MB = 1024 * 1024


@dataclass
class Line:
    scenario: str
    phones: int
    join: str
    stored: str
    projector: str
    step: str
    idle_cpu: str
    step_cpu_ms: str
    rss_per_phone_mb: str
    rss_mb: str
    health_worst: str
    client_cpu: str
    client_lag: str
    other_cpu: str
    errors: int
    lost: str
    duplicated: str
    first_error: str = ""


def _fmt(value: float | None, pattern: str) -> str:
    return "-" if value is None else pattern.format(value)


def _client_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _line(scenario: str, phones: int, windows: Windows, probe: HealthProbe,
          client_cpu: float, wall: float, machine0: tuple[float, float], step_changes: int,
          **figures) -> Line:
    """``machine0``: machine_busy() when the room began, to say how much else ran."""
    before, after = windows.rss("join", "start"), windows.rss("idle", "end")
    per_phone = None if before is None or after is None else (after - before) / phones / MB
    idle = windows.cpu_share("idle")
    reruns = phones * step_changes
    extra = windows.cpu_above("step", idle or 0.0) if reruns else None
    return Line(scenario=scenario, phones=phones,
                idle_cpu=_fmt(idle, "{:.2f}") + _fmt(
                    None if idle is None else 100 * idle / phones, " ({:.2f}%/ph)"),
                step_cpu_ms=_fmt(extra and 1000 * extra / reruns, "{:.1f}"),
                rss_per_phone_mb=_fmt(per_phone, "{:.2f}"),
                rss_mb=_fmt(after and after / MB, "{:.0f}"),
                health_worst=_fmt(probe.worst(), "{:.2f}"),
                client_cpu=f"{client_cpu / wall:.2f}",
                client_lag=_fmt(max(probe.lags, default=None), "{:.2f}"),
                other_cpu=f"{_other_cores(windows, client_cpu, machine0):.2f}", **figures)


def _other_cores(windows: Windows, client_cpu: float, machine0: tuple[float, float]) -> float:
    """Cores busy with processes other than the servers and this load generator."""
    busy1, wall1 = machine_busy()
    server = usage(windows.pids).cpu_seconds - windows.first_cpu
    return max(0.0, (busy1 - machine0[0] - server - client_cpu) / (wall1 - machine0[1]))


async def zet_room(args, engine, library, phone_urls, projector_url, pids, health_url,
                   phones: int, label: str) -> Line:
    room = Room(engine, library, theme_id=args.theme, phones=phones, group_count=args.groups,
                phone_urls=phone_urls, projector_url=projector_url,
                ramp_per_second=args.ramp,
                answer_window=args.answer_window or max(5.0, phones / 10),
                idle_seconds=args.idle, step_via=args.step_via,
                step_changes=args.step_changes, timeout=args.timeout)
    windows = Windows(pids)
    room.on_window = windows
    window_profile = None
    if args.profile and args.profile_window:
        window_profile = WindowSampling(pids[0], args.profile, f"zet-{phones}-g{args.groups}",
                                        args.profile_window)

        def both(name: str, edge: str) -> None:
            windows(name, edge)
            window_profile(name, edge)
        room.on_window = both
    probe = HealthProbe(health_url)
    probe.start()
    cpu0, wall0, machine0 = _client_cpu(), time.monotonic(), machine_busy()
    try:
        result = await asyncio.wait_for(room.run(), args.max_seconds)
    finally:
        await probe.stop()
        if window_profile is not None:
            window_profile.stop()
    return _line(label, phones, windows, probe, _client_cpu() - cpu0,
                 time.monotonic() - wall0, machine0, args.step_changes,
                 join=spread(result.join), stored=spread(result.stored),
                 projector=spread(result.projector), step=spread(result.step),
                 errors=len(result.errors),
                 lost=f"{result.lost_joins}+{result.lost_answers}",
                 duplicated=f"{result.duplicate_joins}+{result.duplicate_answers}",
                 first_error=(result.errors[0][:160] if result.errors else ""))


async def trivial_room(args, base_url: str, pid: int, sessions: int) -> Line:
    windows = Windows([pid])
    probe = HealthProbe(base_url)
    probe.start()
    cpu0, wall0, machine0 = _client_cpu(), time.monotonic(), machine_busy()
    try:
        opened, errors = await asyncio.wait_for(
            baseline_room(base_url, sessions, ramp_per_second=args.ramp,
                          idle_seconds=args.idle, timeout=args.timeout, on_window=windows),
            args.max_seconds)
    finally:
        await probe.stop()
    return _line("trivial page", sessions, windows, probe, _client_cpu() - cpu0,
                 time.monotonic() - wall0, machine0, 0, join=spread(opened), stored="-",
                 projector="-",
                 step="-", errors=len(errors), lost="-", duplicated="-",
                 first_error=(errors[0][:160] if errors else ""))


def own_servers(args, library) -> list[Line]:
    """For each N: a fresh ZET server on a fresh SQLite file, then the trivial page."""
    lines = []
    logs = ROOT / "bench" / "results" / "logs"
    for phones in args.n:
        with tempfile.TemporaryDirectory(prefix="zet-bench-") as tmp:
            url = f"sqlite:///{tmp}/zet.db"
            engine = make_engine(url)
            with streamlit_server("zet_app.py", {"ZET_DATABASE_URL": url}, logs) as (base, pid):
                label = f"ZET, {args.groups} group(s), step via {args.step_via}"
                whole_room = None if args.profile_window else args.profile
                with sampling(pid, whole_room, f"zet-{phones}-g{args.groups}"):
                    lines.append(asyncio.run(zet_room(args, engine, library, [base], base,
                                                      [pid], base, phones, label)))
                print_line(lines[-1])
            engine.dispose()
        if args.baseline:
            with streamlit_server("bench/trivial_app.py", {}, logs) as (base, pid):
                lines.append(asyncio.run(trivial_room(args, base, pid, phones)))
                print_line(lines[-1])
    return lines


def external_servers(args, library) -> list[Line]:
    """Servers (and a proxy) already running, e.g. from bench/scale_out.sh."""
    engine = make_engine(args.database_url)
    phone_urls = args.phone_urls or [args.target]
    projector_url = args.projector_url or args.target
    lines = []
    for phones in args.n:
        label = args.label or f"external, {args.groups} group(s), step via {args.step_via}"
        lines.append(asyncio.run(zet_room(args, engine, library, phone_urls, projector_url,
                                          args.pids, args.target, phones, label)))
        print_line(lines[-1])
    engine.dispose()
    return lines


HEADER = ("scenario", "phones", "join", "stored", "projector", "step", "idle_cpu",
          "step_cpu_ms", "rss_per_phone_mb", "rss_mb", "health_worst", "client_cpu",
          "client_lag", "other_cpu", "errors", "lost", "duplicated")


def print_line(line: Line) -> None:
    values = asdict(line)
    print("| " + " | ".join(str(values[h]) for h in HEADER) + " |", flush=True)
    if line.first_error:
        print(f"    first error: {line.first_error}", flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=lambda s: [int(x) for x in s.split(",")], default=[15, 50],
                        help="phones per room, comma separated (default 15,50)")
    parser.add_argument("--groups", type=int, default=1, help="tables in the round")
    parser.add_argument("--theme", default="coachen-en-feedback")
    parser.add_argument("--ramp", type=float, default=20.0, help="phones joining per second")
    parser.add_argument("--answer-window", type=float, default=None,
                        help="phones answer at random moments within this many seconds "
                             "(default: max(5, phones / 10), i.e. about 10 saves a second)")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle following")
    parser.add_argument("--timeout", type=float, default=60.0, help="per wait, seconds")
    parser.add_argument("--max-seconds", type=float, default=420.0, help="per room, seconds")
    parser.add_argument("--step-via", choices=("api", "projector"), default="api",
                        help="change the step through zet.room.groups or the projector's button")
    parser.add_argument("--step-changes", type=int, default=1,
                        help="how many times the groups move one step on (1..5)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--target", help="base URL of running servers (or their proxy)")
    parser.add_argument("--phone-urls", type=lambda s: s.split(","),
                        help="phones spread round robin over these base URLs")
    parser.add_argument("--projector-url", help="where the projector connects")
    parser.add_argument("--pids", type=lambda s: [int(x) for x in s.split(",")], default=[])
    parser.add_argument("--database-url", help="the database the running servers share")
    parser.add_argument("--label", default="")
    parser.add_argument("--profile", type=Path,
                        help="record the ZET server with py-spy (GIL holders) into this folder")
    parser.add_argument("--profile-window", choices=("join", "idle", "answer", "step"),
                        help="with --profile: record only this window of the room "
                             "(e.g. step: the phones' reruns at a step change)")
    parser.add_argument("--json", type=Path, help="also write the lines as JSON here")
    args = parser.parse_args(argv)
    if args.target and not args.database_url:
        parser.error("--target needs --database-url (sessions are made and checked there)")
    if not 1 <= args.groups <= 26 or max(args.n) > 1000:
        parser.error("groups 1..26, at most 1000 phones")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    library = load_library(load_settings().content_dir)
    print("| " + " | ".join(HEADER) + " |", flush=True)
    lines = external_servers(args, library) if args.target else own_servers(args, library)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(line) for line in lines], indent=1))
    return 0 if all(line.errors == 0 for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
