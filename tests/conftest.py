"""Shared fixtures: paths, the official TEI schema (compiled once), built seeds."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.build.stage import build
from pipeline.core.settings import BuildSettings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
AUTHORITY = ROOT / "tei" / "authority.xml"
DATA = ROOT / "tests" / "data"  # single-file cases and sample files
# A model server ends with the build that started it (names/server.py): the tests
# build in many cache directories, and servers waiting ten minutes in each would add
# up. tests/build/test_helper.py sets a wait of its own where it tests one that stays.
os.environ["ARCHIVE_MODEL_IDLE"] = "0"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 schema; in CI its absence is a failure, not a skip."""
    if not TEI_ALL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{TEI_ALL} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{TEI_ALL} not present (outside CI)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory) -> Path:
    """The five seeds built once into a temporary tei/ directory."""
    out = tmp_path_factory.mktemp("tei")
    report = build(SEEDS, BuildSettings(out_dir=out, authority=AUTHORITY))
    assert not report.failed, report.failed
    return out


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A scratch seeds/ directory holding copies of the five seeds."""
    target = tmp_path / "seeds"
    target.mkdir()
    for seed in SEEDS:
        shutil.copy2(seed, target / seed.name)
    return target


# Pagefind writes the filter and meta files of a search bundle in an arbitrary order
# (Pagefind/pagefind#638: only its fragments are stable since 1.3), so those files, whose
# names are hashes of their bytes, differ between two runs on the same pages. Everything
# else of an edition is compared byte for byte, but for the list of each bundle's files
# kept with the times of the pages it was made from (.digests/.pagefind-files.json).
_UNSTABLE = re.compile(r"(^|/)(pagefind-\d+/(filter/|pagefind\.[^/]*\.pf_meta$|"
                       r"pagefind-entry\.json$)|\.digests/\.pagefind-files\.json$)")


def reproducible(rel) -> bool:
    """Is this file of an edition (a path relative to the tree) the same on every run?"""
    return _UNSTABLE.search(Path(rel).as_posix()) is None
