"""The map page (issue 20, part 4): map.html through export() and the CLI, and in headless
Chromium with no network (every request that is not a local file refused)."""

import fnmatch
import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import AUTHORITY, ROOT
from pipeline.cli import cli
from pipeline.core.settings import OSM_TILES, ExportSettings
from pipeline.editions import collection
from pipeline.editions.export import export
from test_browser import Watch, browser, url  # noqa: F401 (fixtures)

try:
    from playwright.sync_api import expect
except ImportError:  # the skip rule lives in the `browser` fixture
    expect = None

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PHONE = {"width": 390, "height": 844}
MARKERS = "#place-map path.leaflet-interactive"


def mapped_places(authority: Path) -> dict[str, tuple[float, float]]:
    """Every place of the authority file with a location/geo, read here on its own terms
    (TEI's default: latitude, then longitude, in decimal degrees)."""
    out = {}
    for place in etree.parse(str(authority)).iter(f"{TEI}place"):
        geo = place.find(f"{TEI}location/{TEI}geo")
        if geo is not None:
            lat, lon = (float(v) for v in geo.text.split())
            out[place.get(XML_ID)] = (lat, lon)
    return out


def all_places(authority: Path) -> int:
    return sum(1 for _ in etree.parse(str(authority)).iter(f"{TEI}place"))


def exported(files, out: Path, **settings) -> Path:
    report = export(files, ExportSettings(out_dir=out, fmt="html", **settings))
    assert not report.failed, report.failed
    return out


@pytest.fixture(scope="module")
def tiled(built_seeds, tmp_path_factory) -> Path:
    """The five seeds' edition with the default tiles (OpenStreetMap's)."""
    return exported(sorted(built_seeds.glob("*.xml")), tmp_path_factory.mktemp("tiled"))


@pytest.fixture(scope="module")
def plain(built_seeds, tmp_path_factory) -> Path:
    """The same with --map-tiles '': no tile layer."""
    return exported(sorted(built_seeds.glob("*.xml")), tmp_path_factory.mktemp("plain"),
                    map_tiles="")


def rows(edition: Path) -> list:
    return html.parse(str(edition / "map.html")).getroot().xpath(
        "//table[@class='map-places']/tbody/tr")


# -- The page, as written -------------------------------------------------------------

def test_one_datum_per_place_with_coordinates(tiled):
    places = mapped_places(AUTHORITY)
    assert len(places) >= 10, "the authority file has few coordinates: run entities geocode"
    found = {r.get("id"): (float(r.get("data-lat")), float(r.get("data-lon")))
             for r in rows(tiled)}
    assert len(rows(tiled)) == len(found) == len(places)
    assert found == places
    page = html.parse(str(tiled / "map.html")).getroot()
    box = page.get_element_by_id("place-map")
    assert box.get("data-tiles") == OSM_TILES
    assert "OpenStreetMap" in box.get("data-attribution")
    # The places left off are counted on the page, in words.
    missing = all_places(AUTHORITY) - len(places)
    assert missing > 0
    assert f"{missing} places of the register have no coordinates" in \
        " ".join(page.find(".//main").text_content().split())


def test_each_place_links_its_register_entry(tiled):
    anchors: dict[str, set] = {}
    for row in rows(tiled):
        link = row.xpath(".//a")[0]
        page, _, key = link.get("href").partition("#")
        assert key == row.get("id")
        assert re.fullmatch(r"places-[a-z]\.html|places-other\.html", page), page
        if page not in anchors:
            assert (tiled / page).exists(), page
            anchors[page] = set(html.parse(str(tiled / page)).getroot().xpath(
                "//article[@class='reg-entry']/@id"))
        assert key in anchors[page], (page, key)
        assert row.xpath("td[@class='coords']")[0].text_content().count("°") == 2


def test_register_entries_on_the_map_link_to_it(tiled):
    places = mapped_places(AUTHORITY)
    seen = set()
    for page in sorted(tiled.glob("places-*.html")):
        for entry in html.parse(str(page)).getroot().xpath("//article[@class='reg-entry']"):
            links = entry.xpath(".//p[@class='on-map']/a/@href")
            key = entry.get("id")
            assert links == ([f"map.html#{key}"] if key in places else []), key
            seen.add(key)
    assert set(places) <= seen


def test_every_page_links_the_map_and_only_the_map_loads_leaflet(tiled):
    pages = sorted(tiled.glob("*.html"))
    assert len(pages) > 20
    for page in pages:
        root = html.parse(str(page)).getroot()
        assert root.xpath("//header[@class='site']/nav/a[.='Map']/@href") == ["map.html"], page
        nav = root.xpath("//header[@class='site']/nav/a/text()")
        assert nav.index("Map") == nav.index("Chronology") + 1
        loads = root.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src")
        leaflet = [x for x in loads if "leaflet" in x or x == "map.js"]
        if page.name == "map.html":
            assert leaflet == ["vendor/leaflet/leaflet.css", "vendor/leaflet/leaflet.js",
                               "map.js"]
        else:
            assert leaflet == [], page
            assert "data-tiles" not in page.read_text(encoding="utf-8"), page
    # Leaflet, unchanged, and its licence, beside the pages.
    vendor = ROOT / "pipeline" / "xslt" / "html" / "vendor" / "leaflet"
    for name in ("leaflet.js", "leaflet.css", "LICENSE"):
        assert (tiled / "vendor" / "leaflet" / name).read_bytes() == \
            (vendor / name).read_bytes()
    assert (tiled / "map.js").exists()


def test_no_tiles_setting_leaves_the_data_empty(plain):
    box = html.parse(str(plain / "map.html")).getroot().get_element_by_id("place-map")
    assert box.get("data-tiles") == ""
    assert len(rows(plain)) == len(mapped_places(AUTHORITY))


def test_a_tile_url_without_its_placeholders_is_refused(built_seeds, tmp_path):
    from pipeline.core.errors import PipelineError

    with pytest.raises(PipelineError, match=r"\{z\}, \{x\} and \{y\}"):
        export(sorted(built_seeds.glob("*.xml")),
               ExportSettings(out_dir=tmp_path, map_tiles="https://tiles.example.org/a.png"))


def test_the_package_ships_every_asset():
    """`pip install .` copies what package-data names: every file the collection copies
    into an edition (Leaflet too) must match one of its patterns."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["pipeline"]
    for asset in collection.ASSETS:
        relative = asset.relative_to(ROOT / "pipeline").as_posix()
        assert any(fnmatch.fnmatchcase(relative, p) and relative.count("/") == p.count("/")
                   for p in patterns), relative


# -- Rewritten only when the places change -------------------------------------------

@pytest.fixture
def own_tree(built_seeds, tmp_path) -> Path:
    """The built seeds and a copy of the authority file they point into, side by side."""
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy2(AUTHORITY, tei / "authority.xml")
    target = os.path.relpath(AUTHORITY, built_seeds)
    for path in sorted(built_seeds.glob("*.xml")):
        text = path.read_text(encoding="utf-8").replace(f'"{target}#', '"authority.xml#')
        (tei / path.name).write_text(text, encoding="utf-8")
    return tei


def test_map_is_rewritten_only_when_the_places_change(own_tree, tmp_path):
    out = tmp_path / "html"
    files = sorted(own_tree.glob("0*.xml"))
    exported(files, out)
    page = out / "map.html"
    first = page.stat().st_mtime_ns
    # A document changes: its page is written again, the map is not even transformed.
    doc = etree.parse(str(files[0]))
    para = next(doc.getroot().find(f"{TEI}text").iter(f"{TEI}p"))
    para.text = (para.text or "") + " Added."
    doc.write(str(files[0]), encoding="UTF-8", xml_declaration=True)
    report = export([files[0]], ExportSettings(out_dir=out, fmt="html"))
    assert out / (files[0].stem + ".html") in report.written
    assert page in report.unchanged and page not in report.written
    assert page.stat().st_mtime_ns == first
    # A place loses its coordinates in the authority file: the map and its register
    # page follow.
    authority = own_tree / "authority.xml"
    tree = etree.parse(str(authority))
    place = next(p for p in tree.iter(f"{TEI}place") if p.find(f"{TEI}location") is not None)
    key = place.get(XML_ID)
    place.remove(place.find(f"{TEI}location"))
    tree.write(str(authority), encoding="UTF-8", xml_declaration=True)
    report = export(files, ExportSettings(out_dir=out, fmt="html"))
    assert page in report.written
    assert key not in {r.get("id") for r in rows(out)}
    assert len(rows(out)) == len(mapped_places(authority))
    assert f"map.html#{key}" not in (out / f"places-{key[0]}.html").read_text(encoding="utf-8")


# -- The CLI --------------------------------------------------------------------------

def test_cli_map_tiles_option(runner, built_seeds, tmp_path):
    files = [str(p) for p in sorted(built_seeds.glob("*.xml"))]

    def run(name: str, *options: str):
        return runner.invoke(cli, ["export", *files, "--format", "html", "--silent",
                                   "--out", str(tmp_path / name), *options])

    def box(name: str):
        page = html.parse(str(tmp_path / name / "map.html")).getroot()
        return page.get_element_by_id("place-map")

    result = run("none", "--map-tiles", "")
    assert result.exit_code == 0, result.output
    assert box("none").get("data-tiles") == ""
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    result = run("other", "--map-tiles", tiles, "--map-attribution", "© Example")
    assert result.exit_code == 0, result.output
    assert (box("other").get("data-tiles"), box("other").get("data-attribution")) == \
        (tiles, "© Example")
    # Other tiles than OpenStreetMap's do not carry its credit; the export says so.
    result = run("uncredited", "--map-tiles", tiles)
    assert result.exit_code == 0, result.output
    assert "--map-attribution" in result.output
    assert box("uncredited").get("data-attribution") == ""
    result = run("bad", "--map-tiles", "https://tiles.example.org/tile.png")
    assert result.exit_code == 1
    assert "{z}, {x} and {y}" in result.output
    # The default is the settings' (OpenStreetMap's), and the help teaches the template.
    option = next(p for p in cli.commands["export"].params if p.name == "map_tiles")
    assert option.default == ExportSettings(out_dir=None).map_tiles == OSM_TILES
    help_text = runner.invoke(cli, ["export", "--help"]).output
    assert "map.html" in help_text and "'' gives no tiles" in " ".join(help_text.split())
    assert OSM_TILES in help_text.replace("\n", "").replace(" ", "")


# -- In the browser, with no network --------------------------------------------------

class Offline(Watch):
    """A Watch whose context refuses every request that is not a local file, and keeps
    the refused ones apart (the tiles); problems other than those refusals still count."""

    def __init__(self, browser, **options):  # noqa: F811
        super().__init__(browser, **options)
        self.refused: list[str] = []
        self.context.route(re.compile(r"^(?!file:|https?://(localhost|127\.0\.0\.1)[:/])"),
                           self._refuse)

    def _refuse(self, route):
        self.refused.append(route.request.url)
        route.abort()

    def script_errors(self) -> list[str]:
        return [p for p in self.problems if p.startswith("script error")]


@pytest.fixture
def offline(browser):  # noqa: F811
    w = Offline(browser)
    yield w
    w.context.close()


def expect_markers(page, count: int) -> None:
    expect(page.locator(MARKERS)).to_have_count(count)
    box = page.locator("#place-map").bounding_box()
    assert box["width"] > 200 and box["height"] > 200, box
    inside = page.locator(MARKERS).evaluate_all("""(ps, b) => ps.filter(p => {
        const r = p.getBoundingClientRect();
        return r.width > 0 && r.left >= b.x - 1 && r.right <= b.x + b.width + 1
               && r.top >= b.y - 1 && r.bottom <= b.y + b.height + 1; }).length""", box)
    assert inside == count  # fitBounds: every marker in the frame


def clickable_marker(page) -> dict:
    """The centre of a marker that no other marker covers there."""
    spot = page.locator(MARKERS).evaluate_all("""ps => {
        for (const p of ps) {
            const r = p.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (document.elementFromPoint(x, y) === p) return {x, y};
        }
        return null; }""")
    assert spot, "every marker is covered by another"
    return spot


def test_markers_drawn_offline_and_lead_to_the_register(offline, tiled):
    page, count = offline.page, len(mapped_places(AUTHORITY))
    page.goto(url(tiled, "map.html"))
    expect_markers(page, count)
    # The tile layer is there and asked for tiles, which the closed network refused.
    assert page.locator("#place-map .leaflet-tile-pane .leaflet-layer").count() == 1
    assert offline.refused and all(u.startswith("https://tile.openstreetmap.org/")
                                   for u in offline.refused), offline.refused[:5]
    assert offline.script_errors() == []
    background = page.locator("#place-map").evaluate("b => getComputedStyle(b).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    spot = clickable_marker(page)
    page.mouse.click(spot["x"], spot["y"])
    popup = page.locator("#place-map .leaflet-popup-content")
    expect(popup).to_be_visible()
    name = popup.locator("strong").inner_text()
    link = popup.locator("a.register-entry")
    row = page.locator("table.map-places tbody tr").filter(
        has=page.get_by_role("link", name=name, exact=True))
    expect(row).to_have_count(1)
    assert link.get_attribute("href") == row.locator("a").get_attribute("href")
    key = row.get_attribute("id")
    link.click()
    expect(page).to_have_url(re.compile(rf"/places-[a-z]+\.html#{re.escape(key)}$"))
    expect(page.locator(f"article.reg-entry#{key}")).to_be_in_viewport()
    # ... and from the entry back to the map, opened on that place.
    page.locator(f"article.reg-entry#{key} p.on-map a").click()
    expect(page).to_have_url(re.compile(rf"/map\.html#{re.escape(key)}$"))
    expect(page.locator("#place-map .leaflet-popup")).to_have_count(1)
    expect(page.locator("#place-map .leaflet-popup-content strong")).to_have_text(name)
    expect(page.locator("#place-map")).to_be_in_viewport()
    assert offline.script_errors() == []


def test_map_opens_on_the_place_of_the_fragment(offline, tiled):
    page = offline.page
    places = mapped_places(AUTHORITY)
    key = sorted(places)[len(places) // 2]
    page.goto(url(tiled, "map.html", f"#{key}"))
    expect(page.locator(MARKERS)).to_have_count(len(places))
    popup = page.locator("#place-map .leaflet-popup-content")
    expect(popup).to_be_visible()
    label = page.locator(f"tr#{key} a").inner_text()
    expect(popup.locator("strong")).to_have_text(label)
    # Centred on it: the popup's tip is at the middle of the map, across.
    box = page.locator("#place-map").bounding_box()
    tip = page.locator("#place-map .leaflet-popup-tip").bounding_box()
    assert abs(tip["x"] + tip["width"] / 2 - (box["x"] + box["width"] / 2)) < 30
    # Another place through the address bar's fragment alone.
    other = sorted(places)[0]
    page.evaluate(f"location.hash = {other!r}")
    expect(page.locator("#place-map .leaflet-popup")).to_have_count(1)  # the other closed
    expect(popup.locator("strong")).to_have_text(page.locator(f"tr#{other} a").inner_text())
    assert offline.script_errors() == []


def test_no_tiles_no_tile_layer_and_no_request_out(browser, plain):  # noqa: F811
    w = Watch(browser)
    try:
        w.page.goto(url(plain, "map.html"))
        expect_markers(w.page, len(mapped_places(AUTHORITY)))
        assert w.page.locator("#place-map .leaflet-tile-pane *").count() == 0
        assert w.page.locator("#place-map img").count() == 0
        w.assert_clean()  # no console error, no failed request, nothing but file://
    finally:
        w.context.close()


def test_only_the_map_page_loads_leaflet_and_tiles(offline, tiled):
    page = offline.page
    for name in ["index.html", "places.html", "chronology.html", "search.html",
                 sorted(p.name for p in tiled.glob("places-*.html"))[0],
                 sorted(p.name for p in tiled.glob("0*.html"))[0]]:
        page.goto(url(tiled, name))
        assert page.evaluate("typeof window.L") == "undefined", name
    assert not [u for u in offline.requests if "leaflet" in u or u.endswith("/map.js")]
    assert offline.refused == []
    page.goto(url(tiled, "map.html"))
    expect(page.locator(MARKERS).first).to_be_visible()
    assert [u for u in offline.requests if u.endswith("vendor/leaflet/leaflet.js")]


def test_without_script_the_list_is_the_page(browser, tiled):  # noqa: F811
    w = Watch(browser, java_script_enabled=False)
    try:
        w.page.goto(url(tiled, "map.html"))
        expect(w.page.locator("#place-map")).to_be_hidden()  # no empty box
        expect(w.page.locator("table.map-places tbody tr")).to_have_count(
            len(mapped_places(AUTHORITY)))
        assert not [u for u in w.requests if not u.startswith("file://")]
    finally:
        w.context.close()


@pytest.mark.parametrize("which", ["tiled", "plain"])
def test_map_page_is_no_wider_than_a_phone(browser, which, request):  # noqa: F811
    edition = request.getfixturevalue(which)
    w = Offline(browser, has_touch=True, is_mobile=True)
    try:
        w.page.set_viewport_size(PHONE)
        w.page.goto(url(edition, "map.html"))
        expect(w.page.locator(MARKERS)).to_have_count(len(mapped_places(AUTHORITY)))
        width = w.page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], width
        box = w.page.locator("#place-map").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        # A tap opens a popup, inside the screen.
        spot = clickable_marker(w.page)
        w.page.touchscreen.tap(spot["x"], spot["y"])
        expect(w.page.locator("#place-map .leaflet-popup-content a")).to_be_visible()
        assert w.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert w.script_errors() == []
    finally:
        w.context.close()
