"""The model's spans kept between runs, by block text, so that an authority edit or a
changed seed costs model time only for the blocks that are new.

One file per model (named by its fingerprint: the model, its version and spaCy's), in
the cache directory. Each run appends one JSON line of what it worked out (one write,
so two runs never interleave), `{sha1 of the block text: [[start, end, kind], ...]}`;
a file past MAX_BYTES is started afresh. A damaged line is skipped. Deleting the file
is always safe: the next build is slower, never different.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipeline.build.names.model import fingerprint
from pipeline.core.paths import cache_dir

MAX_BYTES = 256 << 20


def path_for(model_name: str) -> Path:
    digest = hashlib.sha256(fingerprint(model_name).encode()).hexdigest()[:24]
    return cache_dir() / f"ner-{digest}.jsonl"


def read(model_name: str) -> dict[str, list]:
    """Everything kept for the model, by block key."""
    out: dict[str, list] = {}
    try:
        with open(path_for(model_name), "rb") as fh:
            for line in fh:
                try:
                    data = json.loads(line)
                except ValueError:
                    continue  # a torn or damaged line: its blocks are worked out again
                if isinstance(data, dict):
                    out.update(data)
    except OSError:
        pass
    return out


def save(model_name: str, fresh: dict[str, list]) -> None:
    """Append what this run worked out; a failed write costs only time."""
    if not fresh:
        return
    path = path_for(model_name)
    line = json.dumps(fresh, separators=(",", ":")).encode("utf-8") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size + len(line) > MAX_BYTES:
            path.unlink()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
    except OSError:
        pass
