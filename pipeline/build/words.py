"""Letter-words: the unit of the no-word-lost rule, counted the same way everywhere."""

from __future__ import annotations

import collections
import re

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei

WORD = re.compile(r"[^\W\d_]+")
_SKIPPED = {tei("corr"), tei("reg"), tei("expan")}


def letter_words(text: str) -> collections.Counter[str]:
    return collections.Counter(WORD.findall(text))


def count_words(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def source_text_of(text_el: etree._Element) -> str:
    """The words of a TEI <text> as the source had them: sic not corr, no pipeline additions."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.get("resp") == "#pipeline" or el.tag in _SKIPPED:
            return
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return " ".join(parts)


class WordsLost(PipelineError):
    """The TEI would not hold every word of the source: nothing is written."""


def check_conservation(source, root: etree._Element) -> None:
    want = letter_words(source.text)
    got = letter_words(source_text_of(root.find(tei("text"))))
    if want != got:
        lost, added = want - got, got - want
        raise WordsLost(
            f"internal error: the TEI would not hold the source's words "
            f"(lost {sorted(lost)[:5]}, added {sorted(added)[:5]}); nothing was written",
            str(source.path))
