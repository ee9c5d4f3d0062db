"""Archivists' OCR decisions (tei/ocr-overrides.tsv): keep a word as printed, or
set its reading. They come before every rule."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field



@dataclass
class Overrides:
    """Archivists' decisions from tei/ocr-overrides.tsv: keep a word, or fix a reading."""

    keep: set[tuple[str, str]] = field(default_factory=set)
    correct: dict[tuple[str, str], str] = field(default_factory=dict)

    def kept(self, doc: str, sic: str) -> bool:
        return (doc, sic) in self.keep or ("*", sic) in self.keep

    def reading(self, doc: str, sic: str) -> str | None:
        return self.correct.get((doc, sic)) or self.correct.get(("*", sic))


def read_overrides(path) -> Overrides:
    """tei/ocr-overrides.tsv: document (or *), word as printed, keep|correct, reading."""
    import csv

    overrides = Overrides()
    if not path or not path.exists():
        return overrides
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "document":
                continue
            doc, sic, action = (row + ["", "", ""])[:3]
            if action == "keep":
                overrides.keep.add((doc, sic))
            elif action == "correct" and len(row) > 3 and row[3].strip():
                overrides.correct[(doc, sic)] = row[3].strip()
    return overrides


def overrides_of(path) -> Overrides:
    """read_overrides(path), read again only when the file changed: a worker, or the model
    server (build/warm.py), encodes many documents with the same file."""
    return _read(path, path.stat().st_mtime_ns if path and path.exists() else 0)


@functools.lru_cache(maxsize=4)
def _read(path, _mtime: int) -> Overrides:
    return read_overrides(path)
