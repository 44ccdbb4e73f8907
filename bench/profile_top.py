"""Summarise a py-spy raw profile (collapsed stacks) from ``bench/load_ws.py --profile``.

Run:  python bench/profile_top.py bench/results/profile/zet-100-g1.txt [rows]
Prints the functions with the largest inclusive share of GIL-holding samples, first the
app's own code line by line (pages/, ui/, zet/), then everything, then the largest self time.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")
OWN_DIRS = ("ui/", "zet/", "pages/")
PAGES = ("deelnemen.py", "begeleiden.py", "start.py", "dagdeel.py", "themas.py", "zet_app.py")


def is_own(frame: str) -> bool:
    """py-spy names files relative to sys.path: 'ui/live.py', or 'deelnemen.py' for a page."""
    match = _FRAME.match(frame)
    file = match.group("file") if match else ""
    return file.startswith(OWN_DIRS) or file in PAGES


def frame_name(frame: str) -> str:
    """'function (path/file.py:12)' becomes 'function (file.py)' with the last two dirs."""
    match = _FRAME.match(frame)
    if not match:
        return frame
    path = "/".join(match.group("file").split("/")[-2:])
    return f"{match.group('func')} ({path})"


def summarise(lines: list[str]) -> tuple[int, int, Counter, Counter, Counter]:
    """Samples in all, of them importing modules (start-up), and three tallies of the rest:
    inclusive per function, inclusive per line of the app's own code, self time."""
    total, imports = 0, 0
    inclusive, own, self_time = Counter(), Counter(), Counter()
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = stack.split(";")
        if any(f.startswith("_find_and_load ") for f in frames):
            imports += samples
            continue
        for name in {frame_name(f) for f in frames}:
            inclusive[name] += samples
        for frame in {f for f in frames if is_own(f)}:
            own[frame] += samples
        self_time[frame_name(frames[-1])] += samples
    return total, imports, inclusive, own, self_time


def main(argv: list[str]) -> int:
    path, rows = Path(argv[1]), int(argv[2]) if len(argv) > 2 else 20
    total, imports, inclusive, own, self_time = summarise(path.read_text().splitlines())
    if not total:
        print("no samples")
        return 1
    print(f"{total} samples holding the GIL; {100 * imports / total:.1f}% importing modules "
          "(start-up, left out below)")
    for title, counter in (("app code by line, inclusive", own), ("all, inclusive", inclusive),
                           ("self time", self_time)):
        print(f"\n{title} ({total} samples)")
        for name, samples in counter.most_common(rows):
            print(f"{100 * samples / total:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
