"""One source of defaults: the settings dataclasses, the CLI options and params.xsl agree."""

from __future__ import annotations

import dataclasses

from lxml import etree

from pipeline.cli import cli
from pipeline.core import paths
from pipeline.core.settings import RELEASE_DATE, VIEWS, BuildSettings, ExportSettings

XSL = "{http://www.w3.org/1999/XSL/Transform}"


def _xsl_params() -> dict[str, str]:
    """name -> default of every xsl:param of params.xsl, as the XPath literal's value."""
    root = etree.parse(str(paths.XSLT / "params.xsl")).getroot()
    out = {}
    for param in root.iterfind(f"{XSL}param"):
        select = param.get("select")
        out[param.get("name")] = select[1:-1] if select.startswith("'") else int(select)
    return out


def _option(command: str, name: str):
    return next(p for p in cli.commands[command].params if p.name == name)


def test_every_settings_parameter_has_the_same_default_in_params_xsl():
    xsl = _xsl_params()
    defaults = ExportSettings(out_dir=None)
    for param, attr in ExportSettings.PARAMS.items():
        assert xsl[param] == getattr(defaults, attr), param
    assert xsl["build-date"] == RELEASE_DATE
    assert xsl["pipeline-version"] == ""
    assert set(defaults.stylesheet_params("v")) <= set(xsl)


def test_export_options_take_their_defaults_from_the_settings():
    defaults = ExportSettings(out_dir=None)
    for option, attr in [("line_width", "line_width"), ("site_title", "site_title"),
                         ("editor", "editor"), ("base_url", "base_url")]:
        assert _option("export", option).default == getattr(defaults, attr), option
    assert tuple(_option("export", "views").type.choices) == VIEWS
    build = BuildSettings()
    assert _option("build", "out_dir").default == build.out_dir
    assert _option("build", "encoding").default == build.encoding


def test_the_view_is_one_type_from_cli_to_stylesheet():
    fields = {f.name: f for f in dataclasses.fields(ExportSettings)}
    assert "diplomatic" not in fields and fields["view"].default == "reading"
    params = ExportSettings(out_dir=None, view="diplomatic").stylesheet_params("v")
    assert params["view"] == "diplomatic"
