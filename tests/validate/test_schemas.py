"""`archive validate --schema`: tei-all, a project's own .rng, a directory, a bad schema.

tei_all takes ~8 s to compile. The CLI runs here are in-process and the compiled
schema is cached per process, so the whole module compiles it once.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.cli import cli
from pipeline.core.errors import PipelineError
from pipeline.validate import schemas
from pipeline.validate.check import validate_file

from conftest import AUTHORITY, ROOT

FOREIGN = ROOT.parent / "shared" / "corpora" / "tei-foreign"
INVALID = "teic-test2.xml"  # TEI P4 (<TEI.2>, no namespace): not TEI P5

MINI_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:x-mini">
  <start><element name="doc"><oneOrMore>
    <element name="p"><text/></element>
  </oneOrMore></element></start>
</grammar>
"""
MINI_SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt1">
  <ns prefix="m" uri="urn:x-mini"/>
  <pattern><rule context="m:p">
    <assert test="string-length(.) &gt; 2">A p has three letters or more.</assert>
  </rule></pattern>
</schema>
"""
MINI_DOC = '<doc xmlns="urn:x-mini">\n  <p>fine</p>\n  <p>x</p>\n  <q/>\n</doc>\n'


@pytest.fixture(scope="module")
def foreign() -> list[Path]:
    """The eight TEI files of other projects; in CI their absence is a failure."""
    files = sorted(FOREIGN.glob("*.xml"))
    if len(files) != 8:
        if os.environ.get("CI"):
            pytest.fail(f"{FOREIGN} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{FOREIGN} not present (outside CI)")
    return files


def _validate(runner, *args):
    return runner.invoke(cli, ["validate", "--silent", *map(str, args)])


def test_foreign_tei_and_ours_are_valid_against_tei_all(runner, foreign, built_seeds):
    """One run over several files: the seven valid foreign files, our built TEI and the
    authority file, on the default local pool (workers inherit the compiled schema)."""
    files = [f for f in foreign if f.name != INVALID] + sorted(built_seeds.glob("*.xml"))
    result = _validate(runner, "--schema", "tei-all", *files, AUTHORITY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "validate: 13 of 13 file(s) valid, 0 problem(s)\n"
    assert result.stderr == ""


def test_tei_p4_is_invalid_against_tei_all_with_file_line_col(runner, foreign):
    bad = FOREIGN / INVALID
    result = _validate(runner, "--schema", "tei-all", bad)
    assert result.exit_code == 1
    assert result.stdout == (f"{bad}:2:1: Did not expect element TEI.2 there\n"
                             "validate: 0 of 1 file(s) valid, 1 problem(s)\n")
    assert result.stderr == "Error: 1 file(s) invalid\n"


def test_our_built_tei_is_valid_against_the_default_and_the_directory_form(runner,
                                                                          built_seeds):
    files = sorted(built_seeds.glob("*.xml"))
    for extra in ([], ["--schema", schemas.schema_dir()]):
        result = _validate(runner, *extra, *files)
        assert result.exit_code == 0, result.output
        assert result.stdout == "validate: 5 of 5 file(s) valid, 0 problem(s)\n"


def test_foreign_tei_is_rejected_by_our_own_schema(foreign):
    """Why tei-all exists: our schema is a subset of TEI, made for what we write."""
    assert all(validate_file(f) for f in foreign)


def test_a_custom_rng_without_schematron(runner, tmp_path):
    (tmp_path / "mini.rng").write_text(MINI_RNG, encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(MINI_DOC, encoding="utf-8")
    result = _validate(runner, "--schema", tmp_path / "mini.rng", doc)
    assert result.exit_code == 1
    assert result.stdout == (f"{doc}:4:1: Did not expect element q there\n"
                             "validate: 0 of 1 file(s) valid, 1 problem(s)\n")
    doc.write_text(MINI_DOC.replace("  <q/>\n", ""), encoding="utf-8")
    result = _validate(runner, "--schema", tmp_path / "mini.rng", doc)
    assert result.exit_code == 0, result.output


def test_a_custom_rng_takes_the_schematron_of_its_stem_beside_it(runner, tmp_path):
    (tmp_path / "mini.rng").write_text(MINI_RNG, encoding="utf-8")
    (tmp_path / "mini.sch").write_text(MINI_SCH, encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(MINI_DOC, encoding="utf-8")
    result = _validate(runner, "--schema", tmp_path / "mini.rng", doc)
    assert result.exit_code == 1
    assert result.stdout == (f"{doc}:3:3: [schematron] A p has three letters or more.\n"
                             f"{doc}:4:1: Did not expect element q there\n"
                             "validate: 0 of 1 file(s) valid, 2 problem(s)\n")


def test_resolve_names_the_grammar_and_its_rules(tmp_path):
    tei_all = schemas.resolve("tei-all")
    assert (tei_all.rng.name, tei_all.sch, tei_all.rng.is_file()) == ("tei_all.rng", None,
                                                                      True)
    assert schemas.resolve(None) == schemas.resolve(schemas.schema_dir())
    assert schemas.resolve(None).name == "archive.rng + archive.sch"
    with pytest.raises(PipelineError, match="is not tei-all, a .rng file"):
        schemas.resolve(tmp_path / "schema.xsd")


@pytest.mark.parametrize("text, message", [
    (None, "cannot use the schema: no such file"),
    ("<grammar xmlns='http://relaxng.org/ns/structure/1.0'>\n<start>\n</grammar>\n",
     "cannot use the schema: not well-formed XML: "),
    ("<grammar xmlns='http://relaxng.org/ns/structure/1.0'>\n<start>\n"
     "<elemnt name='x'/></start></grammar>\n", "cannot use the schema: "),
])
def test_a_schema_that_cannot_be_used_is_one_error_line_exit_1(runner, tmp_path, text,
                                                               message):
    rng = tmp_path / "broken.rng"
    if text is not None:
        rng.write_text(text, encoding="utf-8")
    result = _validate(runner, "--schema", rng, AUTHORITY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {rng}") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_a_schema_of_no_known_form_is_a_usage_error(runner):
    result = _validate(runner, "--schema", "tei_all", AUTHORITY)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for --schema: 'tei_all' is not tei-all, a .rng file or a "
        "directory holding archive.rng and archive.sch\n")


def test_the_shipped_tei_all_is_the_one_its_licence_file_describes():
    rng = ROOT / "schema" / "tei_all.rng"
    # Split and joined: the comment has a no-break space after "Version".
    head = " ".join(rng.read_text(encoding="utf-8")[:2000].split())
    licence = (ROOT / "schema" / "TEI-LICENCE.md").read_text(encoding="utf-8")
    assert "P5 Version 4.12.0" in head and "revision 113e933e2" in head
    assert "CC+BY and BSD-2" in head
    assert hashlib.sha256(rng.read_bytes()).hexdigest() in licence
