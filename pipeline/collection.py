"""Collection pages: index, registers, chronology and search index, from the digests.

A reduce step: it reads only the per-document digests (pipeline/digest.py) and the
authority file, so its cost does not grow with the size of the TEI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from lxml import etree

from pipeline.digest import DATE_ATTRS, FOLD_EXTRA
from pipeline.errors import PipelineError
from pipeline.fsutil import write_if_changed
from pipeline.ns import NS, TEI_NS, tei
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt" / "html"
ASSETS = [XSLT_DIR / "archive.css", XSLT_DIR / "archive.js"]
REGISTERS = {"person": ("persons.html", "listPerson"), "place": ("places.html", "listPlace"),
             "org": ("organisations.html", "listOrg")}
SEARCH_INDEX = "search-index.js"

Apply = Callable[[Path, str, str], str]  # (stylesheet, xml text, where) -> html
Write = Callable[[Path, bytes], None]


def write_pages(apply: Apply, write: Write, out_dir: Path, digests: dict) -> None:
    """Every collection page of the edition in `out_dir`, from the digests (by page name)."""
    for asset in ASSETS:
        write(out_dir / asset.name, asset.read_bytes())
    docs = [digests[name] for name in sorted(digests)]
    write(out_dir / "index.html", _html(apply, "index.xsl", index_input(docs)))
    write(out_dir / "chronology.html", _html(apply, "chronology.xsl", chronology_input(docs)))
    entries = authority_entries(docs, out_dir)
    for kind, (page, _) in REGISTERS.items():
        write(out_dir / page, _html(apply, "register.xsl", register_input(kind, docs, entries)))
    write(out_dir / "search.html", _html(apply, "search.xsl", etree.Element("search")))
    write(out_dir / SEARCH_INDEX, search_index(docs, entries))


def _html(apply: Apply, stylesheet: str, doc: etree._Element) -> bytes:
    return apply(XSLT_DIR / stylesheet, etree.tostring(doc, encoding="unicode"),
                 stylesheet).encode("utf-8")


def index_input(docs: list[dict]) -> etree._Element:
    collection = etree.Element("collection")
    for doc in docs:
        attrs = {k: str(v) for k, v in sorted(doc.items()) if isinstance(v, (str, int))}
        attrs.update({k: str(v) for k, v in sorted(doc.get("counts", {}).items())})
        attrs.pop("authority", None)
        etree.SubElement(collection, "document", attrs)
    return collection


def chronology_input(docs: list[dict]) -> etree._Element:
    chronology = etree.Element("chronology")
    for doc in docs:
        for d in doc.get("dates", []):
            attrs = {"href": f"{doc['href']}#date-{d['n']}", "doc": doc["title"],
                     "key": d["key"], **{k: d[k] for k in DATE_ATTRS if k in d}}
            entry = etree.SubElement(chronology, "date", attrs)
            etree.SubElement(entry, "surface").text = d["surface"]
            etree.SubElement(entry, "context").text = d["context"]
    return chronology


def authority_entries(docs: list[dict], out_dir: Path) -> dict[str, etree._Element]:
    """Entries (TEI person/place/org elements) of every authority file the documents
    point into (paths relative to `out_dir`), by id; the first file to define an id wins."""
    entries: dict[str, etree._Element] = {}
    for path in sorted({out_dir / d["authority"] for d in docs if d.get("authority")}):
        try:
            root = parse_file(path).getroot()
        except (OSError, etree.XMLSyntaxError, PipelineError) as exc:
            raise PipelineError(f"the authority file cannot be read for the registers: {exc}",
                                path) from None
        for kind, (_, list_tag) in REGISTERS.items():
            for el in root.iterfind(f".//tei:{list_tag}/tei:{kind}", NS):
                entries.setdefault(el.get("{http://www.w3.org/XML/1998/namespace}id", ""), el)
    entries.pop("", None)
    return entries


def register_input(kind: str, docs: list[dict], entries: dict[str, etree._Element]
                   ) -> etree._Element:
    """<register kind=...> with the authority's entries of that kind (TEI, as curated)
    and every occurrence in the edition: <doc href title><occ key href>surface</occ>."""
    register = etree.Element("register", {"kind": kind}, nsmap={"tei": TEI_NS})
    for entry_id, el in entries.items():
        if el.tag == tei(kind):
            register.append(_copy(el))
    occurrences = etree.SubElement(register, "occurrences")
    for doc in docs:
        names = [n for n in doc.get("names", []) if n[1] == kind]
        if not names:
            continue
        holder = etree.SubElement(occurrences, "doc", {"href": doc["href"],
                                                       "title": doc["title"]})
        for n, _, key, surface in names:
            occ = etree.SubElement(holder, "occ", {"key": key if key in entries else "",
                                                   "href": f"{doc['href']}#name-{n}"})
            occ.text = surface
    return register


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))


def search_index(docs: list[dict], entries: dict[str, etree._Element]) -> bytes:
    """A script that defines ARCHIVE_SEARCH: documents, an inverted index of folded
    words (word -> [[document, count], ...]) and the register entries with their names.
    A script, not JSON, so that pages opened from disk can load it."""
    terms: dict[str, list[list[int]]] = {}
    for i, doc in enumerate(docs):
        for term, count in doc.get("terms", {}).items():
            terms.setdefault(term, []).append([i, count])
    found = {(n[1], n[2]) for d in docs for n in d.get("names", []) if n[2]}
    registers = []
    for entry_id, el in entries.items():
        kind = etree.QName(el).localname
        names = [" ".join("".join(n.itertext()).split())
                 for n in el if etree.QName(n).localname.endswith("Name")]
        if not names:
            continue
        registers.append({"kind": kind, "href": f"{REGISTERS[kind][0]}#{entry_id}",
                          "label": names[0], "names": names,
                          "found": (kind, entry_id) in found})
    data = {"fold": FOLD_EXTRA,
            "docs": [{k: d.get(k, "") for k in ("href", "title", "source", "words")}
                     for d in docs],
            "terms": dict(sorted(terms.items())), "entries": registers}
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" cannot end a script element early when the index is inlined by someone.
    return ("window.ARCHIVE_SEARCH = " + body.replace("</", "<\\/") + ";\n").encode("utf-8")
