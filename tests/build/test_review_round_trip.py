"""The review queue closes the loop: suggest, decide, accept, rebuild."""

from __future__ import annotations

import csv
import io
import shutil

from lxml import etree

from conftest import DATA
from pipeline.build.names.authority import load
from pipeline.cli import cli
from pipeline.core.ns import NS

TEXT = ("Letters from Albania\n\nThe courier rode from Delvinë to Sarandë with Kol Marku, "
        "where the Blue Hill Society met the Red Harbour League.\n")


def _ws(tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(DATA / "authority-sample.xml", tmp_path / "tei" / "authority.xml")
    (tmp_path / "letters.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _build(runner, ws):
    result = runner.invoke(cli, ["build", "--silent", "--gazetteer", "--out", str(ws / "tei"),
                                 str(ws / "letters.txt")])
    assert result.exit_code == 0, result.output
    return ws / "tei" / "letters.xml"


def _suggest(runner, ws, tei_file):
    result = runner.invoke(cli, ["entities", "suggest", "--authority",
                                 str(ws / "tei" / "authority.xml"), str(tei_file)])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t",
                               quoting=csv.QUOTE_NONE))


def test_suggest_decide_accept_rebuild(runner, tmp_path, tei_all):
    ws = _ws(tmp_path)
    tei_file = _build(runner, ws)
    rows = {r["surface"]: r for r in _suggest(runner, ws, tei_file)}
    saranda = rows["Sarandë"]
    assert saranda["kind"] == "place" and saranda["found_by"] == "ner"  # "to Sarandë"
    assert saranda["geonames_id"] == "363243" and "363243 Sarandë, AL" in saranda["geonames"]
    assert "Red Harbour League" in rows and "Blue Hill Society" in rows

    rows["Sarandë"].update(decision="accept", variants="Santa Quaranta|Porto Edda")
    rows["Red Harbour League"].update(decision="reject")
    rows["Blue Hill Society"].update(decision="accept", kind="org")
    decisions = tmp_path / "names.tsv"
    with open(decisions, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(next(iter(rows.values()))), delimiter="\t",
                                quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(rows.values())
    authority = ws / "tei" / "authority.xml"
    result = runner.invoke(cli, ["entities", "accept", "--authority", str(authority),
                                 str(decisions)])
    assert result.exit_code == 0, result.output
    assert "added place sarande ('Sarandë')" in result.stdout
    assert "rejected 'Red Harbour League'" in result.stdout
    assert result.stdout.strip().endswith("run make to rebuild the TEI and editions")

    root = etree.parse(str(authority)).getroot()
    place = root.find(".//tei:place[@xml:id='sarande']", NS)
    assert [n.text for n in place.iterfind("tei:placeName", NS)] == [
        "Sarandë", "Santa Quaranta", "Porto Edda"]
    assert place.findtext("tei:location/tei:geo", namespaces=NS) == "39.8753 20.0048"
    assert place.findtext("tei:idno[@type='geonames']", namespaces=NS) == "363243"
    assert runner.invoke(cli, ["validate", "--silent", str(authority)]).exit_code == 0
    assert tei_all.validate(etree.parse(str(authority))), tei_all.error_log
    assert "Red Harbour League" in (ws / "tei" / "rejected-names.tsv").read_text()

    _build(runner, ws)  # the authority and the rejected list changed: rebuilt
    text = tei_file.read_text(encoding="utf-8")
    assert '<placeName ref="authority.xml#sarande">Sarandë</placeName>' in text
    assert "<orgName" not in text.split("Red Harbour League")[0][-40:]
    assert "Red Harbour League" not in [r["surface"] for r in _suggest(runner, ws, tei_file)]
    assert load(authority).entries["blue-hill-society"].kind == "org"


def test_accept_checks_every_row_before_writing(runner, tmp_path):
    ws = _ws(tmp_path)
    authority = ws / "tei" / "authority.xml"
    before = authority.read_bytes()
    decisions = tmp_path / "names.tsv"
    decisions.write_text("surface\tkind\tdecision\tinto\n"
                         "Nowhere Town\tplace\taccept\t\n"
                         "Someone\tunknown\taccept\t\n"
                         "Other\tperson\tmerge\tno-such-id\n"
                         "Thing\tplace\tmaybe\t\n", encoding="utf-8")
    result = runner.invoke(cli, ["entities", "accept", "--authority", str(authority),
                                 str(decisions)])
    assert result.exit_code == 1
    assert f"{decisions}:3: kind 'unknown'" in result.stderr
    assert f"{decisions}:4: merge into 'no-such-id'" in result.stderr
    assert f"{decisions}:5: decision 'maybe'" in result.stderr
    assert authority.read_bytes() == before  # nothing written


def test_accept_refuses_a_list_without_decisions(runner, tmp_path):
    ws = _ws(tmp_path)
    decisions = tmp_path / "names.tsv"
    decisions.write_text("surface\tkind\n", encoding="utf-8")
    result = runner.invoke(cli, ["entities", "accept", "--authority",
                                 str(ws / "tei" / "authority.xml"), str(decisions)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {decisions}:1:1: no column decision in the header; start "
                             "from `archive entities suggest`\n")


def _authority_with(tmp_path, places: str):
    """The sample authority file with `places` (TEI place elements) added to its list."""
    authority = tmp_path / "authority.xml"
    text = (DATA / "authority-sample.xml").read_text(encoding="utf-8")
    authority.write_text(text.replace("</listPlace>", places + "</listPlace>", 1),
                         encoding="utf-8")
    return authority


def test_geocode_gives_authority_places_coordinates_where_the_choice_is_clear(runner, tmp_path,
                                                                             tei_all):
    authority = _authority_with(tmp_path, (
        '<place xml:id="korce"><placeName type="main">Korçë</placeName>'
        '<placeName type="variant">Koritza</placeName></place>'
        '<place xml:id="springfield"><placeName type="main">Springfield</placeName>'
        '</place><place xml:id="portugal"><placeName type="main">Portugal</placeName>'
        '</place>'))
    dry = runner.invoke(cli, ["entities", "geocode", "--dry-run", "--authority", str(authority)])
    assert dry.exit_code == 0, dry.output
    assert "korce: Korçë, AL (40.6186 20.7808), geonames 782756" in dry.stdout
    assert "springfield: unclear, left alone" in dry.stdout
    assert ("portugal: Portugal, PT (a country: no coordinates in GeoNames' list), "
            "geonames 2264397") in dry.stdout
    assert "would get coordinates" in dry.stdout
    assert "<location>" not in authority.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["entities", "geocode", "--authority", str(authority)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(authority)).getroot()
    korce = root.find(".//tei:place[@xml:id='korce']", NS)
    assert korce.findtext("tei:location/tei:geo", namespaces=NS) == "40.6186 20.7808"
    assert root.find(".//tei:place[@xml:id='springfield']/tei:location", NS) is None
    portugal = root.find(".//tei:place[@xml:id='portugal']", NS)
    assert portugal.find("tei:location", NS) is None  # never the point 0 0
    assert portugal.findtext("tei:idno[@type='geonames']", namespaces=NS) == "2264397"
    assert runner.invoke(cli, ["validate", "--silent", str(authority)]).exit_code == 0
    assert tei_all.validate(etree.parse(str(authority))), tei_all.error_log
    again = runner.invoke(cli, ["entities", "geocode", "--authority", str(authority)])
    assert "0 place(s) got coordinates" in again.stdout


def test_geocode_keeps_to_the_country_and_the_neighbourhood_a_note_names(runner, tmp_path):
    authority = _authority_with(tmp_path, (
        '<place xml:id="alex-eg"><placeName type="main">Alexandria</placeName>'
        '<note>City of Egypt.</note></place>'
        '<place xml:id="alex-us"><placeName type="main">Alexandria</placeName>'
        '<note>City in the United States.</note></place>'
        '<place xml:id="nikolaos"><placeName type="main">Agios Nikolaos</placeName>'
        '<note>Village north of Ioannina, Greece.</note></place>'))
    result = runner.invoke(cli, ["entities", "geocode", "--authority", str(authority)])
    assert result.exit_code == 0, result.output
    assert "alex-eg: Alexandria, EG (31.2018 29.9158), geonames 361058" in result.stdout
    assert "alex-us: unclear, left alone: 4744091 Alexandria, US" in result.stdout
    root = etree.parse(str(authority)).getroot()
    # The largest Agios Nikolaos of Greece is on Crete, 400 km from Ioannina: not it.
    nikolaos = root.find(".//tei:place[@xml:id='nikolaos']", NS)
    assert nikolaos.findtext("tei:idno[@type='geonames']", namespaces=NS) != "263824"
