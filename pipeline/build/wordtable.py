"""wordfreq's English frequencies, looked up without importing wordfreq: a copy of its
table in the cache directory (SQLite, written once per wordfreq version), read one
word at a time. Importing wordfreq and loading its table took half a second of a
one-document build, for the handful of words no earlier run had looked up."""

from __future__ import annotations

import functools
import math
import os
import sqlite3
import unicodedata
from pathlib import Path

from pipeline.core.paths import cache_dir

ENGLISH = "en"


def wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def table_zipf(word: str) -> float | None:
    """wordfreq.zipf_frequency(word, "en") for a word its tokenizer leaves whole (plain
    letters, perhaps a possessive 's), else None: the caller asks wordfreq itself.

    Example:

        table_zipf("street")  # 5.03, as wordfreq says; table_zipf("l'amour") is None
    """
    text = word.replace("’", "'")
    stem = text[:-2] if text.endswith("'s") else text
    if len(stem) > 1 and plain(stem):
        return _plain_zipf(text)
    return None


def plain(word: str) -> bool:
    """Letters that lower-casing and NFC leave as they are: wordfreq's table holds such
    a word as it is, without its tokenizer's changes."""
    return word.isalpha() and word == word.casefold() and unicodedata.is_normalized("NFC", word)


def _plain_zipf(word: str) -> float:
    """wordfreq.zipf_frequency for a plain word (letters that lower-case and NFC leave
    as they are, perhaps with a possessive 's), read straight from its table: its own
    arithmetic, without its tokenizer, which took a sixth of a one-document build. The
    two are tested equal; other words ("l'amour", "ma'am", "'tis") still go through
    wordfreq, which splits some of them."""
    freq = _table_frequency(word)
    if not freq:
        return 0.0
    freq = 1.0 / (1.0 / freq)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict(ENGLISH, "best")


def _table_frequency(word: str) -> float | None:
    """wordfreq's frequency of `word`, from the table copy (or wordfreq's own table if
    the copy cannot be written or read)."""
    db = _frequency_db(os.getpid())  # a connection per process: none crosses a fork
    if db is None:
        return _frequencies().get(word)
    try:
        row = db.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
    except sqlite3.Error:
        return _frequencies().get(word)
    return row[0] if row else None


@functools.lru_cache(maxsize=1)
def _frequency_db(_pid: int) -> sqlite3.Connection | None:
    """The table copy, written once (atomically) from wordfreq; None if it cannot be."""
    path = cache_dir() / f"wordfreq-{wordfreq_version()}-{ENGLISH}-best.sqlite"
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(tmp)
            with db:
                db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f REAL NOT NULL) "
                           "WITHOUT ROWID")
                db.executemany("INSERT INTO freq VALUES (?, ?)", _frequencies().items())
            db.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error):
            try:
                Path(tmp).unlink(missing_ok=True)
            except OSError:
                pass  # the directory itself cannot be written: nothing was left there
            return None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
