"""Unit tests for the build stage: staleness, hand edits, failures, clean."""

import os

from pipeline.build.curation import clean
from pipeline.build.stage import build
from pipeline.build.words import letter_words, source_text_of
from pipeline.core.settings import BuildSettings
from lxml import etree
from pipeline.core.ns import tei

from conftest import SEEDS


def test_every_seed_word_is_in_its_tei(built_seeds):
    for seed in SEEDS:
        root = etree.parse(str(built_seeds / (seed.stem + ".xml"))).getroot()
        got = letter_words(source_text_of(root.find(tei("text"))))
        assert got == letter_words(seed.read_text(encoding="utf-8")), seed.name


def test_second_build_skips_everything(seed_copy, tmp_path):
    settings = BuildSettings(out_dir=tmp_path / "tei")
    first = build(sorted(seed_copy.glob("*.txt")), settings)
    assert len(first.written) == 5
    mtimes = {p: p.stat().st_mtime_ns for p in first.written}
    second = build(sorted(seed_copy.glob("*.txt")), settings)
    assert (len(second.written), len(second.skipped)) == (0, 5)
    assert {p: p.stat().st_mtime_ns for p in first.written} == mtimes


def test_changed_seed_rebuilds_only_its_tei(seed_copy, tmp_path):
    settings = BuildSettings(out_dir=tmp_path / "tei")
    seeds = sorted(seed_copy.glob("*.txt"))
    build(seeds, settings)
    with open(seeds[0], "a", encoding="utf-8") as fh:
        fh.write("\nA new closing paragraph.\n")
    report = build(seeds, settings)
    assert report.written == [tmp_path / "tei" / (seeds[0].stem + ".xml")]
    assert len(report.skipped) == 4


def _build_and_edit(seed_copy, tmp_path):
    """Build the first seed, then edit its TEI by hand: (settings, seed, out, edited)."""
    settings = BuildSettings(out_dir=tmp_path / "tei")
    seed = sorted(seed_copy.glob("*.txt"))[0]
    build([seed], settings)
    out = tmp_path / "tei" / (seed.stem + ".xml")
    edited = out.read_text(encoding="utf-8").replace("</body>", "<!-- checked --></body>")
    out.write_text(edited, encoding="utf-8")
    return settings, seed, out, edited


def test_hand_edited_tei_is_not_overwritten(seed_copy, tmp_path):
    settings, seed, out, edited = _build_and_edit(seed_copy, tmp_path)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    report = build([seed], settings)
    assert report.failed and "was edited by hand after it was built, and its seed or the " \
        "pipeline has changed since; not overwritten" in report.failed[0][1]
    assert out.read_text(encoding="utf-8") == edited

    forced = build([seed], BuildSettings(out_dir=tmp_path / "tei", force=True))
    assert forced.written == [out]
    backups = list((tmp_path / "tei").glob(out.name + ".*.bak"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == edited


def test_one_bad_seed_does_not_stop_the_others(seed_copy, tmp_path):
    (seed_copy / "empty.txt").write_bytes(b"")
    report = build(sorted(seed_copy.glob("*.txt")), BuildSettings(out_dir=tmp_path / "tei"))
    assert len(report.written) == 5
    assert [(p.name, msg) for p, msg in report.failed] == [
        ("empty.txt", f"{seed_copy / 'empty.txt'}: empty source: no text to encode")]


def test_no_temporary_files_are_left_behind(seed_copy, tmp_path):
    build(sorted(seed_copy.glob("*.txt")), BuildSettings(out_dir=tmp_path / "tei"))
    assert not [p for p in os.listdir(tmp_path / "tei") if p.endswith(".tmp")]


def test_clean_removes_built_files_but_keeps_edited_ones(seed_copy, tmp_path):
    out_dir = tmp_path / "tei"
    report = build(sorted(seed_copy.glob("*.txt")), BuildSettings(out_dir=out_dir))
    edited = report.written[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    removed, kept = clean(out_dir)
    assert len(removed) == 4 and kept == [edited] and edited.exists()


def test_hand_edit_with_nothing_changed_upstream_is_kept(seed_copy, tmp_path):
    settings, seed, out, edited = _build_and_edit(seed_copy, tmp_path)
    report = build([seed], settings)
    assert (report.failed, report.kept) == ([], [out])
    assert out.read_text(encoding="utf-8") == edited


def test_curated_file_is_left_alone_even_when_the_seed_changes(seed_copy, tmp_path):
    from pipeline.build.curation import curate, is_curated
    from pipeline.validate.check import validate_file

    settings = BuildSettings(out_dir=tmp_path / "tei")
    seed = sorted(seed_copy.glob("*.txt"))[0]
    build([seed], settings)
    out = tmp_path / "tei" / (seed.stem + ".xml")
    assert curate(out) and is_curated(out) and not curate(out)
    marked = out.read_bytes()
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    report = build([seed], settings)
    assert (report.failed, report.curated) == ([], [out])
    assert out.read_bytes() == marked
    assert validate_file(out) == []
    assert curate(out, undo=True) and not is_curated(out)
