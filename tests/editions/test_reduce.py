"""Tests of the incremental reduce step: a changed, added or removed document rewrites
only the pages it appears on, and the pages are always those of an export from nothing."""

import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export
from pipeline.editions.groups import reserved
from pipeline.editions.groups import pieces_path
from pipeline.editions.pieces import read_header
from pipeline.editions.reduce import LEDGER, STATE


def _pages(out):
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
            and not p.name.startswith(".")}


def _export(files, out, **kw):
    report = export(files, ExportSettings(out_dir=out, fmt="html", **kw))
    assert not report.failed, report.failed
    return _pages(out)


@pytest.fixture()
def tei(built_seeds, tmp_path):
    """A copy of the seeds' TEI as deep as built_seeds (the authority file is found by
    the same relative path)."""
    for path in built_seeds.glob("0*.xml"):
        shutil.copy2(path, tmp_path / path.name)
    return tmp_path


def _touch_old(out):
    for p in out.iterdir():
        if p.is_file():
            os.utime(p, ns=(1, 1))


def _unwrap_first(path, tag, ref):
    """The TEI with the first name tagged `ref` left as plain text."""
    text = path.read_text(encoding="utf-8")
    pattern = rf'<{tag} [^>]*ref="[^"]*#{ref}"[^>]*>(.*?)</{tag}>'
    new, n = re.subn(pattern, r"\1", text, count=1, flags=re.S)
    assert n == 1
    path.write_text(new, encoding="utf-8")


def test_one_changed_document_rewrites_only_its_pages(tei, tmp_path):
    files = sorted(tei.glob("*.xml"))
    out = tmp_path / "html"
    _export(files, out)
    _touch_old(out)
    changed = next(f for f in files if '#durres"' in f.read_text("utf-8"))
    _unwrap_first(changed, "placeName", "durres")
    pages = _export([changed], out)
    rewritten = {p.name for p in out.iterdir() if p.is_file() and p.stat().st_mtime_ns > 1}
    # Its own page, the overview of places (totals), the initial D, the index (counts).
    assert {changed.stem + ".html", "places.html", "places-d.html", "index.html"} <= rewritten
    # Pages of initials it names nothing under, and the chronology (the same dates).
    mine = {g + ".html" for g, *_ in read_header(pieces_path(out / (changed.stem + ".html")))
            .groups()}
    others = {p.name for p in out.glob("*-*.html")} - mine
    assert len(others) > 20 and not others & rewritten
    assert not {p for p in rewritten if p.startswith("chronology")}
    assert not {"search.html", "archive.css", "archive.js"} & rewritten
    assert pages == _export(files, tmp_path / "fresh")


def test_added_and_removed_documents_match_an_export_from_nothing(tei, tmp_path):
    files = sorted(tei.glob("*.xml"))
    out = tmp_path / "html"
    _export(files[:3], out)
    _export(files, out)  # two added
    assert _pages(out) == _export(files, tmp_path / "all")
    (out / (files[0].stem + ".html")).unlink()  # its source went away
    pages = _export(files[1:2], out)
    assert pages == _export(files[1:], tmp_path / "rest")
    assert not any(files[0].stem in p.name for p in (out / ".digests").iterdir())


def test_empty_pages_are_removed(tei, tmp_path):
    """A year, an initial or a shard nobody contributes to any more loses its page."""
    files = sorted(tei.glob("*.xml"))
    out = tmp_path / "html"
    everything = _export(files, out)
    for f in files[1:]:
        (out / (f.stem + ".html")).unlink()
    one = _export(files[:1], out)
    assert one == _export(files[:1], tmp_path / "one")
    assert set(one) < set(everything)


@pytest.mark.parametrize("damage", ["ledger-gone", "ledger-garbage", "state-gone",
                                    "state-garbage"])
def test_lost_or_damaged_state_makes_the_same_pages(tei, tmp_path, damage):
    files = sorted(tei.glob("*.xml"))
    out = tmp_path / "html"
    before = _export(files, out)
    state = out / STATE
    target = state / LEDGER if damage.startswith("ledger") else state / "places-d.json"
    if damage.endswith("gone"):
        target.unlink()
    else:
        target.write_bytes(b"{not json")
    changed = next(f for f in files if '#durres"' in f.read_text("utf-8"))
    _unwrap_first(changed, "placeName", "durres")
    pages = _export([changed], out)
    assert pages != before
    assert pages == _export(files, tmp_path / "fresh")


def test_other_stylesheet_parameters_remake_every_collection_page(tei, tmp_path):
    """(The other documents' own pages change when they are exported again.)"""
    files = sorted(tei.glob("*.xml"))
    out = tmp_path / "html"
    _export(files, out)
    pages = _export(files[:1], out, site_title="Another Archive")
    fresh = _export(files, tmp_path / "fresh", site_title="Another Archive")
    own = {name for name in fresh if reserved(name)}
    assert len(own) > 50 and {n: pages[n] for n in own} == {n: fresh[n] for n in own}
    assert all(b"Another Archive" in pages[n] for n in own if n.endswith(".html"))


def test_a_document_may_not_take_a_collection_page_name(tei, tmp_path):
    files = sorted(tei.glob("*.xml"))
    clash = tei / "places-a.xml"
    shutil.copy2(files[0], clash)
    report = export([clash, files[1]], ExportSettings(out_dir=tmp_path / "html", fmt="html"))
    assert [(f, m) for f, m in report.failed] == [
        (clash, f"{clash}: its page places-a.html would take the name of a collection "
                "page; rename the source file")]
    assert (tmp_path / "html" / (files[1].stem + ".html")).exists()


_NAME = re.compile(r'<(persName|placeName|orgName) [^>]*ref="[^"]*#[^"]+"[^>]*>(.*?)</\1>',
                   re.S)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["add", "remove", "change"]),
                                st.integers(0, 4), st.integers(0, 30)),
                      min_size=1, max_size=4))
def test_any_sequence_of_changes_gives_the_pages_of_an_export_from_nothing(
        built_seeds, tmp_path_factory, steps):
    """Documents added, removed and changed (a name left untagged) in any order: the
    pages the incremental reduce leaves are those of one export of what is there."""
    work = tmp_path_factory.mktemp("steps")  # as deep as built_seeds
    files = []
    for path in sorted(built_seeds.glob("0*.xml")):
        files.append(work / path.name)
        shutil.copy2(path, files[-1])
    out = work / "html"
    _export(files[:2], out)
    present = set(files[:2])
    for op, i, k in steps:
        doc = files[i]
        if op == "remove" and doc in present:
            (out / (doc.stem + ".html")).unlink()
            present.discard(doc)
        elif op == "change":
            names = list(_NAME.finditer(doc.read_text(encoding="utf-8")))
            m = names[k % len(names)]
            text = doc.read_text(encoding="utf-8")
            doc.write_text(text[:m.start()] + m.group(2) + text[m.end():], encoding="utf-8")
            present.add(doc)
        else:
            present.add(doc)
        _export([doc] if doc in present else sorted(present)[:1], out)
    assert _pages(out) == _export(sorted(present), work / "fresh")
