"""Seeds encoded in the model server (build/warm.py): the same bytes as in the build's
own process, only for the build's own code and settings, and an end once the code
changed or enough documents were read."""

from pathlib import Path

import pytest

from pipeline.build import stage, warm
from pipeline.build.fingerprints import fingerprint_of
from pipeline.build.names import helper as helper_module
from pipeline.core.settings import BuildSettings


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))


def _task(tmp_path: Path, name: str, body: str) -> stage.EncodeTask:
    seed = tmp_path / f"{name}.txt"
    seed.write_text(f"Report {name}\n\n{body}\n", encoding="utf-8")
    return stage.EncodeTask(seed.resolve(), "utf-8", "2026-01-01", None, tmp_path.resolve(),
                            None, None, False, None)


def _fingerprint(task: stage.EncodeTask) -> str:
    return fingerprint_of(task.authority is not None, task.overrides, task.rejected,
                          task.model, task.gazetteer)


def test_an_encoding_in_the_server_is_the_encoding_here(tmp_path):
    encoder = warm.Encoder()
    tasks = [_task(tmp_path, "a", "Tubo weeks later the envoy left Tirana on 3 May 1944."),
             _task(tmp_path, "b", "The minister wrote from Berat in June 1943.")]
    for task in tasks:  # the second after the first, as a server that stays reads them
        done, (ok, value, key) = encoder.answer(task, _fingerprint(task))
        assert done == "done" and ok and key
        assert value[:4] == stage.encode_task(task)[1][:4]  # bytes, sha, warnings, words
    assert encoder.done == 2 and not encoder.retired


def test_a_task_of_other_settings_is_refused_and_the_server_stays(tmp_path):
    encoder = warm.Encoder()
    task = _task(tmp_path, "a", "The envoy left Tirana.")
    assert encoder.answer(task, "0" * 16) == ("stale", "another code or other settings")
    assert encoder.done == 0 and not encoder.retired  # its code is still the code on disk


def test_a_server_whose_code_is_no_longer_on_disk_refuses_and_ends(tmp_path):
    encoder = warm.Encoder()
    encoder.code = encoder.code[:-1] + [(b"build/other.py", b"# another version\n")]
    task = _task(tmp_path, "a", "The envoy left Tirana.")
    done, _ = encoder.answer(task, _fingerprint(task))
    assert done == "stale" and encoder.retired
    assert encoder.answer(task, _fingerprint(task))[0] == "stale"  # and so on, until it ends


def test_a_server_ends_after_its_documents_as_a_pool_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(warm, "MAX_DOCUMENTS", 2)
    encoder = warm.Encoder()
    task = _task(tmp_path, "a", "The envoy left Tirana.")
    assert [encoder.answer(task, _fingerprint(task))[0] for _ in range(3)] == [
        "done", "done", "stale"]
    assert encoder.retired


def test_only_a_server_that_listened_already_is_asked_to_encode(tmp_path, monkeypatch):
    monkeypatch.setattr(helper_module.rendezvous, "address", lambda *a: None)
    helper = helper_module.ModelHelper("no_such_model", "x")  # no place for a server
    task = _task(tmp_path, "a", "The envoy left Tirana.")
    assert helper.encode(task, _fingerprint(task)) is None
    here = []
    encode = helper.encoder(_fingerprint(task), lambda t: here.append(t) or ("here", t), [])
    assert encode(task) == ("here", task) and here == [task]


def test_a_build_fingerprint_is_the_one_the_build_records(tmp_path):
    settings = BuildSettings(out_dir=tmp_path / "tei", model=None, gazetteer=False)
    seed = _task(tmp_path, "a", "The envoy left Tirana.").seed
    stage.build([seed], settings)
    manifest = stage.Manifest.load(settings.out_dir)
    assert manifest.entries["a.xml"].fingerprint == fingerprint_of(False, None, None, None,
                                                                   False)


def test_a_task_is_encoded_in_its_builds_directory(tmp_path, monkeypatch):
    build_dir = tmp_path / "project"
    build_dir.mkdir()
    task = _task(build_dir, "a", "The envoy left Tirana.")
    relative = stage.EncodeTask(Path("a.txt"), *list(vars(task).values())[1:])
    monkeypatch.chdir(tmp_path)  # the server's own directory: another one
    done, (ok, value, _) = warm.Encoder().answer(relative, _fingerprint(task), str(build_dir))
    assert done == "done" and ok and Path.cwd() == build_dir
    monkeypatch.chdir(build_dir)
    assert value[:4] == stage.encode_task(relative)[1][:4]
    gone = str(tmp_path / "gone")
    assert warm.Encoder().answer(relative, _fingerprint(task), gone)[0] == "stale"
