"""Unit tests for validation: RELAX NG and Schematron problems located as file:line:col."""

from pathlib import Path

import pytest

from pipeline.validate.check import validate_file

from conftest import SEEDS


@pytest.fixture
def good(built_seeds) -> str:
    return (built_seeds / (SEEDS[2].stem + ".xml")).read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_built_file_is_valid(built_seeds):
    for path in sorted(built_seeds.glob("*.xml")):
        assert validate_file(path) == []


def test_schematron_dangling_pointer_is_located(tmp_path, good):
    text = good.replace('who="#pipeline"', 'who="#nobody"')
    path = _write(tmp_path, text)
    problems = validate_file(path)
    assert len(problems) == 1
    p = problems[0]
    assert (p.line, p.col) == (_line_of(text, "<change"), text.split("\n")[
        _line_of(text, "<change") - 1].index("<change") + 1)
    assert p.message.startswith("[schematron]") and "#nobody" in p.message


def test_schematron_bad_date_in_header(tmp_path, good):
    text = good.replace('when="2026-11-20"', 'when="2026-02-30"')
    problems = validate_file(_write(tmp_path, text))
    assert any("2026-02-30" in p.message for p in problems)


def test_relaxng_unknown_element(tmp_path, good):
    text = good.replace("<body>", "<body><div type=\"section\"><p>x<foo/></p></div>", 1)
    problems = validate_file(_write(tmp_path, text))
    assert problems and problems[0].line == _line_of(text, "<foo/>")
    assert "foo" in str(problems[0])


def test_problem_string_is_file_line_col_message(tmp_path, good):
    path = _write(tmp_path, good.replace('who="#pipeline"', 'who="#x"'))
    text = str(validate_file(path)[0])
    file_, line, col, message = text.split(":", 3)
    assert file_ == str(path) and line.isdigit() and col.isdigit() and message.strip()


def test_billion_laughs_is_refused(tmp_path):
    lol = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
           "<lolz>&lol2;</lolz>\n")
    problems = validate_file(_write(tmp_path, lol))
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "DOCTYPE declares entities; refused for safety (XXE, entity expansion)"]


def _named_doc(tmp_path, good, ref):
    return _doc_with_names(tmp_path, good, f'x <persName ref="{ref}">Enver Hoxha</persName>')


def _doc_with_names(tmp_path, good, names):
    """A valid document whose first paragraph is `names`, beside a copy of the authority."""
    import shutil

    from conftest import AUTHORITY

    shutil.copy(AUTHORITY, tmp_path / "authority.xml")
    text = good.replace("<body>", f'<body><div type="section"><p>{names}</p></div>', 1)
    return _write(tmp_path, text)


def test_name_ref_must_resolve_to_the_right_kind(tmp_path, good):
    path = _named_doc(tmp_path, good, "authority.xml#tirana")
    [problem] = validate_file(path)
    assert problem.message == ('[schematron] ref="authority.xml#tirana" on <persName>Enver '
                               'Hoxha</persName> points at a place, not a person.')


def test_name_ref_to_a_missing_entry(tmp_path, good):
    [problem] = validate_file(_named_doc(tmp_path, good, "authority.xml#nobody-here"))
    assert 'no entry "nobody-here" in the authority file' in problem.message


def test_a_wrong_ref_shared_by_many_names_is_reported_once_with_their_count(tmp_path, good):
    """The authority is searched once per distinct ref; the message says how many carry it."""
    names = ('<persName ref="authority.xml#tirana">Hoxha</persName> '
             '<persName ref="authority.xml#hoxha-enver">Hoxha</persName> '
             '<placeName ref="authority.xml#tirana">Tirana</placeName> '
             '<persName ref="authority.xml#tirana">Enver</persName>')
    path = _doc_with_names(tmp_path, good, names)
    [problem] = validate_file(path)
    assert problem.message == ('[schematron] ref="authority.xml#tirana" on <persName>Hoxha'
                               '</persName> points at a place, not a person (2 names carry '
                               'this ref; this is the first).')


def test_name_ref_to_a_missing_or_remote_file(tmp_path, good):
    [problem] = validate_file(_named_doc(tmp_path, good, "gone.xml#x"))
    assert "the authority file" in problem.message and "does not exist" in problem.message
    [problem] = validate_file(_named_doc(tmp_path, good, "http://example.org/a.xml#x"))
    assert "must be a local file, not a URL" in problem.message


def test_the_authority_file_itself_is_valid():
    from conftest import AUTHORITY

    assert validate_file(AUTHORITY) == []
