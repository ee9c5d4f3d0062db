"""A text's OCR findings kept between runs (build/ocr/blocks.py): taken again only when
the document's counts are as they were for every word the rules read; a one-change
rebuild from kept findings writes what a build from nothing writes."""

import shutil

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.build.names.authority import load
from pipeline.build.ocr import OcrChecker, blocks
from pipeline.build.ocr.lexicon import Lexicon
from pipeline.build.stage import build
from pipeline.core.settings import BuildSettings

from conftest import AUTHORITY, SEEDS

TEXT = "Tubo weeks after the founding of the party, the irivaders came to the town."


@pytest.fixture(scope="module")
def authority():
    return load(AUTHORITY)


def _check(texts, lexicon, doc="d"):
    checker = OcrChecker(lexicon, doc=doc)
    checker.decide(texts)
    return [[(f.start, f.end, f.sic, f.corr, f.kind, f.cert) for f in checker._findings(t)]
            for t in texts]


def test_counts_note_the_class_of_each_word_read():
    recording: list[dict] = []
    counts = blocks.Counts("c", recording)
    counts.update(once=1, thrice=3)
    assert counts.get("once", 0) == 1  # nothing open: nothing noted
    recording.append({})
    assert counts.get("thrice", 0) == 3 and counts.get("never", 0) == 0
    assert recording[0] == {("c", "thrice"): 2, ("c", "never"): 0}
    kept = blocks.encode(recording[0], [])
    assert blocks.decode(kept, {"c": counts}) == []
    counts["never"] = 2  # now repeated: the kept findings no longer hold
    assert blocks.decode(kept, {"c": counts}) is None


def test_kept_findings_are_taken_while_the_counts_hold(authority, monkeypatch):
    lexicon = Lexicon(authority)
    first = _check([TEXT], lexicon)
    assert [f[2:4] for f in first[0]] == [("Tubo", "Two"), ("irivaders", "invaders")]
    scanned = []
    scan = OcrChecker._scan
    monkeypatch.setattr(OcrChecker, "_scan", lambda self, t: scanned.append(t) or scan(self, t))
    assert _check([TEXT], lexicon) == first and scanned == []
    # The same text in a document that repeats its damaged words is checked again, and
    # the rules read it otherwise ("irivaders" twice more: a word of the document's own).
    repeated = [TEXT, "Tubo and Tubo again, irivaders and irivaders."]
    warm = _check(repeated, lexicon)
    assert scanned == repeated
    assert warm == _check(repeated, Lexicon(authority)) and warm[0] != first[0]
    # Another document's findings are its own: an override can name it.
    scanned.clear()
    assert _check([TEXT], lexicon, doc="other") == first and scanned == [TEXT]


WORDS = st.sampled_from(["the", "irivaders", "Tubo", "weeks", "came", "agreernent",
                         "national", "town", "tbe", "men", "wore", "tired", "of"])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1,
                max_size=4),
       st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), max_size=3))
def test_findings_from_kept_texts_are_those_worked_out_afresh(authority, texts, more):
    lexicon = Lexicon(authority)
    _check(texts, lexicon)  # keeps each text's findings
    changed = texts + more  # the document grows: some counts move on
    assert _check(changed, lexicon) == _check(changed, Lexicon(authority))


def test_a_one_change_rebuild_from_kept_findings_is_a_build_from_nothing(
        tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEEDS:
        shutil.copy2(seed, seeds / seed.name)
    settings_ = dict(authority=AUTHORITY, model=None, gazetteer=False)
    monkeypatch.setattr("pipeline.build.stage._LEXICONS", {})
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "warm"))
    before = build(sorted(seeds.glob("*.txt")), BuildSettings(out_dir=tmp_path / "a",
                                                             **settings_))
    assert not before.failed
    # Repeat, in a new paragraph, every word the checker corrected in the damaged seed:
    # the document's counts change, and with them how its earlier paragraphs are read.
    damaged = max(seeds.glob("*.txt"), key=lambda p: (tmp_path / "a" / (p.stem + ".xml"))
                  .read_text(encoding="utf-8").count("<sic>"))
    tei = (tmp_path / "a" / (damaged.stem + ".xml")).read_text(encoding="utf-8")
    sics = sorted({s.split("</sic>")[0] for s in tei.split("<sic>")[1:] if "<" not in
                   s.split("</sic>")[0]})
    assert len(sics) > 5
    with open(damaged, "a", encoding="utf-8") as fh:
        fh.write("\n\n" + " ".join(s for s in sics for _ in range(2)) + "\n")
    monkeypatch.setattr("pipeline.build.stage._LEXICONS", {})
    build([damaged], BuildSettings(out_dir=tmp_path / "a", **settings_))
    monkeypatch.setattr("pipeline.build.stage._LEXICONS", {})
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cold"))
    build([damaged], BuildSettings(out_dir=tmp_path / "b", **settings_))
    after = (tmp_path / "a" / (damaged.stem + ".xml")).read_bytes()
    assert after == (tmp_path / "b" / (damaged.stem + ".xml")).read_bytes()
    old_part = tei.split("<back>")[0].split("</body>")[0]
    assert after.decode("utf-8").split("</body>")[0][:len(old_part)] != old_part


def test_a_text_read_through_the_documents_memo_keeps_what_the_memo_read(authority):
    """The second "irivaders" of a document is read from the document's memo, made at
    the first: its text's kept findings depend on the count that memo read all the same
    (at a text's start nothing else reads it: no word before it for the context rule)."""
    lexicon = Lexicon(authority)
    both = _check(["irivaders came.", "irivaders went."], lexicon)  # twice: its own word
    alone = _check(["irivaders went."], lexicon)  # once: a misreading again
    assert alone == _check(["irivaders went."], Lexicon(authority))
    assert alone[0] != both[1]


def test_a_words_finding_is_taken_from_an_earlier_document_only_in_its_classes(authority,
                                                                               monkeypatch):
    lexicon = Lexicon(authority)
    worked = []
    at_zero = OcrChecker._word_at_zero
    monkeypatch.setattr(OcrChecker, "_word_at_zero",
                        lambda self, *key: worked.append(key[0]) or at_zero(self, *key))
    first = _check([TEXT], lexicon, doc="a")
    assert "irivaders" in worked
    worked.clear()
    assert _check([TEXT], lexicon, doc="b") == first  # another document: no kept text
    assert worked == []  # every word's finding taken from document a's
    # A document that repeats the word reads its count in another class: worked out again.
    repeated = [TEXT, "irivaders and irivaders."]
    assert _check(repeated, lexicon, doc="c") == _check(repeated, Lexicon(authority), doc="c")
    assert "irivaders" in worked


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1,
                         max_size=4), min_size=2, max_size=4))
def test_findings_after_other_documents_are_those_of_a_fresh_run(authority, documents):
    lexicon = Lexicon(authority)
    for n, texts in enumerate(documents):  # each document after the ones before it
        assert _check(texts, lexicon, doc=f"d{n}") == _check(texts, Lexicon(authority),
                                                             doc=f"d{n}")
