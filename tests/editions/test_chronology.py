"""The chronology written for readers (issue 20): dates in words, grammatical counts,
citations kept out, and links from a date to its row and back."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html as lhtml

from pipeline.core import paths
from pipeline.core.ns import NS, TEI_NS
from pipeline.core.settings import ExportSettings
from pipeline.editions.digest import cited_date, dated_passages
from pipeline.editions.export import export

DATEWORDS = paths.XSLT / "common" / "datewords.xsl"

# Every shape of TEI date value the pipeline writes (docs/dates.md), and its words.
SHAPES = [
    ({"when": "1939-04-07"}, "7 April 1939"),
    ({"when": "1939-04"}, "April 1939"),
    ({"when": "1943"}, "1943"),
    ({"when": "--05-14"}, "14 May, year not stated"),
    ({"when": "--05"}, "May, year not stated"),
    ({"from": "1942", "to": "1945"}, "1942–1945"),
    ({"from": "1939-04-07", "to": "1939-04-12"}, "7–12 April 1939"),
    ({"from": "1939-04-07", "to": "1939-05-12"}, "7 April – 12 May 1939"),
    ({"from": "1913-01-10", "to": "1981-12-18"}, "10 January 1913 – 18 December 1981"),
    ({"from": "1944-05", "to": "1944-06"}, "May–June 1944"),
    ({"from": "1941-04", "to": "1944-11"}, "April 1941 – November 1944"),
    ({"from": "--05-14", "to": "--05-20"}, "14–20 May, year not stated"),
    ({"notBefore": "1943-09-01", "notAfter": "1943-09-10"}, "1–10 September 1943"),
    ({"notBefore": "1942-03-01", "notAfter": "1942-05-31"}, "spring 1942"),
    ({"notBefore": "1942-06-01", "notAfter": "1942-08-31"}, "summer 1942"),
    ({"notBefore": "1939-09-01", "notAfter": "1939-11-30"}, "autumn 1939"),
    ({"notBefore": "1943-12-01", "notAfter": "1944-02-29"}, "winter 1943–44"),
    ({"notBefore": "1944-07-01", "notAfter": "1944-07-31"}, "July 1944"),
    ({"notBefore": "1939-01-01", "notAfter": "1939-03-31"}, "January–March 1939"),
    ({"notBefore": "1939-01-01", "notAfter": "1939-12-31"}, "1939"),
    ({"notBefore": "1990", "notAfter": "1999"}, "the 1990s"),
    ({"notBefore": "1940", "notAfter": "1943"}, "1940–1943"),
    ({"notBefore": "1901", "notAfter": "2000"}, "the twentieth century"),
    ({"notBefore": "1801", "notAfter": "1900"}, "the nineteenth century"),
    ({"from": "1942"}, "from 1942"),
    ({"to": "1945"}, "until 1945"),
    ({"notBefore": "1942"}, "not before 1942"),
    ({"notAfter": "1945"}, "not after 1945"),
    ({"when": "1943", "cert": "low"}, "about 1943"),
    ({"when": "1939-04-07", "evidence": "internal", "cert": "medium"}, "about 7 April 1939"),
    ({"when": "1939-04-12", "evidence": "internal", "cert": "high"}, "12 April 1939"),
    ({"when": "1939-04-07", "cert": "high"}, "7 April 1939"),
    ({"when": "1943-W12"}, "1943-W12"),  # a shape of its own: as written
    ({}, ""),
]


@pytest.fixture(scope="module")
def words():
    from saxonche import PySaxonProcessor

    proc = PySaxonProcessor(license=False)
    sheet = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:a="urn:archive:functions" exclude-result-prefixes="#all">
      <xsl:include href="{DATEWORDS.resolve().as_uri()}"/>
      <xsl:output method="xml" encoding="UTF-8"/>
      <xsl:template match="/dates"><out><xsl:for-each select="date">
        <w><xsl:value-of select="a:date-in-words(.)"/></w></xsl:for-each></out></xsl:template>
    </xsl:stylesheet>"""
    exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=sheet)

    def run(values: list[dict]) -> list[str]:
        holder = etree.Element("dates")
        for value in values:
            etree.SubElement(holder, "date", value)
        node = proc.parse_xml(xml_text=etree.tostring(holder, encoding="unicode"))
        out = etree.fromstring(exe.transform_to_string(xdm_node=node).encode("utf-8"))
        return [w.text or "" for w in out]
    return run


def test_every_date_shape_in_words(words):
    got = words([value for value, _ in SHAPES])
    assert list(zip([v for v, _ in SHAPES], got)) == [(v, w) for v, w in SHAPES]


# The collection: the chronology of the five seeds, and of a document with one date.


@pytest.fixture(scope="module")
def edition(built_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("chronology") / "html"
    report = export(sorted(built_seeds.glob("*.xml")), ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed
    return out


def _rows(edition) -> dict[str, tuple[str, str, str]]:
    """page#row-id -> (date in words, passage, link back) of every chronology row."""
    out = {}
    for path in sorted(edition.glob("chronology-*.html")):
        for tr in lhtml.parse(str(path)).getroot().iter("tr"):
            if tr.get("id"):
                out[f"{path.name}#{tr.get('id')}"] = (
                    tr.find_class("value")[0].find("time").text_content(),
                    tr.find_class("passage")[0].text_content(),
                    tr.find_class("doc")[0].find("a").get("href"))
    return out


def _text(xml: str):
    return etree.fromstring(f'<text xmlns="{TEI_NS}"><body>{xml}</body></text>')


def test_a_date_links_to_its_row_and_the_row_back(edition):
    rows = _rows(edition)
    linked = {}
    for page in sorted(edition.glob("0*.html")):
        for a in lhtml.parse(str(page)).getroot().find_class("to-chronology"):
            time = a.find("time")
            if time.get("id").startswith("date-"):  # the reading view; the other links too
                linked[a.get("href")] = f"{page.name}#{time.get('id')}"
    assert len(rows) > 100
    # Every date that links has a row, and every row a date that links to it.
    assert {href: rows.get(href, ("", "", ""))[2] for href in linked} == linked
    assert set(rows) == set(linked)


def test_citations_stay_out_and_words_in_words(edition):
    rows = _rows(edition)
    pages = {p.name for p in edition.glob("chronology-*.html")}
    # Publication years: "vol. 1, 1971, p. 17" (a footnote), "(London 1947)", the
    # listBibl's "Twentieth Century" (1901-2000), "Tirana 1960" (a note type="source").
    for year in ("1901", "1947", "1948", "1960", "1971"):
        assert f"chronology-{year}.html" not in pages
    words = [w for w, _, _ in rows.values()]
    assert not [w for w in words if re.search(r"\d{4}-\d\d|--\d\d", w)]  # no ISO
    assert "7 April 1939" in words and "January–March 1939" in words
    passages = [p for _, p, _ in rows.values()]
    assert "Struggle against the Italian fascists - 1942 July 1942 August 25, 1942 " \
           "November 1942" in passages
    assert not [p for p in passages if re.search(r"1942July|ItaliaApril|Albaniaby|of“", p)]


def test_counts_are_grammatical(edition, built_seeds, tmp_path):
    overview = lhtml.parse(str(edition / "chronology.html")).getroot()
    assert re.fullmatch(r"\d+ dated passages in 5 documents\.",
                        overview.find_class("totals")[0].text_content())
    # One document with one dated passage.
    tree = etree.parse(str(sorted(built_seeds.glob("000_*.xml"))[0]))
    for date in tree.xpath("//tei:text//tei:date", namespaces=NS)[1:]:
        for attr in ("when", "from", "to", "notBefore", "notAfter"):
            date.attrib.pop(attr, None)
    one = tmp_path / "000_one.xml"
    tree.write(str(one), encoding="UTF-8")
    report = export([one], ExportSettings(out_dir=tmp_path / "html", fmt="html"))
    assert not report.failed
    for page in [tmp_path / "html" / "chronology.html",
                 *sorted((tmp_path / "html").glob("chronology-*.html"))]:
        totals = lhtml.parse(str(page)).getroot().find_class("totals")[0].text_content()
        assert totals == "1 dated passage in 1 document.", page.name


def test_cited_dates():
    text = _text("""<div><p>In <date when="1943">1943</date> it began.<note place="foot">Works,
      vol. 1, <date when="1971">1971</date>, p. 17.</note></p>
      <p>("Albania Today" <date when="1976">1976</date>, No 2)</p>
      <head>Diaries<lb/>(<placeName>London</placeName> <date when="1947">1947</date>).</head>
      <p>(born on <date when="1908-10-16">October 16, 1908</date>)</p>
      <listBibl><bibl>A History, <date when="1990">1990</date></bibl></listBibl>
      <note type="source">First published <date when="1960">1960</date></note></div>""")
    dates = text.xpath(".//tei:date", namespaces=NS)
    assert [cited_date(d) for d in dates] == [False, True, True, True, False, True, True]
    assert [d["key"] for d in dated_passages(text)] == ["1943", "1908-10-16"]


def test_context_has_spaces_at_line_breaks():
    text = _text("""<div><head>The occupation of Albania<lb/>by fascist Italia<lb/><date
      when="1939-04-07">April 7, 1939</date><lb/>- Septem<lb break="no"/>ber 8</head>
      <p>Works, vol. 5, p. 245, and then on <date when="1943">1943</date> it began. Next.</p>
      </div>""")
    head, p = dated_passages(text)
    assert head["context"] == "The occupation of Albania by fascist Italia April 7, 1939 " \
                              "- September 8"
    assert p["context"] == "Works, vol. 5, p. 245, and then on 1943 it began."
