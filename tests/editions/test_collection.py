"""Tests of the collection pages: registers and index counts (search: test_search.py)."""


import pytest
from lxml import etree, html as lhtml

from pipeline.core.ns import NS
from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export
from conftest import AUTHORITY

REGISTERS = {"person": "persons", "place": "places", "org": "organisations"}
TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SHOWN = ("not(ancestor::tei:fw or ancestor::tei:sic or ancestor::tei:ref[@type='citation'] "
         "or ancestor::tei:note[@type='editorial'] or ancestor::tei:div[@type='ocr-notes'])")


@pytest.fixture(scope="module")
def edition(built_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("collection") / "html"
    report = export(sorted(built_seeds.glob("*.xml")), ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed
    return out


def _page(path):
    return lhtml.parse(str(path)).getroot()


def _letter_pages(edition, kind):
    """The pages of a register's initials, by file name."""
    return {p.name: _page(p) for p in sorted(edition.glob(f"{REGISTERS[kind]}-*.html"))
            if not p.name.endswith("-unlisted.html")}


def _initial(key):
    first = key[:1].lower()
    return first if "a" <= first <= "z" else "other"


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_register_has_every_authority_entry_with_its_spellings(kind, edition, built_seeds):
    """Every entry is on the page of its initial, and the overview links to it there."""
    authority = etree.parse(str(AUTHORITY))
    pages = _letter_pages(edition, kind)
    overview = _page(edition / f"{REGISTERS[kind]}.html")
    links = {a.get("href"): a.text_content() for a in overview.iter("a")}
    entries = authority.xpath(f"//tei:{kind}", namespaces=NS)
    assert sum(len(p.find_class("reg-entry")) for p in pages.values()) == len(entries) > 10
    for entry in entries:
        key = entry.get(XML_ID)
        name = f"{REGISTERS[kind]}-{_initial(key)}.html"
        article = pages[name].get_element_by_id(key)
        names = [" ".join(n.text.split()) for n in entry.iterfind(f"tei:{TAGS[kind]}", NS)]
        assert article.find("h2").text_content() == names[0]
        assert links[f"{name}#{key}"] == names[0]
        for variant in names[1:]:
            assert variant in article.find_class("variants")[0].text_content()


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_register_lists_every_occurrence_at_its_spot(kind, edition, built_seeds):
    """Each name the reading view shows is one occurrence link, to the name itself."""
    pages = _letter_pages(edition, kind)
    unlisted = edition / f"{REGISTERS[kind]}-unlisted.html"
    if unlisted.exists():  # names with no entry, if the documents have any
        pages[unlisted.name] = _page(unlisted)
    links = [(name, a) for name, page in pages.items() for a in page.iter("a")
             if a.get("class") == "occ"]
    want = 0
    for tei_path in sorted(built_seeds.glob("0*.xml")):
        tree = etree.parse(str(tei_path))
        want += len(tree.xpath(f"//tei:text//tei:{TAGS[kind]}[{SHOWN}]", namespaces=NS))
    assert len(links) == want > 0
    docs = {}
    for name, a in links:
        doc, _, anchor = a.get("href").partition("#")
        target = docs.setdefault(doc, _page(edition / doc)).get_element_by_id(anchor)
        assert target.get("class").split()[:2] == ["name", kind]
        assert " ".join(target.text_content().split()) == a.text_content()
        entry = next(p for p in a.iterancestors() if p.tag in ("article", "dd"))
        if entry.tag == "article":  # a name linked to the entry it is listed under
            assert target.get("href") == f"{name}#{entry.get('id')}"
        else:
            assert target.tag == "span" and "unlisted" in target.get("class")


def test_variant_spellings_meet_in_one_entry(edition):
    places = _page(edition / "places-p.html").get_element_by_id("peze")
    spellings = {a.text_content() for a in places.find_class("occ")}
    assert {"Pezë", "Peza"} <= spellings


def test_index_counts_names_dates_and_corrections(edition, built_seeds):
    page = _page(edition / "index.html")
    for tei_path in sorted(built_seeds.glob("0*.xml")):
        root = etree.parse(str(tei_path)).getroot()
        row = page.get_element_by_id(root.get(XML_ID))
        cells = [td.text_content() for td in row.iter("td")]
        names = root.xpath(f"count(//tei:text//*[self::tei:persName or self::tei:placeName "
                           f"or self::tei:orgName][{SHOWN}])", namespaces=NS)
        dates = root.xpath("count(//tei:text//tei:date[@when or @from or @notBefore])",
                           namespaces=NS)
        fixes = root.xpath("count(//tei:text//tei:choice[tei:corr])", namespaces=NS)
        assert cells[3:6] == [f"{int(n):,}" for n in (names, dates, fixes)], tei_path.name
        assert tei_path.stem + ".txt" in cells[1]


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_register_overview_totals_match_the_pages_of_the_initials(kind, edition):
    """Each entry's "(N in M documents)" on the overview: N occurrence links and M
    document items under the entry on its initial's page."""
    overview = _page(edition / f"{REGISTERS[kind]}.html")
    pages = _letter_pages(edition, kind)
    seen = 0
    for a in overview.xpath("//ul[@class='entries']/li/a"):
        name, _, key = a.get("href").partition("#")
        article = pages[name].get_element_by_id(key)
        count = a.getnext().text_content()
        links = article.find_class("occ")
        items = article.xpath("ul[@class='occurrences']/li")
        if not links:
            assert count == "(no occurrence)"
            continue
        seen += 1
        docs = len(items)
        assert count == f"({len(links):,} in {docs:,} document{'s' if docs != 1 else ''})", key
    assert seen > 5
