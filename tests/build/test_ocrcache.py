"""Tests of the OCR checker's readings and signals kept between runs."""

import json

from pipeline.build.ocr import cache as ocrcache
from pipeline.build.stage import build
from pipeline.core.settings import BuildSettings

from conftest import AUTHORITY, SEEDS


def _build(out, cache_dir, monkeypatch):
    """A build as a new `archive` process runs it: no lexicon left from an earlier one."""
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr("pipeline.build.stage._LEXICONS", {})
    report = build(SEEDS, BuildSettings(out_dir=out, authority=AUTHORITY, force=True))
    assert not report.failed, report.failed
    return {p.name: p.read_bytes() for p in sorted(out.glob("0*.xml"))}


def test_kept_readings_give_the_same_tei(tmp_path, monkeypatch):
    """A run that starts from an earlier run's readings writes the same bytes as one that
    works everything out; a damaged file is ignored and written again."""
    cache = tmp_path / "cache"
    cold = _build(tmp_path / "a", cache, monkeypatch)
    [kept] = cache.glob("ocr-*.sqlite")
    data = _everything(kept)
    assert data["rank"] and data["signal"]  # 004 is damaged: there was a search
    assert data["block"]  # and each text's findings, with the counts they read
    assert "Sh6ngjin" in data["signal"] or any("Sh6ngjin" in w for w in data["rank"])
    from pipeline.build.ocr import OcrChecker

    searches = []
    search = OcrChecker._search
    monkeypatch.setattr(OcrChecker, "_search",
                        lambda self, core: searches.append(core) or search(self, core))
    assert data["zipf"]  # rare words' frequencies
    from pipeline.build.ocr import lexicon

    english_zipf = lexicon.english_zipf
    monkeypatch.setattr(lexicon, "english_zipf", lambda word: searches.append(word) or 0.0)
    # The date rules' hits too (build/dates/kept.py): a text with a year, one without.
    assert any(hits and hits[0][2] == "date" for hits in data["dates"].values())
    assert [] in data["dates"].values()
    from pipeline.build.dates import tagger

    dated = []
    find = tagger.find
    monkeypatch.setattr(tagger, "find", lambda text: dated.append(text) or find(text))
    warm = _build(tmp_path / "b", cache, monkeypatch)
    assert warm == cold
    assert searches == []  # every reading and every rare word's frequency came from the file
    assert dated == []  # and every text's dates
    monkeypatch.setattr(tagger, "find", find)
    monkeypatch.setattr(lexicon, "english_zipf", english_zipf)
    kept.write_bytes(b"SQLite format 3\x00 cut short")  # a damaged file
    assert _build(tmp_path / "c", cache, monkeypatch) == cold
    assert _everything(kept)["rank"]  # started afresh, and filled again


def _everything(path):
    """The tables of a kept file, read straight from it."""
    import sqlite3

    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT tbl, word, value FROM kept").fetchall()
    finally:
        db.close()
    out = {"rank": {}, "signal": {}, "zipf": {}, "block": {}, "dates": {}}
    for table, word, value in rows:
        out[table][word] = json.loads(value)
    return out


def test_readings_are_kept_per_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    one, other = ocrcache.key("code-1"), ocrcache.key("code-2")
    assert one != other and ocrcache.path_for(one) != ocrcache.path_for(other)
    ocrcache.save(one, {"rank": {"teh": [("the", 7.1, 0.6)]}, "signal": {"teh": True},
                        "zipf": {"teh": 2.1}})
    ocrcache.save(one, {"rank": {}, "signal": {"cat": False}, "zipf": {}})  # adds to it
    assert ocrcache.read_all(one) == {
        "rank": {"teh": [("the", 7.1, 0.6)]}, "signal": {"teh": True, "cat": False},
        "zipf": {"teh": 2.1}, "block": {}, "dates": {}}
    assert ocrcache.read_all(other) == {"rank": {}, "signal": {}, "zipf": {}, "block": {},
                                        "dates": {}}


def test_a_lexicon_asks_the_file_only_for_its_own_words(tmp_path, monkeypatch):
    """The lexicon's caches hold nothing at first; a word is looked up when asked for,
    kept once found, and a word the file lacks is asked for only once."""
    from pipeline.build.ocr.lexicon import Lexicon

    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    k = ocrcache.key("code")
    ocrcache.save(k, {"rank": {"rnen": [("men", 6.2, 0.3)]}, "signal": {"cat": False},
                      "zipf": {"sorne": 1.2}})
    lex = Lexicon()
    ocrcache.load(lex, k)
    assert len(lex.rank_cache) == 0 and len(lex.signal_cache) == 0
    assert lex.rank_cache.get("rnen") == [("men", 6.2, 0.3)] and "cat" in lex.signal_cache
    assert lex.signal_cache["cat"] is False and lex.zipf_cache.get("sorne") == 1.2
    assert "dog" not in lex.signal_cache and lex.signal_cache.asked == {"dog"}
    assert len(lex.rank_cache) == 1 and not any(take for take in ocrcache.take(lex).values())


def test_a_cache_directory_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(blocker / "cache"))
    k = ocrcache.key("code")
    ocrcache.save(k, {"rank": {}, "signal": {"cat": False}, "zipf": {}})  # no error
    assert ocrcache.read_all(k) == {"rank": {}, "signal": {}, "zipf": {}, "block": {}, "dates": {}}


def test_what_workers_work_out_is_kept_as_the_build_goes(tmp_path, monkeypatch):
    """Every SAVE_EVERY documents the build adds what its workers worked out to the cache
    files and forgets it, so its own memory does not grow with the collection."""
    from pipeline.build import stage

    saved = []
    save = ocrcache.save
    monkeypatch.setattr(stage.ocrcache, "save",
                        lambda key, fresh: saved.append(len(fresh["block"])) or save(key, fresh))
    monkeypatch.setattr(stage, "SAVE_EVERY", 1)
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("pipeline.build.stage._LEXICONS", {})
    report = build(SEEDS, BuildSettings(out_dir=tmp_path / "a", authority=AUTHORITY,
                                        model=None, gazetteer=False))
    assert not report.failed
    # A save per document (only the OCR'd seed has findings to keep), and the last finds
    # nothing left.
    assert len(saved) == len(SEEDS) + 1 and max(saved) > 0 and saved[-1] == 0
    [kept] = (tmp_path / "cache").glob("ocr-*.sqlite")
    assert len(_everything(kept)["block"]) == sum(saved)
