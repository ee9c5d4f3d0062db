"""Letter-words: the unit of the no-word-lost rule, counted the same way everywhere."""

from __future__ import annotations

import collections
import re

from lxml import etree

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
