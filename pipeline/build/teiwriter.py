"""TEI writing: a parsed Document and its Source become a serialised TEI file."""

from __future__ import annotations

import re

from lxml import etree

from pipeline.build.dates.calendar import date_span
from pipeline.build.header import build_header, sub
from pipeline.build.source import Source
from pipeline.build.structure import Document
from pipeline.build.structure.blocks import BIBL, BULLET
from pipeline.build.structure.inline import render
from pipeline.build.structure.model import (BiblList, Facts, Fw, Head, ItemList, Note,
                                            Para, Section, Span)
from pipeline.build.words import count_words
from pipeline.core.ns import TEI_NSMAP, tei, xml

SCHEMA_PIS = (
    'href="../schema/archive.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"',
    'href="../schema/archive.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"',
)
# Elements whose content is only elements: safe to indent for people reading the file.
_BLOCK = {tei(n) for n in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "sourceDesc",
    "bibl", "encodingDesc", "appInfo", "application", "editorialDecl", "profileDesc",
    "langUsage", "revisionDesc", "text", "front", "body", "back", "div", "extent", "list",
    "listBibl", "opener", "closer", "postscript", "figure", "note", "item")}
_NCNAME_BAD = re.compile(r"[^\w.\-]", re.UNICODE)


def doc_id(name: str) -> str:
    """`doc-NAME`, with characters an xml:id cannot hold replaced by '-'."""
    return "doc-" + _NCNAME_BAD.sub("-", name)


def build_tree(source: Source, document: Document, build_date: str) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap=TEI_NSMAP)
    root.set(xml("id"), doc_id(source.name))
    root.set(xml("lang"), "en")
    root.append(build_header(source, document, count_words(source.text), build_date))
    text = sub(root, "text")
    if document.front:
        front = sub(text, "front")
        for item in document.front:
            _item(front, item)
    body = sub(text, "body")
    for section in document.sections:
        _section(body, section)
    if not len(body):
        _section(body, Section(level=1))
    if document.back:
        back = sub(text, "back")
        for item in document.back:
            _item(back, item)
    return root


def _section(parent: etree._Element, section: Section) -> None:
    div = sub(parent, "div", type=section.type)
    if section.milestone:
        sub(div, "milestone", unit="section", rend=section.milestone)
    if section.head is not None:
        _head(div, section.head)
    if section.opener:
        opener = sub(div, "opener")
        for para in section.opener:
            _opener_part(opener, para)
    for item in section.items:
        _item(div, item)
    blocks = {tei(n) for n in ("p", "list", "listBibl", "bibl", "div")}
    if (section.head is None or section.closer or section.postscript) and not any(
            child.tag in blocks for child in div):
        sub(div, "p")  # TEI wants a block here; an empty p adds no words
    if section.closer:
        closer = sub(div, "closer")
        for para in section.closer:
            _inline(sub(closer, "salute" if para.kind == "closer-salute" else "signed"), para)
    if section.postscript is not None:
        _inline(sub(sub(div, "postscript"), "p"), section.postscript)
    for para in section.trailer:
        bibl = sub(sub(div, "note", type="source"), "bibl")
        _inline(bibl, para)


def _head(div: etree._Element, head: Head) -> None:
    el = sub(div, "head")
    target = sub(el, "date", when=head.when) if head.when else el
    target.text = head.lines[0].strip()
    for line in head.lines[1:]:
        sub(target, "lb").tail = line.strip()


def _opener_part(opener: etree._Element, para: Para) -> None:
    if para.kind == "dateline":
        _dateline(sub(opener, "dateline"), para.text)
    else:
        _inline(sub(opener, "salute"), para)


def _dateline(el: etree._Element, text: str) -> None:
    """"London, 14th March 1852." : only the date itself goes in <date>."""
    found = date_span(text)
    if not found:
        el.text = text
        return
    value, start, end = found
    el.text = text[:start] or None
    sub(el, "date", text[start:end], when=value).tail = text[end:] or None


def _item(parent: etree._Element, item) -> None:
    if isinstance(item, Section):
        _section(parent, item)
    elif isinstance(item, Fw):
        page_furniture(sub(parent, "pb" if item.page else "fw"), item)
    elif isinstance(item, Facts):
        _facts(parent, item)
    elif isinstance(item, BiblList):
        listbibl = sub(parent, "listBibl")
        for entry in item.entries:
            _bibl(sub(listbibl, "bibl"), entry.text)
    elif isinstance(item, ItemList):
        lst = sub(parent, "list")
        for entry in item.items:
            marker, rest = _bullet(entry.text)
            el = sub(lst, "item", **({"n": marker.rstrip(".)")} if marker[:1].isdigit() else {}))
            cut = entry.text.index(rest) if rest else len(entry.text)
            spans = [Span(x.start - cut, x.end - cut, x.tag, x.attrs, x.node, x.priority)
                     for x in entry.spans if x.start >= cut]
            _inline(el, Para(rest, spans=spans))
    elif isinstance(item, Para):
        _para(parent, item)
    elif isinstance(item, Note):
        _note(sub(parent, "note"), item)


def _para(parent: etree._Element, para: Para) -> None:
    kind = para.kind
    if kind == "docdate":
        sub(parent, "docDate", para.text, when=para.when)
    elif kind == "dateline":
        _dateline(sub(parent, "p"), para.text)
    elif kind == "caption":
        _inline(sub(sub(parent, "figure"), "figDesc"), para)
    elif kind == "quote":
        _inline(sub(sub(parent, "p"), "quote"), para)
    elif kind == "publication":
        _inline(sub(parent, "bibl"), para)
    else:
        _inline(sub(parent, "p"), para)


def _inline(el: etree._Element, para: Para) -> None:
    render(el, para.text, para.spans, _node)


def _node(el: etree._Element, node) -> None:
    """Fill an element inserted at a point of the text: a footnote or a running head."""
    if isinstance(node, Note):
        _note(el, node)
    elif isinstance(node, Fw):
        page_furniture(el, node)


def page_furniture(el: etree._Element, fw: Fw) -> None:
    """Fill `el` with forme work: an <fw>, or, where a page turns, a <pb n="454"/>
    followed by what is printed there, in its order: <fw type="pageNum">454</fw> and
    <fw type="header">M. Edith Durham. — High Albania ...</fw>."""
    if not fw.page:
        el.set("type", fw.type)
        el.text = fw.text
        return
    el.set("n", fw.page)
    parts = [("header", fw.text)] if fw.type == "header" else []
    if fw.number or fw.type == "pageNum":
        number = ("pageNum", fw.number or fw.text)
        parts = [number] + parts if fw.number_first else parts + [number]
    for kind, text in reversed(parts):
        made = etree.Element(tei("fw"), type=kind)
        made.text = text
        el.addnext(made)


def _note(el: etree._Element, note: Note) -> None:
    el.set("place", "foot")
    el.set("n", note.n)
    if len(note.paras) == 1:
        el.text = note.paras[0]
    else:
        for text in note.paras:
            sub(el, "p", text)


def _facts(parent: etree._Element, facts: Facts) -> None:
    lst = sub(parent, "list", type="facts")
    if facts.head:
        sub(lst, "head", facts.head)
    for label, value, subitems in facts.rows:
        sub(lst, "label", label)
        item = sub(lst, "item", value)
        if subitems:
            nested = sub(item, "list")
            for text in subitems:
                sub(nested, "item", text)


def _bibl(el: etree._Element, text: str) -> None:
    """`- Author. "Title" rest` becomes author and title elements; else plain text."""
    m = BIBL.match(text)
    if not m:
        marker, el.text = _bullet(text)
        if marker[:1].isdigit():
            el.set("n", marker.rstrip(".)"))
        return
    sub(el, "author", m.group("author").strip())
    quoted = m.group("title")
    el[-1].tail = text[m.end("author"):m.start("title")] + quoted[0]
    sub(el, "title", quoted[1:-1]).tail = quoted[-1] + text[m.end("title"):]


def _bullet(text: str) -> tuple[str, str]:
    """("1.", "rest") for "1. rest"; ("", text) when the line has no list marker."""
    m = BULLET.match(text)
    if not m:
        return "", text.strip()
    marker_end = m.end() - 1
    return text[:marker_end].strip(), text[marker_end:].strip()


def indent(el: etree._Element, depth: int) -> None:
    """Indent the block structure of `el` as it would be indented at `depth`."""
    _indent(el, depth)


def serialise(root: etree._Element) -> bytes:
    """Deterministic bytes: XML declaration, schema PIs, indented block structure."""
    _indent(root, 0)
    body = etree.tostring(root, encoding="UTF-8")
    pis = "".join(f"<?xml-model {pi}?>\n" for pi in SCHEMA_PIS)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + pis.encode() + body + b"\n"


def _indent(el: etree._Element, depth: int) -> None:
    if el.tag not in _BLOCK or not len(el) or (el.text and el.text.strip()) or any(
            c.tail and c.tail.strip() for c in el):
        return
    pad = "\n" + "  " * (depth + 1)
    el.text = pad
    for child in el:
        _indent(child, depth + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * depth
