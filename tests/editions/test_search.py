"""Search through Pagefind: bundles per shard, filters, and the search page in Chromium
over HTTP (Pagefind fetches its index, which a page opened from disk may not)."""

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from lxml import etree, html

from pipeline.core.errors import PipelineError
from pipeline.editions import search
from pipeline.editions.pages import ExportReport

from test_browser import CHROMIUM_ARGS, browser, edition  # noqa: F401  (fixtures)

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def served(edition):  # noqa: F811
    """The edition on an HTTP server of its own on 127.0.0.1 (no other host)."""
    handler = functools.partial(_Quiet, directory=str(edition))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def page(browser, served):  # noqa: F811
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    p = context.new_page()
    p.problems, p.requests = [], []
    p.on("pageerror", lambda e: p.problems.append(str(e)))
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    context.close()
    assert not p.problems, p.problems
    assert p.requests and all(u.startswith(served) for u in p.requests), p.requests


def _reading(path: Path) -> str:
    root = html.parse(str(path)).getroot()
    return " ".join(root.get_element_by_id("reading").text_content().split())


def _results(page) -> list:
    page.wait_for_selector(".pagefind-ui__result-link")
    return page.locator(".pagefind-ui__result-link").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")


def test_the_header_box_finds_every_document_and_links_the_passage(page, served, edition):  # noqa: F811
    page.goto(served + "index.html")
    page.locator("form.search input#site-search").fill("Hoxha")
    page.locator("form.search input#site-search").press("Enter")
    assert re.search(r"/search\.html\?q=Hoxha$", page.url), page.url
    hrefs = _results(page)
    want = {p.name for p in edition.glob("0*.html") if re.search(r"\bHoxha", _reading(p))}
    assert want and {h.split("#")[0].lstrip("/") for h in hrefs} == want
    marks = page.locator(".pagefind-ui__result-excerpt mark").all_inner_texts()
    assert marks and all(m.lower().startswith("hoxha") for m in marks), marks
    anchored = [h for h in hrefs if "#" in h]
    assert anchored, hrefs  # results lead to the paragraph, not the top of the page
    for href in anchored:
        name, anchor = href.lstrip("/").split("#")
        root = html.parse(str(edition / name)).getroot()
        target = root.get_element_by_id(anchor)
        assert target is not None and target.xpath("ancestor::div[@id='reading']"), href
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_load_state()
    anchor = page.url.split("#")[1] if "#" in page.url else None
    if anchor:
        assert page.locator(f"#{anchor}").is_visible()


def test_filters_narrow_to_the_documents_that_name_the_person(page, served, edition):  # noqa: F811
    page.goto(served + "search.html?q=Albania")
    everything = set(_results(page))
    labels = {}
    for p in sorted(edition.glob("0*.html")):
        root = html.parse(str(p)).getroot()
        for span in root.xpath("//*[@data-pagefind-filter='Person']"):
            labels.setdefault(span.text, set()).add(p.name)
    # A person named in some documents but not all that mention Albania.
    person = next(name for name, docs in sorted(labels.items())
                  if 1 <= len(docs) < len(everything))
    page.locator(".pagefind-ui__filter-name", has_text="Person").click()
    page.locator(".pagefind-ui__filter-label", has_text=re.compile(
        rf"^{re.escape(person)}")).first.click()
    page.wait_for_function(f"document.querySelectorAll('.pagefind-ui__result').length"
                           f" <= {len(labels[person])}")
    got = {h.split("#")[0].lstrip("/") for h in _results(page)}
    assert got == {d for d in labels[person]
                   if any(h.lstrip("/").startswith(d) for h in everything)}


def test_one_search_box_per_page_and_search_fits_a_phone(browser, served, edition):  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    p = context.new_page()
    for name in sorted(n.name for n in edition.glob("*.html")):
        p.goto(served + name)
        if name == "search.html":
            p.wait_for_selector(".pagefind-ui__search-input")
        boxes = p.locator("input[type=search], input.pagefind-ui__search-input").count()
        assert boxes == 1, (name, boxes)
    p.goto(served + "search.html?q=Tirana")
    _results(p)
    assert p.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_filters_are_register_names_and_years_of_events():
    place = etree.fromstring('<place xmlns="http://www.tei-c.org/ns/1.0" xml:id="x">'
                             '<placeName type="variant">Ex</placeName>'
                             '<placeName type="main">Exton</placeName></place>')
    doc = {"names": [[1, "place", "x", "Ex"], [2, "place", "x", "Exton"],
                     [3, "person", "", "Nobody"], [4, "person", "x", "Ex"]],
           "dates": [{"key": "1939-04-07"}, {"key": "1941", "to": "1943-05"},
                     {"key": "--05-14"}]}
    assert search.filters(doc, {"x": place}) == {"Place": ["Exton"],
                                                 "Year": ["1939", "1941", "1943"]}


def _site(root: Path, names: list[str]) -> list[str]:
    for i, name in enumerate(names):
        (root / name).write_text(f'<!DOCTYPE html><html lang="en"><body><h1>{name}</h1>'
                                 f'<div data-pagefind-body><p id="p-1">word{i} common</p>'
                                 '</div></body></html>', encoding="utf-8")
    return names


def test_a_changed_page_reindexes_only_its_shard(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "SHARD_DOCS", 1)
    (tmp_path / ".digests").mkdir()
    pages = _site(tmp_path, [f"d{i}.html" for i in range(5)])
    first = ExportReport()
    bundles = search.write_index(tmp_path, pages, first)
    shards = search.shards(pages)
    assert len(shards) >= 2 and bundles == [f"pagefind-{s}/" for s in sorted(shards)]
    assert {p.relative_to(tmp_path).parts[0] for p in first.written} == {
        b.rstrip("/") for b in bundles}
    again = ExportReport()
    search.write_index(tmp_path, pages, again)
    assert again.written == [] and sorted(again.unchanged) == sorted(first.written)
    changed = pages[3]
    (tmp_path / changed).write_text((tmp_path / changed).read_text() + "<!-- new -->")
    third = ExportReport()
    search.write_index(tmp_path, pages, third)
    shard = next(s for s, members in shards.items() if changed in members)
    assert {p.relative_to(tmp_path).parts[0] for p in third.written} == {f"pagefind-{shard}"}
    assert not list((tmp_path / ".digests").glob(".stage-*"))  # staging cleaned up
    # A shard that has no document left loses its bundle.
    search.write_index(tmp_path, pages[:1], ExportReport())
    assert sorted(p.name for p in tmp_path.glob("pagefind-*")) == [
        f"pagefind-{s}" for s in search.shards(pages[:1])]


def test_indexing_runs_beside_the_caller_and_hands_back_its_error(tmp_path, monkeypatch):
    (tmp_path / ".digests").mkdir()
    pages = _site(tmp_path, ["a.html", "b.html"])
    started, release = threading.Event(), threading.Event()

    def slow_index(out_dir, members, bundle):
        started.set()
        assert release.wait(10)  # the caller goes on meanwhile
        raise PipelineError("the search index could not be made: boom", str(bundle))

    monkeypatch.setattr(search, "_index", slow_index)
    indexing = search.Indexing(tmp_path, pages)
    assert started.wait(10)
    assert indexing.stale and not indexing.current  # still indexing: the caller is free
    release.set()
    with pytest.raises(PipelineError, match="could not be made: boom"):
        indexing.finish(ExportReport())
    assert not (tmp_path / ".digests" / search.STATE).exists()  # nothing claimed as made
