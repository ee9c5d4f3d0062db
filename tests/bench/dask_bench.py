"""The build serially and on a Dask LocalCluster of 1 and of 2 single-threaded worker
processes, on the same texts: wall time, words/s, the speed-up of 2 workers over 1, and
whether the TEI of every run is byte-identical.

Usage: python tests/bench/dask_bench.py [-n N] [--json]   (N documents of the bench
corpus, default 20; `make bench-dask`). Each run is a first build: an empty output
folder and empty result caches (OCR readings, the model's spans), so every worker runs
the model on its own share. The one-off indexes (GeoNames, wordfreq's table, the
bigrams) are made once beforehand and copied into each run's cache directory: they are
built once per machine, not per run, and would otherwise be timed three times over.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.build.words import count_words

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
ARCHIVE = str(VENV / "bin" / "archive")
ONE_OFF = ("geonames-*.sqlite", "wordfreq-*.sqlite", "english-*.json", "bigrams-*.marshal")


def corpus(n: int) -> list[Path]:
    """The first n documents of the bench corpus of 100 (made if missing)."""
    path = ROOT / ".build" / "corpus-100"
    if not (path / ".complete").exists():
        subprocess.run([ARCHIVE, "bench-corpus", str(path), "-n", "100"], check=True,
                       stdout=subprocess.DEVNULL)
        (path / ".complete").touch()
    return sorted(path.glob("*.txt"))[:n]


def build(seeds: list[Path], out: Path, cache: Path, *executor: str) -> float:
    out.mkdir(parents=True)
    shutil.copy2(ROOT / "tei" / "authority.xml", out / "authority.xml")
    env = {**os.environ, "ARCHIVE_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    subprocess.run([ARCHIVE, "build", "--silent", *executor, "--out", str(out),
                    *map(str, seeds)], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def fresh_cache(base: Path, target: Path) -> Path:
    target.mkdir()
    for pattern in ONE_OFF:
        for f in base.glob(pattern):
            shutil.copy2(f, target / f.name)
    return target


def tei(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))
            if p.name != "authority.xml"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="documents (of the corpus of 100)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    from dask import distributed  # the [dask] extra

    seeds = corpus(args.n)
    words = sum(count_words(s.read_text(encoding="utf-8")) for s in seeds)
    work = Path(tempfile.mkdtemp(prefix="archive-dask-bench-"))
    try:
        base = work / "base-cache"
        build(seeds[:1], work / "warm", base, "--jobs", "1")  # the one-off indexes
        runs: dict[str, float] = {}
        outputs: dict[str, dict[str, bytes]] = {}
        runs["serial"] = build(seeds, work / "serial", fresh_cache(base, work / "c-serial"),
                               "--jobs", "1")
        outputs["serial"] = tei(work / "serial")
        for n in (1, 2):
            name = f"dask-{n}"
            cache = fresh_cache(base, work / f"c-{name}")
            # Workers are processes started now: they take the cache directory from here.
            os.environ["ARCHIVE_CACHE_DIR"] = str(cache)
            with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                          dashboard_address=None) as cluster:
                runs[name] = build(seeds, work / name, cache, "--executor", "dask",
                                   "--scheduler", cluster.scheduler_address)
            outputs[name] = tei(work / name)
        identical = all(outputs[k] == outputs["serial"] for k in outputs)
        result = {"documents": len(seeds), "words": words,
                  "runs": {k: {"wall_s": round(v, 2), "words_per_s": round(words / v)}
                           for k, v in runs.items()},
                  "speedup_2_over_1": round(runs["dask-1"] / runs["dask-2"], 2),
                  "byte_identical": identical}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{result['documents']} documents, {words:,} words, build from empty caches:")
        for k, v in result["runs"].items():
            print(f"  {k:8} {v['wall_s']:8.2f} s  {v['words_per_s']:>7,} words/s")
        print(f"  2 workers against 1: {result['speedup_2_over_1']}x; TEI byte-identical "
              f"across the runs: {'yes' if identical else 'NO'}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
