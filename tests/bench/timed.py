"""Run a command and append one JSON line about it to a log: wall and CPU seconds, the
peak RSS of its largest process, and the peak RSS of its whole process tree (sampled).

Usage: python tests/bench/timed.py LOG COMMAND [ARGS...]   (the bench puts it in front
of the archive command through make's ARCHIVE variable).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over `root` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def main() -> int:
    log, command = Path(sys.argv[1]), sys.argv[2:]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command)
    peak_tree = 0
    while child.poll() is None:
        peak_tree = max(peak_tree, _tree_rss_kb(child.pid))
        try:
            # wait, not sleep: a sleep noticed the end up to 0.1 s late, which added
            # about 0.05 s to every stage a one-change rebuild runs in a row
            child.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            pass
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    record = {"argv": command[1:], "wall_s": wall, "exit": child.returncode,
              "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
              "peak_rss_mb": after.ru_maxrss / 1024, "peak_tree_rss_mb": peak_tree / 1024}
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
