"""Collection pages: index, registers, chronology and search index, from the digests.

A reduce step over the per-document digests (pipeline/digest.py) and the authority
file, read one digest at a time: its memory grows with the number of names and dates
of the collection, never with the size of its TEI.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from pipeline.digest import DATE_ATTRS, FOLD_EXTRA
from pipeline.errors import PipelineError
from pipeline.fsutil import atomic_write
from pipeline.ns import NS, TEI_NS, tei
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt" / "html"
ASSETS = [XSLT_DIR / "archive.css", XSLT_DIR / "archive.js"]
REGISTERS = {"person": ("persons.html", "listPerson"), "place": ("places.html", "listPlace"),
             "org": ("organisations.html", "listOrg")}
SEARCH_INDEX = "search-index.js"

Apply = Callable[[Path, str, str], str]  # (stylesheet, xml text, where) -> html
Write = Callable[[Path, bytes], None]


@dataclass
class Gathered:
    """What the collection pages need, gathered in one pass over the digests."""

    index: etree._Element = field(default_factory=lambda: etree.Element("collection"))
    chronology: etree._Element = field(default_factory=lambda: etree.Element("chronology"))
    # kind -> [(document href, title, [(key, spelling, [n, ...]), ...]), ...]
    names: dict[str, list] = field(default_factory=lambda: {k: [] for k in REGISTERS})
    found: set = field(default_factory=set)  # (kind, key) with an occurrence
    authorities: set = field(default_factory=set)
    search_docs: list[str] = field(default_factory=list)


def write_pages(apply: Apply, write: Write, out_dir: Path,
                digests: Callable[[], Iterator[dict]], params: str = "") -> None:
    """Every collection page of the edition in `out_dir`, from its digests. A page whose
    input, stylesheets and parameters (`params`) are those of its last run is not
    transformed again: after one changed document only the pages it touches are."""
    for asset in ASSETS:
        write(out_dir / asset.name, asset.read_bytes())
    got = gather(digests())
    pages = _Pages(out_dir, apply, write, params)
    pages.html("index.html", "index.xsl", got.index)
    pages.html("chronology.html", "chronology.xsl", got.chronology)
    entries = authority_entries(got.authorities, out_dir)
    for kind, (page, _) in REGISTERS.items():
        pages.html(page, "register.xsl", register_input(kind, got, entries))
    pages.html("search.html", "search.xsl", etree.Element("search"))
    pages.save()
    write(out_dir / SEARCH_INDEX, search_index(got, entries))


class _Pages:
    """Collection pages and the fingerprints of what they were last made from."""

    RECORD = ".digests/.pages.json"

    def __init__(self, out_dir: Path, apply: Apply, write: Write, params: str):
        self.out_dir, self.apply, self.write = out_dir, apply, write
        self.code = hashlib.sha256((params + "".join(
            p.read_text(encoding="utf-8") for p in sorted(XSLT_DIR.parent.rglob("*.xsl"))
        )).encode("utf-8")).hexdigest()
        try:
            self.record = json.loads((out_dir / self.RECORD).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.record = {}

    def html(self, page: str, stylesheet: str, doc: etree._Element) -> None:
        source = etree.tostring(doc, encoding="unicode")
        print_ = hashlib.sha256((self.code + stylesheet + source).encode("utf-8")).hexdigest()
        path = self.out_dir / page
        if self.record.get(page) == print_ and path.exists():
            self.write(path, path.read_bytes())  # reported as unchanged
            return
        self.write(path, self.apply(XSLT_DIR / stylesheet, source, stylesheet).encode("utf-8"))
        self.record[page] = print_

    def save(self) -> None:
        atomic_write(self.out_dir / self.RECORD,
                     json.dumps(self.record, indent=1, sort_keys=True).encode("utf-8"))


def gather(digests: Iterator[dict]) -> Gathered:
    got = Gathered()
    for doc in digests:
        attrs = {k: str(v) for k, v in sorted(doc.items())
                 if isinstance(v, (str, int)) and k not in ("authority", "terms")}
        attrs.update({k: str(v) for k, v in sorted(doc.get("counts", {}).items())})
        etree.SubElement(got.index, "document", attrs)
        for d in doc.get("dates", []):
            entry = etree.SubElement(got.chronology, "date", {
                "href": f"{doc['href']}#date-{d['n']}", "doc": doc["title"], "key": d["key"],
                **{k: d[k] for k in DATE_ATTRS if k in d}})
            etree.SubElement(entry, "surface").text = d["surface"]
            etree.SubElement(entry, "context").text = d["context"]
        _gather_names(got, doc)
        if doc.get("authority"):
            got.authorities.add(doc["authority"])
        got.search_docs.append(json.dumps(
            {k: doc.get(k, "") for k in ("href", "title", "source", "words", "terms")},
            ensure_ascii=False, sort_keys=True, separators=(",", ":")))
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


def register_input(kind: str, got: Gathered, entries: dict[str, etree._Element]
                   ) -> etree._Element:
    """<register kind=...> with the authority's entries of that kind (TEI, as curated)
    and every occurrence: <doc href title><occ key spelling n="3 17 40"/></doc>."""
    register = etree.Element("register", {"kind": kind}, nsmap={"tei": TEI_NS})
    for el in entries.values():
        if el.tag == tei(kind):
            register.append(etree.fromstring(etree.tostring(el)))
    occurrences = etree.SubElement(register, "occurrences")
    for href, title, spots in got.names[kind]:
        holder = etree.SubElement(occurrences, "doc", {"href": href, "title": title})
        for key, spelling, numbers in spots:
            etree.SubElement(holder, "occ", {"key": key if key in entries else "",
                                             "spelling": spelling,
                                             "n": " ".join(map(str, numbers))})
    return register


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
    head = json.dumps({"fold": FOLD_EXTRA, "entries": registers}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))
    body = head[:-1] + ',"docs":[' + ",".join(got.search_docs) + "]}"
    # "</" cannot end a script element early when the index is inlined by someone.
    return ("window.ARCHIVE_SEARCH = " + body.replace("</", "<\\/") + ";\n").encode("utf-8")
