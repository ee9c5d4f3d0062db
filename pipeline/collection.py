"""Collection pages: index, registers, chronology and search index, from the records.

The reduce step over the documents' records (pipeline/pieces.py: the facts and the
rendered register items and chronology rows of each document) and the authority file.
It sorts and joins bytes; its memory grows with the size of the collection pages,
never with the size of the TEI.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline.authority import FOLD_TABLE
from pipeline.errors import PipelineError
from pipeline.pages import Apply, Pages, Write
from pipeline.pieces import Record, script_safe
from pipeline.ns import NS, TEI_NS, tei
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt" / "html"
ASSETS = [XSLT_DIR / "archive.css", XSLT_DIR / "archive.js"]
REGISTERS = {"person": ("persons.html", "listPerson"), "place": ("places.html", "listPlace"),
             "org": ("organisations.html", "listOrg")}
SEARCH_INDEX = "search-index.js"
_SLOT = re.compile(rb"<!--occurrences:(.*?)-->")


@dataclass
class Gathered:
    """What the collection pages need, gathered in one pass over the records."""

    index: etree._Element = field(default_factory=lambda: etree.Element("collection"))
    rows: list[tuple] = field(default_factory=list)  # (key, end, rendered row, title)
    # kind -> key -> [rendered <li>, ...] in document order; and the totals
    items: dict[str, dict[str, list[bytes]]] = field(
        default_factory=lambda: {k: {} for k in REGISTERS})
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {k: {} for k in REGISTERS})
    hrefs: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {k: {} for k in REGISTERS})
    # kind -> [(href, title, [(spelling, [n, ...]), ...]), ...]: names with no entry
    unlisted: dict[str, list] = field(default_factory=lambda: {k: [] for k in REGISTERS})
    found: set = field(default_factory=set)  # (kind, key) with an occurrence
    authorities: set = field(default_factory=set)
    search_docs: list[bytes] = field(default_factory=list)


def write_pages(apply: Apply, write: Write, out_dir: Path,
                records: Callable[[], Iterator[Record]], params: str = "") -> None:
    """Every collection page of the edition in `out_dir`, from its documents' records.
    Pages are assembled from cached shells and from the documents' own pieces
    (pipeline/pages.py): nothing is transformed again unless its input changed."""
    for asset in ASSETS:
        write(out_dir / asset.name, [asset.read_bytes()])
    got = gather(records())
    pages = Pages(out_dir, XSLT_DIR, apply, write, params)
    pages.page("index.html", "index.xsl", got.index)
    _chronology(pages, got)
    entries = authority_entries(got.authorities, out_dir)
    for kind in REGISTERS:
        _register(pages, kind, got, entries)
    pages.page("search.html", "search.xsl", etree.Element("search"))
    write(out_dir / SEARCH_INDEX, search_index(got, entries))
    pages.finish()


def _chronology(pages: Pages, got: Gathered) -> None:
    """Dated passages sorted by date (ties: the earlier end first, then the order of the
    documents), yearless days and months apart, by month and day."""
    dated = sorted((r for r in got.rows if not r[0].startswith("--")), key=itemgetter(0, 1))
    yearless = sorted((r for r in got.rows if r[0].startswith("--")), key=itemgetter(0))
    shell = etree.Element("chronology", {
        "dates": str(len(got.rows)), "yearless": str(len(yearless)),
        "documents": str(len({r[3] for r in got.rows}))})
    pages.page("chronology.html", "chronology.xsl", shell,
               {"dated": (r[2] for r in dated), "yearless": (r[2] for r in yearless)})
    got.rows.clear()


def gather(records: Iterable[Record]) -> Gathered:
    got = Gathered()
    for rec in records:
        head = rec.header
        etree.SubElement(got.index, "document", dict(head["index"]))
        got.rows.extend((key, end, row, head["title"]) for key, end, row in rec.rows)
        for kind, key, count, item in rec.items:
            got.items[kind].setdefault(key, []).append(item)
            got.counts[kind][key] = got.counts[kind].get(key, 0) + count
            got.hrefs[kind].setdefault(key, []).append(head["href"])
            got.found.add((kind, key))
        for kind, spots in head["unlisted"]:
            got.unlisted[kind].append((head["href"], head["title"], spots))
        if head["authority"]:
            got.authorities.add(head["authority"])
        got.search_docs.append(rec.search)
    return got


def authority_entries(paths: set, out_dir: Path) -> dict[str, etree._Element]:
    """Entries (TEI person/place/org elements) of every authority file the documents
    point into (paths relative to `out_dir`), by id; the first file to define an id wins."""
    entries: dict[str, etree._Element] = {}
    for path in sorted(out_dir / p for p in paths):
        try:
            root = parse_file(path).getroot()
        except (OSError, etree.XMLSyntaxError, PipelineError) as exc:
            raise PipelineError(f"the authority file cannot be read for the registers: {exc}",
                                str(path)) from None
        for kind, (_, list_tag) in REGISTERS.items():
            for el in root.iterfind(f".//tei:{list_tag}/tei:{kind}", NS):
                entries.setdefault(el.get("{http://www.w3.org/XML/1998/namespace}id", ""), el)
    entries.pop("", None)
    return entries


def letter(key: str) -> str:
    """The initial a register files an entry under (by its id: persons are surname-first)."""
    first = key[:1].upper()
    return first if first.isalpha() else "0"


def _register(pages: Pages, kind: str, got: Gathered, entries: dict[str, etree._Element]
              ) -> None:
    """A register page: the shell (totals, initials, names not in the authority file),
    then one part per initial with its entries, each entry's list filled with the items
    of every document that names it."""
    mine = {k: el for k, el in entries.items() if el.tag == tei(kind)}
    by_letter: dict[str, list[str]] = {}
    for key in sorted(mine, key=str.lower):
        by_letter.setdefault(letter(key), []).append(key)
    counts, hrefs = got.counts[kind], got.hrefs[kind]
    listed = [key for key in counts if key in mine]
    shell = etree.Element("register", {
        "kind": kind, "entries": str(len(mine)),
        "occurrences": str(sum(counts[key] for key in listed)),
        "documents": str(len({href for key in listed for href in hrefs[key]}))})
    for initial in by_letter:
        etree.SubElement(shell, "letter").text = initial
    # Names the pipeline found no entry for (a dangling @ref counts as none).
    unlisted = etree.SubElement(shell, "occurrences")
    for href, title, spots in got.unlisted[kind]:
        holder = etree.SubElement(unlisted, "doc", {"href": href, "title": title})
        for spelling, numbers in spots:
            etree.SubElement(holder, "occ", {"key": "", "spelling": spelling,
                                             "n": " ".join(map(str, numbers))})
    pages.page(REGISTERS[kind][0], "register.xsl", shell,
               {"entries": _letters(pages, kind, by_letter, mine, got)})
    got.items[kind].clear()  # written: its memory is free for the next page


def _letters(pages: Pages, kind: str, by_letter: dict[str, list[str]],
             mine: dict[str, etree._Element], got: Gathered) -> Iterator[bytes]:
    """Each initial: its curated entries with their totals (a small cached part), each
    entry's slot filled with the documents' items in document order."""
    items, counts, hrefs = got.items[kind], got.counts[kind], got.hrefs[kind]
    for initial, keys in by_letter.items():
        part = etree.Element("register-part", {"kind": kind, "letter": initial},
                             nsmap={"tei": TEI_NS})
        for key in keys:
            part.append(etree.fromstring(etree.tostring(mine[key])))
        for key in keys:
            if key in counts:
                etree.SubElement(part, "count", {"key": key, "occurrences": str(counts[key]),
                                                 "documents": str(len(set(hrefs[key])))})
        for i, piece in enumerate(_SLOT.split(pages.fragment("register.xsl", part))):
            if i % 2 == 0:
                yield piece
            else:
                yield from items.get(piece.decode("utf-8"), ())


def search_index(got: Gathered, entries: dict[str, etree._Element]) -> Iterator[bytes]:
    """A script that defines ARCHIVE_SEARCH: the documents, each with its folded words
    and their counts ("word:count ..."), and the register entries with their names.
    A script, not JSON, so that pages opened from disk can load it."""
    registers = []
    for entry_id, el in entries.items():
        kind = etree.QName(el).localname
        names = [" ".join("".join(n.itertext()).split())
                 for n in el if etree.QName(n).localname.endswith("Name")]
        if names:
            registers.append({"kind": kind, "href": f"{REGISTERS[kind][0]}#{entry_id}",
                              "label": names[0], "names": names,
                              "found": (kind, entry_id) in got.found})
    head = script_safe(json.dumps({"fold": FOLD_TABLE, "entries": registers},
                                  ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    yield from (b"window.ARCHIVE_SEARCH = ", head[:-1], b',"docs":[')
    for i, doc in enumerate(got.search_docs):
        yield b"," + doc if i else doc
    yield b"]};\n"

