"""Build bookkeeping: what each output was built from, so reruns and hand edits are safe.

The manifest lives beside the outputs (`.archive-manifest.json`) and records, per
output file, the seed it came from, the seed's sha256, the sha256 of the bytes the
pipeline wrote and the pipeline fingerprint. An output whose bytes no longer match
was edited by hand; an output whose seed or pipeline changed is stale.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from pipeline.core import paths
from pipeline.core.fsutil import atomic_write

MANIFEST = ".archive-manifest.json"
_PACKAGE = paths.PACKAGE


@dataclass(frozen=True)
class Entry:
    source: str
    source_sha256: str
    output_sha256: str
    fingerprint: str
    authority: str = ""  # sha256 of the authority file it was built with (build/reach.py)


def fingerprint(extra: str = "", code: list[tuple[bytes, bytes]] | None = None) -> str:
    """A hash of the code and word lists the build runs (plus `extra`, the overrides'
    and the models' fingerprints): a change makes every output stale. The authority
    file is not in it: an edit there makes stale only what it reaches (build/reach.py). Stylesheets, CSS
    and JS make editions, not TEI, and are left out, as the Makefile leaves them out.
    `code`, from code_files(), is the code as it was read then (build/warm.py: the code
    a long-lived process runs), instead of as it is now."""
    h = hashlib.sha256(extra.encode())
    for name, data in code_files() if code is None else code:
        h.update(name)
        h.update(data)
    return h.hexdigest()[:16]


def code_files() -> list[tuple[bytes, bytes]]:
    """(name, bytes) of every file fingerprint() hashes, in its order."""
    return [(path.relative_to(_PACKAGE).as_posix().encode(), path.read_bytes())
            for path in sorted(p for part in paths.BUILD_INPUTS
                               for p in ([part] if part.is_file() else part.rglob("*")))
            if path.suffix in {".py", ".txt", ".tsv"} and path.is_file()]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Manifest:
    """The records of one output directory; use `Manifest.locked(dir)` to change it."""

    def __init__(self, out_dir: Path, entries: dict[str, Entry]):
        self.out_dir = out_dir
        self.entries = entries

    @classmethod
    def load(cls, out_dir: Path) -> "Manifest":
        try:
            raw = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            entries = {k: Entry(**v) for k, v in raw.get("outputs", {}).items()}
        except (FileNotFoundError, ValueError, TypeError):
            entries = {}
        return cls(out_dir, entries)

    @classmethod
    @contextlib.contextmanager
    def locked(cls, out_dir: Path) -> Iterator["Manifest"]:
        """Load, let the caller update, save; serialised across processes by a file lock."""
        out_dir.mkdir(parents=True, exist_ok=True)
        with open(out_dir / (MANIFEST + ".lock"), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            manifest = cls.load(out_dir)
            yield manifest
            manifest.save()

    def save(self) -> None:
        data = {"outputs": {k: asdict(v) for k, v in sorted(self.entries.items())}}
        atomic_write(self.out_dir / MANIFEST,
                     (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())

    def record(self, output: Path, entry: Entry) -> None:
        self.entries[output.name] = entry

    def status(self, output: Path, source_sha256: str, fingerprint: str) -> str:
        """'missing', 'edited' (bytes differ from what we wrote), 'stale' or 'fresh'."""
        if not output.exists():
            return "missing"
        entry = self.entries.get(output.name)
        if entry is None:
            return "edited"  # a file we did not write: treat it as someone's work
        if sha256_bytes(output.read_bytes()) != entry.output_sha256:
            return "edited"
        if entry.source_sha256 != source_sha256 or entry.fingerprint != fingerprint:
            return "stale"
        return "fresh"

