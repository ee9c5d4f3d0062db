"""A plain `pip install .` (not editable) into a fresh virtual environment works.

The wheel is built from a copy of the tracked tree, without build isolation (offline),
and installed with pip into a new venv that borrows only the third-party libraries of
this environment. Its `archive` builds, validates and exports the seeds; the bytes must
equal those of the tree's own code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from pipeline.build.stage import build
from pipeline.core.settings import BuildSettings, ExportSettings
from pipeline.editions.export import export

from conftest import AUTHORITY, ROOT, SEEDS, reproducible

TRACKED = ["pipeline", "pyproject.toml", "README.md"]


def _run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv with the pipeline installed from a wheel."""
    work = tmp_path_factory.mktemp("install")
    src = work / "src"
    src.mkdir()
    for name in TRACKED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", work / "wheel", src, cwd=work)
    wheel = next((work / "wheel").glob("tei_archive-*.whl"))
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
         "--no-index", "--disable-pip-version-check", "-q", wheel, cwd=work)
    # The third-party libraries of this environment, as a plain path: its .pth files
    # (among them the editable install of this tree) are not read.
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=work).stdout.strip())
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def _env() -> dict:
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "ARCHIVE_SCHEMA_DIR")}


def test_the_installed_package_is_the_wheel_not_the_tree(installed, tmp_path):
    where = _run(installed / "python", "-c", "import pipeline; print(pipeline.__file__)",
                 cwd=tmp_path, env=_env()).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where
    version = _run(installed / "archive", "--version", cwd=tmp_path, env=_env()).stdout
    from pipeline import __version__
    assert version.strip() == f"archive, version {__version__}"


def test_the_installed_archive_gives_the_trees_bytes(installed, tmp_path):
    mine, theirs = tmp_path / "tree", tmp_path / "installed"
    for out in (mine, theirs):
        (out / "tei").mkdir(parents=True)
        shutil.copy2(AUTHORITY, out / "tei" / "authority.xml")
    assert not build(SEEDS, BuildSettings(out_dir=mine / "tei")).failed
    tei = sorted((mine / "tei").glob("0*.xml"))
    assert not export(tei, ExportSettings(out_dir=mine / "html", fmt="html")).failed
    assert not export(tei, ExportSettings(out_dir=mine / "text", fmt="text")).failed

    archive, env = installed / "archive", _env()
    _run(archive, "build", "--silent", "--out", theirs / "tei", *SEEDS, cwd=tmp_path, env=env)
    _run(archive, "validate", "--silent", theirs / "tei", cwd=tmp_path, env=env)
    _run(archive, "export", "--silent", "--format", "html", "--out", theirs / "html",
         theirs / "tei", cwd=tmp_path, env=env)
    _run(archive, "export", "--silent", "--format", "text", "--out", theirs / "text",
         theirs / "tei", cwd=tmp_path, env=env)
    compared = 0
    for sub in ("tei", "html", "text"):
        files = sorted(p.relative_to(mine) for p in (mine / sub).rglob("*")
                       if p.is_file() and ".digests" not in p.parts and p.suffix != ".lock"
                       and not p.name.startswith(".archive-manifest")
                       and reproducible(p.relative_to(mine)))
        assert files == sorted(p.relative_to(theirs) for p in (theirs / sub).rglob("*")
                               if p.is_file() and ".digests" not in p.parts
                               and p.suffix != ".lock"
                               and not p.name.startswith(".archive-manifest")
                               and reproducible(p.relative_to(theirs))), sub
        for rel in files:
            assert (theirs / rel).read_bytes() == (mine / rel).read_bytes(), rel
            compared += 1
    assert compared > 50
    assert (theirs / "html" / "archive.js").stat().st_size > 0  # the script is packaged
