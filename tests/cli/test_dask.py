"""The Dask executor: the same tasks on a 2-worker LocalCluster give the same bytes."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import AUTHORITY, SEEDS, reproducible
from pipeline.cli import cli

from dask import distributed  # in the test extras: a missing Dask is a failure


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _publish(root: Path, *executor: str) -> dict[str, bytes]:
    runner = CliRunner()
    steps = [["build", "--authority", str(AUTHORITY), "--out", str(root / "tei"),
              *map(str, SEEDS)],
             ["validate", str(root / "tei")],
             ["export", "--format", "html", "--out", str(root / "html"), str(root / "tei")],
             ["export", "--format", "text", "--out", str(root / "text"), str(root / "tei")]]
    for step in steps:
        result = runner.invoke(cli, [step[0], "--silent", *executor, *step[1:]])
        assert result.exit_code == 0, result.output
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock") and reproducible(p.relative_to(root))
            and p.name not in (".archive-manifest.json", "ledger.json",  # file times
                               ".pagefind.json")}


def test_dask_run_is_byte_identical_to_a_local_run(tmp_path, scheduler):
    local = _publish(tmp_path / "a", "--jobs", "1")
    remote = _publish(tmp_path / "b", "--executor", "dask", "--scheduler", scheduler)
    assert len(local) >= 30  # 5 TEI, 5 + 6 pages, 2 assets, search index, 5 texts, digests
    assert local.keys() == remote.keys()
    for name in local:
        assert local[name] == remote[name], name


def test_local_pool_is_byte_identical_to_a_serial_run(tmp_path):
    assert _publish(tmp_path / "a", "--jobs", "1") == _publish(tmp_path / "b", "--jobs", "2")


def test_dask_without_a_scheduler_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--silent", "--executor", "dask", "--out",
                                      str(tmp_path), str(SEEDS[0])])
    assert result.exit_code == 1
    assert result.stderr.endswith("--executor dask needs --scheduler ADDRESS "
                                  "(tcp://host:8786)\n")


def test_scheduler_needs_the_dask_executor(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--silent", "--scheduler", "tcp://x:1",
                                      "--out", str(tmp_path), str(SEEDS[0])])
    assert result.exit_code == 2
    assert "--scheduler goes with --executor dask" in result.stderr
