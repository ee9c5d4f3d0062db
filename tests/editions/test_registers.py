"""Registers in context (issue 20, part 3): each occurrence with a few words either side,
linked to its spot; identifiers of other authorities as links; names inside corrected
words registered under the corrected reading."""

import shutil

import pytest
from lxml import etree, html as lhtml

from pipeline.core.ns import NS, tei
from pipeline.core.settings import ExportSettings
from pipeline.editions.digest import CONTEXT_CHARS, CONTEXT_WORDS, name_occurrences
from pipeline.editions.export import export
from pipeline.editions.saxon import saxon_for
from pipeline.core import paths

DOC = "004_8f5a6fbfed40dcac"  # the seed with OCR corrections and GeoNames addresses


@pytest.fixture(scope="module")
def edition(built_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("registers") / "html"
    report = export(sorted(built_seeds.glob("0*.xml")), ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed
    return out


def _page(path):
    return lhtml.parse(str(path)).getroot()


def _snippet(li):
    return " ".join(li.text_content().split())


def test_an_occurrence_shows_its_context_and_links_to_its_spot(edition):
    """Victor Emmanuel III in 004: "In May 1941, Victor Emmanuel III, Emperor of Italy,
    came on a visit to Albania" (a date before it, names after it: no word glued)."""
    entry = _page(edition / "persons-v.html").get_element_by_id("victor-emmanuel-iii")
    items = [li for li in entry.iterfind(".//ol[@class='kwic']/li")
             if li.find("a").get("href").startswith(DOC)]
    snippets = [_snippet(li) for li in items]
    want = "… the invaders. In May 1941, Victor Emmanuel III, Emperor of Italy, came on …"
    assert want in snippets, snippets
    li = items[snippets.index(want)]
    link = li.find("a")
    assert link.get("class") == "occ" and link.text == "Victor Emmanuel III"
    page, _, anchor = link.get("href").partition("#")
    target = _page(edition / page).get_element_by_id(anchor)  # in the reading view
    assert " ".join(target.text_content().split()) == "Victor Emmanuel III"
    assert target.xpath("ancestor::*[contains(@class, 'view')][1]/@class")[0].split()[-1] \
        == "reading"


def test_every_occurrence_link_has_its_target(edition):
    pages = {}
    links = [a for p in edition.glob("*.html") if p.name.startswith(
        ("persons-", "places-", "organisations-")) for a in _page(p).find_class("occ")]
    assert len(links) > 300
    for a in links:
        page, _, anchor = a.get("href").partition("#")
        target = pages.setdefault(page, _page(edition / page)).get_element_by_id(anchor)
        assert " ".join(target.text_content().split()) == a.text_content()


def test_context_is_the_reading_text_and_short():
    """Corrections chosen, line-end hyphens joined, notes and line breaks left out of
    the words; at most CONTEXT_WORDS words and CONTEXT_CHARS characters a side."""
    text = etree.fromstring(
        f'<text xmlns="{NS["tei"]}"><body><p>One two three four five six '
        '<choice><sic>tbe</sic><corr>the</corr></choice> Elba<pc force="weak">-</pc>'
        '<lb break="no"/>san road<note place="foot">A note.</note> to '
        '<placeName ref="authority.xml#tirana">Tirana</placeName><lb/>and '
        '<placeName>Durrës</placeName>\'s port, seven eight nine ten.</p></body></text>')
    tirana, durres = name_occurrences(text)
    assert tirana[3:] == ["Tirana", "… six the Elbasan road to ", " and Durrës's port, seven eight …",
                          ""]
    assert durres[4:6] == ["… Elbasan road to Tirana and ", "'s port, seven eight nine …"]
    long = etree.fromstring(f'<text xmlns="{NS["tei"]}"><body><p>{"x" * 200} '
                            f'<persName>A</persName></p></body></text>')
    left = name_occurrences(long)[0][4]
    assert len(left) <= CONTEXT_CHARS + 2 and CONTEXT_WORDS == 5


def test_a_geonames_address_renders_as_a_link(edition, built_seeds):
    """004 has placeName ref="https://www.geonames.org/4405434" (no authority entry)."""
    tree = etree.parse(str(built_seeds / f"{DOC}.xml"))
    refs = tree.xpath("//tei:text//tei:placeName[starts-with(@ref, 'https://www.geonames.org/')]"
                      "/@ref", namespaces=NS)
    assert refs
    page = _page(edition / "places-unlisted.html")
    for ref in refs:
        link = page.xpath(f"//a[@class='ext'][@href='{ref}']")
        assert link and link[0].text == "GeoNames " + ref.rsplit("/", 1)[1]
        assert link[0].get("rel") == "external"


def test_authority_identifiers_render_as_labelled_links():
    """An entry's idno (GeoNames, Wikidata, VIAF) and web addresses in its @ref."""
    part = etree.fromstring(
        f'<register-letter xmlns:tei="{NS["tei"]}" kind="place" letter="t"><letter name="t"/>'
        '<tei:place xml:id="tirana"><tei:placeName type="main">Tirana</tei:placeName>'
        '<tei:idno type="geonames">3183875</tei:idno>'
        '<tei:idno type="wikidata">Q19689</tei:idno>'
        '<tei:idno type="URI">https://www.wikidata.org/wiki/Q19689</tei:idno>'
        '<tei:idno type="URI">http://viaf.org/viaf/158950736</tei:idno>'
        '<tei:idno type="other">not-a-link</tei:idno></tei:place></register-letter>')
    saxon = saxon_for({})
    out = saxon.apply(paths.HTML_XSLT / "register.xsl", etree.tostring(part, encoding="unicode"),
                      "test")
    entry = lhtml.fromstring(out).get_element_by_id("tirana")
    links = [(a.text, a.get("href")) for a in entry.find_class("ext")]
    assert links == [("GeoNames 3183875", "https://www.geonames.org/3183875"),
                     ("Wikidata Q19689", "https://www.wikidata.org/wiki/Q19689"),
                     ("VIAF 158950736", "https://viaf.org/viaf/158950736")]


@pytest.fixture(scope="module")
def corrected(built_seeds, tmp_path_factory):
    """004 with Vasil Laçi marked as a person around its correction (a choice inside a
    persName) and Shëngjin as a place inside the correction (a placeName inside corr)."""
    tei_dir = tmp_path_factory.mktemp("corrected")
    for path in built_seeds.glob("*.xml"):
        shutil.copy2(path, tei_dir / path.name)
    path = tei_dir / f"{DOC}.xml"
    tree = etree.parse(str(path))
    laci = tree.xpath("//tei:choice[tei:corr = 'Laçi']", namespaces=NS)[0]
    before = laci.getprevious()
    assert before.tail.endswith("Vasil ")
    before.tail = before.tail[:-len("Vasil ")]
    person = etree.Element(tei("persName"), ref="authority.xml#laci-vasil")
    laci.addprevious(person)
    person.text = "Vasil "
    person.append(laci)  # moves the choice, with its tail
    person.tail, laci.tail = laci.tail, None
    corr = tree.xpath("//tei:choice[tei:corr = 'Shëngjin']/tei:corr", namespaces=NS)[0]
    place = etree.SubElement(corr, tei("placeName"), ref="authority.xml#shengjin")
    place.text, corr.text = corr.text, None
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    out = tmp_path_factory.mktemp("corrected-html")
    report = export(sorted(tei_dir.glob("0*.xml")), ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed
    return out


def test_a_name_inside_a_correction_is_registered_under_its_corrected_form(corrected):
    entry = _page(corrected / "persons-l.html").get_element_by_id("laci-vasil")
    links = entry.find_class("occ")
    assert [a.text for a in links] == ["Vasil Laçi"]
    assert "1 occurrence in" in entry.find("p[@class='count']").text
    snippet = _snippet(links[0].getparent())
    assert snippet == "… centre of Tirana the worker Vasil Laçi, fired shots at him."
    page, _, anchor = links[0].get("href").partition("#")
    target = _page(corrected / page).get_element_by_id(anchor)
    assert " ".join(target.text_content().split()) == "Vasil Laçi"  # not "Lagi"
    overview = _page(corrected / "persons.html")
    count = overview.xpath("//a[@href='persons-l.html#laci-vasil']")[0].getnext()
    assert count.text_content() == "(1 in 1 document)"
    place = _page(corrected / "places-s.html").get_element_by_id("shengjin")
    assert "Shëngjin" in [a.text for a in place.find_class("occ")]
    assert "Sh6ngjin" not in place.text_content()
