"""Letter-words: the unit of the no-word-lost rule, counted the same way everywhere."""

from __future__ import annotations

import collections
import re

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei
from pipeline.core.surface import text_parts

WORD = re.compile(r"[^\W\d_]+")
_SKIPPED = {tei("corr"), tei("reg"), tei("expan")}


def letter_words(text: str) -> collections.Counter[str]:
    return collections.Counter(WORD.findall(text))


def count_words(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def source_text_of(text_el: etree._Element) -> str:
    """The words of a TEI <text> as the source had them: sic not corr, no pipeline additions."""
    return " ".join(text_parts(text_el, lambda el: el.get("resp") == "#pipeline"
                               or el.tag in _SKIPPED))


class WordsLost(PipelineError):
    """The TEI would not hold every word of the source: nothing is written."""


def check_conservation(source, root: etree._Element) -> None:
    want = letter_words(source.text)
    got = letter_words(source_text_of(root.find(tei("text"))))
    if want != got:
        lost, added = _unglued(want - got, got - want)
        if not lost and not added:
            return
        raise WordsLost(
            f"internal error: the TEI would not hold the source's words "
            f"(lost {sorted(lost)[:5]}, added {sorted(added)[:5]}); nothing was written",
            str(source.path))


def _unglued(lost, added):
    """Take out of `lost` the words the TEI holds split in two where a lower-case
    letter runs into a capital: a fact box label glued to its value in the copy
    ("DateApril" -> label "Date", item "April"; build/structure/blocks.py)."""
    lost, added = collections.Counter(lost), collections.Counter(added)
    for word in list(lost):
        for _ in range(lost[word]):
            cut = next((i for i in range(1, len(word)) if word[i - 1].islower()
                        and word[i].isupper() and added[word[:i]] and added[word[i:]]), None)
            if cut is None:
                break
            lost[word] -= 1
            added[word[:cut]] -= 1
            added[word[cut:]] -= 1
    return +lost, +added


def as_printed_if_lost(encode, *args):
    """encode(*args); should the TEI not hold every word (WordsLost), encode again with
    the line ends as printed. Joining words broken at line ends is the one rule that
    moves letters (build/structure/hyphens.py): a document is never refused for it."""
    from pipeline.build.structure.hyphens import JOINING

    try:
        return encode(*args)
    except WordsLost:
        token = JOINING.set(False)
        try:
            return encode(*args)
        finally:
            JOINING.reset(token)
