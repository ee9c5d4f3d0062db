"""The OCR checker's readings and damage signals, kept from one run to the next.

The readings of a damaged word (a search of the whole lexicon), whether a word looks
damaged, and the frequency of words rarer than the lexicon's own list depend on the
lexicon, the confusion table and the code, never on the document. So what one run
worked out is kept, and the next run starts from it: a rebuild after a changed
document searches only its new words, not all of them again.

The file is SQLite in the cache directory (ARCHIVE_CACHE_DIR or
~/.cache/archive-pipeline), named by a fingerprint of everything the results depend on
(code, word lists, the authority file's names, wordfreq and symspellpy versions), so a
change to any of them starts a new file. A run looks up only the words of its own documents
(the JSON file this replaces was read whole: 8 MB, 0.35 s at N=1,000) and adds what it
worked out in one transaction. A damaged file is started afresh; a locked or
unwritable one costs only time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from pipeline.build.ocr.lexicon import TABLES, Lexicon, wordfreq_version
from pipeline.core.paths import cache_dir
from pipeline.core.sqlitecache import add_rows, connect_ro

MAX_BYTES = 512 << 20  # past it the file starts afresh
_SCHEMA = ("CREATE TABLE IF NOT EXISTS kept (tbl TEXT NOT NULL, word TEXT NOT NULL, "
           "value TEXT NOT NULL, PRIMARY KEY (tbl, word)) WITHOUT ROWID")
_DECODE = {"rank": lambda v: [tuple(r) for r in v], "signal": bool, "zipf": float,
           "block": list, "dates": list}


def key(fingerprint: str) -> str:
    from pipeline.build.ocr.context import symspellpy_version

    return hashlib.sha256(f"{fingerprint}\nwordfreq {wordfreq_version()}\n"
                          f"symspellpy {symspellpy_version()}".encode()).hexdigest()


def path_for(key: str) -> Path:
    return cache_dir() / f"ocr-{key[:32]}.sqlite"


class _Reader:
    """One table of the file, word by word; a connection per process (none crosses a
    fork), opened on first use; a damaged file answers nothing."""

    def __init__(self, path: Path, table: str):
        self.path, self.table = path, table
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def __call__(self, word: str):
        if self._pid != os.getpid():
            self._db, self._pid = connect_ro(self.path), os.getpid()
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM kept WHERE tbl = ? AND word = ?",
                                   (self.table, word)).fetchone()
            return _DECODE[self.table](json.loads(row[0])) if row else None
        except (sqlite3.Error, ValueError, TypeError):
            return None


def load(lexicon: Lexicon, key: str) -> None:
    """Let the lexicon's caches ask the file for `key` about words they do not hold."""
    path = path_for(key)
    if path.exists():
        for table in TABLES:
            lexicon.caches[table].source = _Reader(path, table)


def take(lexicon: Lexicon) -> dict[str, dict]:
    """What the lexicon worked out since the last take, table by table."""
    fresh = lexicon.fresh
    lexicon.fresh = {table: {} for table in TABLES}
    return fresh


def save(key: str, fresh: dict[str, dict]) -> None:
    """Add what was worked out for `key`, in one transaction. A damaged file is started
    afresh (once); a locked or unwritable one costs only time."""
    rows = [(table, word, json.dumps(value, ensure_ascii=False))
            for table in TABLES for word, value in fresh.get(table, {}).items()]
    if not rows:
        return
    path = path_for(key)
    add_rows(path, _SCHEMA, "INSERT OR REPLACE INTO kept VALUES (?, ?, ?)", rows, MAX_BYTES)


def read_all(key: str) -> dict[str, dict]:
    """Everything kept for `key`, table by table (for `archive` tests and inspection)."""
    out: dict[str, dict] = {table: {} for table in TABLES}
    path = path_for(key)
    if not path.exists():
        return out
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for table, word, value in db.execute("SELECT tbl, word, value FROM kept"):
                if table in out:
                    out[table][word] = _DECODE[table](json.loads(value))
        finally:
            db.close()
    except (sqlite3.Error, ValueError, TypeError):
        return {table: {} for table in TABLES}
    return out
