"""CLI tests through CliRunner: exit codes and exact messages."""

import re
from pathlib import Path

import click
import pytest

from pipeline.cli import cli

from conftest import SEEDS


def _commands(group, path=()):
    """Every command of a Click group, subgroups and their commands included."""
    for name, command in sorted(group.commands.items()):
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, path + (name,))


def test_every_command_has_help_with_an_example(runner):
    walked = list(_commands(cli))
    assert {" ".join(p) for p, _ in walked} >= {"build", "validate", "export", "entities",
                                                 "entities suggest", "entities add"}
    for path, _ in [((), cli)] + walked:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert re.search(r"\bExamples?:\n", result.output), path


def test_a_library_error_is_one_line_and_exit_1(runner, tmp_path):
    """PipelineError becomes `Error: file: message` in one place, for every command."""
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>", encoding="utf-8")
    result = runner.invoke(cli, ["curate", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}:1:")
    assert "Traceback" not in result.output


def test_build_missing_file(runner, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"), str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: no such file\n" in result.stderr
    assert result.stderr.endswith("Error: 1 of 1 seed(s) could not be built\n")
    assert "Traceback" not in result.output


def test_build_empty_seed(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"), str(empty)])
    assert result.exit_code == 1
    assert f"{empty}: empty source: no text to encode\n" in result.stderr
    assert "build: 0 written, 0 unchanged, 0 up to date, 1 failed" in result.stdout


def test_build_writes_tei_and_reports(runner, tmp_path):
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"),
                                 *map(str, SEEDS)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("build: 5 written, 0 unchanged, 0 up to date, 0 failed")
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == \
        [s.stem + ".xml" for s in SEEDS]


def test_build_rejects_a_bad_date(runner, tmp_path):
    result = runner.invoke(cli, ["build", "--date", "20-11-2026", str(SEEDS[0])])
    assert result.exit_code == 2
    assert "'20-11-2026' is not a date in the form YYYY-MM-DD" in result.stderr


def test_validate_good_files(runner, built_seeds):
    files = sorted(map(str, built_seeds.glob("*.xml")))
    result = runner.invoke(cli, ["validate", "--silent", *files])
    assert result.exit_code == 0, result.output
    assert result.stdout == "validate: 5 of 5 file(s) valid, 0 problem(s)\n"


def test_validate_invalid_tei_reports_file_line_col(runner, built_seeds, tmp_path):
    text = (built_seeds / (SEEDS[0].stem + ".xml")).read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    lines = text.split("\n")
    idx = next(i for i, l in enumerate(lines) if "<p>" in l and "<body" not in l and i > 30)
    lines[idx] = lines[idx].replace("<p>", "<p><foo/>", 1)
    bad.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--silent", str(bad)])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{bad}:{idx + 1}:")
    assert "foo" in first
    assert result.stdout.splitlines()[-1].startswith("validate: 0 of 1 file(s) valid")
    assert result.stderr == "Error: 1 file(s) invalid\n"


def test_validate_not_well_formed(runner, tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<TEI>\n  <teiHeader>\n</TEI>\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--silent", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{bad}:3:")
    assert "not well-formed XML" in result.stdout


def test_validate_missing_file(runner, tmp_path):
    result = runner.invoke(cli, ["validate", "--silent", str(tmp_path / "x.xml")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{tmp_path / 'x.xml'}:1:1: no such file"


def test_validate_refuses_external_entities(runner, tmp_path):
    evil = tmp_path / "xxe.xml"
    evil.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n', encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--silent", str(evil)])
    assert result.exit_code == 1
    assert "DOCTYPE declares entities; refused" in result.stdout
    assert "root:" not in result.output


@pytest.mark.parametrize("fmt, suffix", [("html", ".html"), ("text", ".txt")])
def test_export_writes_one_file_per_document(runner, built_seeds, tmp_path, fmt, suffix):
    files = sorted(map(str, built_seeds.glob("*.xml")))
    result = runner.invoke(cli, ["export", "--silent", "--format", fmt, "--out",
                                 str(tmp_path / fmt), *files])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / fmt).glob("*" + suffix))
    expected = sorted(Path(f).stem + suffix for f in files)
    if fmt == "html":  # and the collection pages, each register and year with its own
        expected = sorted(expected + ["index.html", "chronology.html", "persons.html",
                                      "places.html", "organisations.html", "search.html",
                                      "map.html"])
        written = [n for n in written if not re.fullmatch(
            r"(persons|places|organisations)-([a-z]|other|unlisted)\.html"
            r"|chronology-(\d{4}|yearless)\.html", n)]
    assert written == expected


def test_export_unknown_format(runner, tmp_path):
    result = runner.invoke(cli, ["export", "--format", "pdf", "--out", str(tmp_path), "x.xml"])
    assert result.exit_code == 2
    assert "'pdf' is not one of 'html', 'text'" in result.stderr


def test_export_diplomatic_is_for_text(runner, built_seeds, tmp_path):
    files = sorted(map(str, built_seeds.glob("*.xml")))[:1]
    result = runner.invoke(cli, ["export", "--silent", "--format", "html", "--diplomatic",
                                 "--out", str(tmp_path), *files])
    assert result.exit_code == 1
    assert result.stderr == ("Error: --diplomatic is for the text edition; every HTML page "
                             "already has both views\n")
    result = runner.invoke(cli, ["export", "--silent", "--format", "text", "--diplomatic",
                                 "--out", str(tmp_path), *files])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.glob("*.txt")] == [Path(files[0]).stem + ".diplomatic.txt"]


def test_export_writes_both_text_views_in_one_run(runner, built_seeds, tmp_path):
    files = sorted(map(str, built_seeds.glob("*.xml")))[:2]
    result = runner.invoke(cli, ["export", "--silent", "--format", "text", "--view", "reading",
                                 "--view", "diplomatic", "--out", str(tmp_path), *files])
    assert result.exit_code == 0, result.output
    assert result.stdout == "export text: 4 file(s) written, 0 unchanged, 0 failed\n"
    stems = [Path(f).stem for f in files]
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(
        [f"{s}.txt" for s in stems] + [f"{s}.diplomatic.txt" for s in stems])
    result = runner.invoke(cli, ["export", "--silent", "--format", "text", "--view",
                                 "diplomatic", "--diplomatic", "--out", str(tmp_path), *files])
    assert result.stdout == "export text: 0 file(s) written, 2 unchanged, 0 failed\n"


def test_export_refuses_a_base_url_without_slash(runner, built_seeds, tmp_path):
    files = sorted(map(str, built_seeds.glob("*.xml")))[:1]
    result = runner.invoke(cli, ["export", "--silent", "--format", "html", "--base-url",
                                 "https://example.org/ed", "--out", str(tmp_path), *files])
    assert result.exit_code == 1
    assert result.stderr == "Error: the base URL must end in '/': https://example.org/ed\n"


def test_html_index_lists_titles_and_word_counts(runner, built_seeds, tmp_path):
    files = sorted(map(str, built_seeds.glob("*.xml")))
    runner.invoke(cli, ["export", "--silent", "--format", "html", "--out", str(tmp_path), *files])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Element" not in index
    assert ">National Liberation Movement (Albania)</a>" in index
    assert ">1,913<" in index and "5 documents" in index


def test_bench_corpus_is_reproducible(runner, tmp_path):
    args = ["bench-corpus", "-n", "4", "--words", "500", "--authority",
            "tei/authority.xml"]
    for out in ("a", "b"):
        result = runner.invoke(cli, args[:1] + [str(tmp_path / out)] + args[1:])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"bench-corpus: 4 documents written to {tmp_path / out}\n"
    a = sorted((tmp_path / "a").glob("*.txt"))
    assert [p.name for p in a] == ["doc00000.txt", "doc00001.txt", "doc00002.txt",
                                   "doc00003.txt"]
    for p in a:
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes()
        assert len(p.read_text(encoding="utf-8").split()) >= 500


def test_summary_counts_documents_words_and_edition_files(runner, built_seeds, tmp_path):
    from lxml import etree

    files = sorted(p for p in built_seeds.glob("*.xml") if p.name != "authority.xml")
    words = sum(int(etree.parse(str(f)).find(".//{*}extent/{*}measure").get("quantity"))
                for f in files)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text("x")
    result = runner.invoke(cli, ["summary", "--tei", str(built_seeds), "--editions",
                                 str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"summary: {len(files)} documents, {words:,} words; editions: "
                             "1 HTML pages, 0 text files\n")
