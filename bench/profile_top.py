"""Summarise a py-spy raw profile (collapsed stacks) from ``bench/load_ws.py --profile``.

Run:  python bench/profile_top.py bench/results/profile/zet-100-g1.txt [rows]
Prints the functions with the largest inclusive share of GIL-holding samples, first the
app's own code (pages/, ui/, zet/), then everything, then the largest self time.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")
OWN = ("/pages/", "/ui/", "/zet/", "zet_app.py")


def frame_name(frame: str) -> str:
    """'function (path/file.py:12)' becomes 'function (file.py)' with the last two dirs."""
    match = _FRAME.match(frame)
    if not match:
        return frame
    path = "/".join(match.group("file").split("/")[-2:])
    return f"{match.group('func')} ({path})"


def summarise(lines: list[str]) -> tuple[int, Counter, Counter, Counter]:
    total, inclusive, own, self_time = 0, Counter(), Counter(), Counter()
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = stack.split(";")
        names = [frame_name(f) for f in frames]
        for name in set(names):
            inclusive[name] += samples
        for frame, name in set(zip(frames, names, strict=True)):
            if any(marker in frame for marker in OWN):
                own[name] += samples
        self_time[names[-1]] += samples
    return total, inclusive, own, self_time


def main(argv: list[str]) -> int:
    path, rows = Path(argv[1]), int(argv[2]) if len(argv) > 2 else 20
    total, inclusive, own, self_time = summarise(path.read_text().splitlines())
    if not total:
        print("no samples")
        return 1
    for title, counter in (("app code, inclusive", own), ("all, inclusive", inclusive),
                           ("self time", self_time)):
        print(f"\n{title} ({total} samples)")
        for name, samples in counter.most_common(rows):
            print(f"{100 * samples / total:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
