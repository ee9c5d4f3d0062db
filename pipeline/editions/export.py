"""Transforms: TEI to HTML and plain-text editions through XSLT 3.0 (Saxon via saxonche).

Each stylesheet is compiled once per process and applied to every file of the batch.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline import __version__
from pipeline.editions import collection
from pipeline.editions import groups, pieces
from pipeline.editions.digest import digest
from pipeline.core.errors import PipelineError, TransformError
from pipeline.core.executor import ExecutorSettings, run
from pipeline.core.fsutil import atomic_write, write_chunks_if_changed, write_if_changed
from pipeline.editions.pages import code_fingerprint
from pipeline.editions.reduce import Source
from pipeline.core.settings import ExportSettings
from pipeline.core import paths
from pipeline.core.xmlsafe import parse_file

XSLT_DIR = paths.XSLT
ENTRY = {"html": XSLT_DIR / "html" / "html.xsl", "text": XSLT_DIR / "txt" / "txt.xsl"}
SUFFIX = {"html": ".html", "text": ".txt"}
DIGESTS = ".digests"


@dataclass
class ExportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


class Saxon:
    """One Saxon processor and the stylesheets compiled on it, with shared parameters."""

    def __init__(self, params: dict[str, str | int]):
        from saxonche import PySaxonProcessor  # imported late: starting Saxon costs time

        self.proc = PySaxonProcessor(license=False)
        self.compiler = self.proc.new_xslt30_processor()
        self.params = params
        self._compiled: dict[Path, object] = {}

    def executable(self, stylesheet: Path):
        if stylesheet not in self._compiled:
            try:
                exe = self.compiler.compile_stylesheet(stylesheet_file=str(stylesheet))
            except Exception as exc:  # saxonche raises PySaxonApiError
                raise TransformError(f"stylesheet does not compile: {exc}",
                                     str(stylesheet)) from None
            for name, value in self.params.items():
                exe.set_parameter(name, self._value(value))
            self._compiled[stylesheet] = exe
        return self._compiled[stylesheet]

    def _value(self, value: str | int):
        if isinstance(value, int):
            return self.proc.make_integer_value(value)
        return self.proc.make_string_value(value)

    def apply(self, stylesheet: Path, xml_text: str, where: str) -> str:
        exe = self.executable(stylesheet)
        try:
            node = self.proc.parse_xml(xml_text=xml_text)
            result = exe.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise TransformError(f"transformation failed: {exc}", where) from None
        if result is None:
            raise TransformError("transformation produced no output", where)
        return result


def output_path(tei_file: Path, settings: ExportSettings) -> Path:
    view = ".diplomatic" if settings.diplomatic and settings.fmt == "text" else ""
    return settings.out_dir / (tei_file.stem + view + SUFFIX[settings.fmt])


def export(files: Iterable[Path], settings: ExportSettings,
           tick: Callable[[Path], None] = lambda _: None,
           executor: ExecutorSettings | None = None) -> ExportReport:
    """Transform each TEI file (on `executor`, in order) and write its edition file; for
    HTML keep its digest and rebuild the collection pages from all digests."""
    if settings.fmt not in ENTRY:
        raise PipelineError(f"unknown format {settings.fmt!r}; use html or text")
    if settings.diplomatic and settings.fmt != "text":
        raise PipelineError("--diplomatic is for the text edition; every HTML page "
                            "already has both views")
    if settings.base_url and not settings.base_url.endswith("/"):
        raise PipelineError(f"the base URL must end in '/': {settings.base_url}")
    report = ExportReport()
    executor = executor or ExecutorSettings(jobs=1)
    files = [Path(f) for f in files]
    out_dir = settings.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    html = settings.fmt == "html"  # only the HTML edition has collection pages
    if html:
        (out_dir / DIGESTS).mkdir(exist_ok=True)
    if html and settings.index:
        clash = [f for f in files if groups.reserved(output_path(f, settings).name)]
        for tei_file in clash:
            report.failed.append((tei_file, f"{tei_file}: its page "
                                  f"{output_path(tei_file, settings).name} "
                                  "would take the name of a collection page; rename the "
                                  "source file"))
        files = [f for f in files if f not in clash]
    with _locked(out_dir):
        tasks = ((f.resolve(), output_path(f, settings).resolve(), settings) for f in files)
        for tei_file, (ok, value) in zip(files, run(export_task, tasks, executor, len(files))):
            if ok:
                out = output_path(tei_file, settings)
                result, digest_json, record = value
                changed = write_if_changed(out, result)
                (report.written if changed else report.unchanged).append(out)
                if html:  # the record last, and never older than its digest
                    if write_if_changed(digest_path(out), digest_json):
                        atomic_write(pieces_path(out), record)
                    else:
                        write_if_changed(pieces_path(out), record)
            else:
                report.failed.append((tei_file, value))
            tick(tei_file)
        if html:
            _write_assets(_saxon(settings), settings, report)
    return report


def export_task(task: tuple[Path, Path, ExportSettings]) -> tuple[bool, object]:
    """Worker side: (True, (edition bytes, digest JSON, pieces)) or (False, error); the
    digest and pieces only for HTML (b"" otherwise). The TEI is parsed once, safely, by
    lxml; Saxon gets that tree's serialisation."""
    tei_file, out, settings = task
    try:
        tree = parse_file(tei_file)
        text = etree.tostring(tree, encoding="unicode")
        saxon = _saxon(settings)
        result = saxon.apply(ENTRY[settings.fmt], text, str(tei_file))
        facts, record = b"", b""
        if settings.fmt == "html":
            doc = digest(tree, tei_file, out)
            facts = _digest_json(doc)
            record = _pieces(saxon, doc, out.parent)
        return True, (result.encode("utf-8"), facts, record)
    except PipelineError as exc:
        return False, str(exc)


def _digest_json(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _pieces(saxon: "Saxon", doc: dict, out_dir: Path) -> bytes:
    return pieces.make(doc, saxon.apply, collection.XSLT_DIR, _code(saxon), out_dir)


def _code(saxon: "Saxon") -> str:
    """The fingerprint of the edition stylesheets with this Saxon's parameters."""
    return code_fingerprint(collection.XSLT_DIR, json.dumps(saxon.params, sort_keys=True))


_SAXONS: dict[tuple, Saxon] = {}


def _saxon(settings: ExportSettings) -> Saxon:
    """One Saxon per process and parameter set: stylesheets compile once per worker."""
    params = settings.stylesheet_params(__version__)
    key = tuple(sorted(params.items()))
    if key not in _SAXONS:
        _SAXONS[key] = Saxon(params)
    return _SAXONS[key]


def digest_path(page: Path) -> Path:
    return page.parent / DIGESTS / (page.stem + ".json")


def pieces_path(page: Path) -> Path:
    return page.parent / DIGESTS / (page.stem + ".pieces")


def _write_assets(saxon: Saxon, settings: ExportSettings, report: ExportReport) -> None:
    def write(path: Path, chunks: Iterable[bytes]) -> None:
        changed = write_chunks_if_changed(path, chunks)
        (report.written if changed else report.unchanged).append(path)

    out_dir = settings.out_dir
    if not settings.index:
        for asset in collection.ASSETS:
            write(out_dir / asset.name, [asset.read_bytes()])
        return
    code = _code(saxon)
    expected = functools.lru_cache(maxsize=8)(
        lambda authority: pieces.fingerprint(code, groups.authority_ids(out_dir, authority)))

    def remake(src: Source) -> None:
        try:
            doc = json.loads(src.digest.read_text(encoding="utf-8"))
        except ValueError:
            raise PipelineError("damaged digest; export the documents again",
                                str(src.digest)) from None
        atomic_write(src.pieces, _pieces(saxon, doc, out_dir))

    collection.write_pages(saxon.apply, write, report.unchanged.append, out_dir,
                           _sources(out_dir), expected, remake, code)


def _sources(out_dir: Path) -> list[Source]:
    """The digest and pieces of every page in `out_dir`, by page name; those of a page
    that is gone are removed."""
    out = []
    for path in sorted((out_dir / DIGESTS).glob("*.json")):
        page = out_dir / (path.stem + ".html")
        if path.name.startswith("."):
            continue  # the collection's own records
        if not page.exists():
            path.unlink(missing_ok=True)
            pieces_path(page).unlink(missing_ok=True)
            continue
        out.append(Source(path.stem, pieces_path(page), path))
    return out


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One export at a time per edition directory (two makes at once stay correct)."""
    with open(out_dir / ".export.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
