"""Unit tests for the XSLT editions: every paragraph present, text wrapped, pages sound."""

import re

import pytest
from lxml import etree, html as lhtml

from pipeline.ns import NS
from pipeline.settings import ExportSettings
from pipeline.transform import export
from pipeline.words import letter_words


@pytest.fixture(scope="module")
def editions(built_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    files = sorted(built_seeds.glob("*.xml"))
    for fmt in ("html", "text"):
        report = export(files, ExportSettings(out_dir=out / fmt, fmt=fmt))
        assert not report.failed
    return out


def _paragraphs(tei_path):
    root = etree.parse(str(tei_path)).getroot()
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//tei:body//tei:p", NS)]


def test_html_page_has_every_paragraph_in_order(built_seeds, editions):
    for tei_path in sorted(built_seeds.glob("*.xml")):
        page = lhtml.parse(str(editions / "html" / (tei_path.stem + ".html"))).getroot()
        got = [" ".join(p.text_content().split()) for p in page.xpath("//div[@class='text']//p")]
        assert got == _paragraphs(tei_path), tei_path.name


def test_html_page_is_semantic_and_local(editions):
    page = (editions / "html" / "003_9cf90dd860d26c43.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert '<html lang="en"' in page and "<main" in page and "<h1>" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_text_edition_is_wrapped_and_keeps_every_word(built_seeds, editions):
    for tei_path in sorted(built_seeds.glob("*.xml")):
        text = (editions / "text" / (tei_path.stem + ".txt")).read_text(encoding="utf-8")
        assert all(len(line) <= 78 or " " not in line for line in text.splitlines())
        assert "<" not in text.replace("<script", "")
        body_words = letter_words(" ".join(_paragraphs(tei_path)))
        assert not body_words - letter_words(text), tei_path.name


def test_output_is_reproducible(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:2]
    a = export(files, ExportSettings(out_dir=tmp_path / "a", fmt="html"))
    b = export(files, ExportSettings(out_dir=tmp_path / "b", fmt="html"))
    for pa, pb in zip(sorted(a.written), sorted(b.written)):
        assert pa.read_bytes() == pb.read_bytes()
