"""The teiHeader: where the text came from and how it was encoded."""

from __future__ import annotations

import re

from lxml import etree

from pipeline import __version__
from pipeline.build.language import Language, used_in
from pipeline.build.source import Source
from pipeline.build.structure.inline import append_text
from pipeline.core.ns import tei, xml

EDITORIAL = (
    "Generated from a plain-text source by the archive pipeline. Structure is recognised "
    "from the layout of the text: headings (wiki '=' headings and short title lines), "
    "paragraphs (lines broken inside a paragraph are joined by a space; a paragraph split "
    "by a page break, a running head or a footnote block is joined again), footnotes (moved "
    "to their reference mark; the mark itself is recorded in @n), citation marks, fact "
    "boxes, lists of sources, letters, diary entries, captions and web furniture (kept in "
    "fw). Every word of the source is kept: text whose structure is not recognised stays in "
    "a paragraph. Anything the pipeline adds carries resp=\"#pipeline\"."
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


INTERPRETATION = (
    "Persons, places and organisations are tagged persName, placeName and orgName; @ref "
    "points into the authority file (authority.xml) when the name or one of its variants "
    "is there, and is absent for a name found only by evidence (a title, a known first "
    "name, 'the village of'). Calendar expressions are tagged date with an ISO 8601 value "
    "(@when, @from/@to, or @notBefore/@notAfter for seasons, parts of months and years "
    "and decades; --MM and --MM-DD for a day or month printed without its year)."
)


def record_correction(header: etree._Element, text: str) -> None:
    """Say in the header whether and how OCR damage was corrected."""
    decl = header.find(f"{tei('encodingDesc')}/{tei('editorialDecl')}")
    correction = etree.Element(tei("correction"))
    sub(correction, "p", text)
    decl.insert(0, correction)


def record_names(header: etree._Element, model: str | None,
                 gazetteer: str | None = None, not_english: float | None = None) -> None:
    """Say in the header how names the authority file lacks were found: by the
    statistical model (a respStmt that the names it found point to with @resp), or not."""
    title_stmt = header.find(f"{tei('fileDesc')}/{tei('titleStmt')}")
    interpretation = header.find(f"{tei('encodingDesc')}/{tei('editorialDecl')}/"
                                 f"{tei('interpretation')}")
    if model:
        resp_stmt = etree.Element(tei("respStmt"))
        sub(resp_stmt, "resp", "names not in the authority file, found by a statistical "
                               "named-entity model")
        sub(resp_stmt, "name", model, xml_id="ner")
        title_stmt.append(resp_stmt)
        sub(interpretation, "p", "Names that carry resp=\"#ner\" were found by the model "
            "named in the titleStmt (cert=\"medium\"), or are further mentions in the same "
            "document of a name it found (cert=\"low\"); they have no @ref until an "
            "archivist adds them to the authority file.")
    elif not_english is not None:
        sub(interpretation, "p", f"The text does not read as English ({not_english:.0%} of "
            "its words are English function words), so the English named-entity model was "
            "not applied: names come from the authority file, the gazetteer and the "
            "evidence rules only.")
    else:
        sub(interpretation, "p", "No statistical named-entity model was used: names come "
            "from the authority file and the evidence rules only.")
    if gazetteer:
        resp_stmt = etree.Element(tei("respStmt"))
        sub(resp_stmt, "resp", "identifiers of places, and places found by name")
        sub(resp_stmt, "name", gazetteer, xml_id="geonames")
        title_stmt.append(resp_stmt)
        sub(interpretation, "p", "A placeName whose @ref is a GeoNames address "
            "(https://www.geonames.org/ID) was identified by the gazetteer named in the "
            "titleStmt, choosing among places of that name by the countries the document "
            "names, then by size; one with resp=\"#geonames\" was found by it alone. "
            "cert=\"low\" marks a place name the gazetteer could not identify.")


def build_header(source: Source, document, words: int, build_date: str,
                 languages: list[Language] | None = None) -> etree._Element:
    """A full teiHeader for `source`; deterministic for the same inputs and date.
    `languages` (besides English) default to those whose marks occur in its text."""
    title = document.title
    header = etree.Element(tei("teiHeader"))
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    if document.title_supplied:
        sub(title_stmt, "title", title, type="supplied")
    else:
        sub(title_stmt, "title", title)
    resp_stmt = sub(title_stmt, "respStmt")
    sub(resp_stmt, "resp", "TEI encoding of structure, generated automatically")
    sub(resp_stmt, "name", f"archive pipeline {__version__}", xml_id="pipeline")
    sub(file_desc, "extent").append(_measure(words))
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "p", "Unpublished working file of the digital archive, generated from "
                  f"seeds/{source.path.name}.")
    source_desc = sub(file_desc, "sourceDesc")
    bibl = sub(source_desc, "bibl")
    sub(bibl, "title", title, **({"type": "supplied"} if document.title_supplied else {}))
    if document.publisher:
        sub(bibl, "publisher", document.publisher)
    if document.pub_date:
        sub(bibl, "date", document.pub_date_text, when=document.pub_date)
    sub(bibl, "idno", source.path.name, type="filename")
    sub(bibl, "idno", source.sha256, type="sha256")
    sub(bibl, "extent", f"{source.size} bytes")
    for line in document.origins:
        source_desc.append(origin_bibl(line))

    enc = sub(header, "encodingDesc")
    app = sub(sub(enc, "appInfo"), "application", ident="archive-pipeline",
              version=__version__)
    sub(app, "label", "archive pipeline")
    decl = sub(enc, "editorialDecl")
    sub(sub(decl, "segmentation"), "p", EDITORIAL)
    sub(sub(decl, "interpretation"), "p", INTERPRETATION)

    lang_usage = sub(sub(header, "profileDesc"), "langUsage")
    sub(lang_usage, "language", "English", ident="en")
    for lang in used_in(source.text) if languages is None else languages:
        sub(lang_usage, "language", lang.name, ident=lang.ident)

    rev = sub(header, "revisionDesc")
    sub(rev, "change", f"Generated from seeds/{source.path.name} by archive pipeline "
                       f"{__version__}.", who="#pipeline", when=build_date)
    return header


# “Title”, "Title" or «Title»; "Tirana 1960" or "(London 1947)".
_QUOTED = re.compile(r"[“\"«]([^”\"»]{2,200})[”\"»]")
# A place is one capitalised word of any script's letters ("Korçë 1944", "Zürich 1921").
_PLACE_YEAR = re.compile(r"(?<![\w])([^\W\d_]+),?\s+(1[5-9]\d\d|20\d\d)(?!\d)")


def origin_bibl(line: str) -> etree._Element:
    """A `bibl type="original"` for a line such as 'First published in “X”, Tirana 1960'."""
    bibl = etree.Element(tei("bibl"), type="original")
    spans = []
    q = _QUOTED.search(line)
    if q:
        spans.append((q.start(1), q.end(1), "title", {}))
    for m in _PLACE_YEAR.finditer(line):
        place = m.group(1)
        if len(place) < 2 or not (place[0].isupper() and place[1:].islower()):
            continue
        if not q or m.start() >= q.end() or m.end() <= q.start():
            spans.append((m.start(1), m.end(1), "pubPlace", {}))
            spans.append((m.start(2), m.end(2), "date", {"when": m.group(2)}))
            break
    pos = 0
    for start, end, tag, attrs in sorted(spans):
        append_text(bibl, line[pos:start])
        sub(bibl, tag, line[start:end], **attrs)
        pos = end
    append_text(bibl, line[pos:])
    return bibl


def _measure(words: int) -> etree._Element:
    el = etree.Element(tei("measure"), unit="words", quantity=str(words))
    el.text = f"{words} words"
    return el
