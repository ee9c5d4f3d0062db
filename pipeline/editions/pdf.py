"""The PDF of a document page, printed by WeasyPrint from the page itself.

`archive export --format html --pdf` writes pdf/NAME.pdf beside each NAME.html. The
worker that transformed the page prints it at once (editions/export.py): the page as
the browser prints it (archive.css and cite.css, their print rules), with pdf.css on
top. Nothing outside the edition folder is read: no network, no other file
(`EditionFetcher`). The page's Download list gives the PDF's size, known only once
the PDF is made: the stylesheet leaves a mark where it goes (`MARK`), the PDF is
printed from the page with the mark (pdf.css does not print the list), and the page
is written with the size in its place. A PDF is printed again only when what it is
printed from changed (`key`): the page, the stylesheets, its metadata, WeasyPrint.
WeasyPrint is an optional extra (pip install '.[pdf]'); it needs Pango.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import mimetypes
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree

from pipeline import __version__
from pipeline.core import paths
from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei
from pipeline.core.settings import PDF_DIR, ExportSettings
from pipeline.editions.groups import DIGESTS
from pipeline.editions.pages import content_key

MARK = "<!--pdf-size-->"  # html/cite.xsl: where the page's PDF item takes the size
# The page's PDF item, for a page whose PDF could not be made: one line (cite.xsl).
_ITEM = re.compile(r'\n<li><a href="[^"\n]*" type="application/pdf">[^\n]*?'
                   + re.escape(MARK) + r"[^\n]*?</li>")
PDF_CSS = paths.HTML_XSLT / "pdf.css"
RECORD = ".pdfkey"  # .digests/NAME.pdfkey: the key of what NAME.pdf was printed from
INSTALL = "pip install '.[pdf]'"
PANGO = "libpango-1.0-0 libpangoft2-1.0-0"
EPOCH = "SOURCE_DATE_EPOCH"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def url2pathname(path: str) -> str:
    """urllib's conversion, imported when a PDF is made: urllib.request brings http and
    ssl, 0.04 s of every export's start."""
    from urllib.request import url2pathname as convert

    return convert(path)


def pdf_path(page: Path) -> Path:
    """Where the HTML edition keeps the PDF of `page` (NAME.html: pdf/NAME.pdf)."""
    return page.parent / PDF_DIR / (page.stem + ".pdf")


def record_path(page: Path) -> Path:
    return page.parent / DIGESTS / (page.stem + RECORD)


def require() -> None:
    """A PipelineError of one line unless WeasyPrint and its Pango can be loaded."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        raise PipelineError(f"--pdf needs WeasyPrint: {INSTALL}") from None
    except OSError:  # WeasyPrint is installed but cannot load Pango (a system library)
        raise PipelineError(f"--pdf needs Pango, which WeasyPrint could not load; on "
                            f"Debian: apt-get install {PANGO}") from None


@dataclass(frozen=True)
class Meta:
    """What the PDF says about itself besides its title (the page's <title>)."""

    authors: tuple[str, ...] = ()  # the TEI's titleStmt/author, when it names any
    publisher: str = ""  # the archive that publishes the edition (--site-title)
    date: str = ""  # the build date: the creation date, never the clock (same bytes)
    base_url: str = ""  # where the edition is published: the PDF's links go there


def meta(tree: etree._ElementTree, settings: ExportSettings) -> Meta:
    header = tree.getroot().find(tei("teiHeader"))
    authors = [] if header is None else header.findall(
        f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('author')}")
    names = tuple(n for n in (" ".join("".join(a.itertext()).split()) for a in authors) if n)
    return Meta(names, settings.site_title, settings.build_date, settings.base_url)


@dataclass
class Made:
    """A page as it is to be written, and its PDF."""

    page: bytes  # the PDF's size in its Download item; no item when there is no PDF
    pdf: bytes | None  # None: the PDF on disk is current, or there is none (error)
    key: str = ""  # for the record; "" when there is no PDF
    error: str = ""
    notes: list[str] = field(default_factory=list)


def for_page(html: str, page: Path, info: Meta, where: str) -> Made:
    """The page `html` (to be written at `page`) with its PDF: printed now, or the one
    on disk when it was printed from the same (its record holds the same key)."""
    made_key = key(html, info)
    pdf_file = pdf_path(page)
    try:
        current = record_path(page).read_text(encoding="utf-8") == made_key
    except FileNotFoundError:
        current = False
    if current and pdf_file.exists():
        return Made(fill(html, pdf_file.stat().st_size), None, made_key)
    try:
        data, refused = render(html, page, info)
    except Exception as exc:  # WeasyPrint raises many kinds: one line, not a traceback
        reason = (str(exc).strip().splitlines() or [""])[0]
        return Made(_ITEM.sub("", html).encode("utf-8"), None, error=(
            f"{where}: its PDF could not be made ({type(exc).__name__}: {reason}); its "
            "page is written without the PDF"))
    notes = [f"{where}: its PDF leaves out what is outside the edition folder: {url}"
             for url in dict.fromkeys(refused)]
    return Made(fill(html, len(data)), data, made_key, notes=notes)


def key(html: str, info: Meta) -> str:
    """What a PDF is printed from: the page, the stylesheets, its metadata, WeasyPrint."""
    import pydyf
    import weasyprint

    styles = [p.read_text(encoding="utf-8") for p in sorted(paths.HTML_XSLT.glob("*.css"))]
    return content_key(f"weasyprint {weasyprint.__version__}", f"pydyf {pydyf.__version__}",
                       __version__, repr(info), html, *styles)


def fill(html: str, size: int) -> bytes:
    return html.replace(MARK, file_size(size)).encode("utf-8")


def file_size(size: int) -> str:
    """A size as the page's Download list gives it (a:file-size of html/cite.xsl):
    '812 bytes', '15.3 KB', '1.2 MB'; one decimal, none when it is 0."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 ** 2, "MB")
    text = f"{value:,.1f}"  # exact binary fractions: rounds half to even, as XPath does
    return (text[:-2] if text.endswith(".0") else text) + " " + unit


def render(html: str, page: Path, info: Meta) -> tuple[bytes, list[str]]:
    """The PDF of `html`, the page at `page`, and the addresses it was refused."""
    import weasyprint

    root = page.parent.resolve()
    refused: list[str] = []
    document = weasyprint.HTML(
        string=html, base_url=(root / page.name).as_uri(), media_type="print",
        url_fetcher=fetcher(root, refused)).render(
        stylesheets=[weasyprint.CSS(string=PDF_CSS.read_text(encoding="utf-8"))])
    data = document.metadata
    data.authors = list(info.authors)
    data.created = data.modified = info.date or None
    data.generator = f"archive pipeline {__version__}"
    # Only this: the page's own <meta> names (viewport) are not the PDF's metadata.
    data.custom = {"Publisher": info.publisher} if info.publisher else {}
    for printed in document.pages:
        printed.links = [(kind, link(target, root, info.base_url) if kind == "external"
                          else target, *rest) for kind, target, *rest in printed.links]
    with _font_clock(info.date):
        return document.write_pdf(custom_metadata=True), refused


@contextlib.contextmanager
def _font_clock(date: str) -> Iterator[None]:
    """fontTools stamps each font subset it writes with the time (its head table), so
    two prints of a page differed by a second (fontTools 4.68). It takes the time from
    SOURCE_DATE_EPOCH when that is set: the build date, unless the caller set one."""
    if os.environ.get(EPOCH) or not DAY.match(date or ""):
        yield
        return
    day = dt.date.fromisoformat(date[:10])
    os.environ[EPOCH] = str(calendar.timegm(day.timetuple()))
    try:
        yield
    finally:
        os.environ.pop(EPOCH, None)


def link(target: str, root: Path, base_url: str) -> str:
    """A link of the PDF to a file: WeasyPrint gives file:///…/edition/places-a.html, a
    path of the machine that built it. It goes to the published edition when its address
    is known (--base-url), else relative to the PDF's folder (../places-a.html)."""
    parts = urlsplit(target)
    if parts.scheme != "file":
        return target
    path = Path(url2pathname(parts.path)).as_posix()
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if base_url:
        return urljoin(base_url, quote(posixpath.relpath(path, root.as_posix()))) + fragment
    return quote(posixpath.relpath(path, (root / PDF_DIR).as_posix())) + fragment


def inside(url: str, root: Path) -> Path | None:
    """The file of the edition folder `root` that `url` names, or None: another scheme
    (http, data …), a file elsewhere, or one reached through a link out of it."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path)).resolve()
    return path if path.is_relative_to(root.resolve()) and path.is_file() else None


def fetcher(root: Path, refused: list[str]):
    """WeasyPrint's URL fetcher for pages of the edition folder `root`."""
    return _fetcher_class()(root, refused)


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class EditionFetcher(URLFetcher):
        """Files of the edition folder only: no network, nothing outside it. A refused
        address is noted and raised: WeasyPrint prints on without that resource."""

        def __init__(self, root: Path, refused: list[str]):
            super().__init__()
            self.root, self.refused = root, refused

        def fetch(self, url, headers=None):
            path = inside(url, self.root)
            if path is None:
                self.refused.append(url)
                raise PipelineError(f"not in the edition folder {self.root}: {url}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return EditionFetcher
