"""Executors and the fragment cache: order, errors, and work not done twice."""

import os

import pytest

from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings, _pool, run
from pipeline.core.settings import ExportSettings
from pipeline.editions.export import export
from pipeline.editions.saxon import Saxon


def _slow_square(n: int) -> tuple[int, int]:
    import time

    time.sleep(0.01 * (n % 3))  # finish out of order
    return n, os.getpid()


def test_pool_results_come_back_in_input_order():
    results = list(run(_slow_square, range(40), ExecutorSettings(jobs=2)))
    assert [n for n, _ in results] == list(range(40))
    assert len({pid for _, pid in results}) == 2  # really two workers
    assert os.getpid() not in {pid for _, pid in results}


def test_pool_is_made_anew_every_so_many_tasks_a_worker():
    """Memory per process is bounded by the tasks a worker runs, not by the collection:
    2 workers, 3 tasks each, then fresh processes; the order is kept across pools."""
    results = list(_pool(_slow_square, range(15), workers=2, per_worker=3))
    assert [n for n, _ in results] == list(range(15))
    rounds = [{pid for _, pid in results[i:i + 6]} for i in range(0, 15, 6)]
    assert [len(r) <= 2 for r in rounds] == [True, True, True]
    assert not rounds[0] & rounds[1] and not rounds[1] & rounds[2]  # new workers each time


def test_one_job_runs_in_this_process():
    assert {pid for _, pid in run(_slow_square, range(3), ExecutorSettings(jobs=1))} == {
        os.getpid()}


def test_unknown_executor_is_refused():
    with pytest.raises(PipelineError, match="unknown executor 'spark'; use local or dask"):
        list(run(_slow_square, [1], ExecutorSettings(kind="spark")))


def test_unchanged_collection_is_not_transformed_again(built_seeds, tmp_path, monkeypatch):
    """A second export with nothing changed transforms no collection page (shells are
    the inputs whose root is not a document's) and rewrites nothing."""
    files = sorted(built_seeds.glob("0*.xml"))
    settings = ExportSettings(out_dir=tmp_path, fmt="html")
    shells = []
    apply = Saxon.apply

    def counting(self, stylesheet, xml_text, where, base=""):
        if not xml_text.startswith(("<doc-", "<TEI", "<?xml")):
            shells.append(xml_text[:20])
        return apply(self, stylesheet, xml_text, where, base)

    monkeypatch.setattr(Saxon, "apply", counting)
    export(files, settings)
    assert len(shells) > 50  # index, overviews, initials, years, search page
    shells.clear()
    report = export(files[:1], settings)
    assert report.written == [] and shells == []
