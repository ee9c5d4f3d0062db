"""Names an archivist rejected (tei/rejected-names.tsv): never tagged again by the model,
the gazetteer or the rules, and never suggested again. The authority file still wins."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from pipeline.build.names.authority import key
from pipeline.core.fsutil import atomic_write

FILE = "rejected-names.tsv"
HEADER = "surface\tkind\tnote\n"


def read(path: Path | None) -> frozenset:
    """The keys (build/names/authority.key) of every rejected name."""
    if not path or not path.exists():
        return frozenset()
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _read(path: Path, _mtime: int, _size: int) -> frozenset:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
        keys = {key(row[0]) for row in rows if row and row[0] and row[0] != "surface"}
    keys.discard(None)
    return frozenset(keys)


def append(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """Add rejected names (surface, kind, note) to the file, keeping what it holds."""
    old = path.read_text(encoding="utf-8") if path.exists() else (
        "# Names rejected in `archive entities accept`: never tagged or suggested again.\n"
        + HEADER)
    if old and not old.endswith("\n"):
        old += "\n"
    known = read(path)
    new = [r for r in rows if key(r[0]) not in known]
    atomic_write(path, (old + "".join("\t".join(" ".join(c.split()) for c in r) + "\n"
                                      for r in new)).encode("utf-8"))
