"""Unit tests for TEI writing: escaping, ids, determinism, header facts."""

from pathlib import Path

from lxml import etree

from pipeline.build.source import decode_source
from pipeline.build.stage import encode
from pipeline.build.teiwriter import doc_id
from pipeline.core.ns import NS


def tei_of(text: str, name: str = "sample") -> etree._Element:
    src = decode_source(text.encode(), Path(f"seeds/{name}.txt"))
    return etree.fromstring(encode(src, "2026-01-02"))


def test_markup_in_the_source_is_escaped_not_parsed():
    root = tei_of("Title\n\nA <b>bold</b> & risky ]]> <!-- x --> <?pi?> text.\n")
    p = root.find(".//tei:body//tei:p", NS)
    assert p.text == "A <b>bold</b> & risky ]]> <!-- x --> <?pi?> text."
    assert len(p) == 0


def test_script_tags_stay_text():
    root = tei_of("<script>alert(1)</script>\n")
    body = root.find(".//tei:body", NS)
    assert "".join(body.itertext()).strip() == "<script>alert(1)</script>"
    assert not root.xpath("//*[local-name()='script']")


def test_doc_id_is_an_ncname():
    assert doc_id("000_abc") == "doc-000_abc"
    assert doc_id("my file (v2)") == "doc-my-file--v2-"
    assert doc_id("Këlcyra notes") == "doc-Këlcyra-notes"


def test_output_is_deterministic():
    src = decode_source(b"Head\n\nSome text here.\n", Path("seeds/a.txt"))
    assert encode(src, "2026-01-02") == encode(src, "2026-01-02")


def test_header_records_source_and_pipeline():
    root = tei_of("= Title =\nText with Këlcyra.\n", name="n1")
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "doc-n1"
    assert root.findtext(".//tei:titleStmt/tei:title", namespaces=NS) == "Title"
    sha = root.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='sha256']", namespaces=NS)
    assert len(sha) == 64
    assert root.find(".//tei:respStmt/tei:name[@xml:id='pipeline']", NS) is not None
    assert root.find(".//tei:application[@ident='archive-pipeline']", NS).get("version")
    langs = [l.get("ident") for l in root.iterfind(".//tei:langUsage/tei:language", NS)]
    assert langs == ["en", "sq"]
    change = root.find(".//tei:revisionDesc/tei:change", NS)
    assert change.get("who") == "#pipeline" and change.get("when") == "2026-01-02"
    assert root.find(".//tei:extent/tei:measure", NS).get("quantity") == "4"


def test_english_only_text_declares_only_english():
    root = tei_of("Plain English text.\n")
    assert [l.get("ident") for l in root.iterfind(".//tei:language", NS)] == ["en"]


def test_schema_processing_instructions_point_at_the_schema():
    src = decode_source(b"Text.\n", Path("seeds/a.txt"))
    head = encode(src, "2026-01-02").decode().split("<TEI")[0]
    assert 'href="../schema/archive.rng"' in head and 'href="../schema/archive.sch"' in head
