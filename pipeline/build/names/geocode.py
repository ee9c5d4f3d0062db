"""Coordinates for the authority's places: GeoNames where the archive makes the choice clear.

The archive itself is the context: the countries its places name or clearly mean
decide among homonyms (gazetteer.Resolver), as a document's do when it is tagged. A
place whose main name and variants point to one GeoNames place gets
`<location><geo>lat lon</geo></location>` and `<idno type="geonames">` (a country only
the idno: GeoNames' country list has no coordinates, and 0 0 is a point in the
Gulf of Guinea); an unclear one is reported with its candidates and left alone for the archivist. When the
entry's own note names one country ("Village of northern Albania"), only places in
that country are candidates, and when it also names a place there that GeoNames
knows once ("north of Berat"), only candidates within NEAR_KM of it: the archivist has
said where it is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.build.names.authority import load
from pipeline.build.names.gazetteer import Gazetteer, Place, Resolver, clear_choice, key
from pipeline.build.names.review import serialise_document
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import NS, tei
from pipeline.core.xmlsafe import parse_file

NEAR_KM = 60.0  # "a village north of X": candidates farther from X than this are not it


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
        # A country or continent is itself, whatever its note says of its neighbours.
        country = None if any(p.kind != "place" for n in entry.names
                              for p in gazetteer.places(n)[:1]) else _note_country(el, gazetteer)
        if country:
            own = {p.id for n in entry.names for p in gazetteer.places(n)}
            anchors = [a for a in _note_anchors(el, country, gazetteer) if a.id not in own]
            chosen = _within(country, entry.names, gazetteer, anchors)
        else:
            chosen = {p.id: p for p in map(resolver.choose, entry.names) if p is not None}
        if len(chosen) == 1:
            place = next(iter(chosen.values()))
            report.found.append((entry.id, place))
            if write:
                _add(el, place)
        else:
            candidates = list(chosen.values()) or [
                p for n in entry.names for p in gazetteer.places(n)[:3]
                if not country or p.country == country]
            if candidates:
                report.unclear.append((entry.id, candidates[:3]))
            else:
                report.unknown.append(entry.id)
    if write and report.found:
        atomic_write(authority_path, serialise_document(tree))
    return report


def _note_country(el: etree._Element, gazetteer: Gazetteer) -> str | None:
    """The ISO code of the one country the entry's note names, if it names exactly one."""
    words = re.findall(r"[^\W\d_]+", " ".join(el.xpath("tei:note//text()", namespaces=NS)))
    spans = {key(" ".join(words[i:i + n])) for n in (1, 2, 3) for i in range(len(words))}
    found = {iso for k, iso in gazetteer.countries().items() if k in spans}
    return found.pop() if len(found) == 1 else None


def _note_anchors(el: etree._Element, country: str, gazetteer: Gazetteer) -> list[Place]:
    """Places in `country` that the note names by a capitalised word or words, not its
    first, and that GeoNames knows exactly once there (the caller drops the entry's
    own place: "Town of Fier district" does not place Fier near itself)."""
    words = re.findall(r"[^\W\d_]+", " ".join(el.xpath("tei:note//text()", namespaces=NS)))
    anchors, countries = {}, gazetteer.countries()
    for n in (1, 2, 3):
        for i in range(1, len(words) - n + 1):
            span = words[i:i + n]
            if all(w[0].isupper() for w in span) and key(" ".join(span)) not in countries:
                found = [p for p in gazetteer.places(" ".join(span))
                         if p.country == country and p.kind == "place"]
                if len(found) == 1:
                    anchors[found[0].id] = found[0]
    return list(anchors.values())


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    la, lb = math.radians(a.lat), math.radians(b.lat)
    h = (math.sin((lb - la) / 2) ** 2
         + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _within(country: str, names: list[str], gazetteer: Gazetteer,
            anchors: list[Place]) -> dict[int, Place]:
    """The place the names mean inside `country` (and near an anchor, if any): the only
    one, or one at least CLEAR times larger than the next; several: all of them
    (unclear); none: empty."""
    pool = sorted({p.id: p for n in names for p in gazetteer.places(n)
                   if p.country == country and p.kind == "place"
                   and (not anchors or min(_km(p, a) for a in anchors) <= NEAR_KM)}.values(),
                  key=lambda p: (-p.population, p.id))
    chosen = clear_choice(pool)
    return {chosen.id: chosen} if chosen else {p.id: p for p in pool}


def _add(el: etree._Element, place: Place) -> None:
    """location (if known) after the names, idno after it, with the entry's own
    indentation."""
    names = el.findall(tei("placeName"))
    last = names[-1]
    indent = last.tail
    added = []
    if has_coordinates(place):
        location = etree.Element(tei("location"))
        geo = etree.SubElement(location, tei("geo"))
        geo.text = f"{place.lat:g} {place.lon:g}"
        added.append(location)
    idno = etree.Element(tei("idno"), type="geonames")
    idno.text = str(place.id)
    added.append(idno)
    at = el.index(last) + 1
    for i, new in enumerate(added):
        new.tail = indent
        el.insert(at + i, new)
    if at + len(added) == len(el):  # they came last: the entry's closing indentation moves on
        added[-1].tail, last.tail = last.tail, indent


def has_coordinates(place: Place) -> bool:
    """False for a country: the gazetteer knows no point for it (its lat/lon are 0)."""
    return place.kind != "country"
