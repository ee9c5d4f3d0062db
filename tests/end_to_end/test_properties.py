"""Property tests: any text gives valid TEI that keeps every word."""

import os
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st
from lxml import etree, html as lhtml

from conftest import ROOT
from pipeline.build.source import decode_source
from pipeline.build.stage import encode
from pipeline.build.words import letter_words, source_text_of
from pipeline.core.ns import tei
from pipeline.validate.check import schema_dir

import pytest

# Lines built from the pieces real sources are made of, so the structure rules fire.
PIECES = st.sampled_from([
    "= Title =", "==Background==", "===Sub===", "- Key: value", "* item", "(1) note text",
    "[17]", "Dear comrades,", "P.S. — later.", "7 April 1939", "«quoted»", "Tubo weeks",
    "Këlcyra and Pezë.", "<script>x</script>", "a & b ]]> c", "A short title", "  ",
    "This is an ordinary sentence.", "continues here without end", "1) condition;",
    "Comradely greetings", "For the Council", "* * *", "First published in “X”, Tirana 1960",
    "a remote prospect5.", "(2 )The powers", "** A second note", "(*) Itifak — alliance.",
    "CHAPTER II", "Skip to main content", "Historica Wiki", "April 7, 2014", "- Battles: A, *B, *C",
    '- Dema, Ilir. "Boatmen"', "References", "London, 14th March 1852.", "History",
    "with reaction", "gaining strength.", "The Establishment of the Regime",
    # line-end hyphens: words broken by the printer, compounds, "¬" of OCR, a page head
    "the insur-", "gents came", "Massachu¬", "setts", "Tirana-", "Elbasan road", "every-",
    "thing", "-", "pro-", "42 THE HISTORY OF ALBANIA", "1941-", "1945 was", "Tubo we-",
])
FREE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
LINES = st.lists(st.one_of(PIECES, FREE), min_size=1, max_size=25)


@pytest.fixture(scope="module")
def project_rng():
    return etree.RelaxNG(etree.parse(str(schema_dir() / "archive.rng")))




@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(LINES)
def test_any_text_gives_valid_tei_and_loses_no_word(project_rng, tei_all, lines):
    text = "\n".join(lines)
    assume(text.strip())
    src = decode_source(text.encode("utf-8"), Path("seeds/h.txt"))
    root = etree.fromstring(encode(src, "2026-01-01"))
    assert project_rng.validate(root), project_rng.error_log
    assert tei_all.validate(root), tei_all.error_log
    assert letter_words(source_text_of(root.find(tei("text")))) == letter_words(src.text)


def _seed_blocks() -> list[str]:
    root = ROOT / "seeds"
    blocks = []
    for seed in sorted(root.glob("*.txt")):
        blocks += [b for b in seed.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks


BLOCKS = _seed_blocks()


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")) // 2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=30),
       st.sampled_from(["\n\n", "\n", "\n\n\n"]))
def test_reshuffled_seed_blocks_give_valid_tei(project_rng, tei_all, blocks, gap):
    text = gap.join(blocks)
    src = decode_source(text.encode("utf-8"), Path("seeds/mix.txt"))
    root = etree.fromstring(encode(src, "2026-01-01"))  # raises if a word were lost
    assert project_rng.validate(root), project_rng.error_log
    assert tei_all.validate(root), tei_all.error_log


@pytest.fixture(scope="module")
def saxon():
    from pipeline.editions.saxon import Saxon

    return Saxon({"build-date": "2026-01-01", "line-width": 78, "pipeline-version": "test"})


MIXED = st.text(st.characters(blacklist_categories=("Cs",), min_codepoint=1), max_size=60)


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")) // 2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, MIXED, st.sampled_from(["Ελληνικά κείμενα", "Русский текст",
                                                          "中文文本", "עברית", "\u00a0\u2003\t"])),
                min_size=1, max_size=20))
def test_any_text_exports_to_html_and_text(saxon, lines):
    from pipeline.editions.export import ENTRY

    text = "\n".join(lines)
    assume(text.strip())
    src = decode_source(text.encode("utf-8"), Path("seeds/h.txt"))
    tei_text = encode(src, "2026-01-01").decode("utf-8")
    html = saxon.apply(ENTRY["html"], tei_text, "h.xml")
    plain = saxon.apply(ENTRY["text"], tei_text, "h.xml")
    assert html.lower().startswith("<!doctype html>") and "</html>" in html
    page = lhtml.fromstring(html)
    # The only scripts are the edition's own files: nothing from the text became code.
    assert [(s.get("src"), s.text) for s in page.iter("script")] == [
        ("cite.js", None), ("archive.js", None)]
    assert not [a for el in page.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")]
    assert isinstance(plain, str)
