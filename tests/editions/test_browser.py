"""Browser tests of the HTML edition: headless Chromium driven by Playwright, pages from disk."""

import os
import re
import struct
from pathlib import Path

import pytest

from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export

try:
    from playwright.sync_api import expect, sync_playwright
    PLAYWRIGHT_ERROR = None
except ImportError as exc:  # the skip rule lives in the `browser` fixture
    PLAYWRIGHT_ERROR = exc

# Without the background-networking flags Chromium's own connections are refused
# noisily by the closed network. Playwright gives every launch a fresh temporary
# profile (it refuses --user-data-dir in args).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1200, "height": 900}
DOC = "004_8f5a6fbfed40dcac.html"  # the OCR'd seed: #ocr-4 reads Shëngjin, printed Sh6ngjin


@pytest.fixture(scope="module")
def browser():
    """Chromium, or a skip naming what is missing; a failure when ARCHIVE_REQUIRE_BROWSER=1."""
    path = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    missing = None
    if PLAYWRIGHT_ERROR is not None:
        missing = f"Playwright cannot be imported ({PLAYWRIGHT_ERROR}): pip install -e '.[test]'"
    elif not os.access(path, os.X_OK):
        missing = f"no Chromium at {path}: run scripts/install-browser or set CHROMIUM_PATH"
    if missing:
        if os.environ.get("ARCHIVE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ARCHIVE_REQUIRE_BROWSER=1, but {missing}", pytrace=False)
        pytest.skip(missing)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def edition(built_seeds, tmp_path_factory) -> Path:
    """The HTML edition of the five seeds, with the text editions its pages link to beside it.
    No map tiles (--map-tiles ''): no page of it asks for anything outside file://
    (tests/editions/test_map.py has the map with tiles, refused by the closed network)."""
    out = tmp_path_factory.mktemp("browser-edition")
    files = sorted(built_seeds.glob("*.xml"))
    for settings in (ExportSettings(out_dir=out / "html", fmt="html", map_tiles=""),
                     ExportSettings(out_dir=out / "text", fmt="text"),
                     ExportSettings(out_dir=out / "text", fmt="text", view="diplomatic")):
        report = export(files, settings)
        assert not report.failed, report.failed
    return out / "html"


class Watch:
    """Everything a page did that it should not: console errors, uncaught script
    errors, failed requests; and every request, to show none leaves file://."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(viewport=VIEWPORT, **options)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.checked = False
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text} ({m.location.get('url')})"))
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(
            f"request failed: {r.url} ({r.failure})"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def assert_clean(self):
        self.checked = True
        assert self.requests, "no request seen: the watch is not listening"
        assert not self.problems, self.problems
        assert all(url.startswith("file://") for url in self.requests), \
            [url for url in self.requests if not url.startswith("file://")]


@pytest.fixture
def watch(browser):
    """A fresh context and page; whatever a test visits must be clean too."""
    w = Watch(browser)
    yield w
    w.context.close()
    if not w.checked:
        w.assert_clean()


@pytest.fixture
def page(watch):
    return watch.page


def url(edition: Path, name: str, suffix: str = "") -> str:
    return (edition / name).as_uri() + suffix


def switch(page, view: str) -> None:
    """Click the label of a view (reading or diplomatic), as a reader does."""
    page.locator(f'.view-switch label[for="view-{view}"]').click()


def expect_view(page, view: str) -> None:
    """`view`'s button is checked, its rendering shown and the other one hidden."""
    other = "reading" if view == "diplomatic" else "diplomatic"
    expect(page.locator(f"#view-{view}")).to_be_checked()
    expect(page.locator(f"#{view}")).to_be_visible()
    expect(page.locator(f"#{other}")).to_be_hidden()


@pytest.mark.parametrize("register, entry, spelling", [
    ("Persons", "hoxha-enver", "Enver Hoxha"),
    ("Places", "peze", "Peza"),  # a variant spelling leads to that spelling
    ("Organisations", "balli-kombetar", None),  # None: the first occurrence
])
def test_register_occurrence_leads_to_the_name(page, edition, register, entry, spelling):
    page.goto(url(edition, "index.html"))
    page.locator("header.site nav").get_by_role("link", name=register, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{register.lower()}\.html$"))
    # The overview lists every entry; its link leads to the entry on its initial's page.
    page.locator(f'ul.entries a[href$="#{entry}"]').click()
    expect(page).to_have_url(re.compile(rf"/{register.lower()}-{entry[0]}\.html#{entry}$"))
    expect(page.locator(f"article.reg-entry#{entry}")).to_be_in_viewport()
    links = page.locator(f"article.reg-entry#{entry} a.occ")
    # Each occurrence link is the name as printed, in its context (issue 20).
    spellings = links.evaluate_all("as => as.map(a => a.textContent.trim())")
    index = spellings.index(spelling) if spelling else 0
    href = links.nth(index).get_attribute("href")
    name_id = href.split("#")[1]
    links.nth(index).click()
    expect(page).to_have_url(re.compile(rf"/\d{{3}}_[0-9a-f]{{16}}\.html#{name_id}$"))
    target = page.locator(f"#{name_id}")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()  # the browser scrolled to the fragment
    expect(target).to_have_class(re.compile(r"\bname\b"))
    expect(target).to_have_text(spellings[index])


def test_view_switch_and_correction_hint(page, edition):
    page.goto(url(edition, DOC))
    reading, printed = page.locator("#ocr-4"), page.locator("#d-ocr-4")
    hint = printed.locator(".corr-hint")
    expect(reading).to_be_visible()
    expect(reading).to_have_text("Shëngjin")
    expect(printed).to_be_hidden()

    switch(page, "diplomatic")
    expect(page.locator("#view-diplomatic")).to_be_checked()
    expect(printed).to_be_visible()
    expect(printed).to_have_text("Sh6ngjin", use_inner_text=True)  # hint not rendered
    expect(reading).to_be_hidden()
    expect(hint).to_be_hidden()

    printed.hover()
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Shëngjin")
    page.mouse.move(0, 0)
    expect(hint).to_be_hidden()
    printed.focus()  # keyboard users get the reading too (the sic has tabindex=0)
    expect(hint).to_be_visible()

    switch(page, "reading")
    expect(page.locator("#view-reading")).to_be_checked()
    expect(reading).to_be_visible()
    expect(printed).to_be_hidden()


def test_apparatus_link_into_hidden_view_switches_view(page, edition):
    page.goto(url(edition, DOC))
    expect(page.locator("#view-reading")).to_be_checked()
    page.locator('#apparatus a[href="#d-ocr-4"]').click()
    expect_view(page, "diplomatic")
    expect(page.locator("#d-ocr-4")).to_be_in_viewport()
    # And back: the number links the word in the reading text.
    page.locator('#apparatus a[href="#ocr-5"]').click()
    expect(page.locator("#view-reading")).to_be_checked()
    expect(page.locator("#ocr-5")).to_be_in_viewport()
    # Arriving from elsewhere with the hash already in the URL.
    page.goto(url(edition, DOC, "#d-ocr-7"))
    expect(page.locator("#view-diplomatic")).to_be_checked()
    expect(page.locator("#d-ocr-7")).to_be_in_viewport()


def test_same_apparatus_link_twice_switches_view_again(page, edition):
    page.goto(url(edition, DOC))
    page.locator('#apparatus a[href="#d-ocr-4"]').click()
    switch(page, "reading")
    page.locator('#apparatus a[href="#d-ocr-4"]').click()
    expect(page.locator("#view-diplomatic")).to_be_checked(timeout=1_000)


def test_every_page_is_clean(watch, edition):
    pages = sorted(p.name for p in edition.glob("*.html"))
    assert len(pages) >= 10, pages  # index, registers, chronology, search, five documents
    for name in pages:
        watch.page.goto(url(edition, name))
        expect(watch.page.locator("main#main")).to_be_visible()
        expect(watch.page.locator("html")).to_have_attribute("lang", re.compile(r"\w"))
    # Pagefind fetches its index, which a page from disk may not: the page says how to
    # serve it instead of failing (tests/editions/test_search.py searches over HTTP).
    watch.page.goto(url(edition, "search.html", "?q=Hoxha"))
    expect(watch.page.locator("#search-offline")).to_be_visible()
    expect(watch.page.locator("#search-offline")).to_contain_text("python3 -m http.server")
    watch.assert_clean()
    assert any(u.endswith("/archive.css") for u in watch.requests)


def test_view_switch_without_javascript(browser, edition):
    w = Watch(browser, java_script_enabled=False)
    page = w.page
    page.goto(url(edition, DOC))
    expect(page.locator("#diplomatic")).to_be_hidden()
    switch(page, "diplomatic")
    expect_view(page, "diplomatic")
    expect(page.locator("#d-ocr-4")).to_be_visible()
    page.goto(url(edition, "search.html", "?q=Hoxha"))  # proof the script is really off
    expect(page.locator("p.notice", has_text="Searching needs JavaScript")).to_be_visible()
    expect(page.locator("#search")).to_be_empty()
    w.context.close()
    w.assert_clean()


def test_document_screenshots(page, edition, tmp_path_factory):
    shots = tmp_path_factory.mktemp("screenshots")
    page.goto(url(edition, DOC))
    reading = shots / "004-reading.png"
    page.screenshot(path=reading, full_page=True)
    switch(page, "diplomatic")
    diplomatic = shots / "004-diplomatic.png"
    page.screenshot(path=diplomatic, full_page=True)
    for shot in (reading, diplomatic):
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", shot
        width, height = struct.unpack(">II", data[16:24])  # from the IHDR chunk
        assert shot.stat().st_size > 20_000, (shot, shot.stat().st_size)
        assert 1150 <= width <= 1250, (shot, width)  # no horizontal overflow
        assert height > VIEWPORT["height"], (shot, height)  # the whole page, not the window
    assert reading.read_bytes() != diplomatic.read_bytes()
