"""Transforms: TEI to HTML and plain-text editions through XSLT 3.0 (Saxon via saxonche).

Each stylesheet is compiled once per process and applied to every file of the batch.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline import __version__, collection
from pipeline.digest import digest
from pipeline.errors import PipelineError, TransformError
from pipeline.fsutil import atomic_write, write_if_changed
from pipeline.settings import ExportSettings
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt"
ENTRY = {"html": XSLT_DIR / "html" / "html.xsl", "text": XSLT_DIR / "txt" / "txt.xsl"}
SUFFIX = {"html": ".html", "text": ".txt"}
SUMMARIES = ".archive-summaries.json"


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
           tick: Callable[[Path], None] = lambda _: None) -> ExportReport:
    """Transform each TEI file; for HTML also refresh the stylesheet and the index page."""
    if settings.fmt not in ENTRY:
        raise PipelineError(f"unknown format {settings.fmt!r}; use html or text")
    report = ExportReport()
    if settings.diplomatic and settings.fmt != "text":
        raise PipelineError("--diplomatic is for the text edition; every HTML page "
                            "already has both views")
    if settings.base_url and not settings.base_url.endswith("/"):
        raise PipelineError(f"the base URL must end in '/': {settings.base_url}")
    saxon = Saxon(settings.stylesheet_params(__version__))
    settings.out_dir.mkdir(parents=True, exist_ok=True)
    # Only the HTML edition has collection pages, hence digests.
    html = settings.fmt == "html"
    with (_summaries(settings.out_dir) if html else contextlib.nullcontext({})) as summaries:
        for tei_file in files:
            tei_file = Path(tei_file)
            try:
                tree = parse_file(tei_file)
                text = etree.tostring(tree, encoding="unicode")
                result = saxon.apply(ENTRY[settings.fmt], text, str(tei_file))
                out = output_path(tei_file, settings)
                changed = write_if_changed(out, result.encode("utf-8"))
                (report.written if changed else report.unchanged).append(out)
                if html:
                    summaries[out.name] = digest(tree, tei_file, out)
            except PipelineError as exc:
                report.failed.append((tei_file, str(exc)))
            tick(tei_file)
        if html:
            _write_assets(saxon, settings, summaries, report)
    return report


def _write_assets(saxon: Saxon, settings: ExportSettings, digests: dict,
                  report: ExportReport) -> None:
    for name in [n for n in digests if not (settings.out_dir / n).exists()]:
        del digests[name]

    def write(path: Path, data: bytes) -> None:
        (report.written if write_if_changed(path, data) else report.unchanged).append(path)

    if settings.index:
        collection.write_pages(saxon.apply, write, settings.out_dir, digests)
    else:
        for asset in collection.ASSETS:
            write(settings.out_dir / asset.name, asset.read_bytes())


@contextlib.contextmanager
def _summaries(out_dir: Path) -> Iterator[dict]:
    path = out_dir / SUMMARIES
    with open(out_dir / (SUMMARIES + ".lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        yield data
        atomic_write(path, (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)
                            + "\n").encode("utf-8"))
