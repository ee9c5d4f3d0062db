"""Collection pages: index, registers, chronology and search index, from the pieces.

The reduce step over the documents' pieces (pipeline/editions/pieces.py, kept up to date by
pipeline/editions/reduce.py) and the authority file. Registers have an overview page and a page
per initial (`places.html`, `places-a.html`, `places-unlisted.html` for names with no
entry); the chronology an overview and a page per year (`chronology-1944.html`); the
search Pagefind bundles over shards of documents (editions/search.py). A page is
written only when what it shows
changed, so a changed document rewrites the few pages it appears on; memory holds one
page's pieces at a time, never the collection.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from pipeline.core import paths
from pipeline.core.errors import PipelineError
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import TEI_NS, tei
from pipeline.editions import pieces, placemap, search
from pipeline.editions.groups import (CHRONOLOGY, DIGESTS, REGISTERS,
                                      XML_ID, authority_entries, authority_ids, initial,
                                      label, pieces_path, reserved)
from pipeline.editions.pages import ExportReport, Pages
from pipeline.editions.reduce import Reduce, Source, StateLost
from pipeline.editions.saxon import Saxon

# Copied as they are, by their path under html/: the map page's script and Leaflet go
# to map.js and vendor/leaflet/, which only map.html loads.
ASSETS = [paths.HTML_XSLT / "archive.css", paths.HTML_XSLT / "archive.js",
          # the document pages' view in the address, passage citations, downloads
          paths.HTML_XSLT / "cite.css", paths.HTML_XSLT / "cite.js",
          paths.HTML_XSLT / "search.js",  # the search page's, around Pagefind
          paths.HTML_XSLT / "map.js"] + [paths.HTML_XSLT / "vendor" / "leaflet" / name
                                         for name in ("leaflet.js", "leaflet.css", "LICENSE")]


def write_pages(saxon: Saxon, out_dir: Path, report: ExportReport) -> None:
    """Every collection page of the edition in `out_dir`, from its documents' pieces
    (made again from their digests where they are stale). Only pages whose content
    changed are transformed and written; each lands in `report`."""
    code = saxon.code
    expected = functools.lru_cache(maxsize=8)(
        lambda authority: pieces.fingerprint(code, authority_ids(out_dir, authority)))

    def remake(src: Source) -> None:
        try:
            doc = json.loads(src.digest.read_text(encoding="utf-8"))
        except ValueError:
            raise PipelineError("damaged digest; export the documents again",
                                str(src.digest)) from None
        atomic_write(src.pieces, pieces.make(doc, saxon, out_dir))

    sources = _sources(out_dir)
    # The search index needs only the document pages, which are written by now: it is
    # made in a thread while the registers and the chronology are.
    indexing = search.Indexing(out_dir, [f"{src.name}.html" for src in sources])

    def run(red: Reduce) -> None:
        red.sync(sources, expected, remake)
        _write(red, Pages(out_dir, saxon, red.pages, report), indexing)

    try:
        try:
            run(Reduce.load(out_dir, code))
        except StateLost:  # someone removed or damaged a state file: make them all again
            run(Reduce.load(out_dir, code, trust=False))
    finally:
        indexing.wait()


def _sources(out_dir: Path) -> list[Source]:
    """The digest and pieces of every page in `out_dir`, by page name; those of a page
    that is gone are removed."""
    out = []
    for path in sorted((out_dir / DIGESTS).glob("*.json")):
        page = out_dir / (path.stem + ".html")
        if path.name.startswith("."):
            continue  # the collection's own records
        if not page.exists():
            path.unlink(missing_ok=True)
            pieces_path(page).unlink(missing_ok=True)
            continue
        out.append(Source(path.stem, pieces_path(page), path))
    return out


def _write(red: Reduce, pages: Pages, indexing: search.Indexing) -> None:
    out_dir = red.out_dir
    for asset in ASSETS:
        pages.asset(asset.relative_to(paths.HTML_XSLT).as_posix(), [asset.read_bytes()])
    pages.page("index.html", "index.xsl", _index(red))
    entries = authority_entries({d["authority"] for d in red.docs.values() if d["authority"]},
                                out_dir)
    for name in sorted(red.docs):  # entries of foreign documents' own lists, after ours
        for entry in red.docs[name].get("entries", []):
            el = etree.fromstring(entry)
            entries.setdefault(el.get(XML_ID), el)
    for kind in REGISTERS:
        _register(pages, red, kind, entries)
    pages.page("map.html", "map.xsl", placemap.shell(entries))
    _chronology(pages, red)
    _search(pages, indexing)
    red.pages = pages.finish(reserved)
    red.save()


def _index(red: Reduce) -> etree._Element:
    shell = etree.Element("collection")
    for name in sorted(red.docs):
        etree.SubElement(shell, "document", dict(red.docs[name]["index"]))
    return shell


def _register(pages: Pages, red: Reduce, kind: str,
              entries: dict[str, etree._Element]) -> None:
    """A register: the overview (every entry with its totals, by initial), a page per
    initial with the entries and every document's items, and the names with no entry."""
    stem = REGISTERS[kind][0]
    mine = {k: el for k, el in entries.items() if el.tag == tei(kind)}
    by_letter: dict[str, list[str]] = {}
    for key in sorted(mine, key=lambda k: (initial(k) == "other", k.lower(), k)):
        by_letter.setdefault(initial(key), []).append(key)  # a to z, then "other"
    totals = {}
    for letter in by_letter:
        totals.update(red.totals.get(f"{stem}-{letter}", {}))
    listed = [k for k in mine if k in totals]
    unlisted = red.totals.get(f"{stem}-unlisted", {})
    shell = etree.Element("register", {
        "kind": kind, "entries": str(len(mine)),
        "occurrences": str(sum(totals[k][0] for k in listed)),
        "documents": str(red.documents(stem)),
        "unlisted-names": str(len(unlisted)),
        "unlisted-occurrences": str(sum(t[0] for t in unlisted.values()))})
    for letter, keys in by_letter.items():
        holder = etree.SubElement(shell, "letter", {"name": letter})
        for key in keys:
            count = totals.get(key, [0, 0])
            etree.SubElement(holder, "entry", {"key": key, "label": label(mine[key]),
                                               "occurrences": str(count[0]),
                                               "documents": str(count[1])})
    pages.page(f"{stem}.html", "register.xsl", shell)
    for letter, keys in by_letter.items():
        part = etree.Element("register-letter", {"kind": kind, "letter": letter},
                             nsmap={"tei": TEI_NS})
        for other in by_letter:
            etree.SubElement(part, "letter", {"name": other})
        for key in keys:
            part.append(etree.fromstring(etree.tostring(mine[key])))
        _slots(part, keys, totals)
        placemap.mark(part, (mine[key] for key in keys))
        group = f"{stem}-{letter}"
        pages.page(f"{group}.html", "register.xsl", part, _items(red, group, keys),
                   red.keys.get(group, ""))
    if unlisted:
        group = f"{stem}-unlisted"
        spellings = sorted(unlisted, key=lambda s: (s.lower(), s))
        part = etree.Element("register-unlisted", {"kind": kind})
        _slots(part, spellings, unlisted)
        pages.page(f"{group}.html", "register.xsl", part, _items(red, group, spellings),
                   red.keys.get(group, ""))


def _slots(part: etree._Element, keys: list[str], totals: dict) -> None:
    """A count per key with occurrences, and its slot: where the items go."""
    for slot, key in enumerate(keys):
        if key in totals:
            etree.SubElement(part, "count", {"key": key, "slot": str(slot),
                                             "occurrences": str(totals[key][0]),
                                             "documents": str(totals[key][1])})


def _items(red: Reduce, group: str, keys: list[str]
           ) -> Callable[[], dict[str, list[bytes]]]:
    """The parts of a register page: slot -> every document's item, in document order."""
    def parts() -> dict[str, list[bytes]]:
        slot = {key: str(i) for i, key in enumerate(keys)}
        out: dict[str, list[bytes]] = defaultdict(list)
        for items in red.contributions(group):
            for key, _, item in items:
                if key in slot:
                    out[slot[key]].append(item)
        return out
    return parts


def _chronology(pages: Pages, red: Reduce) -> None:
    """The overview (years, with their totals) and a page per year, and one for days and
    months printed without a year. On a page, passages sorted by date (ties: the earlier
    end first, then the order of the documents)."""
    prefix = CHRONOLOGY + "-"
    years = sorted((g[len(prefix):] for g in red.totals if g.startswith(prefix)),
                   key=lambda y: (y == "yearless", int(y) if y != "yearless" else 0))
    shell = etree.Element("chronology", {
        "dates": str(sum(red.totals[prefix + y][""][0] for y in years)),
        "documents": str(red.documents(CHRONOLOGY))})
    for year in years:
        rows, n = red.totals[prefix + year][""]
        etree.SubElement(shell, "year", {"name": year, "dates": str(rows), "documents": str(n)})
    pages.page(f"{CHRONOLOGY}.html", "chronology.xsl", shell)
    dated = [y for y in years if y != "yearless"]
    for year in years:
        rows, n = red.totals[prefix + year][""]
        at = dated.index(year) if year in dated else -1
        part = etree.Element("chronology-part", {"year": year, "dates": str(rows),
                                                 "documents": str(n)})
        if at > 0:
            part.set("previous", dated[at - 1])
        if 0 <= at < len(dated) - 1:
            part.set("next", dated[at + 1])
        pages.page(f"{prefix}{year}.html", "chronology.xsl", part, _rows(red, prefix + year),
                   red.keys.get(prefix + year, ""))


def _rows(red: Reduce, group: str) -> Callable[[], dict[str, Iterator[bytes]]]:
    def parts() -> dict[str, Iterator[bytes]]:
        rows = [row for items in red.contributions(group) for row in items]
        rows.sort(key=itemgetter(0, 1))  # stable: ties keep the documents' order
        return {"rows": (row for _, _, row in rows)}
    return parts


def _search(pages: Pages, indexing: search.Indexing) -> None:
    """The Pagefind bundles of the shards whose pages changed (editions/search.py), and
    search.html over all of them."""
    bundles = indexing.finish(pages.report)
    shell = etree.Element("search")
    for href in bundles:
        etree.SubElement(shell, "bundle", href=href)
    pages.page("search.html", "search.xsl", shell)
