"""Unit tests for the XSLT editions: every paragraph present, apparatus hidden, text wrapped."""

import re

import pytest
from lxml import etree, html as lhtml

from pipeline.ns import NS
from pipeline.settings import ExportSettings
from pipeline.transform import export
from pipeline.words import letter_words

INLINE = {"persName", "placeName", "orgName", "date", "choice", "corr", "sic", "quote", "title",
          "author", "hi"}
HIDDEN = "self::tei:fw or self::tei:ref[@type='citation'] or self::tei:note[@type='editorial']"


@pytest.fixture(scope="module")
def editions(built_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    files = sorted(built_seeds.glob("*.xml"))
    for fmt in ("html", "text"):
        report = export(files, ExportSettings(out_dir=out / fmt, fmt=fmt))
        assert not report.failed
    return out


def _reading_text(el) -> str:
    """What a reader sees of `el` in the reading edition: no furniture or citation
    marks, and footnotes elsewhere."""
    inline = etree.QName(el).localname in INLINE
    parts = [el.text or ""]
    for child in el:
        if child.xpath("self::tei:choice[tei:corr]", namespaces=NS):
            parts.append(_reading_text(child.find("tei:corr", NS)))  # the reading, not sic
        elif child.xpath(f"{HIDDEN} or self::tei:note or self::tei:div[@type='ocr-notes']",
                         namespaces=NS):
            parts.append(" ")  # left out; a space keeps the words around it apart
        else:
            text = _reading_text(child)
            parts.append(text if etree.QName(child).localname in INLINE else f" {text} ")
        parts.append(child.tail or "")
    return "".join(parts) if inline else " ".join("".join(parts).split())


def _paragraphs(tei_path):
    root = etree.parse(str(tei_path)).getroot()
    return [_reading_text(p) for p in root.xpath(
        "//tei:body//tei:p[not(ancestor::tei:note)]", namespaces=NS)]


def _squash(text: str) -> str:
    return " ".join(re.sub(r"\s+([.,;:!?)»”])", r"\1", text).split())


def test_html_page_has_every_paragraph_in_order(built_seeds, editions):
    for tei_path in sorted(built_seeds.glob("*.xml")):
        page = lhtml.parse(str(editions / "html" / (tei_path.stem + ".html"))).getroot()
        for mark in page.xpath("//sup[@class='note-mark']"):  # footnote numbers
            mark.drop_tree()
        shown = _squash("".join(page.xpath("//main")[0].itertext()))
        at = 0
        for para in map(_squash, _paragraphs(tei_path)):
            found = shown.find(para, at)
            assert found >= 0, (tei_path.name, para[:80])
            at = found + len(para)


def test_html_hides_apparatus_and_furniture(editions):
    page = lhtml.parse(str(editions / "html" / "001_22acba81c62ab359.html")).getroot()
    text = " ".join(page.xpath("//main")[0].itertext())
    assert "[17]" not in text and "page needed" not in text
    page = lhtml.parse(str(editions / "html" / "002_f7cd1772cabee663.html")).getroot()
    assert "Skip to main content" not in " ".join(page.xpath("//main")[0].itertext())


def test_footnotes_link_both_ways(editions):
    page = (editions / "html" / "004_8f5a6fbfed40dcac.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#([^"]+)"', page))
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert targets <= set(ids)
    assert len([t for t in targets if t.startswith("fn-")]) == 10
    assert len([t for t in targets if t.startswith("fnref-")]) == 10


def test_page_is_semantic_and_local(editions):
    page = (editions / "html" / "003_9cf90dd860d26c43.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert '<html lang="en"' in page and "<main" in page and "<h1" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_text_edition_is_wrapped_and_keeps_every_word(built_seeds, editions):
    for tei_path in sorted(built_seeds.glob("*.xml")):
        text = (editions / "text" / (tei_path.stem + ".txt")).read_text(encoding="utf-8")
        assert all(len(line) <= 78 or " " not in line for line in text.splitlines())
        root = etree.parse(str(tei_path)).getroot()
        body = root.find(".//tei:body", NS)
        notes = root.xpath("//tei:body//tei:note[@place='foot']", namespaces=NS)
        want = letter_words(_reading_text(body) + " "
                            + " ".join(_reading_text(n) for n in notes))
        missing = want - letter_words(text)
        assert not missing, (tei_path.name, missing)


def test_text_edition_leaves_out_furniture(editions):
    text = (editions / "text" / "002_f7cd1772cabee663.txt").read_text(encoding="utf-8")
    assert "Skip to main content" not in text and "View: countries" not in text


def test_output_is_reproducible(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:2]
    a = export(files, ExportSettings(out_dir=tmp_path / "a", fmt="html"))
    b = export(files, ExportSettings(out_dir=tmp_path / "b", fmt="html"))
    for pa, pb in zip(sorted(a.written), sorted(b.written)):
        assert pa.read_bytes() == pb.read_bytes()


def test_no_broken_internal_links(built_seeds, tmp_path):
    """Every href of every page points at a file that exists, and at an id in it."""
    files = sorted(built_seeds.glob("*.xml"))
    export(files, ExportSettings(out_dir=tmp_path / "html", fmt="html"))
    export(files, ExportSettings(out_dir=tmp_path / "text", fmt="text"))
    checked = 0
    for page in sorted((tmp_path / "html").glob("*.html")):
        source = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', source):
            assert not re.match(r"[a-z]+:", href), (page.name, href)  # nothing external
            target, _, anchor = href.partition("#")
            path = (page.parent / target) if target else page
            assert path.is_file(), (page.name, href)
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), (page.name, href)
            checked += 1
    assert checked > 150
