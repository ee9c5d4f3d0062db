"""Settings of the pipeline's commands, as dataclasses with documented defaults."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

# Release date of this pipeline version: the default generation date, so that the
# same input gives byte-identical output on any day.
RELEASE_DATE = "2026-11-20"


def default_build_date() -> str:
    """SOURCE_DATE_EPOCH (reproducible-builds convention) if set, else RELEASE_DATE."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
    return RELEASE_DATE


@dataclass
class BuildSettings:
    """How `archive build` turns seeds into TEI."""

    out_dir: Path = Path("tei")
    build_date: str = RELEASE_DATE
    encoding: str = "utf-8"
    force: bool = False  # rebuild even if up to date; overwrite hand edits (with a backup)
    authority: Path | None = None  # default: OUT_DIR/authority.xml when it exists
    ocr_overrides: Path | None = None  # default: OUT_DIR/ocr-overrides.tsv when it exists


@dataclass
class ExportSettings:
    """How `archive export` turns TEI into editions."""

    out_dir: Path
    fmt: str = "html"
    build_date: str = RELEASE_DATE
    line_width: int = 78
    diplomatic: bool = False  # text edition as printed (NAME.diplomatic.txt)
    site_title: str = "Digital Archive"
    editor: str = "Archive curators"
    base_url: str = ""  # where the edition is published, for "cite this edition"

    def stylesheet_params(self, version: str) -> dict[str, str | int]:
        """The xsl:params of pipeline/xslt/params.xsl these settings decide."""
        return {"build-date": self.build_date, "line-width": self.line_width,
                "pipeline-version": version, "site-title": self.site_title,
                "editor": self.editor, "base-url": self.base_url,
                "view": "diplomatic" if self.diplomatic else "reading"}
