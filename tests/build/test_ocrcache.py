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
    [kept] = cache.glob("ocr-*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    assert data["rank"] and data["signal"]  # 004 is damaged: there was a search
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
    warm = _build(tmp_path / "b", cache, monkeypatch)
    assert warm == cold
    assert searches == []  # every reading and every rare word's frequency came from the file
    monkeypatch.setattr(lexicon, "english_zipf", english_zipf)
    kept.write_text('{"rank": {"x": ', encoding="utf-8")  # cut short
    assert _build(tmp_path / "c", cache, monkeypatch) == cold
    assert json.loads(kept.read_text(encoding="utf-8"))["rank"]


def test_readings_are_kept_per_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    one, other = ocrcache.key("code-1"), ocrcache.key("code-2")
    assert one != other and ocrcache.path_for(one) != ocrcache.path_for(other)
    ocrcache.save(one, {"rank": {"teh": [("the", 7.1, 0.6)]}, "signal": {"teh": True},
                        "zipf": {"teh": 2.1}})
    ocrcache.save(one, {"rank": {}, "signal": {"cat": False}, "zipf": {}})  # adds to it
    assert ocrcache._read_all(one) == {
        "rank": {"teh": [("the", 7.1, 0.6)]}, "signal": {"teh": True, "cat": False},
        "zipf": {"teh": 2.1}}
    assert ocrcache._read_all(other) == {"rank": {}, "signal": {}, "zipf": {}}


def test_small_additions_go_to_the_journal_and_are_merged_later(tmp_path, monkeypatch):
    """A run that adds a few words appends a line; a torn line is skipped; a long journal
    is merged into the file and removed."""
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    k = ocrcache.key("code")
    path, journal = ocrcache.path_for(k), ocrcache.journal_for(k)
    empty = {"rank": {}, "signal": {}, "zipf": {}}
    ocrcache.save(k, {**empty, "zipf": {"teh": 2.1}})
    assert path.exists() and not journal.exists()  # the first save writes the file
    before = path.read_bytes()
    ocrcache.save(k, {**empty, "signal": {"cat": False}})
    ocrcache.save(k, {**empty, "rank": {"rnen": [("men", 6.2, 0.3)]}})
    assert path.read_bytes() == before and len(journal.read_bytes().splitlines()) == 2
    with open(journal, "ab") as fh:
        fh.write(b'{"rank": {"x": [')  # a run stopped in the middle of its line
    want = {"rank": {"rnen": [("men", 6.2, 0.3)]}, "signal": {"cat": False},
            "zipf": {"teh": 2.1}}
    assert ocrcache._read_all(k) == want
    monkeypatch.setattr(ocrcache, "COMPACT_AT", 10)
    ocrcache.save(k, {**empty, "zipf": {"sorne": 1.2}})
    assert not journal.exists()
    assert ocrcache._read(path) == {**want, "zipf": {"teh": 2.1, "sorne": 1.2}}
