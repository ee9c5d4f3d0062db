"""Tests of the editions: both views, registers, search index, text editions, links."""

import re

import pytest
from lxml import etree, html as lhtml

from pipeline.build.words import letter_words, source_text_of
from pipeline.core.ns import NS
from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export

from conftest import reproducible

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
    report = export(files, ExportSettings(out_dir=out / "text", fmt="text", view="diplomatic"))
    assert not report.failed
    return out


def _view(page, name: str) -> str:
    """Text of one view of a document page, without the hover hints."""
    view = page.xpath(f"//div[@id='{name}']")[0]
    for hint in view.xpath(".//span[@class='corr-hint']"):
        hint.drop_tree()
    return " ".join(view.itertext())


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
        shown = _squash("".join(page.xpath("//div[@id='reading']")[0].itertext()))
        at = 0
        for para in map(_squash, _paragraphs(tei_path)):
            found = shown.find(para, at)
            assert found >= 0, (tei_path.name, para[:80])
            at = found + len(para)


def test_reading_view_hides_furniture_diplomatic_view_shows_it(editions):
    page = lhtml.parse(str(editions / "html" / "001_22acba81c62ab359.html")).getroot()
    reading, printed = _view(page, "reading"), _view(page, "diplomatic")
    assert "[26]" not in reading and not re.search(r"page\s+needed", reading)
    assert "[26]" in printed and re.search(r"\[27\]\s*\[page\s+needed\]", printed)
    page = lhtml.parse(str(editions / "html" / "002_f7cd1772cabee663.html")).getroot()
    assert "Skip to main content" not in _view(page, "reading")
    assert "Skip to main content" in _view(page, "diplomatic")


def test_views_show_corr_and_sic(built_seeds, editions):
    """Every choice: the reading in the reading view, the printed word in the other,
    each with its own id, the reading as a hint, and a row in the apparatus."""
    tei_path = built_seeds / "004_8f5a6fbfed40dcac.xml"
    choices = etree.parse(str(tei_path)).xpath("//tei:text//tei:choice[tei:corr]",
                                               namespaces=NS)
    page = lhtml.parse(str(editions / "html" / (tei_path.stem + ".html"))).getroot()
    assert len(choices) > 20
    for choice in choices:
        cid = choice.get("{http://www.w3.org/XML/1998/namespace}id")
        sic = "".join(choice.find("tei:sic", NS).itertext())
        corr = "".join(choice.find("tei:corr", NS).itertext())
        assert page.get_element_by_id(cid).text_content().strip() == corr
        printed = page.get_element_by_id("d-" + cid)
        hint = printed.find_class("corr-hint")[0].text_content()
        assert hint.startswith(f"read as {corr} (") and choice[1].get("cert") in hint
        assert printed.text_content().replace(hint, "") == sic
        row = page.get_element_by_id("app-" + cid)
        assert [a.get("href") for a in row.iter("a")] == [f"#{cid}", f"#d-{cid}"]
    assert "Printed" in page.get_element_by_id(cid).get("title")


def test_diplomatic_view_keeps_every_source_word(built_seeds, editions):
    for tei_path in sorted(built_seeds.glob("*.xml")):
        root = etree.parse(str(tei_path)).getroot()
        want = letter_words(source_text_of(root.find("tei:text", NS)))
        page = lhtml.parse(str(editions / "html" / (tei_path.stem + ".html"))).getroot()
        shown = letter_words(" ".join(page.xpath("//main/h1")[0].itertext()) + " "
                             + " ".join(t for f in page.xpath("//main/p[@class='docdate']")
                                        for t in f.itertext())
                             + " " + _view(page, "diplomatic"))
        assert not want - shown, (tei_path.name, want - shown)


def test_ids_unique_in_both_views(editions):
    for path in sorted((editions / "html").glob("*.html")):
        ids = re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), path.name


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
    same = [sorted(p for p in r.written if reproducible(p.relative_to(out)))
            for r, out in ((a, tmp_path / "a"), (b, tmp_path / "b"))]
    assert len(same[0]) == len(same[1]) > 2
    for pa, pb in zip(*same):
        assert pa.read_bytes() == pb.read_bytes()


IDENTIFIER = re.compile(r"https://(www\.geonames\.org|www\.wikidata\.org/wiki|viaf\.org/viaf)/"
                        r"Q?[0-9]+$")


def test_no_broken_internal_links(built_seeds, tmp_path):
    """Every href of every page points at a file that exists, and at an id in it."""
    files = sorted(built_seeds.glob("*.xml"))
    export(files, ExportSettings(out_dir=tmp_path / "html", fmt="html"))
    export(files, ExportSettings(out_dir=tmp_path / "text", fmt="text"))
    export(files, ExportSettings(out_dir=tmp_path / "text", fmt="text", view="diplomatic"))
    checked = 0
    for page in sorted((tmp_path / "html").glob("*.html")):
        source = page.read_text(encoding="utf-8")
        external = set(re.findall(r'<a class="ext" rel="external" href="([^"]+)"', source))
        for href in re.findall(r'href="([^"]+)"', source):
            if href in external:  # another authority's identifier, in a register (issue 20)
                assert IDENTIFIER.match(href), (page.name, href)
                continue
            assert not re.match(r"[a-z]+:", href), (page.name, href)  # nothing external
            target, _, anchor = href.partition("#")
            path = (page.parent / target) if target else page
            assert path.is_file(), (page.name, href)
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), (page.name, href)
            checked += 1
    assert checked > 1500  # every name links to its register, every register back


def test_diplomatic_text_edition_is_as_printed(built_seeds, editions):
    """The --diplomatic text: every source word, damage and furniture included."""
    for tei_path in sorted(built_seeds.glob("*.xml")):
        printed = (editions / "text" / (tei_path.stem + ".diplomatic.txt")).read_text(
            encoding="utf-8")
        assert all(len(line) <= 78 or " " not in line for line in printed.splitlines())
        root = etree.parse(str(tei_path)).getroot()
        want = letter_words(source_text_of(root.find("tei:text", NS)))
        assert not want - letter_words(printed), tei_path.name
    reading = (editions / "text" / "004_8f5a6fbfed40dcac.txt").read_text(encoding="utf-8")
    printed = (editions / "text" / "004_8f5a6fbfed40dcac.diplomatic.txt").read_text(
        encoding="utf-8")
    assert "Sh6ngjin" in printed and "Sh6ngjin" not in reading and "Shëngjin" in reading
    printed = (editions / "text" / "001_22acba81c62ab359.diplomatic.txt").read_text(
        encoding="utf-8")
    assert "[26]" in printed and re.search(r"\[page\s+needed\]", printed)


def test_text_edition_has_no_markup(editions):
    for path in sorted((editions / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"</?[a-zA-Z][\w:-]*[ />]|&(amp|lt|gt|quot|#\d+);", text), path.name


def test_stylesheet_parameters_reach_the_pages(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:1]
    settings = ExportSettings(out_dir=tmp_path, fmt="html", site_title="Test Archive",
                              editor="A. Curator", base_url="https://example.org/ed/",
                              build_date="2001-02-03")
    assert not export(files, settings).failed
    page = (tmp_path / (files[0].stem + ".html")).read_text(encoding="utf-8")
    citation = lhtml.fromstring(page).find_class("citation")[0].text_content()
    assert "Test Archive, edited by A. Curator" in citation and "Built 2001-02-03" in citation
    assert f"https://example.org/ed/{files[0].stem}.html" in citation
    assert "<title>" in page and "– Test Archive</title>" in page


def _words_shown(page_path) -> str:
    page = lhtml.fromstring(page_path.read_text(encoding="utf-8"))
    return page.xpath("//dt[.='Words']/following-sibling::dd[1]")[0].text_content()


def test_word_count_comes_from_the_header_and_is_counted_without_it(built_seeds,
                                                                    tmp_path_factory):
    """The source panel shows the header's count; a header without one gets the words of
    the text counted as the no-word-lost check counts them."""
    from pipeline.build.words import count_words

    tei_path = sorted(built_seeds.glob("*.xml"))[0]
    tree = etree.parse(str(tei_path))
    measure = tree.find(".//tei:fileDesc/tei:extent/tei:measure[@unit='words']", NS)
    stated = int(measure.get("quantity"))
    measure.set("quantity", str(stated + 1000))
    # Beside tei/ (same depth), so that the relative authority refs still resolve.
    stated_dir = tmp_path_factory.mktemp("stated")
    tree.write(str(stated_dir / tei_path.name), encoding="utf-8")
    measure.getparent().getparent().remove(measure.getparent())
    counted_dir = tmp_path_factory.mktemp("counted")
    tree.write(str(counted_dir / tei_path.name), encoding="utf-8")
    page = tei_path.stem + ".html"
    shown = []
    for directory in (stated_dir, counted_dir):
        settings = ExportSettings(out_dir=directory / "html", fmt="html")
        assert not export([directory / tei_path.name], settings).failed
        shown.append(_words_shown(directory / "html" / page))
    counted = count_words(source_text_of(tree.find("tei:text", NS)))
    assert shown == [f"{stated + 1000:,}", f"{stated:,}"] and counted == stated
