"""Footnote marks as printed (issue 20, part 9): the diplomatic view shows the mark the
source printed (the note's @n), the reading view numbers the notes; the mark links to
its note and back in both views, in the browser (Playwright, pages from disk) and in the
HTML; the diplomatic text edition has the printed marks too. A note without a printed
mark, in a text whose other notes have one, shows its number in square brackets; a text
none of whose notes has one (teic-testnotes1.xml) shows numbers in both views."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export
from test_browser import Watch, browser, edition  # noqa: F401  (fixtures)

NS = {"t": "http://www.tei-c.org/ns/1.0"}
DOC = "004_8f5a6fbfed40dcac"  # the OCR'd seed: its notes are marked "*", "**", "(1)" ...
FOREIGN_NOTES = Path("/work/shared/corpora/tei-foreign/teic-testnotes1.xml")


def _printed(tei_path: Path) -> list[str]:
    """The printed marks of the footnotes, in the order of the text."""
    tei = etree.parse(str(tei_path))
    return [n.get("n") for n in tei.iterfind(".//t:text//t:note[@place='foot']", NS)]


def _view(page: str, name: str) -> str:
    start = page.index(f'<div class="view {name}"')
    end = page.index('<div class="view diplomatic"') if name == "reading" else page.index("</div>\n</div>", start)
    return page[start:end]


def _marks(view: str) -> list[tuple[str, str, str]]:
    """(id, href, shown text) of each note mark of a view."""
    return re.findall(r'<a id="([^"]+)" href="#([^"]+)" role="doc-noteref"[^>]*>([^<]*)</a>', view)


def test_diplomatic_view_shows_printed_marks_reading_view_numbers(built_seeds, edition):
    printed = _printed(built_seeds / f"{DOC}.xml")
    assert len(printed) > 3 and len(set(printed)) < len(printed)  # "*" twice: not ids
    page = (edition / f"{DOC}.html").read_text(encoding="utf-8")
    reading, diplomatic = _view(page, "reading"), _view(page, "diplomatic")
    assert [m[2] for m in _marks(reading)] == [str(i) for i in range(1, len(printed) + 1)]
    assert [m[2] for m in _marks(diplomatic)] == printed
    # Each note of the diplomatic list begins with its printed mark; ids stay numbered.
    labels = re.findall(r'<li id="d-fn-(\d+)">\s*<span class="note-label">([^<]*)</span>', diplomatic)
    assert labels == [(str(i), n) for i, n in enumerate(printed, start=1)]
    assert '<ol class="printed-marks">' in diplomatic and "printed-marks" not in reading
    for view, prefix in ((reading, ""), (diplomatic, "d-")):
        for ref_id, href, _ in _marks(view):
            assert href == ref_id.replace("fnref-", "fn-") and href.startswith(prefix)
            assert f'<li id="{href}">' in view and f'href="#{ref_id}" role="doc-backlink"' in view


def test_diplomatic_text_edition_has_the_printed_marks(built_seeds, edition):
    printed = _printed(built_seeds / f"{DOC}.xml")
    text = (edition.parent / "text" / f"{DOC}.diplomatic.txt").read_text(encoding="utf-8")
    reading = (edition.parent / "text" / f"{DOC}.txt").read_text(encoding="utf-8")
    notes = text[text.rindex("\nNotes\n"):]
    assert re.findall(r"^\[([^\]]+)\] ", notes, re.M) == printed
    reading_notes = reading[reading.rindex("\nNotes\n"):]
    assert re.findall(r"^\[([^\]]+)\] ", reading_notes, re.M) == [str(i) for i in range(1, len(printed) + 1)]


def test_a_note_without_a_printed_mark_shows_its_number_in_brackets(built_seeds, tmp_path):
    tei = etree.parse(str(built_seeds / f"{DOC}.xml"))
    notes = tei.findall(".//t:text//t:note[@place='foot']", NS)
    del notes[2].attrib["n"]
    path = tmp_path / f"{DOC}.xml"
    tei.write(str(path), encoding="UTF-8", xml_declaration=True)
    assert not export([path], ExportSettings(out_dir=tmp_path / "html", fmt="html")).failed
    page = (tmp_path / "html" / f"{DOC}.html").read_text(encoding="utf-8")
    shown = [m[2] for m in _marks(_view(page, "diplomatic"))]
    assert shown[2] == "[3]" and shown[:2] == [notes[0].get("n"), notes[1].get("n")]


def test_notes_without_printed_marks_are_numbered_in_both_views(tmp_path):
    assert not export([FOREIGN_NOTES], ExportSettings(out_dir=tmp_path, fmt="html")).failed
    page = (tmp_path / f"{FOREIGN_NOTES.stem}.html").read_text(encoding="utf-8")
    reading, diplomatic = _marks(_view(page, "reading")), _marks(_view(page, "diplomatic"))
    assert len(reading) >= 10
    assert [m[2] for m in diplomatic] == [m[2] for m in reading] == [str(i) for i in range(1, len(reading) + 1)]
    assert "printed-marks" not in page and "note-label" not in page
    for ref_id, href, _ in diplomatic:
        assert f'<li id="{href}">' in page and f'href="#{ref_id}"' in page


def test_in_the_browser_the_printed_mark_leads_to_its_note_and_back(browser, built_seeds, edition):
    printed = _printed(built_seeds / f"{DOC}.xml")
    k = next(i for i, n in enumerate(printed) if n.isdigit())  # the first printed digit
    watch = Watch(browser)
    page = watch.page
    page.goto((edition / f"{DOC}.html").as_uri())
    page.click("label[for=view-diplomatic]")
    marks = page.locator("#diplomatic sup.note-mark a")
    assert marks.all_inner_texts() == printed
    mark = marks.nth(k)
    assert mark.is_visible() and mark.inner_text() == printed[k]
    mark.click()
    assert page.evaluate("location.hash") == f"#d-fn-{k + 1}"
    note = page.locator(f"#d-fn-{k + 1}")
    assert note.is_visible()
    assert note.locator(".note-label").inner_text() == printed[k]
    assert note.evaluate("el => (r => r.bottom > 0 && r.top < innerHeight)(el.getBoundingClientRect())")
    note.locator("a.note-back").click()
    assert page.evaluate("location.hash") == f"#d-fnref-{k + 1}"
    # Back at the mark: it is on the screen (scrolled to, give or take a subpixel).
    assert page.evaluate(f"(r => r.bottom > 0 && r.top < innerHeight)"
                         f"(document.getElementById('d-fnref-{k + 1}').getBoundingClientRect())")
    # The reading view numbers the same note, and links alike.
    page.click("label[for=view-reading]")
    reading = page.locator("#reading sup.note-mark a").nth(k)
    assert reading.inner_text() == str(k + 1)
    reading.click()
    assert page.evaluate("location.hash") == f"#fn-{k + 1}" and page.locator(f"#fn-{k + 1}").is_visible()
    watch.assert_clean()
    watch.context.close()
