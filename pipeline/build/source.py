"""Reading and normalising a seed: bytes to checked text, with its fingerprint."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import SourceError

# Seeds above this are encoded in parts (build/large.py; ARCHIVE_LARGE_BYTES changes it,
# for tests). Here, not there: the build decides with it before it imports the encoding.
LARGE_BYTES = int(os.environ.get("ARCHIVE_LARGE_BYTES", 4 * 1024 * 1024))

# Signatures of common binary formats, so a renamed image fails with a clear word.
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
# XML 1.0 forbids C0 controls other than tab and newline (CR is folded away).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
REPLACEMENT = "\ufffd"


@dataclass
class Source:
    """A seed read into memory: its normalised text and where it came from."""

    path: Path
    text: str
    sha256: str
    size: int
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# The whole seed is held in memory while it is encoded (about 45 times its size at peak:
# 460 MB for a 10 MB seed); a larger file is refused with a clear word, not a crash.
MAX_BYTES = 25 * 1024 * 1024


def read_source(path: str | Path, encoding: str = "utf-8", max_bytes: int = MAX_BYTES
                ) -> Source:
    """Read a seed file and normalise it; raise SourceError with the reason if unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"too large to encode in one piece ({size / 2**20:.1f} MB, limit "
                              f"{max_bytes / 2**20:.0f} MB); split it into parts at section "
                              "breaks", str(path))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file", str(path)) from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a text file", str(path)) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", str(path)) from None
    return decode_source(raw, path, encoding)


def decode_source(raw: bytes, path: Path, encoding: str = "utf-8") -> Source:
    """Decode and normalise `raw`, the bytes of the seed at `path`."""
    digest = hashlib.sha256(raw).hexdigest()
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise SourceError(f"binary file ({what}), not a text source", str(path))
    if raw.count(b"\x00") > max(8, len(raw) // 100):
        raise SourceError("binary file (many NUL bytes), not a text source", str(path))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"not valid {encoding} (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8 or pass --encoding",
            str(path), line, col) from None
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}", str(path)) from None
    warnings: list[str] = []
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = len(_FORBIDDEN.findall(text))
    if bad:
        warnings.append(f"{bad} control character(s) XML cannot hold were replaced by U+FFFD")
        text = _FORBIDDEN.sub(REPLACEMENT, text)
    if not text.strip():
        raise SourceError("empty source: no text to encode" if not text
                          else "source holds only white space: no text to encode", str(path))
    if unicodedata.is_normalized("NFC", text) is False:
        warnings.append("text is not in Unicode NFC; kept as it is")
    return Source(path=path, text=text, sha256=digest, size=len(raw), warnings=warnings)
