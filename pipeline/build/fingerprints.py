"""The build's fingerprint: everything but the seed and the authority file that a TEI
file depends on (a change makes every output stale)."""

from __future__ import annotations

from pathlib import Path

from pipeline.build.manifest import fingerprint
from pipeline.build.names.gazetteer import fingerprint as gazetteer_fingerprint
from pipeline.build.names.model import fingerprint as model_fingerprint
from pipeline.build.ocr import context as ocr_context
from pipeline.build.source import sha256_file


def fingerprint_of(authority: bool, overrides: Path | None, rejected: Path | None,
                   model: str | None, gazetteer: bool, code: list | None = None) -> str:
    """The build's fingerprint (manifest.fingerprint) with what else its TEI depends on:
    the overrides and rejected names (existing files or None), the model, the gazetteer,
    the OCR language model's switch; `code` as manifest.fingerprint takes it."""
    extra = ("authority" if authority else "") + (
        sha256_file(overrides) if overrides else "") + (
        sha256_file(rejected) if rejected else "") + model_fingerprint(model) + (
        gazetteer_fingerprint() if gazetteer else "") + (
        "" if ocr_context.enabled() else "no-ocr-context")
    return fingerprint(extra, code)


def existing(path: Path) -> Path | None:
    """`path` if there is such a file, else None."""
    return path if path.exists() else None
