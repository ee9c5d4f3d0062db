"""Large seeds: encoded part by part (about a megabyte each), the TEI written as it goes.

Memory stays bounded by the size of a part, not of the seed. A part ends at a blank
line, so no paragraph is cut. Footnotes are moved to marks within their own part; the
header's facts (title, site, dates) come from the first part; the OCR decision, and
whether the text reads as English (for the name model), are made on the first part
and apply to all.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

from lxml import etree

from pipeline.build import breaks, ocr
from pipeline.build import structure
from pipeline.build.annotate import annotate
from pipeline.build.dates import resolve as date_resolve
from pipeline.build.dates import kept as date_kept
from pipeline.build.dates import tagger as date_tagger
from pipeline.build.header import build_header, record_correction, record_names
from pipeline.build.language import ENGLISH_SHARE, Language, Survey, english_share
from pipeline.build.names import tagger as name_tagger
from pipeline.build.ocr.notes import notes as ocr_notes
from pipeline.build.source import REPLACEMENT, Source
from pipeline.build.teiwriter import SCHEMA_PIS, build_tree, doc_id, indent
from pipeline.build.words import WORD, as_printed_if_lost
from pipeline.core.errors import SourceError
from pipeline.core.ns import TEI_NS, TEI_NSMAP, tei

PART_CHARS = 1024 * 1024
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def survey(path: Path, encoding: str) -> tuple[str, int, int, list[Language]]:
    """sha256 of the bytes, size, letter-words and the languages whose marks occur."""
    h = hashlib.sha256()
    size = words = 0
    languages = Survey()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    for part in parts(path, encoding):
        words += sum(1 for _ in WORD.finditer(part))
        languages.feed(part)
    return h.hexdigest(), size, words, languages.found()


def parts(path: Path, encoding: str) -> Iterator[str]:
    """The normalised text in parts that end at a blank line."""
    buf: list[str] = []
    size = 0
    try:
        with open(path, encoding=encoding, newline=None) as fh:  # CRLF and CR become LF
            for n, line in enumerate(fh):
                if n == 0:
                    line = line.removeprefix("\ufeff")
                line = _FORBIDDEN.sub(REPLACEMENT, line)
                buf.append(line)
                size += len(line)
                if size >= PART_CHARS and not line.strip():
                    yield "".join(buf)
                    buf, size = [], 0
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid {encoding} near byte {exc.start} of a part; re-save "
                          "the file as UTF-8 or pass --encoding", str(path)) from None
    if buf:
        yield "".join(buf)


def encode_to(path: Path, out: Path, build_date: str, authority, tei_dir: Path,
              overrides: ocr.Overrides | None, lexicon, check, model=None,
              places=None, rejected: frozenset = frozenset()) -> tuple[str, int]:
    """Encode the seed at `path` into `out` (atomically); return (sha256 of out, words).
    As for other seeds (build/stage.py encode), a part whose words the line-end joins
    would not keep makes the seed be encoded again with the line ends as printed."""
    return as_printed_if_lost(_encode_to, path, out, build_date, authority, tei_dir,
                              overrides, lexicon, check, model, places, rejected)


def _encode_to(path, out, build_date, authority, tei_dir, overrides, lexicon, check, model,
               places, rejected) -> tuple[str, int]:
    sha, size, words, languages = survey(path, "utf-8")
    name = path.stem
    pieces = parts(path, "utf-8")
    first = next(pieces)
    checker = ocr.OcrChecker(lexicon, overrides, doc=name)
    share = english_share(first) if model else 1.0
    if share < ENGLISH_SHARE:
        model = None  # the model knows English only: the header says it was not applied
    tagger = name_tagger.NameTagger(authority, tei_dir, model, places, rejected)
    not_english = share if share < ENGLISH_SHARE else None
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                     + "".join(f"<?xml-model {pi}?>\n" for pi in SCHEMA_PIS)
                     + f'<TEI xmlns="{TEI_NS}" xml:id="{doc_id(name)}" xml:lang="en">')
            _write_parts(_Writer(fh), first, pieces, path, sha, size, words, languages,
                         build_date, checker, tagger, check, not_english)
            fh.write("\n</TEI>\n")
        os.chmod(tmp, 0o644)
        return _finish(tmp, out), words
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Writer:
    """Writes TEI blocks one at a time under a root already opened in the file."""

    def __init__(self, fh):
        self.fh = fh
        self.dates = None  # the reference dates, carried from one part to the next

    def raw(self, text: str) -> None:
        self.fh.write(text)

    def block(self, el: etree._Element, depth: int) -> None:
        holder = etree.Element(tei("TEI"), nsmap=TEI_NSMAP)  # so no prefix is invented
        holder.append(el)
        el.tail = None
        indent(el, depth)
        text = etree.tostring(el, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "", 1)
        self.fh.write("\n" + "  " * depth + text)


def _write_parts(w: _Writer, first, pieces, path, sha, size, words, languages, build_date,
                 checker, tagger, check, not_english=None):
    doc = structure.parse(first)
    # The header's facts come from the first part; its languages from every part.
    header = build_header(Source(path, first, sha, size), doc, words, build_date, languages)
    root = _part(first, doc, path, build_date)
    decision = checker.decide(_texts(root.find(tei("text"))))
    record_correction(header, ocr.describe(decision, None,
                                           " in the first part of this large seed"))
    record_names(header, tagger.model.description if tagger.model else None,
                 tagger.places.description if tagger.places else None,
                 not_english=not_english)
    w.block(header, 1)
    w.raw("\n  <text>")
    front = root.find(f"{tei('text')}/{tei('front')}")
    if front is not None:
        front.getparent().remove(front)
        w.block(front, 2)
    w.raw("\n    <body>")
    _write_body(w, root, Source(path, first, sha, size), decision, checker, tagger, check)
    for piece in pieces:
        root = _part(piece, structure.parse(piece), path, build_date)
        _write_body(w, root, Source(path, piece, sha, size), decision, checker, tagger, check)
    w.raw("\n    </body>")
    notes = ocr_notes(checker.findings)
    if notes is not None:
        back = etree.Element(tei("back"))
        back.append(notes)
        w.block(back, 2)
    w.raw("\n  </text>")


def _part(piece: str, doc, path: Path, build_date: str) -> etree._Element:
    source = Source(path, piece, "0" * 64, len(piece))
    return build_tree(source, doc, build_date)


def _texts(text_el: etree._Element) -> list[str]:
    from pipeline.build.annotate import text_slots

    return [(p.text if c is None else c.tail) or "" for p, c in text_slots(text_el, ocr.skip)]


def _write_body(w: _Writer, root, source, decision, checker, tagger, check) -> None:
    """Mark up one part and write its blocks; its furniture stays in the body, in place."""
    text = root.find(tei("text"))
    if decision.is_ocr:
        annotate(text, checker.find, ocr.skip)
    annotate(text, date_kept.finder(checker.lex), date_tagger.skip)
    # Partial and relative dates, from the reference dates of this part and those before.
    w.dates = date_resolve.resolve(text, w.dates)
    name_tagger.tag(text, tagger)
    breaks.place(text)
    check(source, root)  # every word of this part is in its TEI
    blocks = [el for side in ("front", "body", "back")
              for holder in text.iterfind(tei(side)) for el in holder]
    for el in blocks:
        if el.tag == tei("docDate"):  # a date line at the head of a later part
            div = etree.Element(tei("div"), type="section")
            date = etree.SubElement(etree.SubElement(div, tei("p")), tei("date"),
                                    {k: v for k, v in el.attrib.items()})
            date.text = el.text
            el = div
        w.block(el, 3)


def _finish(tmp: str, out: Path) -> str:
    h = hashlib.sha256()
    with open(tmp, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    if out.exists():
        old = hashlib.sha256(out.read_bytes()).hexdigest()
        if old == digest:
            Path(tmp).unlink()
            return digest
    os.replace(tmp, out)
    return digest
