"""Executors and the fragment cache: order, errors, and work not done twice."""

import os

import pytest

from pipeline.errors import PipelineError
from pipeline.executor import ExecutorSettings, run
from pipeline.settings import ExportSettings
from pipeline.transform import export


def _slow_square(n: int) -> tuple[int, int]:
    import time

    time.sleep(0.01 * (n % 3))  # finish out of order
    return n, os.getpid()


def test_pool_results_come_back_in_input_order():
    results = list(run(_slow_square, range(40), ExecutorSettings(jobs=2)))
    assert [n for n, _ in results] == list(range(40))
    assert len({pid for _, pid in results}) == 2  # really two workers
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_runs_in_this_process():
    assert {pid for _, pid in run(_slow_square, range(3), ExecutorSettings(jobs=1))} == {
        os.getpid()}


def test_unknown_executor_is_refused():
    with pytest.raises(PipelineError, match="unknown executor 'spark'; use local or dask"):
        list(run(_slow_square, [1], ExecutorSettings(kind="spark")))


def test_unchanged_collection_is_not_transformed_again(built_seeds, tmp_path):
    files = sorted(built_seeds.glob("0*.xml"))
    settings = ExportSettings(out_dir=tmp_path, fmt="html")
    export(files, settings)
    parts = {p.name: p.stat().st_mtime_ns for p in (tmp_path / ".digests/.parts").iterdir()}
    assert len(parts) > 10  # register initials, chronology runs, shells
    report = export(files[:1], settings)
    assert report.written == []  # the page and every collection page as they were
    again = {p.name: p.stat().st_mtime_ns for p in (tmp_path / ".digests/.parts").iterdir()}
    assert again == parts
