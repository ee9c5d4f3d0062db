"""The model's spans kept between runs, by block text, so that an authority edit or a
changed seed costs model time only for the blocks that are new.

One SQLite file per model (named by its fingerprint: the model, its version and
spaCy's), in the cache directory: `{sha1 of the block text: [[start, end, kind], ...]}`.
A run looks up only the blocks of the documents it encodes, so a one-change build costs
the same at N=1,000 as at N=10 (the JSON-lines file this replaces was read whole: 8 MB,
0.3 s at N=1,000). Each run adds what it worked out in one transaction, so two runs
never interleave; a file past MAX_BYTES is started afresh. A damaged or locked file
is skipped. Deleting the file is always safe: the next build is slower, never different.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from pipeline.build.names.model import fingerprint
from pipeline.core.paths import cache_dir
from pipeline.core.sqlitecache import add_rows, connect_ro

MAX_BYTES = 256 << 20
_SCHEMA = "CREATE TABLE IF NOT EXISTS spans (key TEXT PRIMARY KEY, spans TEXT NOT NULL)"


def path_for(model_name: str) -> Path:
    digest = hashlib.sha256(fingerprint(model_name).encode()).hexdigest()[:24]
    return cache_dir() / f"ner-{digest}.sqlite"


class Kept:
    """The spans earlier runs kept, looked up by block key; a dict's `get` and `len`.

    The connection is opened on first use in each process (a forked worker opens its
    own: SQLite connections must not cross a fork)."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def _connection(self) -> sqlite3.Connection | None:
        if self._pid != os.getpid():  # once per process: the file is added to at the end
            self._pid = os.getpid()
            self._db = connect_ro(self.path) if self.path.exists() else None
        return self._db

    def get(self, key: str, default=None):
        db = self._connection()
        if db is None:
            return default
        try:
            row = db.execute("SELECT spans FROM spans WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row else default
        except (sqlite3.Error, ValueError):
            return default  # a damaged file: the block is worked out again

    def __len__(self) -> int:
        db = self._connection()
        try:
            return db.execute("SELECT count(*) FROM spans").fetchone()[0] if db else 0
        except sqlite3.Error:
            return 0

    def __getstate__(self):  # a connection cannot be pickled; the worker opens its own
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


def read(model_name: str) -> Kept:
    """Everything kept for the model, by block key (looked up, never read whole)."""
    path = path_for(model_name)
    old = path.with_suffix(".jsonl")
    if old.exists() and not path.exists():
        save(model_name, _read_lines(old))  # the earlier format, taken over once
        old.unlink(missing_ok=True)
    return Kept(path)


def _read_lines(path: Path) -> dict[str, list]:
    """The JSON-lines file of earlier versions; a damaged line is skipped."""
    out: dict[str, list] = {}
    try:
        with open(path, "rb") as fh:
            for line in fh:
                try:
                    data = json.loads(line)
                except ValueError:
                    continue
                if isinstance(data, dict):
                    out.update(data)
    except OSError:
        pass
    return out


def save(model_name: str, fresh: dict[str, list]) -> None:
    """Add what this run worked out, in one transaction; a failed write costs only time."""
    if not fresh:
        return
    path = path_for(model_name)
    rows = [(k, json.dumps(v, separators=(",", ":"))) for k, v in fresh.items()]
    add_rows(path, _SCHEMA, "INSERT OR REPLACE INTO spans VALUES (?, ?)", rows, MAX_BYTES)
