"""What the OCR checker found in one text, kept between runs with what it read of the
document.

The checker's findings in a text depend on the text, the lexicon, the overrides and
the code (all in the key of the kept file: ocr/cache.py), and on three things of the
document it is in: its name (an override can name it), whether it is printed in early
modern spelling, and its own word counts, which the rules read only as "fewer than two"
or "two or more" (a word the document repeats is its own). So each text's findings
are kept with the counts its rules read, as that class; a later run takes them when
its document has every one of those counts in the same class, and checks the text
again otherwise. A one-change rebuild then checks its new paragraph, not the whole
document (pipeline/build/ocr/checker.py, `find`).

Example:
    recording: list[dict] = [{}]
    counts = Counts("c", recording)
    counts.get("tbe", 0)  # recording[0] == {("c", "tbe"): 0}
"""

from __future__ import annotations

import hashlib

from pipeline.build.ocr.text import Finding

REPEATED = 2  # the rules ask only whether a document prints a word this often


class Counts(dict):
    """A document's word counts that note each word the rules ask about, with its
    class (0, 1, or REPEATED for two or more), in every recording open."""

    def __init__(self, tag: str, recording: list[dict]):
        super().__init__()
        self.tag, self.recording = tag, recording

    def get(self, word, default=0):
        value = dict.get(self, word, default)
        for open_ in self.recording:
            open_[(self.tag, word)] = min(value, REPEATED)
        return value

    def add(self, word: str) -> None:
        """One more occurrence (counting is no reading: nothing is noted)."""
        self[word] = dict.get(self, word, 0) + 1

    def klass(self, word: str) -> int:
        return min(dict.get(self, word, 0), REPEATED)


def key(doc: str, historical: bool, text: str) -> str:
    """A text's key in the kept findings."""
    return hashlib.sha1(f"{doc}\0{int(historical)}\0{text}".encode("utf-8")).hexdigest()[:24]


def encode(read: dict, findings: list[Finding]) -> list:
    """What is kept: the words read, by count and class ({"c2": "the tbe"}: words are
    runs of non-space, so a space parts them), and the findings (no context: find()
    adds it)."""
    groups: dict[str, list[str]] = {}
    for (tag, word), value in sorted(read.items()):
        groups.setdefault(f"{tag}{value}", []).append(word)
    return [{group: " ".join(words) for group, words in groups.items()},
            [[f.start, f.end, f.sic, f.corr, f.cert, f.kind, f.runner_up, f.margin]
             for f in findings]]


def decode(kept: list, counts: dict[str, Counts]) -> list[Finding] | None:
    """The kept findings, if the document's counts are in the classes they were read
    in; None if any differs (the text must be checked again)."""
    read, rows = kept
    for group, words in read.items():
        tally, value = counts[group[0]], int(group[1:])
        if any(tally.klass(word) != value for word in words.split(" ")):
            return None
    return [Finding(*row) for row in rows]

