"""Unit tests for reading and normalising seeds."""

from pathlib import Path

import pytest

from pipeline.build.source import decode_source, read_source
from pipeline.core.errors import SourceError

P = Path("seeds/x.txt")


def test_crlf_cr_and_bom_are_normalised():
    src = decode_source("\ufeffOne\r\nTwo\rThree\n".encode(), P)
    assert src.text == "One\nTwo\nThree\n"


def test_sha256_is_of_the_raw_bytes():
    src = decode_source(b"abc", P)
    assert src.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_control_characters_become_replacement_with_warning():
    src = decode_source(b"a\x01b\x0cc", P)
    assert src.text == "a\ufffdb\ufffdc"
    assert "2 control character(s)" in src.warnings[0]


@pytest.mark.parametrize("raw, message", [
    (b"", "seeds/x.txt: empty source: no text to encode"),
    (b" \n\t\n", "seeds/x.txt: source holds only white space: no text to encode"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "seeds/x.txt: binary file (a PNG image), not a text source"),
    (b"ab\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00cd",
     "seeds/x.txt: binary file (many NUL bytes), not a text source"),
])
def test_unusable_sources_raise_clear_errors(raw, message):
    with pytest.raises(SourceError) as exc:
        decode_source(raw, P)
    assert str(exc.value) == message


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(SourceError) as exc:
        decode_source(b"fine\nbad \xff here", P)
    assert str(exc.value).startswith("seeds/x.txt:2:5: not valid utf-8 (byte 0xff at offset 9)")


def test_other_encoding_on_request():
    assert decode_source("Këlcyra".encode("latin-1"), P, "latin-1").text == "Këlcyra"


def test_missing_file(tmp_path):
    with pytest.raises(SourceError) as exc:
        read_source(tmp_path / "nope.txt")
    assert str(exc.value) == f"{tmp_path / 'nope.txt'}: no such file"
