"""The OCR checker's readings and damage signals, kept from one run to the next.

The readings of a damaged word (a search of the whole lexicon), whether a word looks
damaged, and the frequency of words rarer than the lexicon's own list (looked up in
wordfreq's whole table, which takes half a second to load) depend on the lexicon, the
confusion table and the code, never on the document.
So what one run worked out is kept, and the next run starts from it: a rebuild after a
changed document searches only its new words, not all of them again.

The file is plain JSON in the cache directory (pipeline/build/ocr/lexicon.py: ARCHIVE_CACHE_DIR or
~/.cache/archive-pipeline), named by a fingerprint of everything the results depend on
(code, word lists, authority file, wordfreq version), so a change to any of them starts
a new file. A run appends what it adds to a journal beside it (one JSON line), merged
into the file once the journal is long. A damaged or unreadable file or line is
ignored; the file is only ever replaced whole.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipeline.build.ocr.lexicon import TABLES, Lexicon, wordfreq_version
from pipeline.core.paths import cache_dir
from pipeline.core.fsutil import atomic_write

MAX_WORDS = 200_000  # per table; past it the file stops growing
COMPACT_AT = 1 << 20  # a journal this long (or half the file) is merged into the file


def key(fingerprint: str) -> str:
    from pipeline.build.ocr.context import symspellpy_version

    return hashlib.sha256(f"{fingerprint}\nwordfreq {wordfreq_version()}\n"
                          f"symspellpy {symspellpy_version()}".encode()).hexdigest()


def path_for(key: str) -> Path:
    return cache_dir() / f"ocr-{key[:32]}.json"


def journal_for(key: str) -> Path:
    """New results are appended here, one JSON line per run, and merged into the file
    now and then: a run that adds a few words does not rewrite megabytes."""
    return cache_dir() / f"ocr-{key[:32]}.log"


def load(lexicon: Lexicon, key: str) -> None:
    """Fill the lexicon's caches from the file and journal for `key`, if there are any."""
    for table, kept in _read_all(key).items():
        lexicon.caches[table].update(kept)


def take(lexicon: Lexicon) -> dict[str, dict]:
    """What the lexicon worked out since the last take, table by table."""
    fresh = lexicon.fresh
    lexicon.fresh = {table: {} for table in TABLES}
    return fresh


def save(key: str, fresh: dict[str, dict]) -> None:
    """Add what was worked out for `key`: appended to the journal, or, when the journal
    has grown (or the file is damaged), everything merged into a new file. A failed
    write costs only time."""
    if not any(fresh.values()):
        return
    path, journal = path_for(key), journal_for(key)
    line = _dump(fresh) + b"\n"
    try:
        base = path.stat().st_size if path.exists() else 0
        logged = journal.stat().st_size if journal.exists() else 0
        if base and logged + len(line) <= max(COMPACT_AT, base // 2):
            fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)  # one write: lines of two runs do not interleave
            finally:
                os.close(fd)
            return
        kept = _read_all(key)
        for table, new in fresh.items():
            old = kept[table]
            for word, value in new.items():
                if len(old) >= MAX_WORDS:
                    break
                old[word] = value
        atomic_write(path, _dump(kept))
        journal.unlink(missing_ok=True)
    except OSError:
        pass


def _read_all(key: str) -> dict[str, dict]:
    """The file's tables with every readable journal line added (a torn line is skipped).
    A damaged file is removed, so that the next save writes it whole again."""
    path = path_for(key)
    kept = _read(path)
    if kept is None:
        path.unlink(missing_ok=True)
        kept = {table: {} for table in TABLES}
    try:
        lines = journal_for(key).read_bytes().splitlines()
    except OSError:
        lines = []
    for line in lines:
        extra = _tables(line)
        if extra:
            for table, values in extra.items():
                kept[table].update(values)
    return kept


def _read(path: Path) -> dict[str, dict] | None:
    """The tables of the file, or None if it is missing or damaged."""
    try:
        return _tables(path.read_bytes())
    except OSError:
        return None


def _tables(data: bytes) -> dict[str, dict] | None:
    try:
        raw = json.loads(data)
        return {"rank": {w: [tuple(r) for r in v] for w, v in raw["rank"].items()},
                "signal": {w: bool(v) for w, v in raw["signal"].items()},
                "zipf": {w: float(v) for w, v in raw["zipf"].items()}}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _dump(tables: dict[str, dict]) -> bytes:
    data = {**tables, "rank": {w: [list(r) for r in v] for w, v in tables["rank"].items()}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
