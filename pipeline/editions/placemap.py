"""The map page's input: the places of the registers that have coordinates (TEI location/geo).

One rule decides which places are on the map (`coordinates`), and both the map page
(`shell`, for map.xsl) and the place registers (`mark`: the "On the map" link of an
entry, register.xsl) ask it, so the two never disagree. The shell holds only the
entries' names and coordinates, not their occurrence counts: the map page then changes
when the authority file's places change, never when a document does.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from pipeline.core.fold import fold
from pipeline.core.ns import NS, tei
from pipeline.editions.groups import XML_ID, label

# TEI's default geoDecl (WGS84): "latitude longitude" in decimal degrees, separated by
# whitespace; a comma between them is a common variant of other projects' files.
_GEO = re.compile(r"\s*([-+]?\d{1,3}(?:\.\d+)?)\s*(?:,\s*|\s+)([-+]?\d{1,3}(?:\.\d+)?)\s*")


def coordinates(entry: etree._Element) -> tuple[str, str] | None:
    """(latitude, longitude) as written, of the first location/geo of a place entry that
    reads as decimal degrees within range; None when it has none (a place that cannot be
    drawn is counted among those without coordinates, never guessed at)."""
    for geo in entry.iterfind("tei:location/tei:geo", NS):
        found = _GEO.fullmatch("".join(geo.itertext()))
        if found:
            lat, lon = (v.lstrip("+") for v in found.groups())
            if abs(float(lat)) <= 90 and abs(float(lon)) <= 180:
                return lat, lon
    return None


def shell(entries: dict[str, etree._Element]) -> etree._Element:
    """<place-map places="89" unmapped="44"><place key label lat lon/>...</place-map>:
    every place entry with coordinates, by name (accents folded, then case)."""
    places = {key: el for key, el in entries.items() if el.tag == tei("place")}
    mapped = []
    for key, el in places.items():
        where = coordinates(el)
        if where:
            name = label(el) or key
            mapped.append(((fold(name).casefold(), name, key), key, name, where))
    root = etree.Element("place-map", {"places": str(len(places)),
                                       "unmapped": str(len(places) - len(mapped))})
    for _, key, name, (lat, lon) in sorted(mapped):
        etree.SubElement(root, "place", {"key": key, "label": name, "lat": lat, "lon": lon})
    return root


def mark(part: etree._Element, entries: Iterable[etree._Element]) -> None:
    """A <mapped key="..."/> in a register page's input for each of its entries on the map."""
    for el in entries:
        if el.tag == tei("place") and coordinates(el):
            etree.SubElement(part, "mapped", {"key": el.get(XML_ID, "")})
