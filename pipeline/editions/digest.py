"""Digests: the compact facts of one TEI document that the collection pages need.

The index, the registers, the chronology and the search index are built from these
digests (kept in the edition directory), never by rereading every TEI file.
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from pipeline.core.fold import fold
from pipeline.core.ns import NS, tei
from pipeline.core.surface import reading_words
from pipeline.editions.foreign import key_of

NAME_TAGS = {tei("persName"): "person", tei("placeName"): "place", tei("orgName"): "org"}
# Names the reading view does not show: forme work, citation marks, editorial remarks,
# the OCR notes, and words as printed (a name inside sic is not shown corrected).
_UNSHOWN = {tei("fw"), tei("sic")}
_BLOCKS = {tei(n) for n in ("p", "head", "item", "note", "salute", "signed", "dateline",
                            "figDesc", "bibl", "quote", "label")}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“«‘'(]?[A-Z0-9])")
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")
TERM = re.compile(r"[^\W_]+")


def digest(tree: etree._ElementTree, tei_file: Path, out: Path,
           entries: dict[str, etree._Element] | None = None) -> dict:
    """The digest of one document. `entries`: for TEI from other projects, the entries
    of its own lists (and of files beside it) its names resolve to (editions/foreign.py);
    None for ours, whose names point into the authority file."""
    root = tree.getroot()

    def first(xpath: str) -> str:
        return str(root.xpath(f"string(({xpath})[1])", namespaces=NS)).strip()

    text = root.find(tei("text"))
    names = name_occurrences(text, entries)
    own = {"entries": [etree.tostring(el, encoding="unicode", with_tail=False)
                       for el in entries.values()]} if entries else {}
    return {
        "id": root.get("{http://www.w3.org/XML/1998/namespace}id", ""),
        "title": " ".join(first("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title").split()),
        "words": first("tei:teiHeader/tei:fileDesc/tei:extent/tei:measure/@quantity") or "0",
        "source": first("tei:teiHeader//tei:sourceDesc//tei:idno[@type='filename']"),
        "publisher": first("tei:teiHeader//tei:sourceDesc/tei:bibl/tei:publisher"),
        "href": out.name,
        "text": "../text/" + out.stem + ".txt",
        "authority": authority_file(root, tei_file, out.parent) if entries is None else "",
        "names": names,
        "dates": dated_passages(text),
        "counts": {
            "names": len(names),
            "dates": len(text.xpath(".//tei:date[@when or @from or @notBefore]", namespaces=NS))
            if text is not None else 0,
            "corrections": len(text.xpath(".//tei:choice[tei:corr]", namespaces=NS))
            if text is not None else 0,
        },
        "terms": search_terms(text),
        **own,  # the register entries of a foreign document's names
    }


def authority_file(root: etree._Element, tei_file: Path, out_dir: Path) -> str:
    """The local authority file the names point into (the first @ref decides), relative
    to the edition directory (digests must not depend on where the tree lies), or ''."""
    for ref in root.xpath("tei:text//@ref[contains(., '#')]", namespaces=NS):
        target = str(ref).split("#", 1)[0]
        if target and not urlsplit(target).scheme:
            path = os.path.relpath((tei_file.parent / target).resolve(), out_dir.resolve())
            return Path(path).as_posix()
    return ""


def name_occurrences(text: etree._Element | None,
                     entries: dict[str, etree._Element] | None = None) -> list[list]:
    """[n, kind, key, surface] for every name the reading view shows; n counts every
    name of the text in document order, as the HTML numbers its name-N ids. With
    `entries` (TEI from other projects) the key is the entry the name resolves to."""
    out: list[list] = []
    if text is None:
        return out
    n = 0
    for el in text.iter(*NAME_TAGS):
        n += 1
        if _unshown(el):
            continue
        if entries is not None:
            key = key_of(el, entries)
        else:
            ref = el.get("ref", "")
            key = ref.split("#", 1)[1] if "#" in ref else ""
        out.append([n, NAME_TAGS[el.tag], key, reading_words(el)])
    return out


def _unshown(el: etree._Element) -> bool:
    for a in el.iterancestors():
        if a.tag in _UNSHOWN or (a.tag == tei("ref") and a.get("type") == "citation") or (
                a.tag == tei("note") and a.get("type") == "editorial") or (
                a.tag == tei("div") and a.get("type") == "ocr-notes"):
            return True
    return False


def fold_term(word: str) -> str:
    """A search term: accents off as in core.fold, lower case."""
    return fold(word).lower()


def search_terms(text: etree._Element | None) -> str:
    """Folded words of the text (printed and corrected forms alike) with their counts,
    as one compact string "word:count word:count ..." in word order."""
    if text is None:
        return ""
    counts: collections.Counter[str] = collections.Counter()
    for node in text.xpath(".//text()[not(ancestor::tei:div[@type='ocr-notes'])]",
                           namespaces=NS):
        counts.update(fold_term(w) for w in TERM.findall(str(node)))
    return " ".join(f"{term}:{n}" for term, n in sorted(counts.items()))


def dated_passages(text: etree._Element | None) -> list[dict]:
    """Every date of the text, numbered in document order as the HTML page numbers them
    (date-N), with its value and the sentence it stands in."""
    out = []
    for n, el in enumerate(text.iter(tei("date")) if text is not None else [], start=1):
        value = {k: el.get(k) for k in DATE_ATTRS if el.get(k)}
        if not value:
            continue
        surface = reading_words(el)
        block = next((a for a in el.iterancestors() if a.tag in _BLOCKS), el.getparent())
        inferred = {"inferred": el.get("cert", "medium")} if el.get("evidence") == "internal" \
            else {}  # a value worked out from the passage's reference date (dates/resolve.py)
        out.append({"n": n, "surface": surface, "context": _sentence(block, el, surface),
                    "key": value.get("when") or value.get("from") or value.get("notBefore"),
                    **value, **inferred})
    return out


def _sentence(block: etree._Element, el: etree._Element, surface: str) -> str:
    """The sentence of `block` that holds the date (notes and furniture left out)."""
    before = _visible_text(block, stop=el)
    whole = " ".join(_visible_text(block).split())
    at = len(" ".join(before.split()))
    starts = [0] + [m.end() for m in _SENTENCE.finditer(whole)]
    start = max(s for s in starts if s <= at)
    ends = [m.start() for m in _SENTENCE.finditer(whole) if m.start() >= at + len(surface)]
    sentence = whole[start:ends[0] if ends else len(whole)]
    return sentence if len(sentence) <= 400 else sentence[:397] + "…"


def _visible_text(el: etree._Element, stop: etree._Element | None = None) -> str:
    """Text of `el` as a reader sees it, up to `stop` if given."""
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        if node is stop:
            return True
        if node.tag in (tei("fw"), tei("ref"), tei("sic")) or (
                node.tag == tei("note") and node is not el):
            return False
        parts.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(el)
    return "".join(parts)
