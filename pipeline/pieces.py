"""Per-document pieces of the collection pages: register items and chronology rows.

The map half of the collection step. When a document is exported, its register items
(one per entry it names) and its chronology rows are rendered once and kept beside its
digest as `.digests/NAME.pieces`; the reduce step (pipeline/collection.py) only sorts
and joins bytes, so a changed document costs its own pieces and no one else's.

A pieces file is one line of JSON (the header: what the reduce step needs to place
each piece, and the fingerprint of the stylesheets, parameters and authority entries
it was made with), then the pieces back to back, their lengths in the header. It is
data, never code. A stale, damaged or missing file is made again from the digest.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from lxml import etree

from pipeline.digest import DATE_ATTRS
from pipeline.errors import PipelineError
from pipeline.pages import Apply

PIECE = b"<!--piece-->"
FORMAT = 1  # bump when the header's shape changes


@dataclass
class Record:
    """One document's share of the collection pages, as the reduce step reads it."""

    header: dict
    items: list[tuple[str, str, int, bytes]]  # kind, key, occurrences, rendered <li>
    rows: list[tuple[str, str, bytes]]  # key, end, rendered row
    search: bytes  # the document's entry of the search index (JSON)


def make(doc: dict, apply: Apply, xslt_dir: Path, code: str, out_dir: Path) -> bytes:
    """The pieces file of one document, from its digest."""
    known = authority_ids(out_dir, doc.get("authority", ""))
    groups: dict[tuple[str, str], list] = {}  # (kind, key) -> [(spelling, [n, ...]), ...]
    for n, kind, key, surface in doc.get("names", []):
        key = key if (kind, key) in known else ""  # a dangling ref counts as no ref
        spots = groups.setdefault((kind, key), [])
        for spelling, numbers in spots:
            if spelling == surface:
                numbers.append(n)
                break
        else:
            spots.append((surface, [n]))
    listed = [(kind, key, spots) for (kind, key), spots in groups.items() if key]
    unlisted = [[kind, spots] for (kind, key), spots in groups.items() if not key]
    items = _render(apply, xslt_dir / "register.xsl", _occurrences(doc, listed), len(listed))
    dates = doc.get("dates", [])
    rows = _render(apply, xslt_dir / "chronology.xsl", _rows(doc, dates), len(dates))
    search_bytes = script_safe(json.dumps(
        {k: doc.get(k, "") for k in ("href", "title", "source", "words", "terms")},
        ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    index = {k: str(v) for k, v in sorted(doc.items())
             if isinstance(v, (str, int)) and k not in ("authority", "terms")}
    index.update({k: str(v) for k, v in sorted(doc.get("counts", {}).items())})
    pieces = items + rows + [search_bytes]
    header = {
        "format": FORMAT, "fingerprint": fingerprint(code, known),
        "href": doc["href"], "title": doc["title"], "authority": doc.get("authority", ""),
        "index": list(index.items()),
        "items": [[kind, key, sum(len(ns) for _, ns in spots)] for kind, key, spots in listed],
        "unlisted": unlisted,
        "rows": [[d["key"], d.get("to") or d.get("notAfter") or d["key"]] for d in dates],
        "sizes": [len(p) for p in pieces],
    }
    head = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return b"".join([head.encode("utf-8"), b"\n", *pieces])


def read(path: Path) -> Record | None:
    """The record in a pieces file, or None when it is missing or damaged."""
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or sum(header["sizes"]) != len(body):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    pieces, at = [], 0
    for size in header["sizes"]:
        pieces.append(body[at:at + size])
        at += size
    n_items = len(header["items"])
    items = [(kind, key, count, piece)
             for (kind, key, count), piece in zip(header["items"], pieces)]
    rows = [(key, end, piece) for (key, end), piece in zip(header["rows"], pieces[n_items:])]
    return Record(header, items, rows, pieces[-1])


def script_safe(text: str) -> bytes:
    """JSON that cannot end a script element early, were the search index ever inlined."""
    return text.replace("</", "<\\/").encode("utf-8")


def fingerprint(code: str, known: frozenset) -> str:
    """What a document's pieces depend on besides its digest: the stylesheets and their
    parameters (`code`), and which ids the authority file holds for each kind."""
    ids = "\n".join(sorted(f"{kind}:{key}" for kind, key in known))
    return hashlib.sha256(f"{code}\n{ids}".encode("utf-8")).hexdigest()


def authority_ids(out_dir: Path, relative: str) -> frozenset:
    """(kind, id) of every entry of the authority file at `relative` (to the edition)."""
    if not relative:
        return frozenset()
    path = (out_dir / relative).resolve()
    try:
        stat = path.stat()
    except OSError:
        raise PipelineError("the authority file cannot be read for the registers",
                            str(path)) from None
    return _ids(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _ids(path: Path, _mtime: int, _size: int) -> frozenset:
    from pipeline.collection import authority_entries  # the registers' own reading of it

    return frozenset((etree.QName(el).localname, key)
                     for key, el in authority_entries({path.name}, path.parent).items())


def _occurrences(doc: dict, listed: list) -> etree._Element:
    holder = etree.Element("doc-occurrences", {"href": doc["href"], "title": doc["title"]})
    for kind, key, spots in listed:
        for spelling, numbers in spots:
            etree.SubElement(holder, "occ", {"kind": kind, "key": key, "spelling": spelling,
                                             "n": " ".join(map(str, numbers))})
    return holder


def _rows(doc: dict, dates: list[dict]) -> etree._Element:
    holder = etree.Element("doc-rows")
    for d in dates:
        value = {k: d[k] for k in DATE_ATTRS if k in d}
        row = etree.SubElement(holder, "date", {
            "href": f"{doc['href']}#date-{d['n']}", "doc": doc["title"], "key": d["key"],
            **value})
        etree.SubElement(row, "surface").text = d["surface"]
        etree.SubElement(row, "context").text = d["context"]
    return holder


def _render(apply: Apply, stylesheet: Path, source: etree._Element, expected: int
            ) -> list[bytes]:
    """The pieces of one transformation, split at their "piece" comments."""
    if not expected:
        return []
    out = apply(stylesheet, etree.tostring(source, encoding="unicode"), stylesheet.name)
    pieces = out.encode("utf-8").split(PIECE)[1:]
    if len(pieces) != expected:
        raise RuntimeError(f"{stylesheet.name}: {len(pieces)} pieces for {expected} inputs")
    return pieces
