"""How collection pages are grouped and named: register initials, chronology years,
the collection's own file names, and the authority entries the registers show.

A document's pieces are filed by group (`places-a`, `places-unlisted`,
`chronology-1944`); a group is one page, and its kind (`places`, `chronology`) the
overview that counts it. Every part of the collection step asks this module, so a
page's name is decided in one place.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import NS
from pipeline.core.xmlsafe import parse_file

# The register pages by kind of entry: the page's file stem, its list in the authority.
REGISTERS = {"person": ("persons", "listPerson"), "place": ("places", "listPlace"),
             "org": ("organisations", "listOrg")}
CHRONOLOGY = "chronology"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DIGESTS = ".digests"  # beside the pages: each document's digest and pieces
_YEAR = re.compile(r"-?\d{4,}")
# The names of the collection's own files: no document page may take one.
_OWN = re.compile(r"(?:(?:index|search|chronology|persons|places|organisations|map)(?:-.*)?\.html"
                  r"|(?:archive|search|map|cite)\.js|(?:archive|cite)\.css)")


def reserved(file_name: str) -> bool:
    """Is `file_name` one the collection pages use (places-a.html, search-index-3.js)?"""
    return _OWN.fullmatch(file_name) is not None


def digest_path(page: Path) -> Path:
    """The digest of a document page: what its export read from the TEI."""
    return page.parent / DIGESTS / (page.stem + ".json")


def pieces_path(page: Path) -> Path:
    """The pieces of a document page: its register items, chronology rows and search entry."""
    return page.parent / DIGESTS / (page.stem + ".pieces")


def initial(key: str) -> str:
    """The initial a register files an entry under, by its id (persons' ids are
    surname-first): a to z, or "other" for ids that start with any other character."""
    first = key[:1].lower()
    return first if len(first) == 1 and "a" <= first <= "z" else "other"


def register_group(kind: str, key: str) -> str:
    """The page of a register entry (`places-a`), or of a name with no entry
    (`places-unlisted`) when `key` is empty."""
    return f"{REGISTERS[kind][0]}-{initial(key) if key else 'unlisted'}"


def chronology_group(key: str) -> str:
    """The page of a dated passage: its start's year, or `yearless` for days and
    months printed without one (keys like --05-03)."""
    year = _YEAR.match(key)
    return f"{CHRONOLOGY}-{year.group() if year else 'yearless'}"


def kind_of(group: str) -> str:
    """The pages a group belongs to: `places` for places-a, `places-unlisted`,
    `chronology` for chronology-1944."""
    return group if group.endswith("-unlisted") else group.rsplit("-", 1)[0]


def label(entry: etree._Element) -> str:
    """The register name of an entry: its main name (else its first), spaces normalised."""
    names = [n for n in entry if etree.QName(n).localname.endswith("Name")]
    main = next((n for n in names if n.get("type") == "main"), names[0] if names else entry)
    return " ".join("".join(main.itertext()).split())


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
                entries.setdefault(el.get(XML_ID, ""), el)
    entries.pop("", None)
    return entries


def authority_ids(out_dir: Path, relative: str) -> frozenset:
    """(kind, id) of every entry of the authority file at `relative` (to the edition)."""
    return frozenset((etree.QName(el).localname, key)
                     for key, el in authority_at(out_dir, relative).items())


def authority_at(out_dir: Path, relative: str) -> dict[str, etree._Element]:
    """The entries of the authority file at `relative` (to the edition), by id, read
    once per process while the file stays the same; callers must not change them."""
    if not relative:
        return {}
    path = (out_dir / relative).resolve()
    try:
        stat = path.stat()
    except OSError:
        raise PipelineError("the authority file cannot be read for the registers",
                            str(path)) from None
    return _entries(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _entries(path: Path, _mtime: int, _size: int) -> dict[str, etree._Element]:
    return authority_entries({path.name}, path.parent)
