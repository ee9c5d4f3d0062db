"""Collection pages: index, registers, chronology and search index, from the digests.

A reduce step over the per-document digests (pipeline/digest.py) and the authority
file, read one digest at a time: its memory grows with the number of names and dates
of the collection, never with the size of its TEI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from pipeline.authority import FOLD_TABLE
from pipeline.digest import DATE_ATTRS
from pipeline.errors import PipelineError
from pipeline.pages import Apply, Pages, Write
from pipeline.ns import NS, TEI_NS, tei
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt" / "html"
ASSETS = [XSLT_DIR / "archive.css", XSLT_DIR / "archive.js"]
REGISTERS = {"person": ("persons.html", "listPerson"), "place": ("places.html", "listPlace"),
             "org": ("organisations.html", "listOrg")}
SEARCH_INDEX = "search-index.js"



ROWS_PER_PART = 500  # chronology rows per fragment


@dataclass
class Gathered:
    """What the collection pages need, gathered in one pass over the digests."""

    index: etree._Element = field(default_factory=lambda: etree.Element("collection"))
    dates: list[tuple] = field(default_factory=list)  # (sort key, attributes, surface, context)
    # kind -> [(document href, title, [(key, spelling, [n, ...]), ...]), ...]
    names: dict[str, list] = field(default_factory=lambda: {k: [] for k in REGISTERS})
    found: set = field(default_factory=set)  # (kind, key) with an occurrence
    authorities: set = field(default_factory=set)
    search_docs: list[bytes] = field(default_factory=list)  # JSON, "</" escaped


def write_pages(apply: Apply, write: Write, out_dir: Path,
                digests: Callable[[], Iterator[dict]], params: str = "") -> None:
    """Every collection page of the edition in `out_dir`, from its digests. Long pages
    are made of fragments (pipeline/pages.py): only fragments whose input changed are
    transformed, and never the whole register or chronology at once."""
    for asset in ASSETS:
        write(out_dir / asset.name, asset.read_bytes())
    got = gather(digests())
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
    documents), yearless days and months apart, in fragments of at most ROWS_PER_PART
    rows of one month."""
    dated = sorted((d for d in got.dates if not d[0][0].startswith("--")), key=lambda d: d[0])
    yearless = sorted((d for d in got.dates if d[0][0].startswith("--")),
                      key=lambda d: d[0][0])
    shell = etree.Element("chronology", {
        "dates": str(len(got.dates)), "yearless": str(len(yearless)),
        "documents": str(len({d[1][1][1] for d in got.dates}))})
    pages.page("chronology.html", "chronology.xsl", shell,
               {"dated": _rows(dated), "yearless": _rows(yearless)})


def _rows(dates: list[tuple]) -> Iterator[etree._Element]:
    """Runs of at most ROWS_PER_PART rows that never cross a month, so that a new date
    changes the runs of its own month and leaves every other run as it was."""
    start = 0
    while start < len(dates):
        month = dates[start][0][0][:7]
        end = start
        while end < len(dates) and end - start < ROWS_PER_PART and \
                dates[end][0][0][:7] == month:
            end += 1
        rows = etree.Element("rows")
        for _, attrs, surface, context in dates[start:end]:
            row = etree.SubElement(rows, "date", dict(attrs))
            etree.SubElement(row, "surface").text = surface
            etree.SubElement(row, "context").text = context
        yield rows
        start = end


def gather(digests: Iterator[dict]) -> Gathered:
    got = Gathered()
    for doc in digests:
        attrs = {k: str(v) for k, v in sorted(doc.items())
                 if isinstance(v, (str, int)) and k not in ("authority", "terms")}
        attrs.update({k: str(v) for k, v in sorted(doc.get("counts", {}).items())})
        etree.SubElement(got.index, "document", attrs)
        for d in doc.get("dates", []):
            value = {k: d[k] for k in DATE_ATTRS if k in d}
            end = value.get("to") or value.get("notAfter") or d["key"]
            got.dates.append(((d["key"], end), (
                ("href", f"{doc['href']}#date-{d['n']}"), ("doc", doc["title"]),
                ("key", d["key"]), *value.items()), d["surface"], d["context"]))
        _gather_names(got, doc)
        if doc.get("authority"):
            got.authorities.add(doc["authority"])
        got.search_docs.append(_script_safe(json.dumps(
            {k: doc.get(k, "") for k in ("href", "title", "source", "words", "terms")},
            ensure_ascii=False, sort_keys=True, separators=(",", ":"))))
    return got


def _gather_names(got: Gathered, doc: dict) -> None:
    """Occurrences grouped per kind, then key and spelling, in order of first use."""
    groups: dict[str, dict[tuple[str, str], list[int]]] = {k: {} for k in REGISTERS}
    for n, kind, key, surface in doc.get("names", []):
        groups[kind].setdefault((key, surface), []).append(n)
        if key:
            got.found.add((kind, key))
    for kind, spots in groups.items():
        if spots:
            got.names[kind].append((doc["href"], doc["title"],
                                    [(k, s, ns) for (k, s), ns in spots.items()]))


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
    then one fragment per initial with its entries and their occurrences."""
    mine = {k: el for k, el in entries.items() if el.tag == tei(kind)}
    by_letter: dict[str, list[str]] = {}
    for key in sorted(mine, key=str.lower):
        by_letter.setdefault(letter(key), []).append(key)
    listed = [(href, numbers) for href, _, spots in got.names[kind]
              for key, _, numbers in spots if key in mine]
    shell = etree.Element("register", {
        "kind": kind, "entries": str(len(mine)),
        "occurrences": str(sum(len(numbers) for _, numbers in listed)),
        "documents": str(len({href for href, _ in listed}))})
    for initial in by_letter:
        etree.SubElement(shell, "letter").text = initial
    # A key the authority file does not hold (a dangling @ref) counts as no key.
    shell.append(_occurrences(got.names[kind], lambda key: None if key in mine else ""))
    pages.page(REGISTERS[kind][0], "register.xsl", shell,
               {"entries": _letters(kind, by_letter, mine, got)})


def _letters(kind: str, by_letter: dict[str, list[str]], mine: dict[str, etree._Element],
             got: Gathered) -> Iterator[etree._Element]:
    """<register-part kind letter> with the TEI entries of one initial, as curated, and
    their occurrences."""
    for initial, keys in by_letter.items():
        wanted = set(keys)
        part = etree.Element("register-part", {"kind": kind, "letter": initial},
                             nsmap={"tei": TEI_NS})
        for key in keys:
            part.append(etree.fromstring(etree.tostring(mine[key])))
        part.append(_occurrences(got.names[kind], lambda key: key if key in wanted else None))
        yield part


def _occurrences(names: list, key_of: Callable[[str], str | None]) -> etree._Element:
    """<occurrences><doc href title><occ key spelling n="3 17 40"/></doc></occurrences> for
    the spots whose key `key_of` maps to an attribute value (None: left out)."""
    out = etree.Element("occurrences")
    for href, title, spots in names:
        holder = None
        for key, spelling, numbers in spots:
            value = key_of(key)
            if value is None:
                continue
            if holder is None:
                holder = etree.SubElement(out, "doc", {"href": href, "title": title})
            etree.SubElement(holder, "occ", {"key": value, "spelling": spelling,
                                             "n": " ".join(map(str, numbers))})
    return out


def search_index(got: Gathered, entries: dict[str, etree._Element]) -> bytes:
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
    head = _script_safe(json.dumps({"fold": FOLD_TABLE, "entries": registers},
                                   ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return b"".join([b"window.ARCHIVE_SEARCH = ", head[:-1], b',"docs":[',
                     b",".join(got.search_docs), b"]};\n"])


def _script_safe(text: str) -> bytes:
    """JSON that cannot end a script element early, were the index ever inlined."""
    return text.replace("</", "<\\/").encode("utf-8")
