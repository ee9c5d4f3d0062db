"""The name model in a model server (build/names/helper.py, server.py): the entities the
model finds in this process, the same clear error for a missing model, a fallback when
the server is gone, a server that stays for the next build and ends by itself, and a
one-document build that is the same byte for byte as a build whose workers load the
model themselves."""

import multiprocessing
import os
import pathlib

import pytest

from pipeline.build import stage
from pipeline.build.names import layers
from pipeline.build.names import helper as helper_module
from pipeline.build.names.helper import HelperFailed, HelperGone, ModelHelper
from pipeline.build.names import rendezvous
from pipeline.build.names.model import DEFAULT_MODEL, ModelMissing, NameModel, load
from pipeline.build.names.model import fingerprint
from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings
from pipeline.core.settings import BuildSettings

TEXTS = ["Talks in Geneva", "", "nothing to see here",
         "The envoy Kofi Annan met officials of the World Health Organization in Geneva."]


def _here(texts, batch_size):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in load(DEFAULT_MODEL).pipe(texts, batch_size=batch_size)]


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test meets only the servers it starts."""
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))


def helper_for(name=DEFAULT_MODEL):
    return ModelHelper(name, fingerprint(name))


def test_the_helper_finds_what_the_model_finds_in_this_process():
    helper = helper_for()
    assert helper._proc is not None and not helper.warm  # none listened: started
    try:
        got = helper.pipe(TEXTS, batch_size=2)
        again = helper.pipe(TEXTS[3:], batch_size=64)
    finally:
        helper.close()
    assert got == _here(TEXTS, 2) and again == got[3:]
    assert (10, 20, "PERSON") in got[3]  # Kofi Annan
    assert helper._proc.wait(timeout=10) == 0  # ARCHIVE_MODEL_IDLE=0: it ends with its build


def test_a_server_stays_for_the_next_build_and_ends_when_idle(monkeypatch):
    monkeypatch.setenv("ARCHIVE_MODEL_IDLE", "1.5")
    first = helper_for()
    got = first.pipe(TEXTS, batch_size=2)
    first.close()
    second = helper_for()  # the server listens still: no new one, the model loaded
    try:
        assert second.warm and second._proc is None
        assert second.pipe(TEXTS, batch_size=2) == got
        assert second.pipe(TEXTS[::-1], batch_size=64) == _here(TEXTS[::-1], 64)
    finally:
        second.close()
    assert first._proc.wait(timeout=15) == 0  # idle 1.5 s after the last build
    assert not os.path.exists(first._where[0])  # and its socket went with it
    monkeypatch.setenv("ARCHIVE_MODEL_IDLE", "0")
    third = helper_for()
    assert not third.warm  # the next build starts another
    third.close()  # never asked, and ARCHIVE_MODEL_IDLE=0 here: ended at once
    assert third._proc.wait(timeout=5) != 0


def test_a_server_ends_when_its_cache_directory_is_deleted(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("ARCHIVE_MODEL_IDLE", "600")
    helper = helper_for()
    helper.pipe(TEXTS[:1], batch_size=64)
    helper.close()
    assert helper_for().warm  # it stays
    shutil.rmtree(tmp_path / "cache")
    assert helper._proc.wait(timeout=10) == 0


def test_another_model_or_cache_directory_meets_another_server(tmp_path, monkeypatch):
    here = rendezvous.address(DEFAULT_MODEL, fingerprint(DEFAULT_MODEL))
    assert here == rendezvous.address(DEFAULT_MODEL, fingerprint(DEFAULT_MODEL))
    assert here[0] != rendezvous.address("other_model", fingerprint("other_model"))[0]
    assert here[0] != rendezvous.address(DEFAULT_MODEL, "spacy 9.9")[0]
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert here[0] != rendezvous.address(DEFAULT_MODEL, fingerprint(DEFAULT_MODEL))[0]
    assert len(here[1]) == 32 and os.stat(tmp_path / "elsewhere" / "model-server.key"
                                          ).st_mode & 0o777 == 0o600


def test_a_socket_directory_open_to_others_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    (tmp_path / f"archive-model-{os.getuid()}").mkdir(mode=0o777)
    os.chmod(tmp_path / f"archive-model-{os.getuid()}", 0o777)
    assert rendezvous.address(DEFAULT_MODEL, "x") is None
    helper = ModelHelper(DEFAULT_MODEL, "x")
    with pytest.raises(HelperGone):  # so the model reads in the build's own process
        helper.pipe(["Geneva"], 64)
    helper.close()


def test_a_stale_socket_is_replaced(monkeypatch):
    import socket

    where = rendezvous.address(DEFAULT_MODEL, fingerprint(DEFAULT_MODEL))
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(where[0])  # bound, never listening: what a killed server leaves
    stale.close()
    helper = helper_for()
    try:
        assert not helper.warm and helper.pipe(TEXTS[3:], 64) == _here(TEXTS[3:], 64)
    finally:
        helper.close()


@pytest.mark.parametrize("value", ["soon", "-1", "inf"])
def test_a_wait_that_is_no_number_of_seconds_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("ARCHIVE_MODEL_IDLE", value)
    with pytest.raises(PipelineError, match=f"ARCHIVE_MODEL_IDLE must be a number of seconds "
                                            rf"\(0: the model server ends with its build\), "
                                            f"not '{value}'"):
        rendezvous.idle_seconds()


def test_a_missing_model_is_the_same_clear_error_from_the_helper():
    helper = helper_for("no_such_model")
    try:
        with pytest.raises(HelperFailed, match="'no_such_model' is not installed"):
            helper.pipe(["Geneva"], 64)
        with pytest.raises(HelperFailed):  # and again: the helper still answers
            helper.pipe(["Geneva"], 64)
    finally:
        helper.close()


def test_a_model_the_helper_cannot_load_is_the_models_clear_error():
    model = NameModel(DEFAULT_MODEL)
    model.helper = helper_for("no_such_model")
    try:
        with pytest.raises(ModelMissing, match="'no_such_model' is not installed"):
            model.spans(["Talks in Geneva"])
    finally:
        model.helper.close()


def test_when_the_helper_is_gone_the_model_reads_in_this_process():
    model = NameModel(DEFAULT_MODEL)
    model.helper = helper_for()
    gone = model.helper
    gone._proc.kill()
    gone._proc.wait()
    spans = model.spans(TEXTS)
    assert model.helper is None and model._nlp is not None
    assert spans == NameModel(DEFAULT_MODEL).spans(TEXTS)
    gone.close()  # closing a dead helper is no error
    pathlib.Path(gone._where[0]).unlink(missing_ok=True)  # what the killed server left


def test_a_one_document_build_reads_by_the_helper_and_writes_the_same_bytes(
        tmp_path, monkeypatch):
    seeds = []
    for name, body in (("a", "The envoy Kofi Annan met officials in Geneva on 3 May 1944."),
                       ("b", "Talks in Berne\n\nMaria Schmidt wrote from Zurich."),
                       ("c", "Letters from Tirana\n\nThe minister Hans Keller left Bern.")):
        seeds.append(tmp_path / f"{name}.txt")
        seeds[-1].write_text(f"Report {name}\n\n{body}\n", encoding="utf-8")
    read, warm, encoded = [], [], []

    class Spy(ModelHelper):
        def pipe(self, texts, batch_size):
            read.extend(texts)
            warm.append((self.warm, self._proc))
            return super().pipe(texts, batch_size)

        def encode(self, task, fingerprint):
            answer = super().encode(task, fingerprint)
            encoded.append((task.seed.name, answer is not None))
            return answer

    monkeypatch.setattr(stage, "ModelHelper", Spy)
    monkeypatch.setattr(layers, "MODELS", {})  # no spans this test process already read
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache-one"))
    monkeypatch.setenv("ARCHIVE_MODEL_IDLE", "30")
    settings = BuildSettings(out_dir=tmp_path / "one", gazetteer=False)
    for seed in seeds:  # a started server reads the first's blocks, then encodes the others
        report = stage.build([seed], settings, executor=ExecutorSettings(jobs=2))
        assert not report.failed and len(report.written) == 1
    assert any("Kofi Annan" in t for t in read) and not any("Maria Schmidt" in t for t in read)
    assert warm[0][0] is False  # the server the first build started: it read the blocks
    assert encoded == [("a.txt", False), ("b.txt", True), ("c.txt", True)]
    assert layers.MODELS[DEFAULT_MODEL]._nlp is None  # spaCy was never loaded here
    assert layers.MODELS[DEFAULT_MODEL].helper is None and not multiprocessing.active_children()
    warm[0][1].terminate()  # the server would wait 30 s more

    # Two documents on two workers: no helper, each worker loads the model itself.
    monkeypatch.setattr(layers, "MODELS", {})
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache-two"))
    read.clear()
    report = stage.build(seeds, BuildSettings(out_dir=tmp_path / "two", gazetteer=False),
                         executor=ExecutorSettings(jobs=2))
    assert not report.failed and len(report.written) == 3 and read == []
    for name in ("a.xml", "b.xml", "c.xml"):
        one, two = (tmp_path / d / name for d in ("one", "two"))
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
        def __init__(self, name, identity):
            started.append(name)
            super().__init__(name, identity)

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


def test_a_server_that_does_not_answer_in_time_is_left_for_the_build_itself(monkeypatch):
    monkeypatch.setattr(helper_module, "ANSWER_WITHIN", 0.001)  # a new server loads for 1 s
    helper = helper_for()
    with pytest.raises(HelperGone, match="no answer from the model server in 0.001 s"):
        helper.pipe(TEXTS, 64)
    helper.close()
    assert helper._proc.wait(timeout=15) == 0  # it answered nobody, and ended


def test_no_server_where_its_key_or_its_directory_cannot_be_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir()
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    (tmp_path / "run" / f"archive-model-{os.getuid()}").symlink_to(tmp_path / "elsewhere")
    assert rendezvous.address(DEFAULT_MODEL, "x") is None  # a link: not made by us
    (tmp_path / "run" / f"archive-model-{os.getuid()}").unlink()
    assert rendezvous.address(DEFAULT_MODEL, "x") is not None
    (tmp_path / "cache" / "model-server.key").write_bytes(b"short")
    assert rendezvous.address(DEFAULT_MODEL, "x") is None  # a damaged key
