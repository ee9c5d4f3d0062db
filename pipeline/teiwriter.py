"""TEI writing: a parsed Document and its Source become a serialised TEI file."""

from __future__ import annotations

import re

from lxml import etree

from pipeline.header import build_header, sub
from pipeline.ns import TEI_NSMAP, tei, xml
from pipeline.source import Source
from pipeline.structure import Document, Head, Para, Section
from pipeline.words import count_words

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
    "langUsage", "revisionDesc", "text", "body", "div", "extent")}
_NCNAME_BAD = re.compile(r"[^\w.\-]", re.UNICODE)


def doc_id(name: str) -> str:
    """`doc-NAME`, with characters an xml:id cannot hold replaced by '-'."""
    return "doc-" + _NCNAME_BAD.sub("-", name)


def build_tree(source: Source, document: Document, build_date: str) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap=TEI_NSMAP)
    root.set(xml("id"), doc_id(source.name))
    root.set(xml("lang"), "en")
    words = count_words(source.text)
    root.append(build_header(source, document.title, words, build_date))
    body = sub(sub(root, "text"), "body")
    for section in document.sections:
        _section(body, section)
    if not len(body):
        sub(body, "p")
    return root


def _section(parent: etree._Element, section: Section) -> None:
    div = sub(parent, "div", type="section")
    if section.head is not None:
        _head(div, section.head)
    for item in section.items:
        if isinstance(item, Section):
            _section(div, item)
        elif isinstance(item, Para):
            sub(div, "p", item.text)
    if len(div) == 0:
        sub(div, "p")


def _head(div: etree._Element, head: Head) -> None:
    el = sub(div, "head", head.lines[0].strip())
    for line in head.lines[1:]:
        sub(el, "lb").tail = line.strip()


def serialise(root: etree._Element) -> bytes:
    """Deterministic bytes: XML declaration, schema PIs, indented block structure."""
    _indent(root, 0)
    body = etree.tostring(root, encoding="UTF-8")
    pis = "".join(f"<?xml-model {pi}?>\n" for pi in SCHEMA_PIS)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + pis.encode() + body + b"\n"


def _indent(el: etree._Element, depth: int) -> None:
    if el.tag not in _BLOCK or not len(el) or (el.text and el.text.strip()):
        return
    pad = "\n" + "  " * (depth + 1)
    el.text = pad
    for child in el:
        _indent(child, depth + 1)
        if not (child.tail and child.tail.strip()):
            child.tail = pad
    el[-1].tail = "\n" + "  " * depth
