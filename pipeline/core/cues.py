"""Editable word lists: the cue phrases the rules look for, read from pipeline/data/."""

from __future__ import annotations

import functools
from pipeline.core import paths

DATA = paths.DATA


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict[str, tuple[str, ...]]:
    """Sections of a `[section]`-headed list file, entries lower-cased, longest first."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.append(line.lower())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in sections.items()}


def structure(section: str) -> tuple[str, ...]:
    return load("structure-cues.txt")[section]
