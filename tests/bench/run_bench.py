"""Benchmark: words per second per stage and peak memory, on copies of the seeds.

Usage: python tests/bench/run_bench.py [--copies N] [--json]
Each stage runs in this one process, as `make` runs it: one batch per stage.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.build import build  # noqa: E402
from pipeline.settings import BuildSettings, ExportSettings  # noqa: E402
from pipeline.transform import export  # noqa: E402
from pipeline.validate import validate_file  # noqa: E402
from pipeline.words import count_words  # noqa: E402


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of each seed")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        seeds_dir = work / "seeds"
        seeds_dir.mkdir()
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            for i in range(args.copies):
                shutil.copy(seed, seeds_dir / f"{seed.stem}-{i:04d}.txt")
        seeds = sorted(seeds_dir.glob("*.txt"))
        words = sum(count_words(p.read_text(encoding="utf-8")) for p in seeds)
        tei_dir = work / "tei"
        stages = {}
        settings = BuildSettings(out_dir=tei_dir, authority=ROOT / "tei" / "authority.xml")
        report, wall, cpu = _timed(lambda: build(seeds, settings))
        assert not report.failed, report.failed
        stages["build"] = (wall, cpu)
        tei = sorted(tei_dir.glob("*.xml"))
        problems, wall, cpu = _timed(lambda: [p for f in tei for p in validate_file(f)])
        assert not problems, problems[:3]
        stages["validate"] = (wall, cpu)
        for fmt in ("html", "text"):
            rep, wall, cpu = _timed(lambda: export(tei, ExportSettings(out_dir=work / fmt,
                                                                       fmt=fmt)))
            assert not rep.failed, rep.failed
            stages[f"export-{fmt}"] = (wall, cpu)
        _, wall, cpu = _timed(lambda: build(seeds, settings))
        stages["no-op build"] = (wall, cpu)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = {
            "documents": len(seeds), "words": words, "peak_rss_mb": round(peak_mb, 1),
            "stages": {name: {"wall_s": round(w, 3), "cpu_s": round(c, 3),
                              "words_per_s": round(words / w) if w else None,
                              "docs_per_s": round(len(seeds) / w, 1) if w else None}
                       for name, (w, c) in stages.items()},
        }
        total = sum(w for name, (w, _) in stages.items() if name != "no-op build")
        result["total"] = {"wall_s": round(total, 3), "words_per_s": round(words / total)}
        if args.json:
            print(json.dumps(result, indent=1))
        else:
            print(f"bench: {len(seeds)} documents, {words:,} words, one process, "
                  f"peak RSS {peak_mb:.0f} MB")
            for name, s in result["stages"].items():
                print(f"  {name:<12} {s['wall_s']:>8.2f} s wall {s['cpu_s']:>8.2f} s cpu "
                      f"{s['words_per_s'] or 0:>12,} words/s {s['docs_per_s'] or 0:>8} docs/s")
            print(f"  {'total':<12} {total:>8.2f} s wall {'':>21} "
                  f"{result['total']['words_per_s']:>12,} words/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
