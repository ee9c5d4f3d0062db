"""The PDF of each document page (archive export --pdf): what it prints, when it is made
again, what its page says of it, and what it may fetch."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lhtml
from pypdf import PdfReader

from pipeline.cli import cli
from pipeline.core.executor import ExecutorSettings
from pipeline.core.settings import ExportSettings
from pipeline.editions import pdf
from pipeline.editions.export import export

from conftest import ROOT

FOREIGN = ROOT.parent / "shared" / "corpora" / "tei-foreign"


def _export(files, out: Path, **options):
    """In this process: a pool forked from a process that has run Saxon can crash."""
    report = export(files, ExportSettings(out_dir=out, fmt="html", **options),
                    executor=ExecutorSettings(jobs=1))
    assert not report.failed, report.failed
    return report


@pytest.fixture(scope="module")
def edition(built_seeds, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf-edition")
    _export(sorted(built_seeds.glob("*.xml")), out, pdf=True)
    return out


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.html") if (out / "tei" / (p.stem + ".xml")).exists())


def _words(text: str) -> list[str]:
    """The words of a text, a word broken at a line's end by hyphenation joined again."""
    text = re.sub(r"[\u2010\u00ad]\s*\n\s*", "", text)
    return re.findall(r"\w+", text)


def _pdf_words(path: Path) -> list[str]:
    return _words("\n".join(p.extract_text() for p in PdfReader(path).pages))


def _title(tree) -> str:
    """The page's heading, its lines (br) apart."""
    return " ".join(tree.find(".//main/h1").itertext())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """Are the words of `needle` in `haystack`, in this order and next to each other?"""
    joined, wanted = " ".join(haystack), " ".join(needle)
    return f" {wanted} " in f" {joined} "


def test_every_document_page_has_its_pdf_and_links_it_with_its_size(edition):
    pages = _pages(edition)
    assert len(pages) == 5
    for page in pages:
        printed = edition / "pdf" / (page.stem + ".pdf")
        assert printed.read_bytes().startswith(b"%PDF-")
        link = lhtml.parse(str(page)).xpath("//ul[@class='downloads']/li[a[@href="
                                            f"'pdf/{page.stem}.pdf']]")
        assert len(link) == 1
        assert pdf.file_size(printed.stat().st_size) in link[0].text_content()
        assert pdf.MARK.encode() not in page.read_bytes()
    # Nothing else in the folder: no PDF of a collection page.
    assert sorted(p.stem for p in (edition / "pdf").iterdir()) == [p.stem for p in pages]


def test_the_size_is_given_as_the_tei_copys_is(edition):
    """file_size() is the Python twin of a:file-size (html/cite.xsl)."""
    for page in _pages(edition):
        size = (edition / "tei" / (page.stem + ".xml")).stat().st_size
        item = lhtml.parse(str(page)).xpath("//ul[@class='downloads']/li[1]")[0]
        assert item.text_content().endswith(f"(XML, {pdf.file_size(size)})")
    assert [pdf.file_size(n) for n in (812, 1024, 15667, 1024 * 1024 * 3 // 2)] == [
        "812 bytes", "1 KB", "15.3 KB", "1.5 MB"]


def test_the_pdf_prints_the_reading_text_with_its_notes_and_not_the_diplomatic(edition):
    with_notes = 0
    for page in _pages(edition):
        tree = lhtml.parse(str(page))
        words = _pdf_words(edition / "pdf" / (page.stem + ".pdf"))
        assert _contains(words, _words(_title(tree)))
        first = tree.xpath("//div[@id='reading']//p[starts-with(@id, 'p-')]")[0]
        for mark in first.xpath(".//a[@class='cite-p'] | .//span[@class='corr-hint']"):
            mark.drop_tree()
        assert _contains(words, _words(first.text_content()))
        for note in tree.xpath("//div[@id='reading']//section[@class='notes']//li"):
            with_notes += 1
            assert _contains(words, _words(note.text_content())[:12])
        # The view is printed once (the diplomatic view holds the same paragraph), and
        # no text of the diplomatic view's own.
        paragraph = " ".join(_words(first.text_content()))
        assert f" {' '.join(words)} ".count(f" {paragraph} ") == 1
        for furniture in tree.xpath("//div[@id='diplomatic']//*[contains(@class, 'fw')]"):
            text = _words(furniture.text_content())
            if len(text) >= 4 and not _contains(
                    _words(tree.xpath("string(//div[@id='reading'])")), text):
                assert not _contains(words, text)
        assert "Download" not in words
    assert with_notes, "no seed page has notes: the test proves nothing about them"


def test_the_pdf_is_printed_from_the_page_as_written(edition):
    """The page with its PDF's size in place prints to the same bytes (the Download
    list, which gives the size, is not printed)."""
    page = _pages(edition)[0]
    info = pdf.Meta(publisher=ExportSettings(out_dir=None).site_title,
                    date=ExportSettings(out_dir=None).build_date)
    data, refused = pdf.render(page.read_text(encoding="utf-8"), page, info)
    assert data == (edition / "pdf" / (page.stem + ".pdf")).read_bytes()
    assert refused == []


def test_pdf_metadata_and_links_name_no_path_of_this_machine(edition):
    for page in _pages(edition):
        reader = PdfReader(edition / "pdf" / (page.stem + ".pdf"))
        meta = reader.metadata
        assert meta["/Title"] == lhtml.parse(str(page)).findtext(".//title")
        assert meta["/CreationDate"] == "D:" + ExportSettings(out_dir=None).build_date.replace(
            "-", "")
        uris = [a.get_object()["/A"]["/URI"] for p in reader.pages
                for a in p.get("/Annots") or [] if "/A" in a.get_object()]
        assert uris and not any(u.startswith("file:") or str(edition) in u for u in uris)
        assert any(u.startswith("../") and u.split("#")[0][3:].endswith(".html") for u in uris)


def test_the_same_pages_give_the_same_pdf_bytes_elsewhere_on_workers(built_seeds, edition,
                                                                    tmp_path):
    """Another folder, two worker processes of the CLI: the same bytes."""
    files = sorted(built_seeds.glob("*.xml"))[:3]
    subprocess.run([str(Path(sys.executable).parent / "archive"), "export", "--format",
                    "html", "--pdf", "--silent", "--jobs", "2", "--out",
                    str(tmp_path / "other"), *map(str, files)], check=True)
    for tei_file in files:
        name = f"pdf/{tei_file.stem}.pdf"
        assert (tmp_path / "other" / name).read_bytes() == (edition / name).read_bytes()


def test_a_second_export_rewrites_no_pdf_and_a_removed_page_loses_its_pdf(built_seeds,
                                                                         tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:2]
    out = tmp_path / "html"
    _export(files, out, pdf=True)
    printed = sorted((out / "pdf").glob("*.pdf"))
    times = [p.stat().st_mtime_ns for p in printed]
    report = _export(files, out, pdf=True)
    assert [p.stat().st_mtime_ns for p in printed] == times
    assert not [p for p in report.written if p.suffix == ".pdf"]
    assert sorted((out / ".digests").glob("*" + pdf.RECORD)) != []
    # A changed page is printed again.
    (out / ".digests" / (files[0].stem + pdf.RECORD)).write_text("stale")
    report = _export(files, out, pdf=True)
    assert [p.name for p in report.written if p.suffix == ".pdf"] in (
        [f"{files[0].stem}.pdf"], [])  # printed again; the same bytes need no writing
    (out / f"{files[0].stem}.html").unlink()
    _export(files[1:], out, pdf=True)
    assert [p.stem for p in (out / "pdf").glob("*.pdf")] == [files[1].stem]
    assert not (out / ".digests" / (files[0].stem + pdf.RECORD)).exists()


def test_without_pdf_no_pdf_and_no_link(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:1]
    out = tmp_path / "html"
    _export(files, out, pdf=True)
    assert (out / "pdf" / f"{files[0].stem}.pdf").exists()
    _export(files, out)  # the page no longer promises it: it goes
    assert not list((out / "pdf").glob("*.pdf"))
    page = (out / f"{files[0].stem}.html").read_text(encoding="utf-8")
    assert "application/pdf" not in page and "pdf-size" not in page
    assert "pdf" not in ExportSettings(out_dir=None).stylesheet_params("v")["pdf-href-prefix"]


def test_other_projects_pages_make_pdfs_too(tmp_path):
    files = sorted(FOREIGN.glob("*.xml"))
    assert files, f"{FOREIGN} is missing"
    copies = tmp_path / "tei"
    shutil.copytree(FOREIGN, copies)
    out = tmp_path / "html"
    _export(sorted(copies.glob("*.xml")), out, pdf=True)
    for page in _pages(out):
        reader = PdfReader(out / "pdf" / (page.stem + ".pdf"))
        assert _contains(_pdf_words(out / "pdf" / (page.stem + ".pdf")),
                         _words(_title(lhtml.parse(str(page))))[:8])
        assert len(reader.pages) >= 1
    assert len(_pages(out)) == len(files)


def test_without_weasyprint_pdf_is_one_line_saying_how_to_install(runner, built_seeds,
                                                                  tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    result = runner.invoke(cli, ["export", "--format", "html", "--pdf", "--silent",
                                 "--out", str(tmp_path / "html"),
                                 str(sorted(built_seeds.glob("*.xml"))[0])])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: --pdf needs WeasyPrint: pip install '.[pdf]'"]
    assert not (tmp_path / "html" / "pdf").exists()


def test_pdf_goes_with_the_html_edition(runner, built_seeds, tmp_path):
    result = runner.invoke(cli, ["export", "--format", "text", "--pdf", "--silent",
                                 "--out", str(tmp_path), str(sorted(built_seeds.glob("*.xml"))[0])])
    assert result.exit_code == 2 and "--pdf goes with --format html" in result.output


def test_a_pdf_that_fails_is_one_error_line_and_the_others_are_made(runner, built_seeds,
                                                                    tmp_path, monkeypatch):
    files = sorted(built_seeds.glob("*.xml"))[:2]
    real = pdf.render

    def render(html, page, info):
        if page.stem == files[0].stem:
            raise ValueError("no room on the page\nsecond line")
        return real(html, page, info)

    monkeypatch.setattr(pdf, "render", render)
    out = tmp_path / "html"
    result = runner.invoke(cli, ["export", "--format", "html", "--pdf", "--silent",
                                 "--jobs", "1", "--out", str(out), *map(str, files)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "PDF" in line]
    assert errors == [f"{files[0]}: its PDF could not be made (ValueError: no room on the "
                      "page); its page is written without the PDF"]
    assert "Traceback" not in result.output
    assert not (out / "pdf" / f"{files[0].stem}.pdf").exists()
    assert "application/pdf" not in (out / f"{files[0].stem}.html").read_text(encoding="utf-8")
    assert (out / "pdf" / f"{files[1].stem}.pdf").exists()


def test_the_fetcher_refuses_what_is_outside_the_edition_folder(tmp_path):
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "archive.css").write_text("p { color: black }")
    (tmp_path / "secret.css").write_text("p { color: red }")
    (edition / "out.css").symlink_to(tmp_path / "secret.css")
    refused: list[str] = []
    fetch = pdf.fetcher(edition, refused)
    assert fetch((edition / "archive.css").as_uri()).read() == b"p { color: black }"
    for url in ["https://example.org/archive.css", (tmp_path / "secret.css").as_uri(),
                (edition / "out.css").as_uri(), (edition / ".." / "secret.css").as_uri(),
                "data:text/css,p{color:red}", "file://elsewhere" + str(edition / "archive.css")]:
        with pytest.raises(Exception):
            fetch(url)
    assert len(refused) == 6
    # In a page: the outside stylesheet is left out and said so, the PDF is made.
    page = edition / "doc.html"
    html = ('<!DOCTYPE html><html><head><link rel="stylesheet" href="https://example.org/'
            'x.css"><link rel="stylesheet" href="../secret.css"></head><body><p>Text</p>'
            "</body></html>")
    data, refused = pdf.render(html, page, pdf.Meta())
    assert data.startswith(b"%PDF-")
    assert refused == ["https://example.org/x.css", (tmp_path / "secret.css").as_uri()]
    assert "Text" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_font_subsets_are_stamped_with_the_build_date_not_the_clock(monkeypatch):
    """fontTools stamps each font subset with SOURCE_DATE_EPOCH when it is set, else with
    the time: a PDF is written under the build date's, and the caller's stays."""
    from fontTools.misc.timeTools import timestampNow, timestampSinceEpoch

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pdf._font_clock("1944-05-03"):
        assert timestampNow() == timestampSinceEpoch(-809913600)  # 1944-05-03T00:00Z
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    with pdf._font_clock("1944-05-03"):
        assert os.environ["SOURCE_DATE_EPOCH"] == "86400"
    with pdf._font_clock("not a date"):
        assert os.environ["SOURCE_DATE_EPOCH"] == "86400"
