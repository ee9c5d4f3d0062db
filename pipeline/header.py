"""The teiHeader: where the text came from and how it was encoded."""

from __future__ import annotations

import re

from lxml import etree

from pipeline import __version__
from pipeline.ns import tei, xml
from pipeline.source import Source

# Letters that occur in Albanian but hardly ever in English text.
_ALBANIAN = re.compile(r"[ëËçÇ]")

EDITORIAL = (
    "Generated from a plain-text source by the archive pipeline. Headings and paragraphs "
    "are recognised from the layout of the text (blank lines, wiki-style '=' headings and "
    "short title lines); lines broken inside a paragraph are joined by a space. Every word "
    "of the source is kept: text whose structure is not recognised stays in a paragraph. "
    "Anything the pipeline adds carries resp=\"#pipeline\"."
)


def sub(parent: etree._Element, local: str, text: str | None = None, **attrs: str
        ) -> etree._Element:
    """Append a TEI child element with optional text and attributes."""
    el = etree.SubElement(parent, tei(local))
    for key, value in attrs.items():
        el.set(xml(key[4:]) if key.startswith("xml_") else key, value)
    if text is not None:
        el.text = text
    return el


def build_header(source: Source, title: str, words: int, build_date: str) -> etree._Element:
    """A full teiHeader for `source`; deterministic for the same inputs and date."""
    header = etree.Element(tei("teiHeader"))
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", title)
    resp_stmt = sub(title_stmt, "respStmt")
    sub(resp_stmt, "resp", "TEI encoding of structure, generated automatically")
    sub(resp_stmt, "name", f"archive pipeline {__version__}", xml_id="pipeline")
    sub(file_desc, "extent").append(_measure(words))
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "p", "Unpublished working file of the digital archive, generated from "
                  f"seeds/{source.path.name}.")
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl")
    sub(bibl, "title", title)
    sub(bibl, "idno", source.path.name, type="filename")
    sub(bibl, "idno", source.sha256, type="sha256")
    sub(bibl, "extent", f"{source.size} bytes")

    enc = sub(header, "encodingDesc")
    app = sub(sub(enc, "appInfo"), "application", ident="archive-pipeline",
              version=__version__)
    sub(app, "label", "archive pipeline")
    sub(sub(enc, "editorialDecl"), "p", EDITORIAL)

    lang_usage = sub(sub(header, "profileDesc"), "langUsage")
    sub(lang_usage, "language", "English", ident="en")
    if _ALBANIAN.search(source.text):
        sub(lang_usage, "language", "Albanian", ident="sq")

    rev = sub(header, "revisionDesc")
    sub(rev, "change", f"Generated from seeds/{source.path.name} by archive pipeline "
                       f"{__version__}.", who="#pipeline", when=build_date)
    return header


def _measure(words: int) -> etree._Element:
    el = etree.Element(tei("measure"), unit="words", quantity=str(words))
    el.text = f"{words} words"
    return el
