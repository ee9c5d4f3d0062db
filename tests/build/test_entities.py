"""The review queue and adding to the authority file, through the CLI."""

import json
import shutil

import pytest
from lxml import etree

from conftest import DATA
from pipeline.build.names.authority import load
from pipeline.cli import cli
from pipeline.core.ns import NS

SAMPLE = DATA / "authority-sample.xml"
TEXT = ("A Visit\n\nKing Farouk came to the village of Borova with Enver Hoxha. Later King "
        "Farouk left Tirana for the Blue Mountain Estates.\n")


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(SAMPLE, tmp_path / "tei" / "authority.xml")
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _build(runner, ws, *options):
    result = runner.invoke(cli, ["build", "--silent", *options, "--out", str(ws / "tei"),
                                 str(ws / "visit.txt")])
    assert result.exit_code == 0, result.output
    return ws / "tei" / "visit.xml"


def test_suggest_lists_unknown_names_with_counts_and_contexts(runner, workspace):
    tei_file = _build(runner, workspace)
    result = runner.invoke(cli, ["entities", "suggest", "--authority",
                                 str(workspace / "tei" / "authority.xml"), str(tei_file)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:5] == ["surface", "kind", "count", "context1", "context2"]
    assert rows[0][5:] == ["found_by", "geonames_id", "geonames", "decision", "into", "variants"]
    assert rows[1][:3] == ["King Farouk", "person", "2"]
    assert "came to the village of Borova" in rows[1][3]
    assert ["Borova", "place", "1"] in [r[:3] for r in rows]
    assert ["Blue Mountain Estates", "org", "1"] in [r[:3] for r in rows]  # the model's
    assert not any(r[0] in ("Enver Hoxha", "Tirana") for r in rows)


def test_without_the_model_suggest_lists_what_the_evidence_rules_found(runner, workspace):
    tei_file = _build(runner, workspace, "--no-model", "--no-gazetteer")
    result = runner.invoke(cli, ["entities", "suggest", "--authority",
                                 str(workspace / "tei" / "authority.xml"), str(tei_file)])
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[:3] for r in rows[1:]] == [["King Farouk", "person", "2"],
                                         ["Blue Mountain Estates", "unknown", "1"],
                                         ["Borova", "place", "1"]]
    assert [r[5] for r in rows[1:]] == ["rules", "unknown", "rules"]  # unknown: no tag


def test_suggest_json(runner, workspace):
    tei_file = _build(runner, workspace)
    result = runner.invoke(cli, ["entities", "suggest", "--format", "json", "--authority",
                                 str(workspace / "tei" / "authority.xml"), str(tei_file)])
    data = json.loads(result.stdout)
    assert data[0]["surface"] == "King Farouk" and data[0]["count"] == 2


def test_add_new_entry_then_rebuild_links_it(runner, workspace):
    authority = workspace / "tei" / "authority.xml"
    result = runner.invoke(cli, ["entities", "add", "Borova", "--kind", "place", "--note",
                                 "Village in the Kolonja district.", "--authority",
                                 str(authority)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "added place borova ('Borova')\n"
    assert load(authority).entries["borova"].main == "Borova"
    tei_file = _build(runner, workspace)
    root = etree.parse(str(tei_file)).getroot()
    refs = [el.get("ref") for el in root.iterfind(".//tei:placeName", NS)]
    assert "authority.xml#borova" in refs


def test_add_variant(runner, workspace):
    authority = workspace / "tei" / "authority.xml"
    result = runner.invoke(cli, ["entities", "add", "Enveri", "--kind", "person",
                                 "--variant-of", "hoxha-enver", "--authority", str(authority)])
    assert result.exit_code == 0, result.output
    assert "Enveri" in load(authority).entries["hoxha-enver"].names
    assert runner.invoke(cli, ["validate", "--silent", str(authority)]).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["Tirana", "--kind", "place"],
     "is already in the authority file (entry tirana); use --variant-of to add a spelling"),
    (["X Y", "--kind", "person", "--variant-of", "tirana"], "'tirana' is a place, not a person"),
    (["X Y", "--kind", "person", "--variant-of", "nobody"], "no entry 'nobody'"),
    (["Albania", "--kind", "place", "--id", "tirana"], "is already in the authority file"),
    (["New Place", "--kind", "place", "--id", "tirana"], "xml:id 'tirana' is taken"),
])
def test_add_refuses_with_a_clear_message(runner, workspace, args, message):
    authority = workspace / "tei" / "authority.xml"
    before = authority.read_bytes()
    result = runner.invoke(cli, ["entities", "add", *args, "--authority", str(authority)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert authority.read_bytes() == before


def test_add_keeps_the_file_layout(runner, workspace):
    authority = workspace / "tei" / "authority.xml"
    before = authority.read_text(encoding="utf-8")
    runner.invoke(cli, ["entities", "add", "Enveri", "--kind", "person", "--variant-of",
                        "hoxha-enver", "--authority", str(authority)])
    after = authority.read_text(encoding="utf-8")
    assert after.splitlines()[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    # Only the new line differs.
    added = [l for l in after.splitlines() if l not in before.splitlines()]
    assert [l.strip() for l in added] == ['<persName type="variant">Enveri</persName>']
