"""End to end: `make` in a temporary copy of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build.words import letter_words, source_text_of
from pipeline.core.ns import tei
from pipeline.validate.check import validate_file

from conftest import ROOT, reproducible

KEEP = ["seeds", "schema", "pipeline", "Makefile", "pyproject.toml", "requirements",
        "README.md", "tei/authority.xml"]


def _copy_repo(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in KEEP:
        src = ROOT / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / name)
    # Reuse this environment: installing afresh is what CI's clean clone exercises.
    venv = Path(sys.prefix)
    (target / ".venv").symlink_to(venv)
    installed = venv / ".installed"
    if not installed.exists():
        installed.touch()
    os.utime(target / "pyproject.toml", (0, 0))
    os.utime(target / "requirements" / "model.txt", (0, 0))
    return target


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    # The copy's own package and stylesheets, not the ones installed from ROOT.
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(["make", "--no-print-directory", *args], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def snapshot(repo: Path) -> dict[str, int]:
    return {str(p.relative_to(repo)): p.stat().st_mtime_ns
            for d in ("tei", "editions") for p in (repo / d).rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in
                                       p.relative_to(repo).parts)}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = _copy_repo(tmp_path_factory.mktemp("repo"))
    make(repo)
    return repo


def test_make_builds_every_output(repo):
    stems = [p.stem for p in sorted((repo / "seeds").glob("*.txt"))]
    for stem in stems:
        assert (repo / "tei" / f"{stem}.xml").is_file()
        assert (repo / "editions" / "html" / f"{stem}.html").is_file()
        assert (repo / "editions" / "text" / f"{stem}.txt").is_file()
        assert (repo / "editions" / "text" / f"{stem}.diplomatic.txt").is_file()
    for page in ("index", "persons", "places", "organisations", "chronology", "search"):
        assert (repo / "editions" / "html" / f"{page}.html").is_file()
    assert (repo / "editions" / "html" / "pagefind-0" / "pagefind.js").is_file()
    summary = (repo / ".build" / "summary.txt").read_text()
    assert summary.startswith(f"summary: {len(stems)} documents, ")


def test_built_tei_is_valid_against_both_schemas(repo, tei_all):
    for path in sorted((repo / "tei").glob("*.xml")):
        assert validate_file(path) == [], path
        assert tei_all.validate(etree.parse(str(path))), (path, tei_all.error_log)


def test_every_letter_word_of_each_seed_is_in_its_tei(repo):
    for seed in sorted((repo / "seeds").glob("*.txt")):
        root = etree.parse(str(repo / "tei" / f"{seed.stem}.xml")).getroot()
        got = letter_words(source_text_of(root.find(tei("text"))))
        assert got == letter_words(seed.read_text(encoding="utf-8")), seed.name


def test_second_make_does_nothing(repo):
    before = snapshot(repo)
    result = make(repo)
    assert "Nothing to be done for 'all'" in result.stdout
    assert snapshot(repo) == before


def test_changing_one_seed_rebuilds_only_its_outputs(repo):
    before = snapshot(repo)
    seed = sorted((repo / "seeds").glob("*.txt"))[1]
    time.sleep(0.01)
    with open(seed, "a", encoding="utf-8") as fh:
        fh.write("\nA paragraph added later.\n")
    make(repo)
    after = snapshot(repo)
    changed = sorted(k for k in after if after[k] != before.get(k))
    # The new words reach the search bundle of the document's shard (Pagefind writes a
    # bundle whole); the paragraph has no name or date, so the registers and the
    # chronology stay as they were.
    bundle = [k for k in changed if k.startswith("editions/html/pagefind-")]
    assert bundle and all(k.startswith("editions/html/pagefind-0/") for k in bundle), bundle
    assert [k for k in changed if k not in bundle] == sorted([
        f"tei/{seed.stem}.xml", f"editions/html/{seed.stem}.html",
        f"editions/html/tei/{seed.stem}.xml",  # the page's TEI download, copied again
        f"editions/text/{seed.stem}.txt", f"editions/text/{seed.stem}.diplomatic.txt",
        "editions/html/index.html"])


def test_changing_a_stylesheet_rebuilds_the_editions(repo):
    css = repo / "pipeline" / "xslt" / "html" / "archive.css"
    css.write_bytes(css.read_bytes() + b"\n/* touched */\n")
    result = make(repo)
    line = next(l for l in result.stdout.splitlines() if l.startswith("export html:"))
    # Every document page is regenerated and found unchanged; so is every collection
    # page (none transformed again: what they show did not change).
    # Every file of the edition but the touched one (pages, assets, Leaflet, TEI copies,
    # search bundles) counts, none of the export's own records.
    html = repo / "editions" / "html"
    others = [p for p in html.rglob("*") if p.is_file() and p.name != css.name
              and not any(part.startswith(".") for part in p.relative_to(html).parts)]
    assert line.startswith(f"export html: 1 file(s) written, {len(others)} unchanged, "
                           "0 failed"), line
    assert (repo / "editions" / "html" / "archive.css").read_bytes().endswith(b"touched */\n")
    assert "export text:" not in result.stdout
    assert "archive build" not in result.stdout  # the TEI does not depend on stylesheets


def test_changing_export_code_rebuilds_the_editions_not_the_tei(repo):
    code = repo / "pipeline" / "editions" / "digest.py"
    before = snapshot(repo)
    code.write_bytes(code.read_bytes() + b"\n# touched\n")
    result = make(repo)
    assert "archive build" not in result.stdout
    assert "archive validate" not in result.stdout
    stems = [p.stem for p in sorted((repo / "seeds").glob("*.txt"))]
    for fmt in ("html", "text"):  # every document handed over again, each found unchanged
        line = next(l for l in result.stdout.splitlines() if l.startswith(f"export {fmt}:"))
        assert ", 0 failed" in line and " 0 file(s) written" in line, line
        command = next(l for l in result.stdout.splitlines() if f"--format {fmt}" in l)
        assert all(f"tei/{stem}.xml" in result.stdout for stem in stems), command
    assert snapshot(repo) == before


def test_changing_build_code_makes_the_tei_stale(repo):
    code = repo / "pipeline" / "build" / "words.py"
    code.write_bytes(code.read_bytes() + b"\n# touched\n")
    result = make(repo)
    line = next(l for l in result.stdout.splitlines() if l.startswith("build:"))
    # Rebuilt from scratch (the fingerprint changed), and the same bytes came out.
    assert line.startswith(f"build: 0 written, {len(list((repo / 'seeds').glob('*.txt')))} "
                           "unchanged, 0 up to date"), line


def test_parallel_make_gives_the_same_bytes(tmp_path):
    serial = _copy_repo(tmp_path / "serial")
    parallel = _copy_repo(tmp_path / "parallel")
    make(serial)
    make(parallel, "-j2")
    files = [p.relative_to(serial) for d in ("tei", "editions")
             for p in sorted((serial / d).rglob("*")) if p.is_file()
             and not p.name.endswith(".lock")
             and p.name not in ("ledger.json", ".pagefind.json")  # file times
             and reproducible(p.relative_to(serial))]
    assert len(files) > 15
    for rel in files:
        assert (parallel / rel).read_bytes() == (serial / rel).read_bytes(), rel


def test_authority_change_reaches_tei_and_editions(repo):
    seed = sorted((repo / "seeds").glob("*.txt"))[0]
    tei_file = f"tei/{seed.stem}.xml"
    before = (repo / tei_file).read_bytes()
    env = {**os.environ, "PYTHONPATH": str(repo)}
    added = subprocess.run([str(repo / ".venv" / "bin" / "archive"), "entities", "add",
                            "meaning the National Front", "--kind", "org", "--id", "test-org"],
                           cwd=repo, env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    result = make(repo)
    assert (repo / tei_file).read_bytes() != before
    export_lines = [l for l in result.stdout.splitlines() if "--format html" in l or
                    l.startswith("  tei/")]
    assert any(tei_file in l for l in export_lines), result.stdout


def test_a_hand_edit_survives_make(repo):
    tei_file = sorted((repo / "tei").glob("0*.xml"))[0]
    text = tei_file.read_text(encoding="utf-8")
    edited = text.replace("</body>", "<!-- checked by hand --></body>")
    tei_file.write_text(edited, encoding="utf-8")
    result = make(repo)  # validates and exports the edited file
    assert tei_file.read_text(encoding="utf-8") == edited
    assert f"tei/{tei_file.name}" in result.stdout
    seed = repo / "seeds" / (tei_file.stem + ".txt")
    os.utime(seed)  # the build runs over it again: the edit is kept, with a word why
    result = make(repo)
    assert tei_file.read_text(encoding="utf-8") == edited
    assert "edited by hand since it was built; kept" in result.stderr


def test_killed_make_leaves_no_partial_file_and_the_next_make_repairs(tmp_path):
    import signal

    repo = _copy_repo(tmp_path / "killed")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    proc = subprocess.Popen(["make", "--no-print-directory"], cwd=repo, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    leftovers = [p for p in repo.rglob("*.tmp")]
    for tmp in leftovers:  # a killed writer may leave its temporary file, never a partial output
        assert tmp.name.startswith(".")
    for path in list((repo / "tei").glob("*.xml")) + list((repo / "editions").rglob("*.html")):
        etree.parse(str(path), etree.HTMLParser() if path.suffix == ".html" else None)
    make(repo)
    reference = _copy_repo(tmp_path / "reference")
    make(reference)
    for path in sorted((reference / "tei").glob("*.xml")):
        assert (repo / "tei" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_seed_with_spaces_in_its_name(tmp_path):
    repo = _copy_repo(tmp_path / "spaced")
    (repo / "seeds" / "Letër nga Pezë.txt").write_text(
        "Letër nga Pezë\n\nA short letter from the village of Pezë.\n", encoding="utf-8")
    make(repo)
    assert (repo / "tei" / "Letër nga Pezë.xml").is_file()
    assert (repo / "editions" / "html" / "Letër nga Pezë.html").is_file()
    assert (repo / "editions" / "text" / "Letër nga Pezë.txt").is_file()


def test_two_makes_at_once_give_the_same_bytes(tmp_path):
    repo = _copy_repo(tmp_path / "twice")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    runs = [subprocess.Popen(["make", "--no-print-directory"], cwd=repo, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        run.wait(timeout=600)
    make(repo)  # whatever the race left to do
    reference = _copy_repo(tmp_path / "serial")
    make(reference)
    files = [p.relative_to(reference) for d in ("tei", "editions")
             for p in sorted((reference / d).rglob("*")) if p.is_file()
             and not p.name.endswith(".lock")
             and p.name not in ("ledger.json", ".pagefind.json")  # file times
             and reproducible(p.relative_to(reference))]
    for rel in files:
        assert (repo / rel).read_bytes() == (reference / rel).read_bytes(), rel
    assert not list(repo.rglob("*.tmp"))
