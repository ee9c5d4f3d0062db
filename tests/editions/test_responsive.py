"""Screens, print and access (issue 20, parts 1, 6 and 9): the HTML edition in headless
Chromium at phone width, in print emulation, in both colour schemes, by keyboard and touch.
Pages come from disk; no request leaves file:// (test_browser.Watch)."""

import re

import pytest

from test_browser import Watch, browser, edition, page, switch, url, watch  # noqa: F401 (fixtures)

try:
    from playwright.sync_api import expect
except ImportError:  # the skip rule lives in the `browser` fixture
    expect = None

PHONE = {"width": 390, "height": 844}
DOC = "004_8f5a6fbfed40dcac.html"  # the OCR'd seed: #ocr-4 reads Shëngjin, printed Sh6ngjin

@pytest.fixture
def phone(browser):  # noqa: F811
    """A page 390 px wide, with touch, like a phone; clean on leaving."""
    w = Watch(browser, has_touch=True, is_mobile=True)
    w.page.set_viewport_size(PHONE)
    yield w
    w.context.close()
    if not w.checked:
        w.assert_clean()


def pages_of(edition):  # noqa: F811
    names = sorted(p.name for p in edition.glob("*.html"))
    assert len(names) >= 10, names
    return names


def kind_of(name: str) -> str:
    if re.match(r"^\d{3}_", name):
        return "document"
    return re.sub(r"-.*", "", name.removesuffix(".html"))


# -- 1. No page wider than a phone ---------------------------------------------------

def test_no_page_is_wider_than_a_phone(phone, edition):  # noqa: F811
    page, kinds, wide = phone.page, set(), []
    for name in pages_of(edition):
        page.goto(url(edition, name))
        views = ["reading", "diplomatic"] if page.locator(".view-switch").count() else [None]
        for view in views:
            if view == "diplomatic":
                switch(page, view)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append((name, view, width))
        kinds.add(kind_of(name))
    # search.html with its results: tests/editions/test_search.py (it needs a server).
    assert {"document", "index", "persons", "places", "organisations", "chronology",
            "search"} <= kinds, kinds
    assert not wide, wide
    phone.assert_clean()


def test_navigation_and_apparatus_reflow(phone, edition):  # noqa: F811
    page = phone.page
    page.goto(url(edition, DOC))
    rights = page.locator("header.site nav a").evaluate_all(
        "as => as.map(a => a.getBoundingClientRect().right)")
    assert rights and max(rights) <= PHONE["width"], rights  # every link on the screen
    # Apparatus columns become stacked rows, each cell labelled with its column.
    row = page.locator("#apparatus tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert page.locator("#apparatus thead").evaluate(
        "h => h.getBoundingClientRect().width") <= 1
    label = page.locator("#apparatus tbody td.reading").first.evaluate(
        "td => getComputedStyle(td, '::before').content")
    assert "Read as" in label, label
    box = page.locator("#apparatus table").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    # The list of documents reflows the same way.
    page.goto(url(edition, "index.html"))
    assert page.locator("table.documents tbody tr").first.evaluate(
        "r => getComputedStyle(r).display") == "block"
    phone.assert_clean()


def test_wide_screen_keeps_the_tables(page, edition):
    page.goto(url(edition, DOC))
    assert page.locator("#apparatus tbody tr").first.evaluate(
        "r => getComputedStyle(r).display") == "table-row"
    assert page.locator("#apparatus thead").evaluate(
        "h => h.getBoundingClientRect().width") > 300


# -- 2. Heading levels ---------------------------------------------------------------

HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .map(h => Number(h.tagName[1]))"""


def skips(levels: list[int]) -> list[str]:
    """'1->3' for each heading more than one level below the one before; the first is h1."""
    found, previous = [], 0
    for level in levels:
        if level > previous + 1:
            found.append(f"{previous}->{level}")
        previous = level
    return found


def test_skips_finds_a_skip():
    assert skips([1, 2, 3, 2, 3, 4, 2]) == []
    assert skips([1, 3]) == ["1->3"]
    assert skips([2]) == ["0->2"]  # a page must open with h1


def heading_skips(page, edition, names):  # noqa: F811
    found = {}
    for name in names:
        page.goto(url(edition, name))
        levels = page.evaluate(HEADINGS)
        assert levels.count(1) == 1, (name, levels)  # one h1, the page's title
        if skips(levels):
            found[name] = skips(levels)
    return found


def test_heading_levels_do_not_skip(page, edition):  # noqa: F811
    # Every page: documents (003 has sections under a title head), the index, the
    # registers (their entries are h2 under the page's h1), chronology and search.
    names = list(pages_of(edition))
    assert {kind_of(n) for n in names} >= {"document", "index", "persons", "chronology",
                                           "search"}
    assert any(n.startswith("003_") for n in names)
    assert heading_skips(page, edition, names) == {}


# -- 3. Print ------------------------------------------------------------------------

def test_print_hides_the_chrome_and_the_name_marks(page, edition):  # noqa: F811
    page.goto(url(edition, DOC))
    page.emulate_media(media="print")
    for selector in ("header.site nav", "form.search", ".view-switch", "a.note-back"):
        expect(page.locator(selector).first).to_be_hidden()
    names = page.locator("#reading .name")
    assert names.count() > 10
    looks = names.evaluate_all("""ns => ns.map(n => {
        const s = getComputedStyle(n);
        return [s.textDecorationLine, s.color, getComputedStyle(n.parentElement).color]; })""")
    assert all(line == "none" for line, _, _ in looks), {tuple(x) for x in looks}
    assert all(colour == parent for _, colour, parent in looks), {tuple(x) for x in looks}
    assert page.locator("#reading .corr").first.evaluate(
        "c => getComputedStyle(c).backgroundImage") == "none"
    # The notes print after the text, numbered.
    notes = page.locator("#reading section.notes ol")
    expect(notes).to_be_visible()
    assert notes.evaluate("o => getComputedStyle(o).listStyleType") == "decimal"
    expect(page.locator("#reading sup.note-mark").first).to_be_visible()
    # Page margins: an @page rule with a margin (a file:// page may not read its
    # stylesheet's rules, so the stylesheet is read here).
    css = (edition / "archive.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*\bmargin:\s*[1-9]", css), "no @page margin"
    page.emulate_media(media="screen")
    expect(page.locator("header.site nav")).to_be_visible()
    assert names.first.evaluate("n => getComputedStyle(n).textDecorationLine") != "none"


# -- 4. Contrast ---------------------------------------------------------------------

# The colour of an element's text and the background it stands on (the first opaque
# background among it and its ancestors, semi-transparent ones blended over it), as
# sRGB triples; pseudo: '::after' or '::before' for generated text, whose own
# background is taken if it has one.
COLOURS = """([element, pseudo]) => {
    const parse = c => { const m = c.match(/[\\d.]+/g).map(Number);
                         return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
    const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
    const layers = [];
    const own = getComputedStyle(element, pseudo || null);
    if (pseudo) layers.push(parse(own.backgroundColor));
    for (let e = element; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        layers.push(bg);
        if (bg[3] === 1) break;
    }
    let bg = [255, 255, 255];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    const fg = parse(own.color);
    return [over(fg, bg), bg];
}"""


def luminance(rgb) -> float:
    channels = [c / 255 for c in rgb]
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(fg, bg) -> float:
    lighter, darker = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54  # AA's #767676


# (page, selector, pseudo, action before measuring): the text colours of the edition
# on each background they stand on.
PAIRS = [
    ("index.html", "main h1", None, None),
    ("index.html", "table.documents td a", None, None),
    ("index.html", "footer.site p", None, None),  # muted
    (DOC, "#reading p", None, None),
    (DOC, "#reading .docdate, #reading p.source", None, None),
    (DOC, ".source-panel dd", None, None),  # muted on the box
    (DOC, ".source-panel a, .source-panel cite", None, None),
    (DOC, '.view-switch label[for="view-reading"]', None, None),  # checked: paper on ink
    (DOC, ".view-switch label[for='view-diplomatic']", None, None),
    (DOC, "#apparatus caption", None, None),
    (DOC, "#apparatus tr.cert-low td:nth-child(4)", None, None),
    (DOC, "#apparatus td.printed a", None, None),
    (DOC, "#ocr-4", None, None),  # a corrected word
    (DOC, "#ocr-4", "::after", "focus"),  # its printed form, on focus
    (DOC, "#d-ocr-4", None, "diplomatic"),  # on the damaged word's background
    (DOC, "#d-ocr-4 .corr-hint", None, "diplomatic focus"),
    (DOC, "section.notes li p", None, None),
    ("search.html", ".search-help", None, None),
    ("search.html", "#search-offline", None, None),
    ("persons.html", "ul.entries a", None, None),
    ("persons.html", "ul.entries .count", None, None),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_aa(browser, edition, scheme):  # noqa: F811
    w = Watch(browser, color_scheme=scheme)
    page, low, seen = w.page, [], 0
    for name, selector, pseudo, action in PAIRS:
        page.goto(url(edition, name))
        target = page.locator(selector).first
        if action and "diplomatic" in action:
            switch(page, "diplomatic")
        if action and "focus" in action:
            (page.locator("#d-ocr-4") if "diplomatic" in action else target).focus()
        expect(target).to_be_attached()
        fg, bg = page.evaluate(COLOURS, [target.element_handle(), pseudo])
        ratio = contrast(fg, bg)
        seen += 1
        if ratio < 4.5:
            low.append((name, selector, pseudo, round(ratio, 2), fg, bg))
    w.context.close()
    w.assert_clean()
    assert seen == len(PAIRS)
    assert not low, low


def test_dark_scheme_is_dark(browser, edition):  # noqa: F811
    w = Watch(browser, color_scheme="dark")
    w.page.goto(url(edition, DOC))
    fg, bg = w.page.evaluate(COLOURS, [w.page.locator("#reading p").first.element_handle(), None])
    assert luminance(bg) < 0.05 < luminance(fg), (fg, bg)
    w.context.close()
    w.assert_clean()


# -- 5. Keyboard and touch -----------------------------------------------------------

AFTER = "e => getComputedStyle(e, '::after').content"


def test_printed_form_by_keyboard_and_tap_without_script(browser, edition):  # noqa: F811
    w = Watch(browser, has_touch=True, is_mobile=True, java_script_enabled=False)
    page = w.page
    page.set_viewport_size(PHONE)
    page.goto(url(edition, DOC))
    word = page.locator("#ocr-4")
    assert word.get_attribute("tabindex") == "0"
    assert word.evaluate(AFTER) == "none"  # nothing shown until asked
    word.tap()
    assert word.evaluate("e => e === document.activeElement")
    assert "Sh6ngjin" in word.evaluate(AFTER)
    expect(word).to_have_text("Shëngjin")  # the hint is no text of the page
    page.locator("body").tap(position={"x": 5, "y": 5})
    assert word.evaluate(AFTER) == "none"
    # Keyboard: Tab from the correction before reaches it (past the name links between).
    page.locator("#ocr-3").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ocr-4":
            break
    assert page.evaluate("document.activeElement.id") == "ocr-4"
    assert "Sh6ngjin" in word.evaluate(AFTER)
    # The diplomatic view: a tap on the damaged word shows its reading.
    switch(page, "diplomatic")
    printed, hint = page.locator("#d-ocr-4"), page.locator("#d-ocr-4 .corr-hint")
    expect(hint).to_be_hidden()
    printed.tap()
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Shëngjin")
    w.context.close()
    w.assert_clean()
