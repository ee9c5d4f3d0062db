"""Digests: the compact facts of one TEI document that the collection pages need.

The index, the registers and the chronology are built from these
digests (kept in the edition directory), never by rereading every TEI file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from pipeline.core.ns import NS, tei
from pipeline.core.surface import hidden_in_reading, reading_words
from pipeline.editions.foreign import KEY

NAME_TAGS = {tei("persName"): "person", tei("placeName"): "place", tei("orgName"): "org"}
# Names the reading view does not show: forme work, citation marks, editorial remarks,
# the OCR notes, and words as printed (a name inside sic is not shown corrected).
_UNSHOWN = {tei("fw"), tei("sic")}
_BLOCKS = {tei(n) for n in ("p", "head", "item", "note", "salute", "signed", "dateline",
                            "figDesc", "bibl", "quote", "label")}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“«‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(^|[\s(])(vol|vols|pp?|no|nos|ed|eds|cf|fig|ch|art|St|Dr|Mr|Mrs"
                           r"|Gen|Col|Capt|[A-Z])\.$", re.IGNORECASE)  # before a period
_BREAKS = {tei("lb"), tei("cb"), tei("pb")}
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")


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
    """[n, kind, key, surface, left, right, refs] for every name the reading view shows;
    n counts every name of the text in document order, as the HTML numbers its name-N
    ids. With `entries` (TEI from other projects) the key is the entry the name resolves
    to (`a:key`, set by editions/foreign.py). left and right: a few words of the reading text either side (name_contexts);
    refs: the name's @ref tokens that are web addresses (a GeoNames place), the register
    shows those it knows as links."""
    out: list[list] = []
    if text is None:
        return out
    n = 0
    contexts = name_contexts(text)
    for el in text.iter(*NAME_TAGS):
        n += 1
        if _unshown(el):
            continue
        if entries is not None:
            key = el.get(KEY, "")
        else:
            ref = el.get("ref", "")
            key = ref.split("#", 1)[1] if "#" in ref else ""
        refs = " ".join(t for t in el.get("ref", "").split() if _WEB.match(t))
        out.append([n, NAME_TAGS[el.tag], key, reading_words(el), *contexts.get(el, ("", "")),
                    refs])
    return out


# Keyword in context: the words either side of a name on the register pages.
CONTEXT_WORDS = 5
CONTEXT_CHARS = 60  # at most, either side, so that the register pages stay small
_WEB = re.compile(r"https?://", re.I)
_WORD = re.compile(r"[^\W_]")
_NAME_BLOCKS = {tei(n) for n in ("p", "ab", "head", "item", "note", "salute", "signed",
                                 "dateline", "figDesc", "l", "cell", "label", "trailer",
                                 "byline", "opener", "closer", "speaker", "stage")}
_READINGS = (tei("corr"), tei("reg"), tei("expan"))


def name_contexts(text: etree._Element) -> dict[etree._Element, tuple[str, str]]:
    """(left, right) for every name of `text`: up to CONTEXT_WORDS words of the reading
    text of its block either side, as the reading view shows them (corrections chosen,
    line-end hyphens joined, notes, furniture and citation marks left out, a line break
    a space unless break="no"). A side ends in "…" where the block goes on; white space
    between the name and its neighbours is kept ("Mussolini's" stays one word)."""
    by_block: dict[etree._Element, list[etree._Element]] = {}
    for el in text.iter(*NAME_TAGS):
        block = next((a for a in el.iterancestors() if a.tag in _NAME_BLOCKS), el.getparent())
        by_block.setdefault(block, []).append(el)
    out: dict[etree._Element, tuple[str, str]] = {}
    for block, names in by_block.items():
        whole, spans = _reading_spans(block, set(names))
        for el, (start, end) in spans.items():
            out[el] = (_side(whole[:start], left=True), _side(whole[end:], left=False))
    return out


def _side(text: str, left: bool) -> str:
    words = text.split()
    take: list[str] = []
    for word in (reversed(words) if left else words):  # a lone comma is not a word
        if sum(1 for w in take if _WORD.search(w)) == CONTEXT_WORDS and _WORD.search(word):
            break
        take.append(word)
    if left:
        take.reverse()
    while len(take) > 1 and len(" ".join(take)) > CONTEXT_CHARS:
        take = take[1:] if left else take[:-1]
    part = " ".join(take)
    if len(part) > CONTEXT_CHARS:
        part = ("…" + part[-CONTEXT_CHARS:]) if left else (part[:CONTEXT_CHARS] + "…")
    elif len(take) < len(words):
        part = "… " + part if left else part + " …"
    if not part:
        return ""
    spaced = text[-1:].isspace() if left else text[:1].isspace()
    return (part + " " if spaced else part) if left else (" " + part if spaced else part)


def _reading_spans(block: etree._Element, marks: set
                   ) -> tuple[str, dict[etree._Element, tuple[int, int]]]:
    """The reading text of `block`, and where in it each element of `marks` stands."""
    parts: list[str] = []
    at = 0
    spans: dict[etree._Element, tuple[int, int]] = {}

    def add(s: str | None) -> None:
        nonlocal at
        if s:
            parts.append(s)
            at += len(s)

    def walk(node: etree._Element) -> None:
        start = at
        add(node.text)
        chosen = None
        if node.tag == tei("choice"):
            kids = [c for c in node if isinstance(c.tag, str)]
            chosen = next((c for c in kids if c.tag in _READINGS), kids[0] if kids else None)
        for child in node:
            if child.tag in _BREAKS:
                add("" if child.get("break") == "no" else " ")
            elif isinstance(child.tag, str) and (chosen is None or child is chosen) \
                    and not _hidden_in_context(child):
                walk(child)
            add(child.tail)
        if node in marks:
            spans[node] = (start, at)

    walk(block)
    return "".join(parts), spans


def _hidden_in_context(el: etree._Element) -> bool:
    return el.tag in (tei("fw"), tei("note")) or hidden_in_reading(el) or (
        el.tag == tei("ref") and el.get("type") == "citation") or (
        el.tag == tei("div") and el.get("type") == "ocr-notes")


def _unshown(el: etree._Element) -> bool:
    for a in el.iterancestors():
        if a.tag in _UNSHOWN or (a.tag == tei("ref") and a.get("type") == "citation") or (
                a.tag == tei("note") and a.get("type") == "editorial") or (
                a.tag == tei("div") and a.get("type") == "ocr-notes"):
            return True
    return False


def dated_passages(text: etree._Element | None) -> list[dict]:
    """Every date of the text that names a time of events, numbered in document order as
    the HTML page numbers them (date-N), with its value, its certainty and the sentence
    it stands in. Dates of bibliographic references (`cited_date`) are left out."""
    out = []
    for n, el in enumerate(text.iter(tei("date")) if text is not None else [], start=1):
        value = {k: el.get(k) for k in DATE_ATTRS if el.get(k)}
        key = value.get("when") or value.get("from") or value.get("notBefore")
        if not key or cited_date(el):
            continue  # the HTML page gives such a date no link to the chronology either
        surface = reading_words(el)
        block = next((a for a in el.iterancestors() if a.tag in _BLOCKS), el.getparent())
        inferred = {"inferred": el.get("cert", "medium")} if el.get("evidence") == "internal" \
            else {}  # a value worked out from the passage's reference date (dates/resolve.py)
        said = {k: el.get(k) for k in ("cert", "evidence") if el.get(k)}  # "about 1943"
        out.append({"n": n, "surface": surface, "context": _sentence(block, el, surface),
                    "key": key, **value, **inferred, **said})
    return out


# A bibliographic reference: its dates are publication dates, not events. The page's
# date links to its row only where there is one (editions/export.py sets a:row).
_CITATION_TAGS = {tei(n) for n in ("bibl", "biblStruct", "biblFull", "listBibl")}
# Citation marks: "vol. 5", "p. 17", "pp. 3-9", "No 2", "No. 2".
CITATION_MARK = re.compile(r"(^|[\s(,;])(vol\.|pp?\.|No\.?)\s*[0-9]")


def cited_date(el: etree._Element) -> bool:
    """Is the date `el` part of a bibliographic reference: inside a bibl (listBibl,
    biblStruct, biblFull), a note type="source" or a citation mark (ref type="citation");
    in a note that cites ("vol. 1, 1971, p. 17"); or in brackets that cite, with a mark
    ('("Albania Today" 1976, No 2)') or after a place of publication alone
    ("(London 1947)")."""
    for a in el.iterancestors():
        if a.tag in _CITATION_TAGS or (a.tag == tei("note") and a.get("type") == "source") or (
                a.tag == tei("ref") and a.get("type") == "citation"):
            return True
    note = next((a for a in el.iterancestors(tei("note"))), None)
    if note is not None and CITATION_MARK.search("".join(note.itertext())):
        return True
    parent = el.getparent()
    before, after, seen = [], [], False
    for node in parent.xpath("node()"):
        if node is el:
            seen = True
        elif seen:
            after.append(node if isinstance(node, str) else "".join(node.itertext()))
        else:
            before.append(node if isinstance(node, str) else "".join(node.itertext()))
    before_text, after_text = "".join(before), "".join(after)
    if "(" not in before_text or ")" in before_text.rsplit("(", 1)[1] \
            or ")" not in after_text:
        return False
    opened, closed = before_text.rsplit("(", 1)[1], after_text.split(")", 1)[0]
    place = opened.strip()
    return bool(CITATION_MARK.search(opened + "".join(el.itertext()) + closed)) or (
        place.isalpha() and place[:1].isupper() and place[1:].islower())


def _sentence(block: etree._Element, el: etree._Element, surface: str) -> str:
    """The sentence of `block` that holds the date (notes and furniture left out)."""
    before = _visible_text(block, stop=el)
    whole = " ".join(_visible_text(block).split())
    at = len(" ".join(before.split())) + (1 if before[-1:].isspace() else 0)
    breaks = [m for m in _SENTENCE.finditer(whole) if not _ABBREVIATION.search(
        whole, max(0, m.start() - 8), m.start())]  # "vol. 1", "p. 17", "J. Smith" end none
    starts = [0] + [m.end() for m in breaks]
    start = max(s for s in starts if s <= at)
    ends = [m.start() for m in breaks if m.start() >= at + len(surface)]
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
        if node.tag in _BREAKS:  # a line break is a space, unless it breaks a word
            parts.append("" if node.get("break") == "no" else " ")
        elif node.tag in _BLOCKS and node is not el:
            parts.append(" ")  # a block inside the block (an item, a quote) is no glue
        parts.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(el)
    return "".join(parts)
