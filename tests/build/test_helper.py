"""The name model in a helper process (build/names/helper.py): the entities the model
finds in this process, the same clear error for a missing model, a fallback when the
helper is gone, and a one-document build that is the same byte for byte as a build whose
workers load the model themselves."""

import multiprocessing

import pytest

from pipeline.build import stage
from pipeline.build.names import layers
from pipeline.build.names import helper as helper_module
from pipeline.build.names.helper import HelperFailed, ModelHelper
from pipeline.build.names.model import DEFAULT_MODEL, ModelMissing, NameModel, load
from pipeline.core.executor import ExecutorSettings
from pipeline.core.settings import BuildSettings

TEXTS = ["Talks in Geneva", "", "nothing to see here",
         "The envoy Kofi Annan met officials of the World Health Organization in Geneva."]


def _here(texts, batch_size):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in load(DEFAULT_MODEL).pipe(texts, batch_size=batch_size)]


def test_the_helper_finds_what_the_model_finds_in_this_process():
    helper = ModelHelper(DEFAULT_MODEL, load)
    try:
        got = helper.pipe(TEXTS, batch_size=2)
        again = helper.pipe(TEXTS[3:], batch_size=64)
    finally:
        helper.close()
    assert got == _here(TEXTS, 2) and again == got[3:]
    assert (10, 20, "PERSON") in got[3]  # Kofi Annan
    assert not helper._proc.is_alive()


def test_a_missing_model_is_the_same_clear_error_from_the_helper():
    helper = ModelHelper("no_such_model", load)
    try:
        with pytest.raises(HelperFailed, match="'no_such_model' is not installed"):
            helper.pipe(["Geneva"], 64)
        with pytest.raises(HelperFailed):  # and again: the helper still answers
            helper.pipe(["Geneva"], 64)
    finally:
        helper.close()


def test_a_model_the_helper_cannot_load_is_the_models_clear_error():
    model = NameModel(DEFAULT_MODEL)
    model.helper = ModelHelper("no_such_model", load)
    try:
        with pytest.raises(ModelMissing, match="'no_such_model' is not installed"):
            model.spans(["Talks in Geneva"])
    finally:
        model.helper.close()


def test_when_the_helper_is_gone_the_model_reads_in_this_process():
    model = NameModel(DEFAULT_MODEL)
    model.helper = ModelHelper(DEFAULT_MODEL, load)
    gone = model.helper
    gone._proc.kill()
    gone._proc.join()
    spans = model.spans(TEXTS)
    assert model.helper is None and model._nlp is not None
    assert spans == NameModel(DEFAULT_MODEL).spans(TEXTS)
    gone.close()  # closing a dead helper is no error


def test_a_one_document_build_reads_by_the_helper_and_writes_the_same_bytes(
        tmp_path, monkeypatch):
    seeds = []
    for name, body in (("a", "The envoy Kofi Annan met officials in Geneva on 3 May 1944."),
                       ("b", "Talks in Berne\n\nMaria Schmidt wrote from Zurich.")):
        seeds.append(tmp_path / f"{name}.txt")
        seeds[-1].write_text(f"Report {name}\n\n{body}\n", encoding="utf-8")
    read = []

    class Spy(ModelHelper):
        def pipe(self, texts, batch_size):
            read.extend(texts)
            return super().pipe(texts, batch_size)

    monkeypatch.setattr(stage, "ModelHelper", Spy)
    monkeypatch.setattr(layers, "MODELS", {})  # no spans this test process already read
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache-one"))
    settings = BuildSettings(out_dir=tmp_path / "one", gazetteer=False)
    report = stage.build(seeds[:1], settings, executor=ExecutorSettings(jobs=2))
    assert not report.failed and len(report.written) == 1
    assert any("Kofi Annan" in t for t in read)
    assert layers.MODELS[DEFAULT_MODEL]._nlp is None  # spaCy was never loaded here
    assert layers.MODELS[DEFAULT_MODEL].helper is None and not multiprocessing.active_children()

    # Two documents on two workers: no helper, each worker loads the model itself.
    monkeypatch.setattr(layers, "MODELS", {})
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache-two"))
    read.clear()
    report = stage.build(seeds, BuildSettings(out_dir=tmp_path / "two", gazetteer=False),
                         executor=ExecutorSettings(jobs=2))
    assert not report.failed and len(report.written) == 2 and read == []
    one, two = (tmp_path / d / "a.xml" for d in ("one", "two"))
    assert b'resp="#ner"' in one.read_bytes()
    assert one.read_bytes() == two.read_bytes()


def test_a_helper_is_wanted_where_the_model_runs_in_this_process():
    local2, local1 = ExecutorSettings(jobs=2), ExecutorSettings(jobs=1)
    assert helper_module.wanted(DEFAULT_MODEL, 1, local2)
    assert helper_module.wanted(DEFAULT_MODEL, 40, local1)
    assert not helper_module.wanted(DEFAULT_MODEL, 40, local2)  # a pool: each loads its own
    assert not helper_module.wanted(None, 1, local1)  # --no-model
    assert not helper_module.wanted(DEFAULT_MODEL, 1, ExecutorSettings(kind="dask"))


def test_archive_build_of_one_seed_starts_its_helper_before_the_build(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import cli

    started = []

    class Early(ModelHelper):
        def __init__(self, name, load_):
            started.append(name)
            super().__init__(name, load_)

    monkeypatch.setattr(helper_module, "ModelHelper", Early)
    monkeypatch.setattr(stage, "ModelHelper", lambda *a: pytest.fail("a second helper"))
    monkeypatch.setattr(layers, "MODELS", {})
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    seed = tmp_path / "talks.txt"
    seed.write_text("Talks\n\nThe envoy Kofi Annan met officials in Geneva.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--silent", "--no-gazetteer", "--jobs", "2",
                                      "--out", str(tmp_path / "tei"), str(seed)])
    assert result.exit_code == 0, result.output
    assert started == [DEFAULT_MODEL] and not multiprocessing.active_children()
    assert 'resp="#ner"' in (tmp_path / "tei" / "talks.xml").read_text(encoding="utf-8")
    assert layers.MODELS[DEFAULT_MODEL]._nlp is None
