"""The OCR checker's readings and damage signals, kept from one run to the next.

The readings of a damaged word (a search of the whole lexicon) and whether a word looks
damaged depend on the lexicon, the confusion table and the code, never on the document.
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
from pipeline.lexicon import Lexicon, cache_dir, wordfreq_version

MAX_WORDS = 200_000  # per table; past it the file stops growing


def key(fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\nwordfreq {wordfreq_version()}".encode()).hexdigest()


def path_for(key: str) -> Path:
    return cache_dir() / f"ocr-{key[:32]}.json"


def load(lexicon: Lexicon, key: str) -> None:
    """Fill the lexicon's caches from the file for `key`, if there is one."""
    rank, signal = _read(path_for(key))
    lexicon.rank_cache.update(rank)
    lexicon.signal_cache.update(signal)


def take(lexicon: Lexicon) -> tuple[dict, dict]:
    """What the lexicon worked out since the last take: (readings, signals)."""
    fresh = lexicon.fresh
    rank, signal = fresh["rank"], fresh["signal"]
    lexicon.fresh = {"rank": {}, "signal": {}}
    return rank, signal


def save(key: str, rank: dict, signal: dict) -> None:
    """Add new readings and signals to the file for `key` (a failed write costs only time)."""
    if not rank and not signal:
        return
    path = path_for(key)
    old_rank, old_signal = _read(path)
    for table, new in ((old_rank, rank), (old_signal, signal)):
        for word, value in new.items():
            if len(table) >= MAX_WORDS:
                break
            table[word] = value
    data = {"rank": {w: [list(r) for r in v] for w, v in old_rank.items()},
            "signal": old_signal}
    try:
        atomic_write(path, json.dumps(data, ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass


def _read(path: Path) -> tuple[dict, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rank = {w: [tuple(r) for r in v] for w, v in data["rank"].items()}
        signal = {w: bool(v) for w, v in data["signal"].items()}
        return rank, signal
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}
