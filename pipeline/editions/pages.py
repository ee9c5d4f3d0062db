"""Collection pages assembled from a transformed shell and the documents' pieces.

A page is a shell (a small XSLT input: titles, totals, the entries of a register
initial) whose output holds markers `<!--part:NAME-->`; each marker is replaced by the
bytes of its part, the documents' own pieces (pipeline/editions/pieces.py). Every page is known
by a key of what it shows (its shell's input and its contributors' digests): a page
whose key did not change since the last run is neither transformed nor written.
"""

from __future__ import annotations

import hashlib
from collections import Counter
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from lxml import etree

from pipeline.core import paths
from pipeline.core.fsutil import write_chunks_if_changed

if TYPE_CHECKING:
    from pipeline.editions.saxon import Saxon

Parts = Callable[[], dict[str, Iterable[bytes]]]  # read only if the page is made
_PART = re.compile(rb"<!--part:(\w+)-->")


@dataclass
class ExportReport:
    """What an export did, file by file, for the summary line and the exit code."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings about one document
    missing: dict = field(default_factory=dict)  # path -> foreign.Missing: names' files
    # Elements with no template of their own, over the files (editions/coverage.py).
    unrendered: Counter = field(default_factory=Counter)

    def add(self, other: "ExportReport") -> None:
        """Fold in the report of another run (another view of the same files)."""
        from pipeline.editions.foreign import merge_missing

        self.written += other.written
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.notes += [n for n in other.notes if n not in self.notes]
        merge_missing(self.missing, other.missing)
        self.unrendered |= other.unrendered  # each view counts the same files once


class Pages:
    """Writes the collection pages of one edition directory, transformed by `saxon`,
    into `report`. `known` holds the key of every page as last written; `finish()`
    removes pages that are no longer made and returns the keys of those that are."""

    def __init__(self, out_dir: Path, saxon: "Saxon", known: dict[str, str],
                 report: ExportReport):
        self.out_dir, self.saxon, self.known, self.report = out_dir, saxon, known, report
        self.made: dict[str, str] = {}

    def write(self, path: Path, chunks: Iterable[bytes]) -> None:
        changed = write_chunks_if_changed(path, chunks)
        (self.report.written if changed else self.report.unchanged).append(path)

    def page(self, name: str, stylesheet: str, shell: etree._Element,
             parts: Parts | None = None, contributors: str = "") -> None:
        """Page `name`: the shell's output with each part's bytes in place, written as a
        stream (a register page can be larger than everything else in memory)."""
        source = etree.tostring(shell, encoding="unicode")
        if self._current(name, content_key(stylesheet, source, contributors)):
            return
        html = self.saxon.apply(paths.HTML_XSLT / stylesheet, source, stylesheet).encode("utf-8")
        self.write(self.out_dir / name, _assemble(stylesheet, html, parts() if parts else {}))

    def asset(self, name: str, chunks: list[bytes] | Callable[[], Iterable[bytes]],
              what: str | None = None) -> None:
        """A file made by the pipeline alone (a script of the search index): `what` says
        what it shows when the chunks are to be read only if it changed."""
        if callable(chunks):
            if self._current(name, content_key(name, what or "")):
                return
            chunks = chunks()
        elif self._current(name, content_key(name, *(c.decode("utf-8") for c in chunks))):
            return
        self.write(self.out_dir / name, chunks)

    def _current(self, name: str, key: str) -> bool:
        self.made[name] = key
        if self.known.get(name) == key and (self.out_dir / name).exists():
            self.report.unchanged.append(self.out_dir / name)
            return True
        return False

    def finish(self, own: Callable[[str], bool]) -> dict[str, str]:
        """Remove the collection's files (those `own` names) that this run did not make:
        the page of a year or an initial that is empty now, a search shard too many."""
        for path in self.out_dir.iterdir():
            if path.name not in self.made and own(path.name) and path.is_file():
                path.unlink(missing_ok=True)
        return dict(sorted(self.made.items()))


def _assemble(stylesheet: str, html: bytes, parts: dict[str, Iterable[bytes]]
              ) -> Iterator[bytes]:
    for i, piece in enumerate(_PART.split(html)):
        if i % 2 == 0:
            yield piece
        else:
            yield from parts.pop(piece.decode(), ())
    for part, rest in parts.items():
        if any(rest):  # the shell left out a part that has content: a stylesheet bug
            raise RuntimeError(f"{stylesheet}: no <!--part:{part}--> in its page")


def content_key(*parts: str) -> str:
    """A hash of strings, each ended so that ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
