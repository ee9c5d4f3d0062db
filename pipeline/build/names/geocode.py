"""Coordinates for the authority's places: GeoNames where the archive makes the choice clear.

The archive itself is the context: the countries its places name or clearly mean
decide among homonyms (gazetteer.Resolver), as a document's do when it is tagged. A
place whose main name and variants point to one GeoNames place gets
`<location><geo>lat lon</geo></location>` and `<idno type="geonames">`; an unclear
one is reported with its candidates and left alone for the archivist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.build.names.authority import load
from pipeline.build.names.gazetteer import Gazetteer, Place, Resolver
from pipeline.build.names.review import serialise_document
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import NS, tei
from pipeline.core.xmlsafe import parse_file


@dataclass
class Report:
    found: list[tuple[str, Place]] = field(default_factory=list)  # entry id, place
    unclear: list[tuple[str, list[Place]]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    already: int = 0


def geocode(authority_path: Path, gazetteer: Gazetteer, write: bool = True) -> Report:
    """Find the place of every authority place that has no location yet; with `write`,
    add what was found to the file (atomically, keeping everything else)."""
    authority = load(authority_path)
    places = [e for e in authority.entries.values() if e.kind == "place"]
    resolver = Resolver(gazetteer, [n for e in places for n in e.names])
    tree = parse_file(authority_path)
    report = Report()
    for entry in places:
        el = tree.getroot().find(f".//tei:place[@xml:id='{entry.id}']", NS)
        if el is None:
            continue
        if el.find("tei:location", NS) is not None or el.find(
                "tei:idno[@type='geonames']", NS) is not None:
            report.already += 1
            continue
        chosen = {p.id: p for p in map(resolver.choose, entry.names) if p is not None}
        if len(chosen) == 1:
            place = next(iter(chosen.values()))
            report.found.append((entry.id, place))
            if write:
                _add(el, place)
        else:
            candidates = list(chosen.values()) or [
                p for n in entry.names for p in gazetteer.places(n)[:3]]
            if candidates:
                report.unclear.append((entry.id, candidates[:3]))
            else:
                report.unknown.append(entry.id)
    if write and report.found:
        atomic_write(authority_path, serialise_document(tree))
    return report


def _add(el: etree._Element, place: Place) -> None:
    """location after the names, idno after it, with the entry's own indentation."""
    names = el.findall(tei("placeName"))
    last = names[-1]
    indent = last.tail
    location = etree.Element(tei("location"))
    geo = etree.SubElement(location, tei("geo"))
    geo.text = f"{place.lat:g} {place.lon:g}"
    idno = etree.Element(tei("idno"), type="geonames")
    idno.text = str(place.id)
    location.tail, idno.tail = indent, indent
    at = el.index(last) + 1
    el.insert(at, location)
    el.insert(at + 1, idno)
    if at + 2 == len(el):  # they came last: the entry's closing indentation moves on
        idno.tail, last.tail = last.tail, indent
