"""Which schema `archive validate` checks against (ours, tei_all, a RELAX NG file), compiled once."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron

from pipeline.core import paths
from pipeline.core.errors import PipelineError
from pipeline.core.xmlsafe import parse_file

TEI_ALL = "tei-all"
FORMS = f"{TEI_ALL}, a .rng file or a directory holding archive.rng and archive.sch"


@dataclass(frozen=True)
class Schema:
    """A RELAX NG grammar and the Schematron rules run after it, if any."""

    rng: Path
    sch: Path | None = None

    @property
    def name(self) -> str:
        return self.rng.name + (f" + {self.sch.name}" if self.sch else "")


def schema_dir() -> Path:
    """ARCHIVE_SCHEMA_DIR if set, else the repository's schema/, else the installed copy."""
    env = os.environ.get("ARCHIVE_SCHEMA_DIR")
    if env:
        return Path(env)
    repo = paths.PACKAGE.parent / "schema"
    return repo if (repo / "archive.rng").exists() else paths.SCHEMA_COPY


def resolve(spec: str | Path | None) -> Schema:
    """The schema `--schema SPEC` names; None is the project's own."""
    if spec is None:
        return _project(schema_dir())
    if str(spec) == TEI_ALL:
        # pipeline/schema is the repository's schema/ (a symlink) or its installed copy.
        return Schema(paths.SCHEMA_COPY / "tei_all.rng")
    path = Path(spec)
    if path.is_dir():
        return _project(path)
    if path.suffix.lower() == ".rng":
        # Rules of the same stem beside the grammar go with it, as archive.sch does.
        sch = path.with_suffix(".sch")
        return Schema(path, sch if sch.is_file() else None)
    raise PipelineError(f"{str(spec)!r} is not {FORMS}")


def _project(directory: Path) -> Schema:
    return Schema(directory / "archive.rng", directory / "archive.sch")


@functools.lru_cache(maxsize=4)
def load(schema: Schema) -> tuple[etree.RelaxNG, isoschematron.Schematron | None]:
    """The compiled grammar and rules, once per process (tei_all takes ~9 s)."""
    rng = _compile(schema.rng, etree.RelaxNG)
    if schema.sch is None:
        return rng, None
    return rng, _compile(schema.sch, functools.partial(isoschematron.Schematron,
                                                       store_report=True))


def _compile(path: Path, make):
    try:
        tree = parse_file(path)
    except PipelineError as exc:
        raise PipelineError(f"cannot use the schema: {exc.message}", str(path), exc.line,
                            exc.col) from None
    try:
        return make(tree)
    except etree.LxmlError as exc:
        raise _compile_error(path, exc) from None


def _compile_error(path: Path, exc: etree.LxmlError) -> PipelineError:
    """The first error libxml2 logged, on one line, located in the schema file."""
    entries = [e for e in getattr(exc, "error_log", []) if e.message.strip()]
    first = entries[0] if entries else None
    message = " ".join((first.message if first else str(exc) or type(exc).__name__).split())
    line = first.line if first and first.line > 0 else None
    col = max(first.column, 1) if line else None
    return PipelineError(f"cannot use the schema: {message}", str(path), line, col)
