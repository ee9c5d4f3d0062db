"""Transforms: TEI to HTML and plain-text editions through XSLT 3.0 (Saxon via saxonche).

Each stylesheet is compiled once per process and applied to every file of the batch.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline import __version__
from pipeline.errors import PipelineError, TransformError
from pipeline.fsutil import atomic_write, write_if_changed
from pipeline.ns import NS, tei
from pipeline.settings import ExportSettings
from pipeline.xmlsafe import parse_file

XSLT_DIR = Path(__file__).resolve().parent / "xslt"
ENTRY = {"html": XSLT_DIR / "html" / "html.xsl", "text": XSLT_DIR / "txt" / "txt.xsl"}
SUFFIX = {"html": ".html", "text": ".txt"}
INDEX_XSL = XSLT_DIR / "html" / "index.xsl"
CHRONOLOGY_XSL = XSLT_DIR / "html" / "chronology.xsl"
CSS = XSLT_DIR / "html" / "archive.css"
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
    return settings.out_dir / (tei_file.stem + SUFFIX[settings.fmt])


def export(files: Iterable[Path], settings: ExportSettings,
           tick: Callable[[Path], None] = lambda _: None) -> ExportReport:
    """Transform each TEI file; for HTML also refresh the stylesheet and the index page."""
    if settings.fmt not in ENTRY:
        raise PipelineError(f"unknown format {settings.fmt!r}; use html or text")
    report = ExportReport()
    saxon = Saxon({"build-date": settings.build_date, "line-width": settings.line_width,
                   "pipeline-version": __version__})
    settings.out_dir.mkdir(parents=True, exist_ok=True)
    with _summaries(settings.out_dir) as summaries:
        for tei_file in files:
            tei_file = Path(tei_file)
            try:
                tree = parse_file(tei_file)
                text = etree.tostring(tree, encoding="unicode")
                result = saxon.apply(ENTRY[settings.fmt], text, str(tei_file))
                out = output_path(tei_file, settings)
                changed = write_if_changed(out, result.encode("utf-8"))
                (report.written if changed else report.unchanged).append(out)
                summaries[out.name] = summarise(tree, tei_file, out)
            except PipelineError as exc:
                report.failed.append((tei_file, str(exc)))
            tick(tei_file)
        if settings.fmt == "html":
            _write_assets(saxon, settings, summaries, report)
    return report


def summarise(tree: etree._ElementTree, tei_file: Path, out: Path) -> dict:
    """The compact facts the index needs, kept so the index never rereads every TEI file."""
    root = tree.getroot()

    def first(xpath: str) -> str:
        return str(root.xpath(f"string(({xpath})[1])", namespaces=NS)).strip()

    return {
        "dates": dated_passages(root),
        "id": root.get("{http://www.w3.org/XML/1998/namespace}id", ""),
        "title": " ".join(first("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title").split()),
        "words": first("tei:teiHeader/tei:fileDesc/tei:extent/tei:measure/@quantity") or "0",
        "source": first("tei:teiHeader//tei:sourceDesc//tei:idno[@type='filename']"),
        "href": out.name,
        "text": "../text/" + out.stem + ".txt",
    }


_BLOCKS = {tei(n) for n in ("p", "head", "item", "note", "salute", "signed", "dateline",
                            "figDesc", "bibl", "quote", "label")}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“«‘'(]?[A-Z0-9])")
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")


def dated_passages(root: etree._Element) -> list[dict]:
    """Every date of the text, numbered in document order as the HTML page numbers them
    (date-N), with its value and the sentence it stands in."""
    text = root.find(tei("text"))
    out = []
    for n, el in enumerate(text.iter(tei("date")) if text is not None else [], start=1):
        value = {k: el.get(k) for k in DATE_ATTRS if el.get(k)}
        if not value:
            continue
        surface = " ".join("".join(el.itertext()).split())
        block = next((a for a in el.iterancestors() if a.tag in _BLOCKS), el.getparent())
        out.append({"n": n, "surface": surface, "context": _sentence(block, el, surface),
                    "key": value.get("when") or value.get("from") or value.get("notBefore"),
                    **value})
    return out


def _sentence(block: etree._Element, el: etree._Element, surface: str) -> str:
    """The sentence of `block` that holds the date (notes and furniture left out)."""
    before = _visible_text(block, stop=el)
    whole = " ".join(_visible_text(block).split())
    at = len(" ".join(before.split()))
    starts = [0] + [m.end() for m in _SENTENCE.finditer(whole)]
    start = max(s for s in starts if s <= at)
    ends = [m.start() for m in _SENTENCE.finditer(whole) if m.start() >= at + len(surface)]
    sentence = whole[start:ends[0] if ends else len(whole)]
    return sentence if len(sentence) <= 400 else sentence[:397] + "…"


def _visible_text(el: etree._Element, stop: etree._Element | None = None) -> str:
    """Text of `el` as a reader sees it, up to `stop` if given."""
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        if node is stop:
            return True
        if node.tag in (tei("fw"), tei("ref")) or (node.tag == tei("note") and node is not el):
            return False
        parts.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(el)
    return "".join(parts)


def _write_assets(saxon: Saxon, settings: ExportSettings, summaries: dict,
                  report: ExportReport) -> None:
    for name in [n for n in summaries if not (settings.out_dir / n).exists()]:
        del summaries[name]
    if write_if_changed(settings.out_dir / CSS.name, CSS.read_bytes()):
        report.written.append(settings.out_dir / CSS.name)
    if not settings.index:
        return
    collection = etree.Element("collection")
    for name in sorted(summaries):
        etree.SubElement(collection, "document",
                         {k: str(v) for k, v in sorted(summaries[name].items())
                          if not isinstance(v, (list, dict))})
    html = saxon.apply(INDEX_XSL, etree.tostring(collection, encoding="unicode"), "index")
    _page(settings.out_dir / "index.html", html, report)
    chronology = etree.Element("chronology")
    for name in sorted(summaries):
        doc = summaries[name]
        for d in doc.get("dates", []):
            attrs = {"href": f"{doc['href']}#date-{d['n']}", "doc": doc["title"],
                     "key": d["key"], **{k: d[k] for k in DATE_ATTRS if k in d}}
            entry = etree.SubElement(chronology, "date", attrs)
            etree.SubElement(entry, "surface").text = d["surface"]
            etree.SubElement(entry, "context").text = d["context"]
    html = saxon.apply(CHRONOLOGY_XSL, etree.tostring(chronology, encoding="unicode"),
                       "chronology")
    _page(settings.out_dir / "chronology.html", html, report)


def _page(path: Path, html: str, report: ExportReport) -> None:
    (report.written if write_if_changed(path, html.encode("utf-8"))
     else report.unchanged).append(path)


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
