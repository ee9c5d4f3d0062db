"""Every text of every development corpus in ../shared/corpora builds, keeps its words
and validates: no real document is refused (issue 17). In CI, the corpora's absence
is a failure, not a skip."""

from __future__ import annotations

import os

import pytest

from pipeline.cli import cli

from conftest import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"
# Born-digital news (the corpora's README): the OCR checker must leave them alone.
BORN_DIGITAL = ("names-conll2003-dev", "dates-tbaq")


def _folders() -> list:
    if not CORPORA.is_dir():
        return []
    return sorted(p for p in CORPORA.iterdir() if p.is_dir() and any(
        (p / sub).is_dir() for sub in ("text", "ocr")))


@pytest.fixture(scope="module")
def corpora():
    if not _folders():
        if os.environ.get("CI"):
            pytest.fail(f"{CORPORA} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{CORPORA} not present (outside CI)")
    return _folders()


def test_every_corpus_text_builds_and_validates(corpora, runner, tmp_path):
    texts = 0
    for folder in corpora:
        source = folder / "text" if (folder / "text").is_dir() else folder / "ocr"
        out = tmp_path / folder.name
        count = len(list(source.glob("*.txt")))
        texts += count
        built = runner.invoke(cli, ["build", "--silent", "--out", str(out), str(source)])
        assert built.exit_code == 0, built.output
        assert f"{count} written, 0 unchanged, 0 up to date, 0 failed" in built.output
        checked = runner.invoke(cli, ["validate", "--silent", *map(str, sorted(out.glob("*.xml")))])
        assert checked.exit_code == 0, checked.output
        if folder.name in BORN_DIGITAL:
            flagged = [p.name for p in out.glob("*.xml") if "<sic" in p.read_text("utf-8")]
            assert flagged == [], f"OCR flags in born-digital text: {flagged}"
    assert texts >= 200  # the corpora are all there
