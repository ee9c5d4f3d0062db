"""Atomic file writes: temporary file in the target directory, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def atomic_write(path: str | os.PathLike, data: bytes | list[bytes]) -> None:
    """Write `data` (bytes, or a list of chunks) to `path` so readers see either the old
    or the new file, never a part."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines([data] if isinstance(data, bytes) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: str | os.PathLike, data: bytes) -> bool:
    """Atomically write `data` unless the file already holds exactly it; True if written.

    Leaving identical files untouched keeps their mtimes, so make does not
    rebuild downstream outputs for nothing.
    """
    target = Path(path)
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(target, data)
    return True


def write_chunks_if_changed(path: str | os.PathLike, chunks: Iterable[bytes]) -> bool:
    """write_if_changed for a file given as chunks that are already in memory (a page
    assembled from cached parts): compared with the file as it is, and written only if
    it differs, without ever joining the chunks into one copy."""
    target = Path(path)
    chunks = list(chunks)  # references to the parts, not copies
    if _same(target, chunks):
        return False
    atomic_write(target, chunks)
    return True


def _same(path: Path, chunks: list[bytes]) -> bool:
    """Does the file hold exactly the chunks? Compared a megabyte at a time: a page can
    be a quarter of a million small chunks."""
    try:
        if path.stat().st_size != sum(map(len, chunks)):
            return False
        with open(path, "rb") as fh:
            block = bytearray()
            for chunk in chunks:
                block += chunk
                if len(block) >= 1 << 20:
                    if fh.read(len(block)) != block:
                        return False
                    block.clear()
            return fh.read(len(block)) == block
    except FileNotFoundError:
        return False
