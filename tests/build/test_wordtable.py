"""The copy of wordfreq's table: the same numbers as wordfreq, written once, and a
cache directory that cannot hold it costs only time."""

import random

import pytest
import wordfreq

from pipeline.build import language, wordtable


@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    wordtable._frequency_db.cache_clear()
    language.english_zipf.cache_clear()
    yield tmp_path / "cache"
    wordtable._frequency_db.cache_clear()
    language.english_zipf.cache_clear()


def _sample(n: int) -> list[str]:
    rnd = random.Random(3)
    words = rnd.sample(sorted(w for w in wordtable._frequencies() if w.isalpha()), n)
    return words + [w.capitalize() for w in words[:200]] + [w.upper() for w in words[:200]]


def test_the_copy_is_written_once_and_gives_wordfreqs_numbers(fresh_table):
    words = _sample(2000) + ["Straße", "ΟΔΟΣ", "İstanbul", "l'amour", "New York", "x"]
    assert [language.english_zipf(w) for w in words] == [
        wordfreq.zipf_frequency(w, "en") for w in words]
    (copy,) = fresh_table.glob("wordfreq-*-en-best.sqlite")
    stamp = copy.stat().st_mtime_ns
    wordtable._frequency_db.cache_clear()  # a new process: the copy is read, not written
    assert wordtable.table_zipf("street") == wordfreq.zipf_frequency("street", "en")
    assert copy.stat().st_mtime_ns == stamp


def test_an_unwritable_cache_directory_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(blocker / "cache"))
    wordtable._frequency_db.cache_clear()
    try:
        assert wordtable._frequency_db(0) is None
        assert wordtable.table_zipf("street") == wordfreq.zipf_frequency("street", "en")
    finally:
        wordtable._frequency_db.cache_clear()


def test_a_damaged_copy_falls_back_to_wordfreq(fresh_table):
    fresh_table.mkdir(parents=True)
    path = fresh_table / f"wordfreq-{wordtable.wordfreq_version()}-en-best.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    assert wordtable.table_zipf("street") == wordfreq.zipf_frequency("street", "en")
