"""Executors: run per-document tasks in this process, a local process pool, or on Dask.

Every stage hands its tasks to `run`, which yields the results in the order of the
tasks whatever order they finish in; the caller writes outputs and bookkeeping, so
a parallel run writes the same bytes as a serial one. Tasks are module-level
functions of picklable arguments; each worker keeps its own caches (the lexicon, the
compiled stylesheets), so start-up is paid once per worker, not once per document.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TypeVar

from pipeline.core.errors import PipelineError

A = TypeVar("A")
R = TypeVar("R")
KINDS = ("local", "dask")
# Tasks a local worker runs before the pool is made anew. A build worker grows by about
# half a megabyte a document (spaCy's string store, the lexicon's kept values); at 100
# it stays near 430 MB at any N (issue 21: 500 MB a process), and a new worker's start
# (about 1.5 s: the model, the word tables) costs about 1% of its hundred documents.
TASKS_PER_WORKER = 100


@dataclass
class ExecutorSettings:
    """How many workers, and where."""

    jobs: int = 0  # local worker processes; 0 = one per core, 1 = no pool at all
    kind: str = "local"  # local or dask
    scheduler: str | None = None  # Dask scheduler address (tcp://host:8786)

    def workers(self) -> int:
        return self.jobs or len(os.sched_getaffinity(0))


def run(task: Callable[[A], R], args: Iterable[A], settings: ExecutorSettings,
        count: int | None = None) -> Iterator[R]:
    """task(a) for every a, in order. `count`, when known, avoids a pool for one task."""
    if settings.kind == "dask":
        yield from _dask(task, args, settings)
        return
    if settings.kind != "local":
        raise PipelineError(f"unknown executor {settings.kind!r}; use local or dask")
    workers = settings.workers()
    if workers <= 1 or (count is not None and count <= 1):
        yield from map(task, args)
        return
    yield from _pool(task, args, workers)


def _pool(task: Callable[[A], R], args: Iterable[A], workers: int,
          per_worker: int | None = None) -> Iterator[R]:
    """task(a) for every a on `workers` processes, in order; a fresh pool for every
    `per_worker` tasks a worker, so that what a worker holds (spaCy's strings, the
    values its caches kept) is bounded by that and not by the size of the collection."""
    # imported here: every command starts faster without it (0.02 s), and one task needs no pool
    from concurrent.futures import ProcessPoolExecutor

    per_worker = per_worker or TASKS_PER_WORKER
    items = iter(args)
    for first in items:
        # fork, as before: the new workers start from this process, with what the
        # earlier ones added to the cache files by now (connections are per process).
        chunk = itertools.chain([first], itertools.islice(items, workers * per_worker - 1))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from _in_order(lambda a: pool.submit(task, a), chunk, workers * 4)


def _dask(task: Callable[[A], R], args: Iterable[A], settings: ExecutorSettings) -> Iterator[R]:
    try:
        from dask.distributed import Client
    except ImportError:
        raise PipelineError("--executor dask needs Dask: pip install '.[dask]'") from None
    if not settings.scheduler:
        raise PipelineError("--executor dask needs --scheduler ADDRESS (tcp://host:8786)")
    try:
        client = Client(settings.scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise PipelineError(f"cannot reach the Dask scheduler {settings.scheduler}: {exc}"
                            ) from None
    try:
        window = max(8, 4 * len(client.scheduler_info().get("workers", {})))
        yield from _in_order(lambda a: client.submit(task, a, pure=False), args, window)
    finally:
        client.close()


def _in_order(submit: Callable, args: Iterable, window: int) -> Iterator:
    """Results of submit(a).result() in the order of `args`, with at most `window` tasks
    in flight: results wait in memory only until their turn."""
    items = iter(args)
    pending = [submit(a) for a in itertools.islice(items, window)]
    while pending:
        result = pending.pop(0).result()
        pending += [submit(a) for a in itertools.islice(items, 1)]
        yield result
