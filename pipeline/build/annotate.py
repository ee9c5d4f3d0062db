"""Annotating text in place: find spans in the text nodes of a TEI tree and wrap them.

Used by the inline taggers (names, dates, OCR corrections), which see plain strings
and return hits; this module does the tree surgery, in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from lxml import etree

from pipeline.core.ns import tei


@dataclass
class Hit:
    """Wrap text[start:end] in a TEI element `tag` with `attrs`; `build`, if given,
    fills the element from the covered text instead (a choice with sic and corr)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    build: Callable[[etree._Element, str], None] | None = None


def text_slots(root: etree._Element, skip: Callable[[etree._Element], bool]
               ) -> Iterator[tuple[etree._Element, etree._Element | None]]:
    """(parent, child) for every text node under root in document order: child None
    means parent.text, otherwise child.tail. Subtrees where skip(el) is true are left out."""
    def walk(el: etree._Element) -> Iterator[tuple[etree._Element, etree._Element | None]]:
        yield el, None
        for child in el:
            if isinstance(child.tag, str) and not skip(child):
                yield from walk(child)
            yield el, child

    if not skip(root):
        yield from walk(root)


def slot_text(parent: etree._Element, child: etree._Element | None) -> str:
    """The text of one slot of text_slots: parent.text, or child.tail ("" for none)."""
    return (parent.text if child is None else child.tail) or ""


def apply(parent: etree._Element, child: etree._Element | None, hits: list[Hit]) -> None:
    """Wrap the hits (sorted, not overlapping) inside one text node."""
    if not hits:
        return
    text = parent.text if child is None else child.tail
    pos = 0
    made: list[etree._Element] = []
    for hit in hits:
        el = etree.Element(tei(hit.tag), hit.attrs)
        if hit.build:
            hit.build(el, text[hit.start:hit.end])
        else:
            el.text = text[hit.start:hit.end]
        if made:
            made[-1].tail = text[pos:hit.start]
        else:
            lead = text[:hit.start]
        made.append(el)
        pos = hit.end
    made[-1].tail = text[pos:] or None
    if child is None:
        parent.text = lead or None
        index = 0
    else:
        child.tail = lead or None
        index = parent.index(child) + 1
    for offset, el in enumerate(made):
        if el.tail == "":
            el.tail = None
        parent.insert(index + offset, el)


def annotate(root: etree._Element, find: Callable[[str], list[Hit]],
             skip: Callable[[etree._Element], bool]) -> int:
    """Run `find` over every text node under root (document order); return the hit count."""
    slots = [(p, c) for p, c in text_slots(root, skip)]
    count = 0
    for parent, child in slots:
        text = parent.text if child is None else child.tail
        if text and text.strip():
            hits = find(text)
            apply(parent, child, hits)
            count += len(hits)
    return count
