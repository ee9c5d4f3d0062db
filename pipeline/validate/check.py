"""Validation: a RELAX NG schema plus its Schematron rules if it has any, errors as file:line:col."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree, isoschematron

from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings, run
from pipeline.core.xmlsafe import parse_file
from pipeline.validate.schemas import TEI_ALL, Schema, load, resolve, schema_dir

# schema_dir is still imported from here (tests/end_to_end/test_properties.py).
__all__ = ["Problem", "schema_dir", "validate_file", "validate_files", "validate_task"]

SVRL = "http://purl.oclc.org/dsdl/svrl"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def validate_file(path: Path, schema: Schema | None = None) -> list[Problem]:
    """Every problem found in `path` (against our schema by default); [] means valid."""
    rng, sch = load(schema or resolve(None))
    try:
        tree = parse_file(path)
    except PipelineError as exc:
        return [Problem(str(path), exc.line or 1, exc.col or 1, exc.message)]
    lines = _Lines(path)
    problems = [Problem(str(path), max(e.line, 1), max(e.column, 1), e.message)
                for e in _rng_errors(rng, tree)]
    if sch is not None:
        # The gate guards the Schematron's document() reads, so it goes with the rules:
        # TEI checked by a grammar alone may point at files we never open.
        problems += _gate_authority_refs(path, tree, lines)
        problems += _schematron_problems(path, tree, lines, sch)
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


def _schematron_problems(path: Path, tree: etree._ElementTree, lines: "_Lines",
                         sch: isoschematron.Schematron) -> list[Problem]:
    if sch.validate(tree):
        return []
    problems = []
    for failed in sch.validation_report.getroot().iter(f"{{{SVRL}}}failed-assert",
                                                       f"{{{SVRL}}}successful-report"):
        text = " ".join("".join(failed.itertext()).split())
        line, col = lines.locate(tree, failed.get("location", ""))
        problems.append(Problem(str(path), line, col, f"[schematron] {text}"))
    return problems


def validate_files(files, spec: str | Path | None, executor: ExecutorSettings,
                   tick: Callable[[Path], None] = lambda _: None
                   ) -> Iterator[tuple[Path, list[Problem]]]:
    """(file, problems) for every file, in order, validated on `executor` against the
    schema `spec` names (see schemas.resolve)."""
    files = [Path(f) for f in files]
    # Compiled here first: a bad schema is one error before any work, and forked local
    # workers inherit the compiled grammar instead of each spending ~9 s on tei_all.
    load(resolve(spec))
    # Workers resolve the spec themselves: the shipped schemas live where each
    # worker's own install put them (Dask); a user's path is made absolute here.
    if spec is not None and str(spec) != TEI_ALL:
        spec = str(Path(spec).resolve())
    tasks = ((f.resolve(), spec) for f in files)
    for path, (ok, value) in zip(files, run(validate_task, tasks, executor, len(files))):
        if not ok:
            raise PipelineError(value)
        tick(path)
        # Workers see absolute paths; report the paths as the user gave them.
        yield path, [Problem(str(path), p.line, p.col, p.message) for p in value]


def validate_task(task: tuple[Path, str | None]) -> tuple[bool, object]:
    """Worker side: (True, problems) or (False, why the schema cannot be used)."""
    path, spec = task
    try:
        return True, validate_file(path, resolve(spec))
    except PipelineError as exc:
        return False, str(exc)


NAME_REFS = "//tei:persName[@ref] | //tei:placeName[@ref] | //tei:orgName[@ref]"


def _gate_authority_refs(path: Path, tree: etree._ElementTree, lines: "_Lines") -> list[Problem]:
    """Check that every authority file a name points into is a local file that parses
    safely; report and drop the refs that fail, so the Schematron (which reads the
    authority with document()) never touches a missing, remote or hostile file."""
    problems = []
    verdict: dict[str, str | None] = {}
    for el in tree.xpath(NAME_REFS, namespaces={"tei": "http://www.tei-c.org/ns/1.0"}):
        ref = el.get("ref", "")
        if ref.startswith("#") or "#" not in ref:
            continue
        target = ref.split("#", 1)[0]
        if target not in verdict:
            verdict[target] = _authority_problem(path.parent, target)
        if verdict[target]:
            line = el.sourceline or 1
            problems.append(Problem(str(path), line, lines.column(el),
                                    f'ref="{ref}": {verdict[target]}'))
            del el.attrib["ref"]
    return problems


def _authority_problem(base: Path, target: str) -> str | None:
    if "://" in target or target.startswith("//"):
        return "the authority file must be a local file, not a URL"
    candidate = (base / target)
    if not candidate.is_file():
        return f"the authority file {candidate} does not exist"
    stat = candidate.stat()
    return _unsafe(candidate.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _unsafe(path: Path, _mtime: int, _size: int) -> str | None:
    """Parse an authority file safely once per version, not once per TEI file."""
    try:
        parse_file(path)
    except PipelineError as exc:
        return f"the authority file cannot be used: {exc}"
    return None


def _rng_errors(rng: etree.RelaxNG, tree: etree._ElementTree) -> list:
    if rng.validate(tree):
        return []
    return list(rng.error_log)


class _Lines:
    """Map an element to line and column, reading the file's lines only when needed."""

    def __init__(self, path: Path):
        self.path = path
        self._lines: list[str] | None = None

    def locate(self, tree: etree._ElementTree, location: str) -> tuple[int, int]:
        try:
            found = tree.xpath(location)
        except etree.XPathError:
            found = []
        el = found[0] if found else None
        if isinstance(el, etree._ElementUnicodeResult):
            el = el.getparent()
        if el is None or not isinstance(el, etree._Element) or el.sourceline is None:
            return 1, 1
        return el.sourceline, self.column(el)

    def column(self, el: etree._Element) -> int:
        if self._lines is None:
            self._lines = self.path.read_text(encoding="utf-8", errors="replace").split("\n")
        line = self._lines[el.sourceline - 1] if el.sourceline <= len(self._lines) else ""
        name = etree.QName(el).localname
        name = f"{el.prefix}:{name}" if el.prefix else name
        m = re.search(f"<{re.escape(name)}[\\s/>]", line) or re.search("<", line)
        return m.start() + 1 if m else 1
