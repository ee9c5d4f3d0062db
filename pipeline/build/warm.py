"""Seeds encoded in the model server, a warm worker for one-document builds.

A rebuild of one document encodes it in the `archive` process, which each time imports
the encoding, opens the word tables, loads the bigrams and asks the cache files again
for what the document's words were found to be. The model server (names/server.py),
which such builds keep running, holds all that from the build before; so a build whose
server listened already hands it the task (names/helper.py, ModelHelper.encode), and
this process writes what comes back, as it writes a pool worker's results.

The server encodes with the code it read when it started: it keeps that code's bytes,
read before any of it was imported, and takes a task only when the fingerprint they
give, with the task's settings, is the build's. Once the code on disk is other than
that, it refuses every task and ends; the build encodes the seed itself. Like a pool
worker it ends after MAX_DOCUMENTS, so that what it holds stays bounded. It encodes in
the build's own directory. A build makes every path of its tasks absolute (the authority
file's too, when it is loaded), so this is a guard: an encoding that read anything
relative to the working directory would read what the build's own process reads.

Example:
    encoder = Encoder()   # in the server, before the build's modules are imported
    done, value = encoder.answer(task, fingerprint)
"""

from __future__ import annotations

import os

from pipeline.build.manifest import code_files

MAX_DOCUMENTS = 100  # as a pool worker's tasks (core/executor.py, TASKS_PER_WORKER)


class Encoder:
    """The server's side: the code it runs, and how many seeds it encoded."""

    def __init__(self):
        self.code = code_files()  # before the encoding is imported: see the module's text
        self.done = 0
        self.retired = False  # the code changed, or enough documents: end when idle

    def answer(self, task, fingerprint: str, cwd: str | None = None) -> tuple[str, object]:
        """("done", (ok, value, OCR cache key)) as build/stage.encode_task gives them, or
        ("stale", why) for a task of other code or settings. The task is encoded in the
        build's directory `cwd`, as the build would encode it (the server answers one
        task at a time, and only encodings read paths)."""
        from pipeline.build import fingerprints, stage
        from pipeline.build.names.authority import load

        if self.retired:
            return "stale", "this server is about to end"
        try:
            if cwd and cwd != os.getcwd():
                os.chdir(cwd)
        except OSError:
            return "stale", "the build's directory cannot be entered"
        ours = fingerprints.fingerprint_of(task.authority is not None, task.overrides,
                                           task.rejected, task.model, task.gazetteer,
                                           self.code)
        if ours != fingerprint:
            self.retired = code_files() != self.code
            return "stale", "another code or other settings"
        key = stage.ready(load(task.authority) if task.authority else None, fingerprint,
                          task.model)
        ok, value = stage.encode_task(task)
        self.done += 1
        self.retired = self.done >= MAX_DOCUMENTS
        return "done", (ok, value, key)

