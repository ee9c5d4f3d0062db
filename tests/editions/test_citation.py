"""Downloads, citation and paragraph ids of the document pages (issue 20, parts 6 and 8):
the TEI copied byte for byte and linked with its size, the text editions linked only where
they are, the citation from the settings (no editor: no "edited by"; --base-url: absolute
addresses), stable paragraph ids with "cite this passage" links, and the chosen view kept in
the address; the CLI through CliRunner, the pages in headless Chromium (no network)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from pipeline.cli import cli
from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export
from test_browser import Watch, browser, switch, url  # noqa: F401 (fixtures)
from test_foreign_text import FOREIGN

try:
    from playwright.sync_api import expect
except ImportError:  # the skip rule lives in the `browser` fixture
    expect = None

BASE = "https://example.org/ed/"
DOC = "004_8f5a6fbfed40dcac"  # the longest seed: 100 paragraphs and more
LETTER = "Edgeworth_Beinecke_1814-10-10"
P4 = "teic-test2"  # TEI P4: read as P5 in memory, copied as it is


def _export(runner, files, out: Path, *options: str, fmt: str = "html") -> None:
    views = ["--view", "reading", "--view", "diplomatic"] if fmt == "text" else []
    result = runner.invoke(cli, ["export", "--silent", "--format", fmt, *views, "--date",
                                 "2026-01-01", "--out", str(out), *options,
                                 *map(str, files)])
    assert result.exit_code == 0, result.output + result.stderr


def _doc(path: Path):
    return lhtml.parse(str(path)).getroot()


def _citation(page) -> str:
    return " ".join(page.xpath("string(//p[@class='citation'])").split())


@pytest.fixture(scope="module")
def site(built_seeds, tmp_path_factory):
    """Our five seeds and three of the other projects' files, exported through the CLI with
    an editor and a base URL (html/, text/), and once with neither and no text editions
    (plain/)."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("cited")
    runner = CliRunner()
    files = sorted(built_seeds.glob("*.xml")) + [FOREIGN / f"{n}.xml" for n in (LETTER, P4)]
    named = ("--editor", "A. Curator", "--base-url", BASE, "--site-title", "Test Archive")
    _export(runner, files, out / "html", *named)
    _export(runner, files, out / "text", *named, fmt="text")
    _export(runner, files, out / "plain", "--text-href", "")
    return out, files


def test_the_tei_is_copied_byte_for_byte_and_linked_with_its_size(site):
    out, files = site
    for tei in files:
        copy = out / "html" / "tei" / f"{tei.stem}.xml"
        assert copy.read_bytes() == tei.read_bytes(), tei.name  # P4 too: not the P5 tree
        link = _doc(out / "html" / f"{tei.stem}.html").xpath(
            "//ul[@class='downloads']/li[a = 'TEI P5 source']")[0]
        assert link.find("a").get("href") == f"tei/{tei.stem}.xml"
        size = tei.stat().st_size
        shown = re.search(r"\(XML, ([\d.,]+) (bytes|KB|MB)\)", link.text_content())
        factor = {"bytes": 1, "KB": 1024, "MB": 1024 * 1024}[shown[2]]
        assert abs(float(shown[1].replace(",", "")) * factor - size) <= 0.05 * factor, tei.name


def test_a_copy_is_written_only_when_changed_and_goes_with_its_page(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))[:3]
    out = tmp_path / "html"
    settings = ExportSettings(out_dir=out, fmt="html")
    assert not export(files, settings).failed
    copies = {f.stem: out / "tei" / f"{f.stem}.xml" for f in files}
    before = {name: path.stat().st_mtime_ns for name, path in copies.items()}
    assert not export(files, settings).failed
    assert {name: path.stat().st_mtime_ns for name, path in copies.items()} == before
    # A document leaves the edition with its page: its copy goes with its digest.
    (out / f"{files[0].stem}.html").unlink()
    assert not export(files[1:], settings).failed
    assert not copies[files[0].stem].exists()
    assert copies[files[1].stem].exists() and copies[files[2].stem].exists()
    assert not (out / ".digests" / f"{files[0].stem}.json").exists()
    assert sorted(p.name for p in (out / "tei").iterdir()) == sorted(
        f"{f.stem}.xml" for f in files[1:])


def test_the_downloads_are_one_list_and_the_navigation_has_none(site):
    out, files = site
    for tei in files:
        page = _doc(out / "html" / f"{tei.stem}.html")
        assert not page.xpath("//header//a[contains(@href, '.txt') or contains(@href, '.xml')]")
        downloads = page.xpath("//aside[@id='about']//ul[@class='downloads']/li/a")
        assert [a.text_content() for a in downloads] == ["TEI P5 source", "Plain text",
                                                        "Text as printed"]
        for a in downloads:  # each file is there, beside the edition
            assert (out / "html" / a.get("href")).resolve().is_file(), a.get("href")


def test_without_text_editions_no_page_links_one(site):
    out, files = site
    for page in (out / "plain").glob("*.html"):
        hrefs = _doc(page).xpath("//a/@href")
        assert not [h for h in hrefs if h.endswith(".txt")], page.name
    page = _doc(out / "plain" / f"{DOC}.html")
    assert [a.text_content() for a in page.xpath("//ul[@class='downloads']/li/a")] == [
        "TEI P5 source"]
    index = _doc(out / "plain" / "index.html")
    assert index.xpath("//td[@data-label='Plain text']") and not index.xpath(
        "//td[@data-label='Plain text']/a")


def test_the_citation_comes_from_the_settings_with_absolute_addresses(site):
    out, _ = site
    ours = _citation(_doc(out / "html" / f"{DOC}.html"))
    assert re.fullmatch(
        r"“[^”]+\.” Test Archive, edited by A\. Curator\. Digital edition \(TEI P5\) of source "
        rf"file {DOC}\.txt \(SHA-256 [0-9a-f]{{16}}…\)\. Built 2026-01-01 with archive "
        rf"pipeline [\d.]+\. {re.escape(BASE)}{DOC}\.html\.", ours), ours
    theirs = _citation(_doc(out / "html" / f"{LETTER}.html"))
    assert theirs.startswith("Maria Edgeworth. “Letter from Maria Edgeworth to Mrs. Miles")
    assert theirs.endswith(f" In Test Archive, edited by A. Curator. Built 2026-01-01 with "
                           f"archive pipeline 0.1.0. {BASE}{LETTER}.html.")
    for name in (DOC, LETTER, P4):
        page = _doc(out / "html" / f"{name}.html")
        cite = page.xpath("//p[@class='citation']")[0]
        addresses = re.findall(r"[^\s(]+\.html\S*", cite.text_content() + " " + page.xpath(
            "string(//p[@class='cite-passage-note'])"))
        assert addresses and all(a.startswith(BASE) for a in addresses), addresses
        assert cite.get("data-url") == f"{BASE}{name}.html"
        assert [a.get("href") for a in cite.iter("a") if ".html" in a.get("href")] == [
            f"{BASE}{name}.html"]


def test_no_editor_no_edited_by_and_no_base_url_the_page_name(site):
    out, files = site
    for tei in files:
        page = (out / "plain" / f"{tei.stem}.html").read_text(encoding="utf-8")
        assert "edited by" not in page and "Archive curators" not in page, tei.name
        citation = _citation(lhtml.fromstring(page))
        assert citation.endswith(f" Built 2026-01-01 with archive pipeline 0.1.0. "
                                 f"{tei.stem}.html."), citation
        assert "http" not in citation.split("Built")[1]
    # The text editions of other projects' files cite them too, without a hole.
    runner_out = out / "plain-text"
    from click.testing import CliRunner
    _export(CliRunner(), [FOREIGN / f"{LETTER}.xml"], runner_out, fmt="text")
    text = (runner_out / f"{LETTER}.txt").read_text(encoding="utf-8")
    assert "Cite as:" in text and "edited by ;" not in " ".join(text.split())


def _ids(page) -> list[str]:
    return page.xpath("//@id")


def test_paragraph_ids_are_unique_in_order_and_in_both_views(site):
    out, files = site
    for tei in files:
        page = _doc(out / "html" / f"{tei.stem}.html")
        ids = _ids(page)
        assert len(ids) == len(set(ids)), tei.name
        reading = page.xpath("//div[@id='reading']//*[a[@class='cite-p']]")
        diplomatic = page.xpath("//div[@id='diplomatic']//*[a[@class='cite-p']]")
        assert reading, tei.name
        assert [f"d-{p.get('id')}" for p in reading] == [p.get("id") for p in diplomatic]
        for p in reading:  # the link is the paragraph's last child and points at it
            link = p[-1]
            assert link.get("class") == "cite-p" and link.get("href") == f"#{p.get('id')}"
            if p.get("id").startswith("p-"):
                assert link.get("aria-label") == f"Cite paragraph {p.get('id')[2:]}"
    page = _doc(out / "html" / f"{DOC}.html")
    numbered = [p.get("id") for p in page.xpath("//div[@id='reading']//*[a[@class='cite-p']]")]
    assert numbered == [f"p-{n}" for n in range(1, len(numbered) + 1)]
    assert len(numbered) >= 100


def test_paragraph_ids_do_not_depend_on_the_other_documents(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("*.xml"))
    first, second = tmp_path / "a", tmp_path / "b"
    assert not export(files[:3], ExportSettings(out_dir=first, fmt="html")).failed
    assert not export(files[2:], ExportSettings(out_dir=second, fmt="html")).failed
    shared = files[2].stem + ".html"
    a, b = (_doc(d / shared) for d in (first, second))
    assert _ids(a) == _ids(b) and any(i.startswith("p-") for i in _ids(a))
    assert (first / shared).read_bytes() == (second / shared).read_bytes()
    # and across a rebuild of the same document set: not even written again
    again = export(files[:3], ExportSettings(out_dir=first, fmt="html"))
    assert first / shared in again.unchanged and first / shared not in again.written


# --- in the browser ------------------------------------------------------------------------

@pytest.fixture
def reader(browser):  # noqa: F811
    w = Watch(browser)
    yield w
    w.context.close()
    if not w.checked:
        w.assert_clean()


def _query(page_url: str) -> str:
    return page_url.split("?", 1)[1].split("#")[0] if "?" in page_url else ""


def test_the_chosen_view_is_kept_in_the_address(reader, site):
    page, html = reader.page, site[0] / "html"
    page.goto(url(html, f"{DOC}.html"))
    switch(page, "diplomatic")
    expect(page).to_have_url(re.compile(r"\?view=diplomatic$"))
    page.reload()
    expect(page.locator("#view-diplomatic")).to_be_checked()
    expect(page.locator("#diplomatic")).to_be_visible()
    expect(page.locator("#reading")).to_be_hidden()
    switch(page, "reading")
    expect(page).to_have_url(re.compile(rf"/{DOC}\.html$"))
    # A link into the text as printed opens it, and says so in the address.
    page.goto(url(html, f"{DOC}.html", "#d-p-3"))
    expect(page.locator("#d-p-3")).to_be_visible()
    expect(page.locator("#view-diplomatic")).to_be_checked()
    expect(page).to_have_url(re.compile(r"\?view=diplomatic#d-p-3$"))
    # A fragment into the reading text wins over the address's view.
    page.goto(url(html, f"{DOC}.html", "?view=diplomatic#p-3"))
    expect(page.locator("#p-3")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/{DOC}\.html#p-3$"))
    reader.assert_clean()


def test_a_passage_link_gives_its_address_and_citation(reader, site):
    page, html = reader.page, site[0] / "html"
    page.goto(url(html, f"{DOC}.html"))
    link = page.locator("#p-3 > a.cite-p")
    colour = "a => getComputedStyle(a).color"
    assert link.evaluate(colour) == "rgba(0, 0, 0, 0)"  # out of the way until wanted
    page.locator("#p-3").hover()
    assert link.evaluate(colour) != "rgba(0, 0, 0, 0)"
    link.click()
    expect(page).to_have_url(re.compile(rf"/{DOC}\.html#p-3$"))
    box = page.locator("#p-3 + .passage-cite")
    expect(box).to_contain_text(f"Paragraph 3. {BASE}{DOC}.html#p-3.")
    expect(box).to_contain_text("Test Archive, edited by A. Curator.")
    expect(page.locator(".passage-cite")).to_have_count(1)
    # The same in the text as printed: the passage's own address.
    switch(page, "diplomatic")
    page.locator("#d-p-5").hover()
    page.locator("#d-p-5 > a.cite-p").click()
    expect(page.locator("#d-p-5 + .passage-cite")).to_contain_text(
        f"Paragraph 5, as printed. {BASE}{DOC}.html#d-p-5.")
    expect(page.locator(".passage-cite")).to_have_count(1)
    reader.assert_clean()


def test_a_passage_link_is_reachable_by_keyboard_and_not_printed(reader, site):
    page, html = reader.page, site[0] / "html"
    page.goto(url(html, f"{DOC}.html"))
    page.locator("#p-1 > a.cite-p").focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#p-1"
    # Tab goes on from it through the links of the next paragraph to its § link.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#p-2":
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#p-2"
    page.keyboard.press("Shift+Tab")
    page.locator("#p-1 > a.cite-p").focus()
    assert page.locator("#p-1 > a.cite-p").evaluate(
        "a => getComputedStyle(a).color") != "rgba(0, 0, 0, 0)"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#p-1$"))
    page.emulate_media(media="print")
    assert page.locator("#p-1 > a.cite-p").evaluate("a => getComputedStyle(a).display") == "none"
    expect(page.locator(".passage-cite")).to_be_hidden()
    reader.assert_clean()


def test_without_javascript_the_default_view_and_plain_links(browser, site):  # noqa: F811
    w = Watch(browser, java_script_enabled=False)
    page, html = w.page, site[0] / "html"
    page.goto(url(html, f"{DOC}.html", "?view=diplomatic"))
    expect(page.locator("#reading")).to_be_visible()  # the default view, nothing broken
    switch(page, "diplomatic")
    expect(page.locator("#diplomatic")).to_be_visible()
    switch(page, "reading")
    page.locator("#p-4").hover()
    page.locator("#p-4 > a.cite-p").click()
    expect(page).to_have_url(re.compile(r"#p-4$"))
    assert page.evaluate("document.querySelector(':target').id") == "p-4"
    expect(page.locator(".passage-cite")).to_have_count(0)
    w.context.close()
    w.assert_clean()
