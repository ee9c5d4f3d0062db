"""Where the package keeps its files: word lists, stylesheets, the schema copy."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # pipeline/
DATA = PACKAGE / "data"  # editable word lists and cue phrases
XSLT = PACKAGE / "xslt"  # every edition stylesheet: common/, html/, txt/, params.xsl
HTML_XSLT = XSLT / "html"  # the HTML edition's stylesheets, CSS and script
SCHEMA_COPY = PACKAGE / "schema"  # the installed copy of the repository's schema/
# What the build of a TEI file runs and reads: its output is stale when one changes.
BUILD_INPUTS = (PACKAGE / "__init__.py", PACKAGE / "core", PACKAGE / "build", DATA)


def cache_dir() -> Path:
    """Where the build keeps what it can make again: ARCHIVE_CACHE_DIR, else
    $XDG_CACHE_HOME/archive-pipeline (~/.cache/archive-pipeline). Safe to delete."""
    base = os.environ.get("ARCHIVE_CACHE_DIR") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "archive-pipeline"
    return Path(base)
