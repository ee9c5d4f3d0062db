"""Words/s and peak memory of the build's date layer (tagger and reference dates),
timed inside the build of a set of texts, next to the whole encoding of those texts.

Usage: python tests/bench/layers.py [DIR_OR_FILE ...]   (default: seeds/). Run it with
PYTHONPATH pointing at another checkout (a `git worktree` of an older commit) to put
that code's figures beside this one's; each figure is the best of three runs.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from pipeline.build import stage
from pipeline.build.source import read_source
from pipeline.build.words import count_words


class _Timed:
    """A stand-in for a layer function that adds up its time and its peak memory."""

    def __init__(self, fn):
        self.fn, self.seconds, self.peak = fn, 0.0, 0

    def __call__(self, *args, **kwargs):
        tracemalloc.reset_peak()
        before, start = tracemalloc.get_traced_memory()[0], time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
            self.peak = max(self.peak, tracemalloc.get_traced_memory()[1] - before)


def _texts(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [Path("seeds")]
    return sorted(f for p in paths for f in (p.glob("*.txt") if p.is_dir() else [p]))


def main(args: list[str]) -> None:
    files = _texts(args)
    sources = [read_source(f) for f in files]
    words = sum(count_words(s.text) for s in sources)
    from pipeline.build.dates import tagger as date_tagger

    layers = {"dates.find": (date_tagger, "find")}
    try:  # older code had no reference dates
        from pipeline.build.dates import resolve as date_resolve

        layers["dates.resolve"] = (date_resolve, "resolve")
    except ImportError:
        pass
    best: dict[str, float] = {}
    for _ in range(3):
        timed = {name: _Timed(getattr(mod, attr)) for name, (mod, attr) in layers.items()}
        for name, (mod, attr) in layers.items():
            setattr(mod, attr, timed[name])
        tracemalloc.start()
        start = time.perf_counter()
        for source in sources:
            stage.encode(source, "2026-01-01")
        total = time.perf_counter() - start
        tracemalloc.stop()
        for name, (mod, attr) in layers.items():
            setattr(mod, attr, timed[name].fn)
        runs = {"encode (no name model)": total, **{n: t.seconds for n, t in timed.items()}}
        runs["dates (both)"] = sum(t.seconds for t in timed.values())
        for name, seconds in runs.items():
            best[name] = min(best.get(name, seconds), seconds)
        peak = max(t.peak for t in timed.values())
    print(f"{len(files)} texts, {words:,} words (best of 3)")
    for name, seconds in best.items():
        print(f"  {name:24} {seconds:7.2f} s {words / seconds:>10,.0f} words/s")
    print(f"  peak memory inside the date layer: {peak / 1e3:,.0f} kB")


if __name__ == "__main__":
    main(sys.argv[1:])
