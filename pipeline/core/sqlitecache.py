"""Cache files in SQLite: read one key at a time, added to in one transaction.

The build keeps what it worked out (the model's spans, the OCR checker's readings) in
the cache directory. Such a file is never needed: a damaged one is started afresh, a
locked or unwritable one costs only time, and a read-only connection is opened per
process, since SQLite connections must not cross a fork.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_ro(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to `path`, or None if it cannot be opened."""
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5,
                               check_same_thread=False)
    except sqlite3.Error:
        return None


def add_rows(path: Path, schema: str, insert: str, rows: list[tuple],
             max_bytes: int) -> None:
    """Run `schema`, then `insert` for every row, in one transaction. A file past
    `max_bytes`, or damaged, is started afresh (once); a locked or unwritable file, or
    directory, is left as it is."""
    for _ in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > max_bytes:
                path.unlink()
            db = sqlite3.connect(path, timeout=30)
            try:
                with db:
                    db.execute(schema)
                    db.executemany(insert, rows)
            finally:
                db.close()
            return
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # another run holds it: what this run worked out is worked out again
            try:
                path.unlink(missing_ok=True)  # damaged: started afresh
            except OSError:
                return
        except OSError:
            return
