"""Bad and hostile input: each gets a one-line error naming the file, or is made harmless."""

import os
import struct
import zlib
from pathlib import Path

import pytest
from lxml import etree, html as lhtml

from pipeline.build.source import decode_source
from pipeline.build.stage import build, encode
from pipeline.cli import cli
from pipeline.core.settings import BuildSettings, ExportSettings
from pipeline.editions.export import export
from pipeline.validate.check import validate_file


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00")) + chunk(b"IEND", b""))


@pytest.mark.parametrize("name, raw, message", [
    ("empty.txt", b"", "empty source: no text to encode"),
    ("blank.txt", b"  \n\t \r\n", "source holds only white space: no text to encode"),
    ("image.txt", _png(), "binary file (a PNG image), not a text source"),
    ("latin1.txt", "Këlcyra".encode("latin-1"), "not valid utf-8 (byte 0xeb at offset 1)"),
    ("nul.txt", b"\x00" * 50 + b"text", "binary file (many NUL bytes), not a text source"),
])
def test_bad_seed_gets_one_line_naming_the_file(runner, tmp_path, name, raw, message):
    path = tmp_path / name
    path.write_bytes(raw)
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"), str(path)])
    assert result.exit_code == 1
    lines = [l for l in result.stderr.splitlines() if l and not l.startswith("Error:")]
    assert len(lines) == 1 and lines[0].startswith(str(path)) and message in lines[0]


@pytest.mark.parametrize("raw", [
    "\ufeffA title\r\n\r\nText with CRLF line ends.\r\n".encode(),
    b"A title\r\rText with CR line ends.\r",
    "Text with a NUL\x00 and a bell\x07 inside.\n".encode(),
])
def test_odd_bytes_are_normalised_and_valid(tmp_path, raw, tei_all):
    (tmp_path / "odd.txt").write_bytes(raw)
    report = build([tmp_path / "odd.txt"], BuildSettings(out_dir=tmp_path / "tei"))
    assert not report.failed, report.failed
    tree = etree.parse(str(tmp_path / "tei" / "odd.xml"))
    assert tei_all.validate(tree), tei_all.error_log
    assert validate_file(tmp_path / "tei" / "odd.xml") == []


def test_one_megabyte_line(tmp_path):
    line = ("word " * 200_000).strip() + ".\n"
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    report = build([tmp_path / "long.txt"], BuildSettings(out_dir=tmp_path / "tei"))
    assert not report.failed and report.words == 200_000


def test_file_name_with_spaces_and_non_ascii_letters(runner, tmp_path):
    seed = tmp_path / "Letër nga Pezë (copy 2).txt"
    seed.write_text("Letër nga Pezë\n\nA short letter from the village.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"), str(seed)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "tei" / "Letër nga Pezë (copy 2).xml"
    root = etree.parse(str(out)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "doc-Letër-nga-Pezë--copy-2-"
    assert validate_file(out) == []


def test_directory_of_seeds(runner, tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a b.txt").write_text("Some text here.\n", encoding="utf-8")
    (tmp_path / "seeds" / "c.txt").write_text("Other text here.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "--silent", "--out", str(tmp_path / "tei"),
                                 str(tmp_path / "seeds")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == ["a b.xml", "c.xml"]


def _hostile(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [p.message for p in validate_file(path)]


def test_xxe_is_refused_without_reading_the_file(tmp_path):
    messages = _hostile(tmp_path, "xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n'
                        '<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>\n')
    assert messages == ["DOCTYPE declares entities; refused for safety (XXE, entity expansion)"]


def test_billion_laughs_is_refused(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    messages = _hostile(tmp_path, "lol.xml", f"<!DOCTYPE TEI [{lol}]>\n<TEI>&l9;</TEI>\n")
    # libxml2 stops the expansion itself; either way the file is refused, never expanded.
    assert len(messages) == 1 and ("amplification" in messages[0]
                                   or messages[0].startswith("DOCTYPE declares entities"))


def test_external_dtd_is_not_fetched(tmp_path):
    messages = _hostile(tmp_path, "dtd.xml", '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/x.dtd">\n'
                        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-x"/>\n')
    assert messages and not any("failed to load" in m or "http" in m for m in messages)


def test_markup_in_a_seed_is_inert_in_the_html(tmp_path):
    text = ("A Page\n\nClick <script>alert(1)</script> or <a href=\"javascript:alert(2)\" "
            "onclick=\"x()\">here</a> &amp; &lt;b&gt; done.\n")
    src = decode_source(text.encode(), Path("seeds/evil.txt"))
    (tmp_path / "evil.xml").write_bytes(encode(src, "2026-01-01"))
    export([tmp_path / "evil.xml"], ExportSettings(out_dir=tmp_path / "html", fmt="html"))
    page = lhtml.parse(str(tmp_path / "html" / "evil.html")).getroot()
    # The only scripts are the edition's own files, with no inline code.
    assert [(s.get("src"), s.text) for s in page.iter("script")] == [
        ("cite.js", None), ("archive.js", None)]
    assert not page.xpath("//*[@onclick]")
    assert not [h for h in page.xpath("//@href") if h.strip().lower().startswith("javascript")]
    shown = page.xpath("string(//main)")
    assert "<script>alert(1)</script>" in shown and "&amp; &lt;b&gt;" in shown


def test_a_huge_seed_is_refused_with_a_clear_word(tmp_path):
    from pipeline.core.errors import SourceError
    from pipeline.build.source import read_source

    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(30 * 1024 * 1024)  # sparse: 30 MB of NULs without writing them
    with pytest.raises(SourceError) as exc:
        read_source(big)
    assert str(exc.value) == (f"{big}: too large to encode in one piece (30.0 MB, limit 25 MB); "
                              "split it into parts at section breaks")


def _peak_of_build(tmp_path, megabytes: float) -> tuple[float, Path]:
    """Build a seed of about `megabytes` MB in a child process; its peak RSS in MB."""
    import random
    import subprocess
    import sys

    from conftest import ROOT, SEEDS

    blocks = [b for s in SEEDS[:4] for b in s.read_text(encoding="utf-8").split("\n\n")
              if b.strip()]
    rng = random.Random(3)
    text, size = [], 0
    while size < megabytes * 1_000_000:
        text.append(rng.choice(blocks))
        size += len(text[-1].encode()) + 2
    seed = tmp_path / f"large{megabytes:g}.txt"
    seed.write_text("\n\n".join(text), encoding="utf-8")
    env = {**os.environ, "ARCHIVE_LARGE_BYTES": str(1024 * 1024), "PYTHONPATH": str(ROOT)}
    code = ("import resource, sys\nfrom pipeline.cli import cli\n"
            "cli(sys.argv[1:], standalone_mode=False)\n"
            "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code, "build", "--silent", "--out",
                             str(tmp_path / "tei"), str(seed)], env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tei" / f"{seed.stem}.xml"
    assert "first part of this large seed" in out.read_text(encoding="utf-8")[:20000]
    return int(result.stdout.split("peak")[-1]) / 1024, out


def test_large_seed_is_encoded_in_parts_in_bounded_memory(tmp_path, tei_all):
    """Twice the seed, (almost) the same peak: memory does not grow with the seed. Encoded
    whole, 2 MB more text would cost about 90 MB more (45 times its size)."""
    small, _ = _peak_of_build(tmp_path, 1.5)
    large, out = _peak_of_build(tmp_path, 3.0)
    assert validate_file(out) == []
    assert tei_all.validate(etree.parse(str(out)))
    assert large - small < 40, (small, large)
