"""Line-end joins placed in the finished markup: `<pc force="weak">-</pc><lb break="no"/>`.

The structure rules join a word broken at a line end (build/structure/hyphens.py) and
record where, as character offsets into the text of the element they render; names,
dates and OCR readings are then marked on whole words. Only now are the hyphen and
the line break put back, at the same offsets: the offsets count the element's own
text, as the source had it, so they skip what the pipeline added (a correction's
<corr>, an expansion) and what was inserted at a point (a footnote, a running head).
"""

from __future__ import annotations

from lxml import etree

from pipeline.build.structure.inline import JOINS, NODE
from pipeline.core.ns import tei

_ADDED = {tei("corr"), tei("reg"), tei("expan")}


def place(root: etree._Element) -> int:
    """Put every recorded join under `root` in place; return how many."""
    count = marked = 0
    # One pass in document order: an element's joins are placed before its children are
    # reached, while the marks of the notes inside it still say what to skip.
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        joins = el.attrib.pop(JOINS, None)
        if joins:
            marked += 1
            for item in reversed(joins.split(" ")):  # from the end: earlier offsets hold
                offset, _, hyphen = item.partition(":")
                _insert(el, int(offset), hyphen)
                count += 1
        if el.attrib.pop(NODE, None) is not None:
            marked += 1
    if marked:
        etree.cleanup_namespaces(root)  # the temporary attributes' namespace goes too
    return count


def _slots(el: etree._Element):
    """(element, "text" or "tail", string) of el's own text in reading order."""
    if el.text:
        yield el, "text", el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _ADDED and NODE not in child.attrib:
            yield from _slots(child)
        if child.tail:
            yield child, "tail", child.tail


def _insert(el: etree._Element, offset: int, hyphen: str) -> None:
    seen = 0
    last = None
    for node, where, text in _slots(el):
        if seen < offset <= seen + len(text) or (offset == 0 and seen == 0):
            _split(node, where, offset - seen, hyphen)
            return
        seen += len(text)
        last = (node, where, text)
    if last is not None:  # past the end (cannot happen): at the end, nothing is lost
        _split(last[0], last[1], len(last[2]), hyphen)
    else:
        _split(el, "text", 0, hyphen)


def _split(node: etree._Element, where: str, at: int, hyphen: str) -> None:
    text = (node.text if where == "text" else node.tail) or ""
    left, right = text[:at], text[at:]
    new = []
    if hyphen:
        pc = etree.Element(tei("pc"), force="weak")
        pc.text = hyphen
        new.append(pc)
    new.append(etree.Element(tei("lb"), {"break": "no"}))
    new[-1].tail = right or None
    if where == "text":
        node.text = left or None
        for k, item in enumerate(new):
            node.insert(k, item)
    else:
        node.tail = left or None
        parent = node.getparent()
        at_index = parent.index(node) + 1
        for k, item in enumerate(new):
            parent.insert(at_index + k, item)
