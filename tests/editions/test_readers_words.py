"""Readers' words on the document page (issue 20, part 7): no encoding jargon on any page
of the seeds or of other projects' TEI, an "About this text" in words, the real source
named in the source panel (publisher, date in words and called what it is, address,
earlier publications with their passages), and the corrections counted in words."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from lxml import etree

from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export

FOREIGN = Path("/work/shared/corpora/tei-foreign")
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": TEI[1:-1]}
OCR_DOC = "004_8f5a6fbfed40dcac"  # the seed with OCR corrections and earlier publications

# What a reader must not meet on a page: element and attribute names, XPath, our
# configuration files, the detector's measures.
FORBIDDEN = ["sic/corr", "choice/", "resp=", "@cert", "@type", "@n", "cert=", ".tsv",
             "per 1,000 words", "damage signals", "threshold", "back/div", "div[",
             "editorialDecl", "ocr-notes", "xml:id"]


def _export(files, out: Path) -> Path:
    report = export(sorted(files), ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed, report.failed
    return out


@pytest.fixture(scope="module")
def seed_pages(built_seeds, tmp_path_factory) -> Path:
    return _export(built_seeds.glob("0*.xml"), tmp_path_factory.mktemp("rw-seeds"))


@pytest.fixture(scope="module")
def foreign_pages(tmp_path_factory) -> Path:
    return _export(FOREIGN.glob("*.xml"), tmp_path_factory.mktemp("rw-foreign"))


def _doc_pages(built_seeds, seed_pages, foreign_pages) -> list[Path]:
    pages = [seed_pages / (p.stem + ".html") for p in built_seeds.glob("0*.xml")]
    pages += [foreign_pages / (p.stem + ".html") for p in FOREIGN.glob("*.xml")]
    assert len(pages) == 5 + len(list(FOREIGN.glob("*.xml"))) and all(p.exists() for p in pages)
    return pages


def _shown(page: str) -> str:
    """What a reader sees or hears: the text, and the titles and labels of elements."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    said = " ".join(re.findall(r'\b(?:title|aria-label|alt)="([^"]*)"', body))
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + said)


def _panel(page: str) -> str:
    return re.search(r'<aside class="source-panel" id="about".*?</aside>', page, re.S).group()


def _dl(panel: str) -> list[tuple[str, str]]:
    """(dt, dd text) pairs of the panel's list; a dt with several dd gives several pairs."""
    dl = re.search(r"<dl>.*?</dl>", panel, re.S).group()
    pairs, term = [], None
    for tag, content in re.findall(r"<(dt|dd)\b[^>]*>(.*?)</\1>", dl, re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", content)).split())
        if tag == "dt":
            term = text
        else:
            pairs.append((term, text))
    return pairs


def test_no_jargon_on_any_page(built_seeds, seed_pages, foreign_pages):
    found = []
    for path in _doc_pages(built_seeds, seed_pages, foreign_pages):
        shown = _shown(path.read_text(encoding="utf-8"))
        found += [f"{path.name}: {term!r}" for term in FORBIDDEN if term in shown]
    assert not found, found


def test_the_header_prose_is_not_on_the_page_but_stays_in_the_tei(built_seeds, seed_pages):
    """Each sentence of our editorialDecl stays in the TEI and off the page."""
    for tei_path in built_seeds.glob("0*.xml"):
        tei = etree.parse(str(tei_path))
        prose = [" ".join(p.itertext()).split(". ")[0] for p in tei.iterfind(".//t:editorialDecl//t:p", NS)]
        assert prose
        shown = " ".join(_shown((seed_pages / (tei_path.stem + ".html")).read_text()).split())
        assert not [s for s in prose if " ".join(s.split()) in shown], tei_path.name


def test_about_this_text_is_in_words_on_every_page(built_seeds, seed_pages, foreign_pages):
    for path in _doc_pages(built_seeds, seed_pages, foreign_pages):
        panel = _panel(path.read_text(encoding="utf-8"))
        about = re.findall(r'<p class="about">(.*?)</p>', panel, re.S)
        assert "About this text" in panel and len(about) == 2, path.name
        words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", " ".join(about))).split())
        # Sentences for readers: the two views are named as the switch names them.
        assert "reading text" in words and "“As printed”" in words, path.name
        assert len(words.split()) >= 25, (path.name, words)


def test_our_corrections_are_counted_in_words(built_seeds, seed_pages):
    tei = etree.parse(str(built_seeds / f"{OCR_DOC}.xml"))
    corrs = tei.xpath("//t:text//t:choice[t:sic]/t:corr[not(ancestor::t:div[@type='ocr-notes'])]",
                      namespaces=NS)
    certs = [c.get("cert") for c in corrs]
    page = (seed_pages / f"{OCR_DOC}.html").read_text(encoding="utf-8")
    said = dict(_dl(_panel(page)))["Corrections"]
    assert said.startswith(f"{len(corrs)} words that character recognition (OCR) had misread")
    for cert in ("high", "medium", "low"):
        assert f"{certs.count(cert)} {cert}" in said
    # The apparatus says the same, not the header's account.
    assert f'<p class="decision">{said}</p>' in page
    for other in (p for p in built_seeds.glob("0*.xml") if p.stem != OCR_DOC):
        pairs = dict(_dl(_panel((seed_pages / (other.stem + ".html")).read_text())))
        assert pairs["Corrections"].startswith("Nothing in the text was corrected")


def test_source_panel_names_publisher_and_earlier_publications(built_seeds, seed_pages):
    for tei_path in built_seeds.glob("0*.xml"):
        tei = etree.parse(str(tei_path))
        pairs = _dl(_panel((seed_pages / (tei_path.stem + ".html")).read_text()))
        terms = [t for t, _ in pairs]
        assert "Source" not in terms and "Character recognition" not in terms
        publisher = tei.findtext(".//t:sourceDesc/t:bibl/t:publisher", namespaces=NS)
        assert (("Published by", publisher) in pairs) == bool(publisher)
        originals = tei.findall(".//t:sourceDesc/t:bibl[@type='original']", NS)
        labels = {t for t in terms if t.startswith("Earlier publication")}
        assert len(labels) == len(originals), tei_path.name
        for bibl in originals:
            line = " ".join("".join(bibl.itertext()).split())
            assert any(dd == line for _, dd in pairs), line


def test_each_earlier_publication_names_its_passage(built_seeds, seed_pages):
    """004 joins two publications; the text has each one's line where its passage is (a
    source line closing a letter, a heading over diary entries): the panel quotes the
    passage's first words."""
    tei = etree.parse(str(built_seeds / f"{OCR_DOC}.xml"))
    pairs = _dl(_panel((seed_pages / f"{OCR_DOC}.html").read_text()))
    passages = [dd for _, dd in pairs if dd.startswith("Source of the passage from")]
    originals = tei.findall(".//t:sourceDesc/t:bibl[@type='original']", NS)
    assert len(passages) == len(originals) == 2
    squash = lambda el: re.sub(r"\s+", "", "".join(el.itertext()))
    for bibl, passage in zip(originals, passages):
        line = next(el for el in tei.iterfind(".//t:text//*", NS)
                    if etree.QName(el).localname in ("head", "note") and squash(el) == squash(bibl))
        part = line.getparent()
        paras = [p for p in part.iterfind(".//t:p", NS) if not p.xpath("ancestor::t:note", namespaces=NS)]
        before = etree.QName(line).localname == "note"
        first = next(p for p in paras if (p.sourceline < line.sourceline) == before)
        assert " ".join("".join(first.itertext()).split()[:3]) in passage


def _variant(src: Path, out: Path, date: dict | None, text: str | None, url: str | None = None) -> Path:
    """004's TEI with its source date (and address) replaced: a unit of the panel's wording."""
    tei = etree.parse(str(src))
    bibl = tei.find(".//t:sourceDesc/t:bibl", NS)
    old = bibl.find("t:date", NS)
    if old is not None:
        bibl.remove(old)
    if text is not None:
        el = etree.SubElement(bibl, TEI + "date", **(date or {}))
        el.text = text
    if url:
        etree.SubElement(bibl, TEI + "ref", target=url).text = url
    path = out / src.name
    tei.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


@pytest.mark.parametrize("attrs, text, words", [
    ({"when": "2014-04-07"}, "April 7, 2014", "7 April 2014"),
    ({"when": "1910-03"}, "March, 1910", "March 1910"),
    ({"when": "1910"}, "anno 1910", "1910"),
    ({"notBefore": "1990", "notAfter": "1999"}, "nineties", "the 1990s"),
    ({}, "Easter Monday", "Easter Monday"),
])
def test_the_source_date_is_called_published_and_said_in_words(built_seeds, tmp_path, attrs, text, words):
    tei = _variant(built_seeds / f"{OCR_DOC}.xml", tmp_path, attrs, text)
    page = (_export([tei], tmp_path / "html") / f"{OCR_DOC}.html").read_text()
    panel = _panel(page)
    assert ("Published", words) in _dl(panel)
    about = re.search(r'<p class="about">(.*?)</p>', panel, re.S).group(1)
    assert f"published on {words}" in html.unescape(re.sub(r"<[^>]+>", "", about))
    if "when" in attrs:
        assert f'<time datetime="{attrs["when"]}">{words}</time>' in panel


def test_no_date_no_published_line_and_the_address_is_a_link(built_seeds, tmp_path):
    url = "https://example.org/texts/occupation"
    tei = _variant(built_seeds / f"{OCR_DOC}.xml", tmp_path, None, None, url)
    panel = _panel((_export([tei], tmp_path / "html") / f"{OCR_DOC}.html").read_text())
    pairs = _dl(panel)
    assert "Published" not in [t for t, _ in pairs]
    assert ("Address", url) in pairs and f'<a href="{url}">{url}</a>' in panel
    assert "names neither its publisher nor its date" in panel


def test_build_and_change_dates_are_in_words(built_seeds, seed_pages):
    tei = etree.parse(str(built_seeds / f"{OCR_DOC}.xml"))
    changed = max(c.get("when") for c in tei.iterfind(".//t:revisionDesc/t:change", NS))
    panel = _panel((seed_pages / f"{OCR_DOC}.html").read_text())
    pairs = dict(_dl(panel))
    assert not re.search(r"\d{4}-\d{2}-\d{2}", pairs["Edition built by"] + pairs["TEI last changed"])
    year, month, day = changed.split("-")
    assert f'<time datetime="{changed}">{int(day)} ' in panel
    assert re.fullmatch(rf"{int(day)} [A-Z][a-z]+ {year}", pairs["TEI last changed"])
