"""The bench corpus: reproducible, and prose that does not repeat (pipeline/tools/corpus.py)."""

from __future__ import annotations

from collections import Counter

from conftest import AUTHORITY, SEEDS
from pipeline.tools import corpus


def test_prose_paragraphs_do_not_repeat(tmp_path):
    files = corpus.generate(SEEDS, tmp_path, 12, AUTHORITY, words=3000)
    blocks = [b for f in files for b in f.read_text(encoding="utf-8").split("\n\n")
              if len(b.split()) >= corpus.PROSE_WORDS]
    counts = Counter(blocks)
    # Whole seed paragraphs used again would let the span cache answer a first build.
    assert len(blocks) > 100 and len(counts) >= 0.97 * len(blocks)


def test_sentences_come_from_the_seeds_whole():
    text = "First one here. Second one, longer, ends here! “Third” one? Yes. No"
    assert corpus._sentences(text) == ["First one here.", "Second one, longer, ends here!",
                                       "“Third” one?", "Yes.", "No"]
    assert corpus._sentences("A heading") == []
