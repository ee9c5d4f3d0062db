"""Hand edits the build respects: files marked final (curated), and `clean`, which
removes only the TEI files nobody changed."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.build.manifest import Manifest, sha256_bytes
from pipeline.build.names.review import serialise_document
from pipeline.core.errors import PipelineError
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import tei
from pipeline.core.xmlsafe import parse_file

CURATED = re.compile(rb"<revisionDesc[^>]*\sstatus=[\"']curated[\"']")


def is_curated(tei_file: Path) -> bool:
    """A TEI file whose revisionDesc says status="curated" is left alone by the build."""
    try:
        with open(tei_file, "rb") as fh:
            return bool(CURATED.search(fh.read(1 << 20)))
    except FileNotFoundError:
        return False


def curate(tei_file: Path, undo: bool = False) -> bool:
    """Mark a TEI file final (or not): revisionDesc/@status="curated". True if changed."""
    tree = parse_file(tei_file)
    rev = tree.getroot().find(f"{tei('teiHeader')}/{tei('revisionDesc')}")
    if rev is None:
        raise PipelineError("has no teiHeader/revisionDesc to mark", str(tei_file))
    if undo == (rev.get("status") != "curated"):
        return False
    if undo:
        del rev.attrib["status"]
    else:
        rev.set("status", "curated")
    atomic_write(tei_file, serialise_document(tree))
    return True


def clean(out_dir: Path) -> tuple[list[Path], list[Path]]:
    """Remove the TEI files the pipeline wrote and nobody changed; keep edited ones."""
    removed: list[Path] = []
    kept: list[Path] = []
    if not out_dir.is_dir():
        return removed, kept
    with Manifest.locked(out_dir) as manifest:
        for name, entry in sorted(manifest.entries.items()):
            path = out_dir / name
            if not path.exists():
                del manifest.entries[name]
            elif sha256_bytes(path.read_bytes()) == entry.output_sha256:
                path.unlink()
                del manifest.entries[name]
                removed.append(path)
            else:
                kept.append(path)
    return removed, kept
