"""The OCR checker's readings and damage signals, kept from one run to the next.

The readings of a damaged word (a search of the whole lexicon), whether a word looks
damaged, and the frequency of words rarer than the lexicon's own list (looked up in
wordfreq's whole table, which takes half a second to load) depend on the lexicon, the
confusion table and the code, never on the document.
So what one run worked out is kept, and the next run starts from it: a rebuild after a
changed document searches only its new words, not all of them again.

The file is plain JSON in the cache directory (pipeline/lexicon.py: ARCHIVE_CACHE_DIR or
~/.cache/archive-pipeline), named by a fingerprint of everything the results depend on
(code, word lists, authority file, wordfreq version), so a change to any of them starts
a new file. A damaged or unreadable file is ignored; writes are atomic.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.fsutil import atomic_write
from pipeline.lexicon import TABLES, Lexicon, cache_dir, wordfreq_version

MAX_WORDS = 200_000  # per table; past it the file stops growing


def key(fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\nwordfreq {wordfreq_version()}".encode()).hexdigest()


def path_for(key: str) -> Path:
    return cache_dir() / f"ocr-{key[:32]}.json"


def load(lexicon: Lexicon, key: str) -> None:
    """Fill the lexicon's caches from the file for `key`, if there is one."""
    for table, kept in _read(path_for(key)).items():
        lexicon.caches[table].update(kept)


def take(lexicon: Lexicon) -> dict[str, dict]:
    """What the lexicon worked out since the last take, table by table."""
    fresh = lexicon.fresh
    lexicon.fresh = {table: {} for table in TABLES}
    return fresh


def save(key: str, fresh: dict[str, dict]) -> None:
    """Add what was worked out to the file for `key` (a failed write costs only time)."""
    if not any(fresh.values()):
        return
    path = path_for(key)
    kept = _read(path)
    for table, new in fresh.items():
        old = kept[table]
        for word, value in new.items():
            if len(old) >= MAX_WORDS:
                break
            old[word] = value
    kept["rank"] = {w: [list(r) for r in v] for w, v in kept["rank"].items()}
    try:
        atomic_write(path, json.dumps(kept, ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass


def _read(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"rank": {w: [tuple(r) for r in v] for w, v in data["rank"].items()},
                "signal": {w: bool(v) for w, v in data["signal"].items()},
                "zipf": {w: float(v) for w, v in data["zipf"].items()}}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {table: {} for table in TABLES}
