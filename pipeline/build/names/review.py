"""The review queue: names the authority lacks, and adding them to it without writing XML."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.build.dates.calendar import MONTHS
from pipeline.build.names.authority import KINDS, LISTS, key, load
from pipeline.core.errors import PipelineError
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import NS, TEI_NS, tei, xml
from pipeline.core.xmlsafe import parse_file
from pipeline.core.surface import reading_words

CONTEXT = 40
# Two or more capitalised words in a row (with "of", "the" between): a name, perhaps.
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’])(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)(?:\s+(?:(?:of|the|de|i|e)\s+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)+")
_BLOCKS = ("p", "head", "item", "label", "salute", "signed", "figDesc", "quote", "note")
NAME_TAGS = {tei(v): k for k, v in KINDS.items()}
GEONAMES = "https://www.geonames.org/"


@dataclass
class Candidate:
    surface: str
    kind: str
    count: int = 0
    contexts: list[str] = field(default_factory=list)
    found_by: str = "rules"  # ner (the model), geonames, rules, or unknown (no layer)
    geonames_id: str = ""  # the place the documents mean, when the choice was clear
    geonames: list[str] = field(default_factory=list)  # "ID name, CC (lat lon)", largest first


def suggest(files: list[Path], authority_path: Path | None, rejected_keys: frozenset = frozenset(),
            gazetteer=None) -> list[Candidate]:
    """Names tagged without @ref (by the model, the gazetteer or the rules), then
    capitalised runs the authority does not know; never a rejected name. With a
    gazetteer, places and unknown names get their GeoNames candidates."""
    known = set(load(authority_path).index) if authority_path and authority_path.exists() \
        else set()
    known |= rejected_keys
    found: dict[tuple[str, str], Candidate] = {}
    for path in files:
        root = parse_file(path).getroot()
        text = root.find(tei("text"))
        if text is None:
            continue
        for block in text.iter(*(tei(b) for b in _BLOCKS)):
            _from_block(block, known, found)
    if gazetteer is not None:
        for cand in found.values():
            if cand.kind in ("place", "unknown"):
                cand.geonames = [f"{p.id} {p.name}, {p.country or p.kind} ({p.lat:g} {p.lon:g})"
                                 for p in gazetteer.places(cand.surface)[:3]]
    return sorted(found.values(), key=lambda c: (-c.count, c.surface.lower(), c.kind))


def _from_block(block: etree._Element, known: set, found: dict) -> None:
    flat = reading_words(block)
    for el in block:
        ref = el.get("ref", "")
        if el.tag in NAME_TAGS and (not ref or ref.startswith(GEONAMES)):
            surface = reading_words(el)
            if key(surface) in known:
                continue  # rejected
            cand = _note(found, surface, NAME_TAGS[el.tag], flat, flat.find(surface))
            cand.found_by = (el.get("resp") or "#rules")[1:]
            if ref.startswith(GEONAMES):
                cand.geonames_id = ref[len(GEONAMES):]
    untagged = " ".join(" ".join(_untagged_text(block)).split())
    for m in _CAPITALISED_RUN.finditer(untagged):
        surface = m.group().rstrip("'’-")
        k = key(surface)
        if any(w.lower() in MONTHS for w in surface.split()):
            continue  # "June and July 1942" is a date, not a name
        if k and k not in known and not _sentence_start(untagged, m.start()):
            _note(found, surface, "unknown", untagged, m.start())


def _untagged_text(el: etree._Element) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if child.tag in NAME_TAGS or child.tag in (tei("fw"), tei("ref"), tei("note")):
            parts.append(" | ")  # a tagged name or apparatus ends a run
        else:
            parts.extend(_untagged_text(child))
        parts.append(child.tail or "")
    return parts


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;|«“\""


def _note(found: dict, surface: str, kind: str, flat: str, at: int) -> Candidate:
    cand = found.setdefault((surface, kind), Candidate(surface, kind,
                                                       found_by="" if kind != "unknown"
                                                       else "unknown"))
    cand.count += 1
    at = max(at, 0)
    lo, hi = max(0, at - CONTEXT), at + len(surface) + CONTEXT
    snippet = ("…" if lo else "") + flat[lo:hi] + ("…" if hi < len(flat) else "")
    if len(cand.contexts) < 2 and snippet not in cand.contexts:
        cand.contexts.append(snippet)
    return cand


# --- Adding to the authority --------------------------------------------------------

def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "entry"


def person_id(name: str) -> str:
    words = name.split()
    return slug(" ".join(words[-1:] + words[:-1])) if len(words) > 1 else slug(name)


def add(authority_path: Path, surface: str, kind: str, *, variant_of: str | None = None,
        entry_id: str | None = None, note: str | None = None,
        variants: tuple[str, ...] = (), place=None) -> str:
    """Add `surface` as a new entry or as a variant of an existing one; return what was
    done. A new entry may get further spellings (`variants`) and, for a place, the
    GeoNames place it is (`place`: its coordinates and identifier)."""
    if kind not in KINDS:
        raise PipelineError(f"unknown kind {kind!r}; use person, place or org")
    surface = " ".join(surface.split())
    if not key(surface):
        raise PipelineError(f"{surface!r} is not a name the tagger could match")
    tree = parse_file(authority_path)
    root = tree.getroot()
    authority = load(authority_path)
    owners = authority.index.get(key(surface), [])
    if variant_of:
        found = root.xpath("//tei:standOff//*[@xml:id = $id]", namespaces=NS, id=variant_of)
        entry = found[0] if found else None
        if entry is None:
            raise PipelineError(f"no entry {variant_of!r} in the authority file",
                                str(authority_path))
        if etree.QName(entry).localname != kind:
            raise PipelineError(f"{variant_of!r} is a {etree.QName(entry).localname}, "
                                f"not a {kind}", str(authority_path))
        if variant_of in owners:
            raise PipelineError(f"{surface!r} is already a name of {variant_of!r}",
                                str(authority_path))
        names = entry.findall(tei(KINDS[kind]))
        _child_after(entry, names[-1], KINDS[kind], surface, type="variant")
        done = f"added {surface!r} as a variant of {variant_of}"
    else:
        if owners:
            raise PipelineError(f"{surface!r} is already in the authority file "
                                f"(entry {', '.join(owners)}); use --variant-of to add a "
                                "spelling", str(authority_path))
        entry_id = entry_id or (person_id(surface) if kind == "person" else slug(surface))
        if root.xpath("//*[@xml:id = $id]", id=entry_id) or entry_id in authority.entries:
            raise PipelineError(f"xml:id {entry_id!r} is taken; choose one with --id",
                                str(authority_path))
        lst = _list(root, kind)
        entry = etree.Element(tei(kind))
        entry.set(xml("id"), entry_id)
        etree.SubElement(entry, tei(KINDS[kind]), type="main").text = surface
        for variant in dict.fromkeys(" ".join(v.split()) for v in variants):
            if variant and variant != surface:
                etree.SubElement(entry, tei(KINDS[kind]), type="variant").text = variant
        if place is not None and kind == "place":
            location = etree.SubElement(entry, tei("location"))
            etree.SubElement(location, tei("geo")).text = f"{place.lat:g} {place.lon:g}"
            etree.SubElement(entry, tei("idno"), type="geonames").text = str(place.id)
        if note:
            etree.SubElement(entry, tei("note")).text = note
        _append(lst, entry)
        done = f"added {kind} {entry_id} ({surface!r})"
    atomic_write(authority_path, serialise_document(tree))
    return done


def serialise_document(tree: etree._ElementTree) -> bytes:
    """The file as people wrote it: declaration, one line per processing instruction."""
    root = tree.getroot()
    head = []
    node = root.getprevious()
    while node is not None:
        head.insert(0, etree.tostring(node, encoding="unicode", with_tail=False))
        node = node.getprevious()
    body = etree.tostring(root, encoding="UTF-8", with_tail=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(h + "\n" for h in head)
            ).encode("utf-8") + body + b"\n"


def _list(root: etree._Element, kind: str) -> etree._Element:
    lst = root.find(f".//tei:standOff/tei:{LISTS[kind]}", NS)
    if lst is None:
        stand_off = root.find("tei:standOff", NS)
        if stand_off is None:
            raise PipelineError("the authority file has no <standOff>")
        lst = etree.SubElement(stand_off, tei(LISTS[kind]))
        order = ["listPerson", "listPlace", "listOrg"]
        stand_off[:] = sorted(stand_off, key=lambda e: order.index(etree.QName(e).localname)
                              if etree.QName(e).namespace == TEI_NS
                              and etree.QName(e).localname in order else 99)
    return lst


def _append(parent: etree._Element, el: etree._Element) -> None:
    """Append keeping the file's indentation."""
    if len(parent):
        last = parent[-1]
        el.tail = last.tail
        last.tail = parent.text
    else:
        el.tail = "\n"
    parent.append(el)


def _child_after(entry: etree._Element, after: etree._Element, tag: str, text: str,
                 **attrs: str) -> etree._Element:
    new = etree.Element(tei(tag), attrs)
    new.text = text
    new.tail = after.tail
    entry.insert(entry.index(after) + 1, new)
    return new

