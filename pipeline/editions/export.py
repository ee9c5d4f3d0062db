"""The export stage: TEI to HTML and plain-text editions through XSLT 3.0.

Each document is transformed on the executor (editions/saxon.py compiles each
stylesheet once per worker); this process writes every file, and for HTML keeps each
document's digest and pieces and then has the collection pages made from them
(editions/collection.py). With `pdf`, the worker also prints each page to PDF
(editions/pdf.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline import __version__
from pipeline.core import paths
from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings, run
from pipeline.core.fsutil import atomic_write, write_if_changed
from pipeline.core.ns import archive, tei
from pipeline.core.settings import PDF_DIR, ExportSettings
from pipeline.core.xmlsafe import parse_file
from pipeline.editions import collection, coverage, foreign, groups, pdf, pieces, search
from pipeline.editions.digest import digest
from pipeline.editions.groups import DIGESTS, chronology_group, digest_path, pieces_path
from pipeline.editions.pages import ExportReport
from pipeline.editions.saxon import Saxon, saxon_for

ENTRY = {"html": paths.XSLT / "html" / "html.xsl", "text": paths.XSLT / "txt" / "txt.xsl"}
SUFFIX = {"html": ".html", "text": ".txt"}
TEI_COPIES = "tei"  # beside the pages: each page's TEI, byte for byte, for download


def tei_copy_path(page: Path) -> Path:
    """Where the HTML edition keeps the TEI of `page` (NAME.html: tei/NAME.xml)."""
    return page.parent / TEI_COPIES / (page.stem + ".xml")


def output_path(tei_file: Path, settings: ExportSettings) -> Path:
    view = ".diplomatic" if settings.view == "diplomatic" and settings.fmt == "text" else ""
    return settings.out_dir / (tei_file.stem + view + SUFFIX[settings.fmt])


def export(files: Iterable[Path], settings: ExportSettings,
           tick: Callable[[Path], None] = lambda _: None,
           executor: ExecutorSettings | None = None) -> ExportReport:
    """Transform each TEI file (on `executor`, in order) and write its edition file; for
    HTML keep its digest and rebuild the collection pages from all digests."""
    if settings.fmt not in ENTRY:
        raise PipelineError(f"unknown format {settings.fmt!r}; use html or text")
    if settings.view == "diplomatic" and settings.fmt != "text":
        raise PipelineError("--diplomatic is for the text edition; every HTML page "
                            "already has both views")
    if settings.base_url and not settings.base_url.endswith("/"):
        raise PipelineError(f"the base URL must end in '/': {settings.base_url}")
    if settings.map_tiles and not all(f"{{{c}}}" in settings.map_tiles for c in "zxy"):
        raise PipelineError("the map's tile URL needs {z}, {x} and {y} (or give '' for no "
                            f"tiles): {settings.map_tiles}")
    if settings.pdf and settings.fmt != "html":
        raise PipelineError("--pdf is for the HTML edition: each PDF is printed from a page")
    if settings.pdf:
        pdf.require()
    report = ExportReport()
    executor = executor or ExecutorSettings(jobs=1)
    files = [Path(f) for f in files]
    out_dir = settings.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    html = settings.fmt == "html"  # only the HTML edition has collection pages
    if html:
        (out_dir / DIGESTS).mkdir(exist_ok=True)
    if settings.pdf:  # a page prints with the edition's stylesheets: there before it is
        for css in collection.ASSETS:
            if css.suffix == ".css" and css.parent == paths.HTML_XSLT:
                write_if_changed(out_dir / css.name, css.read_bytes())
    if html:
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
                result, digest_json, record, notes, missing, unrendered, printed = value
                report.unrendered += unrendered
                report.notes += [n for n in notes if n not in report.notes]
                foreign.merge_missing(report.missing, missing)
                if printed is not None:  # the PDF before the page that gives its size
                    _write_pdf(tei_file, out, printed, report)
                elif html:  # made without --pdf, the page no longer links its PDF
                    _drop_pdf(out)
                changed = write_if_changed(out, result)
                (report.written if changed else report.unchanged).append(out)
                if html:  # the file the page offers, as it is: not the tree read from it
                    copy = tei_copy_path(out)
                    changed = write_if_changed(copy, tei_file.read_bytes())
                    (report.written if changed else report.unchanged).append(copy)
                    # the record last, and never older than its digest
                    if write_if_changed(digest_path(out), digest_json):
                        atomic_write(pieces_path(out), record)
                    else:
                        write_if_changed(pieces_path(out), record)
                if printed is not None and printed.key:  # what its PDF was printed from
                    write_if_changed(pdf.record_path(out), printed.key.encode("utf-8"))
            else:
                report.failed.append((tei_file, value))
            tick(tei_file)
        if html:
            _drop_copies(out_dir)
            collection.write_pages(_saxon(settings), out_dir, report)
    return report


def export_task(task: tuple[Path, Path, ExportSettings]) -> tuple[bool, object]:
    """Worker side: (True, (edition bytes, digest JSON, pieces, warnings, missing
    files, unrendered elements, the PDF or None)) or (False, error); the digest and
    pieces only for HTML (b"" otherwise), the PDF (a pdf.Made) only with `pdf`. The
    TEI is parsed once, safely, by lxml, and read as the editions read it (TEI from
    other projects: editions/foreign.py); Saxon gets that tree's serialisation."""
    tei_file, out, settings = task
    try:
        doc_in = foreign.prepare(parse_file(tei_file), tei_file)
        tree = doc_in.tree
        doc = None
        if settings.fmt == "html":
            doc = digest(tree, tei_file, out, None if doc_in.ours else doc_in.entries)
            _mark_rows(tree, doc, out.stem)
            search.mark(tree, search.filters(doc, groups.authority_at(
                out.parent, doc["authority"]) if doc_in.ours else doc_in.entries))
            _mark_copy(tree, tei_file, out)
        text = etree.tostring(tree, encoding="unicode")
        saxon = _saxon(settings)
        result = saxon.apply(ENTRY[settings.fmt], text, str(tei_file),
                             "" if doc_in.ours else tei_file.as_uri())
        facts, record = b"", b""
        if doc is not None:
            facts = _digest_json(doc)
            record = pieces.make(doc, saxon, out.parent)
        page, printed = result.encode("utf-8"), None
        if settings.pdf:  # printed here, on the worker: seconds for a long page
            printed = pdf.for_page(result, out, pdf.meta(tree, settings), str(tei_file))
            page, printed.page = printed.page, b""
        return True, (page, facts, record, doc_in.notes, doc_in.missing,
                      coverage.unrendered(tree), printed)
    except PipelineError as exc:
        return False, str(exc)


ROW = archive("row")


def _mark_rows(tree: etree._ElementTree, doc: dict, stem: str) -> None:
    """Set a:row, in memory, on each date of the text that has a chronology row: the
    row's page and id, where the page's date links (html/render-dates.xsl). The digest
    decides which dates have one (dated_passages), and groups.py names the page, so no
    stylesheet repeats either rule."""
    text = tree.getroot().find(tei("text"))
    dates = list(text.iter(tei("date"))) if text is not None else []
    for d in doc["dates"]:
        dates[d["n"] - 1].set(ROW, f"{chronology_group(d['key'])}.html#{stem}-date-{d['n']}")


def _mark_copy(tree: etree._ElementTree, tei_file: Path, out: Path) -> None:
    """Set, in memory, where the page's TEI copy is and its size in bytes, for the
    page's Download list (html/cite.xsl): only this process knows either."""
    root = tree.getroot()
    root.set(archive("tei-copy"), tei_copy_path(out).relative_to(out.parent).as_posix())
    root.set(archive("tei-bytes"), str(tei_file.stat().st_size))


def _drop_copies(out_dir: Path) -> None:
    """A TEI copy or PDF whose page is gone goes too: a document leaves the edition
    when its page is removed, as its digest and pieces do (collection._sources)."""
    for copy in sorted((out_dir / TEI_COPIES).glob("*.xml")):
        if not (out_dir / (copy.stem + SUFFIX["html"])).exists():
            copy.unlink(missing_ok=True)
    for printed in sorted((out_dir / PDF_DIR).glob("*.pdf")):
        if not (out_dir / (printed.stem + SUFFIX["html"])).exists():
            _drop_pdf(out_dir / (printed.stem + SUFFIX["html"]))


def _write_pdf(tei_file: Path, out: Path, printed: pdf.Made, report: ExportReport) -> None:
    """Write the PDF a worker printed, or report why there is none."""
    report.notes += [n for n in printed.notes if n not in report.notes]
    if printed.error:
        report.failed.append((tei_file, printed.error))
        _drop_pdf(out)  # its page no longer links it, and it shows an older page
    elif printed.pdf is not None and write_if_changed(pdf.pdf_path(out), printed.pdf):
        report.written.append(pdf.pdf_path(out))
    else:  # current already, or printed again the same (a change it does not print)
        report.unchanged.append(pdf.pdf_path(out))


def _drop_pdf(page: Path) -> None:
    pdf.pdf_path(page).unlink(missing_ok=True)
    pdf.record_path(page).unlink(missing_ok=True)


def unrendered_note(report: ExportReport) -> str:
    """The end of the summary line: '; 3 elements without a rendering of their own:
    castList (4), …', or '' when every element has one."""
    note = coverage.summary(report.unrendered)
    return f"; {note}" if note else ""


def _digest_json(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _saxon(settings: ExportSettings) -> Saxon:
    return saxon_for(settings.stylesheet_params(__version__))


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One export at a time per edition directory (two makes at once stay correct)."""
    with open(out_dir / ".export.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
