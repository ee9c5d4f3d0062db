"""Tests of the per-document pieces of the collection pages and of their reuse."""

import os

from pipeline.core.fsutil import write_chunks_if_changed
from pipeline.core.settings import ExportSettings
from pipeline.editions import pieces
from pipeline.editions.export import export
from pipeline.editions.groups import chronology_group
from pipeline.editions.groups import pieces_path


def _pages(out):
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def test_every_document_has_a_record_matching_its_digest(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("0*.xml"))
    assert not export(files, ExportSettings(out_dir=tmp_path, fmt="html")).failed
    groups = set()
    for tei_file in files:
        path = pieces_path(tmp_path / (tei_file.stem + ".html"))
        header = pieces.read_header(path)
        assert header is not None
        assert header.data["href"] == tei_file.stem + ".html"
        body = path.read_bytes()[header.base:]
        for group, offset, _, items in header.groups():
            groups.add(group)
            at = offset
            for key, extra, size in items:
                piece = body[at:at + size]
                at += size
                if group.startswith("chronology-"):
                    assert b'<tr id="' in piece and chronology_group(key) == group
                else:
                    assert piece.startswith(b"<li>") and piece.endswith(b"</li>")
                    assert isinstance(extra, int) and extra >= 1
    assert {"places-a", "persons-h", "chronology-1944", "organisations-unlisted"} <= groups


def test_stale_damaged_or_missing_records_are_made_again(built_seeds, tmp_path):
    """The reduce step never trusts a record older than its digest, a damaged one or a
    missing one: it makes it again from the digest, and the pages come out the same."""
    files = sorted(built_seeds.glob("0*.xml"))
    settings = ExportSettings(out_dir=tmp_path, fmt="html")
    export(files, settings)
    before = _pages(tmp_path)
    paths = [pieces_path(tmp_path / (f.stem + ".html")) for f in files]
    good = paths[0].read_bytes()
    paths[0].write_bytes(b'{"format": 3, "groups": []}\nabc')  # too long
    paths[1].unlink()
    stale = paths[2].read_bytes()
    paths[2].write_bytes(stale.replace(b"<li>", b"<li>STALE", 1))
    digest = paths[2].with_suffix(".json")
    os.utime(paths[2], ns=(1, 1))  # older than its digest
    assert digest.stat().st_mtime_ns > 1
    export(files[3:4], settings)
    assert _pages(tmp_path) == before
    assert paths[0].read_bytes() == good and paths[1].exists()
    assert b"STALE" not in paths[2].read_bytes()


def test_a_record_made_with_other_stylesheet_parameters_is_not_used(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("0*.xml"))
    export(files, ExportSettings(out_dir=tmp_path, fmt="html"))
    first = pieces.read_header(pieces_path(tmp_path / (files[0].stem + ".html"))).data
    export(files[:1], ExportSettings(out_dir=tmp_path, fmt="html", site_title="Other"))
    for tei_file in files:
        header = pieces.read_header(pieces_path(tmp_path / (tei_file.stem + ".html"))).data
        assert header["fingerprint"] != first["fingerprint"]


def test_chunks_are_written_only_when_they_differ(tmp_path):
    target = tmp_path / "page.html"
    assert write_chunks_if_changed(target, [b"<p>", b"one", b"</p>"])
    os.utime(target, ns=(1, 1))
    assert not write_chunks_if_changed(target, iter([b"<p>o", b"ne</p>"]))
    assert target.stat().st_mtime_ns == 1
    assert write_chunks_if_changed(target, [b"<p>", b"two", b"</p>"])
    assert target.read_bytes() == b"<p>two</p>"
    assert write_chunks_if_changed(target, [b"<p>two</p>", b"!"])  # same start, longer
    assert target.read_bytes() == b"<p>two</p>!"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary left
