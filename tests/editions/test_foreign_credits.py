"""TEI from other projects (issue 19): every file exports, its credits are on its page
and in its text edition and citation, its names resolve from its own lists and from
files beside it, and a missing file they point into is one warning, not a failure."""

from __future__ import annotations

import filecmp
import os
import re
import shutil

import pytest
from lxml import html as lhtml

from pipeline.cli import cli
from pipeline.core.settings import ExportSettings
from pipeline.editions import groups
from pipeline.editions.export import export

from conftest import ROOT

FOREIGN = ROOT.parent / "shared" / "corpora" / "tei-foreign"
LETTER = "Edgeworth_Beinecke_1814-10-10"
P4_NOTE = ("{d}/teic-test2.xml: TEI P4 (root TEI.2): read as TEI P5, its elements moved "
           "into the TEI namespace in memory; the file is unchanged")
PERSONOGRAPHY = ("{d}/Personography.xml: not found; the names of 5 documents that point "
                 "into it are published unlinked (18 ids: BootJ1, BrinE1, BrinS1, CoweX1, "
                 "DelaC1, EdgeH1 and 12 more)")

HEADER = """<teiHeader><fileDesc>
  <titleStmt><title>A letter to Anna</title><author>Jane Roe</author></titleStmt>
  <publicationStmt><publisher>Letters Project</publisher><date>2024</date></publicationStmt>
  <sourceDesc><p>A letter.</p></sourceDesc></fileDesc>{profile}</teiHeader>"""
LISTS = """<profileDesc><particDesc><listPerson>
  <person xml:id="anna"><persName>Anna Smith</persName><birth when="1790"/>
    <note>A friend of the writer.</note></person></listPerson></particDesc>
  <settingDesc><listPlace><place xml:id="cork"><placeName>Cork</placeName></place>
  </listPlace></settingDesc><correspDesc><correspAction type="sent"><persName>Jane Roe</persName>
  <placeName>Cork</placeName><date when="1820-05-01">1 May 1820</date></correspAction>
  </correspDesc></profileDesc>"""
BODY = """<text><body><p>Dear <persName ref="#anna">Anna</persName>, I met
  <persName key="anna">Mrs Smith</persName> and <persName ref="people.xml#bob #anna">Bob</persName>
  in <placeName ref="#cork">Cork</placeName>, with <persName>Tom</persName>.</p></body></text>"""
PEOPLE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
  <titleStmt><title>People</title></titleStmt><publicationStmt><p/></publicationStmt>
  <sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><listPerson>
  <person xml:id="bob"><persName>Robert Brown</persName><death when="1850"/></person>
  </listPerson></body></text></TEI>"""


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    """The eight tei-foreign files, copied (their Personography is not among them)."""
    if not FOREIGN.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{FOREIGN} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{FOREIGN} not present (outside CI)")
    folder = tmp_path_factory.mktemp("foreign")
    for path in sorted(FOREIGN.glob("*.xml")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def exported(foreign):
    """Both editions of the eight files, through the CLI: (folder, html result, text result)."""
    from click.testing import CliRunner

    runner = CliRunner()
    files = [str(p) for p in sorted(foreign.glob("*.xml"))]
    html = runner.invoke(cli, ["export", "--silent", "--format", "html", "--date",
                               "2026-01-01", "--out", str(foreign / "html"), *files])
    text = runner.invoke(cli, ["export", "--silent", "--format", "text", "--view", "reading",
                               "--view", "diplomatic", "--date", "2026-01-01", "--out",
                               str(foreign / "text"), *files])
    return foreign, html, text


def test_every_foreign_file_exports_with_one_warning_per_missing_file(exported):
    folder, html, text = exported
    for result, written in ((html, 8), (text, 16)):
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
        assert warnings[0] == "warning: " + P4_NOTE.format(d=folder)
        assert warnings[1] == "warning: " + PERSONOGRAPHY.format(d=folder)
        assert warnings[2].startswith(f"warning: {folder}/Placeography.xml: not found; ")
        assert len(warnings) == 3  # once per file, not per name or per view
        assert "failed" not in result.stderr
    assert len(list((folder / "html").glob("Edgeworth_*.html"))) == 5
    assert len(list((folder / "text").glob("*.txt"))) == 16
    assert "0 failed" in html.stdout and "0 failed" in text.stdout


def _page(folder):
    return lhtml.parse(str(folder / "html" / f"{LETTER}.html")).getroot()


def test_the_credits_are_on_the_page(exported):
    page = _page(exported[0])
    credits = {dt.text_content(): dt.getnext() for dt in page.xpath("//section[@id='credits']//dt")}
    assert credits["Editor"].text_content() == "Eliza Wilcox"
    assert credits["Transcription and coding by"].text_content() == "Eliza Wilcox"
    assert credits["Held by"].text_content() == "Beinecke Rare Book and Manuscript Library"
    assert credits["Collection"].text_content() == "Maria Edgeworth Collection"
    assert credits["Sent by"].text_content() == "Maria Edgeworth"
    assert credits["Received by"].text_content() == "Mrs. Miles"
    licence = credits["Licence"].find("a")
    assert licence.get("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.text_content().startswith("Distributed under a Creative Commons Attribution")
    footer = page.xpath("string(//footer[@class='site']/p[@class='credit'])")
    assert footer.startswith("Text: Maria Edgeworth; Maria Edgeworth Letters Project. Distributed")
    # A shelfmark where the header has one.
    other = lhtml.parse(str(exported[0] / "html" / "Edgeworth_Boston_1835_01_02.html"))
    assert "Shelfmark (NAF)" in other.xpath("//section[@id='credits']//dt/text()")


def test_the_citation_has_no_empty_parts(exported):
    citation = " ".join(_page(exported[0]).xpath("string(//p[@class='citation'])").split())
    assert citation.startswith("Maria Edgeworth. “Letter from Maria Edgeworth to Mrs. Miles, "
                               "October 10, 1814.” Edited by Eliza Wilcox. Maria Edgeworth "
                               "Letters Project, 2022.")
    assert "https://creativecommons.org/licenses/by/4.0/" in citation
    assert citation.endswith(f"In Digital Archive. Built 2026-01-01 with archive pipeline "
                             f"0.1.0. {LETTER}.html.")
    assert not re.search(r" [;,.]|\bof ;|, ,|\(\)", citation)
    for path in (exported[0] / "html").glob("*.html"):
        found = lhtml.parse(str(path)).xpath("string(//p[@class='citation'])")
        assert not re.search(r"\bof ;| [;,.] ", " ".join(found.split())), path.name


def test_the_credits_head_the_text_edition(exported):
    text = (exported[0] / "text" / f"{LETTER}.txt").read_text(encoding="utf-8")
    head = text.split("\n\nCite as:")[0]
    assert "\nEditor: Eliza Wilcox\n" in head
    assert "\nHeld by: Beinecke Rare Book and Manuscript Library\n" in head
    assert "\nSent by: Maria Edgeworth\nReceived by: Mrs. Miles" in head
    assert "Unported License <https://creativecommons.org/licenses/by/4.0/>" in head
    cite = " ".join(text.split("\n\nCite as: ")[1].split("\n\n")[0].split())
    assert cite.startswith("Maria Edgeworth. “Letter from Maria Edgeworth to Mrs. Miles,")
    assert cite.endswith(f": {LETTER}.txt.")
    diplomatic = (exported[0] / "text" / f"{LETTER}.diplomatic.txt").read_text(encoding="utf-8")
    assert f": {LETTER}.diplomatic.txt." in " ".join(diplomatic.split())


def _letter(tmp_path, profile=LISTS, body=BODY):
    path = tmp_path / "letter.xml"
    path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(profile=profile)}'
                    f"{body}</TEI>", encoding="utf-8")
    return path


def _links(page):
    return [(a.text_content(), a.get("href"))  # not the paragraphs' § links (cite.xsl)
            for a in page.xpath("//div[@id='reading']//a[not(@class='cite-p')]")]


def test_names_resolve_from_the_files_own_lists_and_from_a_file_beside_it(tmp_path):
    letter = _letter(tmp_path)
    (tmp_path / "people.xml").write_text(PEOPLE, encoding="utf-8")
    out = tmp_path / "html"
    report = export([letter], ExportSettings(out_dir=out, fmt="html"))
    assert not report.failed and not report.missing
    page = lhtml.parse(str(out / "letter.html")).getroot()
    assert _links(page) == [("Anna", "persons-a.html#anna"), ("Mrs Smith", "persons-a.html#anna"),
                            ("Bob", "persons-b.html#bob"), ("Cork", "places-c.html#cork")]
    anna = lhtml.parse(str(out / "persons-a.html")).getroot().get_element_by_id("anna")
    assert anna.findtext("h2") == "Anna Smith"
    assert anna.find("p[@class='life']").text == "born 1790"
    assert anna.find("p[@class='note']").text == "A friend of the writer."
    assert "2 occurrences" in anna.find("p[@class='count']").text
    bob = lhtml.parse(str(out / "persons-b.html")).getroot().get_element_by_id("bob")
    assert bob.findtext("h2") == "Robert Brown"
    unlisted = lhtml.parse(str(out / "persons-unlisted.html")).getroot()
    assert unlisted.xpath("//dl[@class='unlisted']/dt/text()") == ["Tom"]
    # Names in the header are credits, not register occurrences.
    assert page.xpath("//section[@id='credits']//dt[. = 'Sent by']/following-sibling::dd[1]"
                      "/text()") == ["Jane Roe, Cork, 1 May 1820"]


def test_a_missing_file_beside_it_leaves_its_names_unlinked(tmp_path, runner):
    letter = _letter(tmp_path)  # people.xml is not there
    result = runner.invoke(cli, ["export", "--silent", "--format", "html", "--out",
                                 str(tmp_path / "html"), str(letter)])
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {tmp_path}/people.xml: not found; the names of 1 "
                             "document that point into it are published unlinked "
                             "(1 id: bob)\n")
    page = lhtml.parse(str(tmp_path / "html" / "letter.html")).getroot()
    # Bob's second ref is into the file's own list: the name still resolves.
    assert ("Bob", "persons-a.html#anna") in _links(page)


def test_our_own_editions_are_untouched_by_a_foreign_document(built_seeds, tmp_path):
    """Our TEI's pages and the register pages a foreign document adds nothing to are
    byte-identical with and without it."""
    own = sorted(built_seeds.glob("*.xml"))
    alone, mixed = tmp_path / "alone", tmp_path / "mixed"
    assert not export(own, ExportSettings(out_dir=alone, fmt="html")).failed
    letter = _letter(tmp_path, LISTS.replace('"anna"', '"zzanna"').replace('"cork"', '"zzcork"'),
                     BODY.replace("anna", "zzanna").replace("#cork", "#zzcork"))
    assert not export(own + [letter], ExportSettings(out_dir=mixed, fmt="html")).failed
    touched = {"index.html", "search.html", "persons.html", "places.html", "organisations.html",
               "persons-z.html", "places-z.html", "persons-unlisted.html",
               "map.html"}  # the letter's place has no coordinates: one more not on the map
    same = [p.name for p in alone.iterdir() if p.is_file() and p.name not in touched
]
    nav = re.compile(rb'<nav class="letters".*?</nav>', re.S)  # the initials: Z is new
    for name in same:
        before, after = ((d / name).read_bytes() for d in (alone, mixed))
        assert nav.sub(b"", before) == nav.sub(b"", after), name
    assert any(name.startswith("persons-") for name in same)
    pages = [p.name for p in alone.glob("*.html") if not groups.reserved(p.name)]
    assert pages and filecmp.cmpfiles(alone, mixed, pages, shallow=False)[0] == pages


def test_a_tei_without_namespace_is_published_and_a_corpus_is_one_clear_error(tmp_path, runner):
    plain = tmp_path / "plain.xml"
    plain.write_text("<TEI><teiHeader><fileDesc><titleStmt><title>Plain</title></titleStmt>"
                     "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
                     "</fileDesc></teiHeader><text><body><p>Bonjour.</p></body></text></TEI>",
                     encoding="utf-8")
    corpus = tmp_path / "corpus.xml"
    corpus.write_text('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
                      "<TEI/><TEI/></teiCorpus>", encoding="utf-8")
    result = runner.invoke(cli, ["export", "--silent", "--format", "text", "--out",
                                 str(tmp_path / "text"), str(plain), str(corpus)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {plain}: TEI without namespace (root TEI): read as TEI P5, its elements "
        "moved into the TEI namespace in memory; the file is unchanged",
        f"{corpus}: a teiCorpus of 2 TEI documents: an edition page is one document; "
        "export its TEI members one per file",
        "Error: 1 of 2 file(s) could not be exported"]
    assert (tmp_path / "text" / "plain.txt").read_text(encoding="utf-8").endswith("Bonjour.\n")
