"""Inline markup: spans over a paragraph's text, and their rendering as nested TEI."""

from __future__ import annotations

import re
from typing import Callable

from lxml import etree

from pipeline.build.structure.model import Para, Span
from pipeline.core.ns import tei

# Temporary attributes for build/breaks.py, gone before the TEI is written: the line-end
# joins of an element's text ("offset:hyphen ..."), and the inserted notes and furniture.
JOINS = "{urn:x-archive-pipeline}joins"
NODE = "{urn:x-archive-pipeline}node"
# Wiki citation marks "[17]" and editorial remarks "[page needed]", "[better source needed]".
CITATION = re.compile(r"\[(\d{1,4})\]")
EDITORIAL = re.compile(r"\[([a-z][a-z\s\u00a0?'-]{1,40})\]")


def mark_citations(para: Para) -> None:
    for m in CITATION.finditer(para.text):
        _add(para, Span(m.start(), m.end(), "ref", {"type": "citation", "n": m.group(1)},
                        priority=5))
    for m in EDITORIAL.finditer(para.text):
        _add(para, Span(m.start(), m.end(), "note", {"type": "editorial"}, priority=5))


def _add(para: Para, span: Span) -> None:
    if not any(s.start < span.end and span.start < s.end for s in para.spans
               if s.start != s.end):
        para.spans.append(span)


def render(parent: etree._Element, text: str, spans: list[Span],
           build_node: Callable[[etree._Element, object], None]) -> None:
    """Write `text` into `parent` with `spans` as nested elements.

    Wider spans enclose narrower ones; a span that would cross another is left out
    (its text stays, unmarked). Zero-width spans insert `build_node(parent, node)`.
    """
    joins = [s for s in spans if s.tag == "lb" and s.start == s.end]
    if joins:  # placed once the text is marked up (build/breaks.py), so rules see words
        parent.set(JOINS, " ".join(f"{s.start}:{s.node.char if s.node else ''}"
                                   for s in sorted(joins, key=lambda s: s.start)))
        spans = [s for s in spans if not (s.tag == "lb" and s.start == s.end)]
    ordered = sorted(enumerate(spans), key=lambda p: (p[1].start, -(p[1].end - p[1].start),
                                                      -p[1].priority, p[0]))
    kept: list[Span] = []
    for _, span in ordered:
        if not any(_crosses(span, k) for k in kept):
            kept.append(span)
    stack: list[tuple[etree._Element, int]] = [(parent, len(text))]
    pos = 0
    for span in kept:
        while span.start >= stack[-1][1] and len(stack) > 1:
            pos = _close(stack, text, pos)
        append_text(stack[-1][0], text[pos:span.start])
        pos = span.start
        el = etree.SubElement(stack[-1][0], tei(span.tag), span.attrs)
        if span.start == span.end:
            if span.node is not None:
                build_node(el, span.node)
            el.set(NODE, "")  # not the paragraph's own text: build/breaks.py skips it
            continue
        stack.append((el, span.end))
    while len(stack) > 1:
        pos = _close(stack, text, pos)
    append_text(parent, text[pos:])


def _crosses(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:
        return False
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _close(stack: list, text: str, pos: int) -> int:
    el, end = stack.pop()
    append_text(el, text[pos:end])
    return end


def append_text(el: etree._Element, chunk: str) -> None:
    """Append text at the current end of `el` (its text, or its last child's tail)."""
    if not chunk:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + chunk
    else:
        el.text = (el.text or "") + chunk
