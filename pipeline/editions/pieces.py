"""Per-document pieces of the collection pages: register items and chronology rows.

The map half of the collection step. When a document is exported, its register items
(one per entry, or per unlisted spelling, it names) and its chronology rows are
rendered once and kept beside its digest as
`.digests/NAME.pieces`; the reduce step (pipeline/editions/reduce.py) only places bytes, so a
changed document costs its own pieces and no one else's.

The pieces are filed by the page they go to (a group: `places-a`, `chronology-1944`,
see `group_of`). A pieces file is one line of JSON (the header: each group's items with
their keys and sizes, a digest of each group, and the fingerprint of the stylesheets,
parameters and authority entries it was made with), then the pieces back to back in
the header's order. It is data, never code. A stale, damaged or missing file is made
again from the digest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from lxml import etree

from pipeline.core import paths
from pipeline.editions.digest import DATE_ATTRS
from pipeline.editions.groups import (XML_ID, authority_ids, chronology_group,
                                      register_group)

if TYPE_CHECKING:
    from pipeline.editions.saxon import Saxon

Apply = Callable[[Path, str, str], str]  # (stylesheet, xml text, where) -> html
PIECE = b"<!--piece-->"
FORMAT = 3  # bump when the header's shape changes (3: no search entry, issue 20)



@dataclass
class Header:
    """A pieces file's header, and where its body starts in the file."""

    data: dict
    base: int  # the offset of the body

    def groups(self) -> Iterator[tuple[str, int, str, list]]:
        """(group, offset in the body, digest, items) of every group, in file order;
        an item is [key, count or end, size]."""
        at = 0
        for group, digest, items in self.data["groups"]:
            yield group, at, digest, items
            at += sum(size for _, _, size in items)


def make(doc: dict, saxon: "Saxon", out_dir: Path) -> bytes:
    """The pieces file of one document, from its digest, rendered by `saxon`."""
    apply, xslt_dir, code = saxon.apply, paths.HTML_XSLT, saxon.code
    known = authority_ids(out_dir, doc.get("authority", ""))
    fp = fingerprint(code, known)  # a document's own entries are part of its digest
    own = doc.get("entries", [])  # TEI from other projects: editions/foreign.py
    known = known | {(etree.QName(el).localname, el.get(XML_ID)) for el in map(
        etree.fromstring, own)}
    # (kind, key or "") -> spelling -> its spots: (n, left, right, refs), n the name-N id
    spots: dict[tuple[str, str], dict[str, list[tuple]]] = {}
    for n, kind, key, surface, *context in doc.get("names", []):
        key = key if (kind, key) in known else ""  # a dangling ref counts as no ref
        left, right, refs = (context + ["", "", ""])[:3]  # digests before issue 20: none
        spots.setdefault((kind, key), {}).setdefault(surface, []).append(
            (n, left, right, refs))
    # One item per entry named, and one per spelling of names with no entry.
    items = [(kind, key, list(spellings.items())) for (kind, key), spellings in spots.items()
             if key]
    items += [(kind, "", [spot]) for (kind, key), spellings in spots.items() if not key
              for spot in spellings.items()]
    rendered = _render(apply, xslt_dir / "register.xsl", _occurrences(doc, items), len(items))
    dates = doc.get("dates", [])
    rows = _render(apply, xslt_dir / "chronology.xsl", _rows(doc, dates), len(dates))
    groups: dict[str, list] = {}
    for (kind, key, spellings), piece in zip(items, rendered):
        label = key or spellings[0][0]  # an unlisted name is filed by its spelling
        count = sum(len(ns) for _, ns in spellings)
        groups.setdefault(register_group(kind, key), []).append((label, count, piece))
    for d, piece in zip(dates, rows):
        end = d.get("to") or d.get("notAfter") or d["key"]
        groups.setdefault(chronology_group(d["key"]), []).append((d["key"], end, piece))
    index = {k: str(v) for k, v in sorted(doc.items())
             if isinstance(v, (str, int)) and k != "authority"}
    index.update({k: str(v) for k, v in sorted(doc.get("counts", {}).items())})
    body, listing = [], []
    for group in sorted(groups):
        meta = [[key, extra, len(piece)] for key, extra, piece in groups[group]]
        data = b"".join(piece for _, _, piece in groups[group])
        listing.append([group, _digest(meta, data), meta])
        body.append(data)
    header = {
        "format": FORMAT, "fingerprint": fp,
        "href": doc["href"], "title": doc["title"], "authority": doc.get("authority", ""),
        "index": list(index.items()), "groups": listing,
        **({"entries": own} if own else {}),
    }
    head = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return b"".join([head.encode("utf-8"), b"\n", *body])


def _digest(meta: list, data: bytes) -> str:
    """What a group's pages see of one document: its items' keys, counts and bytes."""
    h = hashlib.sha256(json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    h.update(data)
    return h.hexdigest()[:20]


def read_header(path: Path) -> Header | None:
    """The header of a pieces file, or None when it is missing or damaged."""
    try:
        with open(path, "rb") as fh:
            head = fh.readline()
            size = fh.seek(0, 2)
        data = json.loads(head)
        body = sum(size for _, _, items in data["groups"] for _, _, size in items)
        if data.get("format") != FORMAT or body != size - len(head):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Header(data, len(head))


def fingerprint(code: str, known: frozenset) -> str:
    """What a document's pieces depend on besides its digest: the stylesheets and their
    parameters (`code`), and which ids the authority file holds for each kind."""
    ids = "\n".join(sorted(f"{kind}:{key}" for kind, key in known))
    return hashlib.sha256(f"{FORMAT}\n{code}\n{ids}".encode("utf-8")).hexdigest()


def _occurrences(doc: dict, items: list) -> etree._Element:
    """One occ per spot of a name, an item's spots together in document order."""
    holder = etree.Element("doc-occurrences", {"href": doc["href"], "title": doc["title"]})
    for i, (kind, key, spellings) in enumerate(items):
        spots = sorted((n, spelling, left, right, refs)
                       for spelling, found in spellings for n, left, right, refs in found)
        for n, spelling, left, right, refs in spots:
            etree.SubElement(holder, "occ", {"item": str(i), "kind": kind, "key": key,
                                             "spelling": spelling, "n": str(n),
                                             "left": left, "right": right, "refs": refs})
    return holder


def _rows(doc: dict, dates: list[dict]) -> etree._Element:
    holder = etree.Element("doc-rows")
    for d in dates:
        value = {k: d[k] for k in DATE_ATTRS + ("inferred", "cert", "evidence") if k in d}
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
