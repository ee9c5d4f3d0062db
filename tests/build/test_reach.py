"""An authority edit rebuilds only the documents it can reach (pipeline/build/reach.py)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from pipeline.build import reach
from pipeline.build.manifest import MANIFEST
from pipeline.cli import cli

ENTRY = ('<place xml:id="{id}"><placeName>{name}</placeName>'
         '<note>{note}</note></place>')


def authority(places: list[tuple[str, str, str]]) -> str:
    entries = "".join(ENTRY.format(id=i, name=n, note=note) for i, n, note in places)
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/></body>'
            f'</text><standOff><listPlace>{entries}</listPlace></standOff></TEI>')


BASE = [("ardena", "Ardena", "a town"), ("belmont", "Belmont", "a village")]
TEXTS = {"a": "Ardena is a town on the river. The council met there in 1921.\n",
         "b": "Nothing about any town is said here, only weather and crops.\n",
         "c": "The ferry to Corvale left at dawn, and the council met at noon.\n",
         "d": "The ferry to C0rvaIe left at dawn, as the scan prints it.\n"}


def _seeds(tmp: Path) -> None:
    (tmp / "seeds").mkdir()
    for name, text in TEXTS.items():
        (tmp / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")


def _build(tmp: Path, out: Path, places) -> str:
    (out).mkdir(exist_ok=True)
    (out / "authority.xml").write_text(authority(places), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--silent", "--no-model", "--no-gazetteer",
                                      "--out", str(out), str(tmp / "seeds")])
    assert result.exit_code == 0, result.output
    return result.output


def _tei(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))
            if p.name != "authority.xml"}


def test_an_added_place_rebuilds_only_the_texts_that_can_name_it(tmp_path):
    _seeds(tmp_path)
    kept = tmp_path / "kept"
    _build(tmp_path, kept, BASE)
    before = {p.name: p.stat().st_mtime_ns for p in kept.glob("?.xml")}
    added = BASE + [("corvale", "Corvale", "a port")]
    output = _build(tmp_path, kept, added)
    # c names it, d prints it damaged (within the OCR checker's reach); a and b cannot.
    assert output.startswith("build: 1 written, 1 unchanged, 2 up to date (2 not reached "
                             "by the authority edit), 0 failed"), output
    after = {p.name: p.stat().st_mtime_ns for p in kept.glob("?.xml")}
    assert after["a.xml"] == before["a.xml"] and after["b.xml"] == before["b.xml"]
    assert 'corvale' in (kept / "c.xml").read_text(encoding="utf-8")
    # What a build from nothing with the new file writes, byte for byte.
    fresh = tmp_path / "fresh"
    _build(tmp_path, fresh, added)
    assert _tei(kept) == _tei(fresh)
    # Every output now records the new file's hash; the old version is no longer kept.
    entries = json.loads((kept / MANIFEST).read_text())["outputs"]
    assert len({e["authority"] for e in entries.values()}) == 1
    assert len(list((kept / reach.FOLDER).glob("*.json"))) == 1


def test_an_edited_note_reaches_no_document(tmp_path):
    _seeds(tmp_path)
    out = tmp_path / "tei"
    _build(tmp_path, out, BASE)
    edited = [(i, n, note + ", on the coast") for i, n, note in BASE]
    output = _build(tmp_path, out, edited)
    assert output.startswith("build: 0 written, 0 unchanged, 4 up to date (4 not reached"), output


def test_a_version_that_was_not_kept_rebuilds_everything(tmp_path):
    _seeds(tmp_path)
    out = tmp_path / "tei"
    _build(tmp_path, out, BASE)
    for old in (out / reach.FOLDER).glob("*.json"):
        old.unlink()
    output = _build(tmp_path, out, BASE + [("x", "Zennor", "a hamlet")])
    assert "0 up to date" in output, output


def test_changed_words_are_those_of_names_that_differ():
    a = {"keys": {"ardena": ["ardena"], "belmont": ["belmont"]},
         "entries": {"ardena": ["place", ["Ardena"]], "belmont": ["place", ["Belmont"]]}}
    b = {"keys": {"ardena": ["ardena"], "belmont": ["belmont"], "port\x1f \x1fcorvale":
                  ["corvale"]},
         "entries": {"ardena": ["place", ["Ardena"]], "belmont": ["org", ["Belmont"]],
                     "corvale": ["place", ["Port Corvale"]]}}
    assert reach.changed_words(a, b) == {"port", "corvale", "belmont"}
    assert reach.changed_words(a, a) == set()


def test_reach_covers_forms_the_checker_could_read_as_the_name():
    words = {"gjirokaster", "tirana"}
    assert reach.reaches("They came from Gjirokastër.", words)
    assert reach.reaches("Two Albanians from Tiranaand the coast", {"albania"})
    assert reach.reaches("the road to T1rapa was long", words)  # digit, one letter
    assert reach.reaches("born in Gjiro kastër, a town", words)  # split by the scan
    assert not reach.reaches("A text about weather and crops in a valley.", words)
    assert not reach.reaches("Anything at all.", set())


@settings(max_examples=60, deadline=None)
@given(before=st.text(max_size=40), after=st.text(max_size=40),
       word=st.from_regex(r"[a-z]{3,12}", fullmatch=True))
def test_a_text_that_holds_the_word_is_always_reached(before, after, word):
    assert reach.reaches(before + word.capitalize() + after, {word})
