"""Unit tests for the structure rules: headings, sections, paragraphs."""

from pipeline.structure import Head, Para, Section, parse


def flat(doc):
    """(kind, level, text) for every section and paragraph, depth first."""
    out = []

    def walk(section):
        out.append(("div", section.level, section.head.text if section.head else None))
        for item in section.items:
            if isinstance(item, Section):
                walk(item)
            else:
                out.append(("p", None, item.text))

    for s in doc.sections:
        walk(s)
    return out


def test_wiki_headings_nest_by_level():
    doc = parse("= Title =\n\nIntro text.\n\n==Background==\n===Invasion===\nBody here.\n\n"
                "==Later==\nMore.\n")
    assert flat(doc) == [
        ("div", 1, "Title"), ("p", None, "Intro text."),
        ("div", 2, "Background"), ("div", 3, "Invasion"), ("p", None, "Body here."),
        ("div", 2, "Later"), ("p", None, "More."),
    ]
    assert doc.title == "Title"


def test_title_lines_in_prose_become_heads():
    doc = parse("The Occupation\n\nIt began at dawn. Troops landed.\n\nA New Chapter\n\nMore text.\n")
    assert flat(doc) == [
        ("div", 1, "The Occupation"), ("p", None, "It began at dawn. Troops landed."),
        ("div", 1, "A New Chapter"), ("p", None, "More text."),
    ]


def test_consecutive_title_lines_make_one_head():
    doc = parse("The occupation of Albania\n\nby fascist Italia\n\nText follows here.\n")
    assert doc.sections[0].head.lines == ["The occupation of Albania", "by fascist Italia"]


def test_sentence_lines_are_not_titles():
    doc = parse("This is a sentence.\n\nAnother one, with a comma,\n")
    assert [k for k, _, _ in flat(doc)] == ["div", "p", "p"]


def test_hard_wrapped_lines_join_into_one_paragraph():
    doc = parse("The talks were used as a smokescreen\nbehind which to conceal it.\nA new one starts.\n")
    paras = [t for k, _, t in flat(doc) if k == "p"]
    assert paras == ["The talks were used as a smokescreen behind which to conceal it.",
                     "A new one starts."]


def test_item_lines_stay_separate_paragraphs():
    doc = parse("Facts\n- Active: 1942\n- Size: Over 40,000\n")
    paras = [t for k, _, t in flat(doc) if k == "p"]
    assert paras == ["Facts", "- Active: 1942", "- Size: Over 40,000"]


def test_text_before_any_heading_gets_an_untitled_div():
    doc = parse("Just a paragraph of text that is long enough to be prose, really.\n")
    assert flat(doc)[0] == ("div", 1, None)


def test_nothing_is_dropped_from_odd_layouts():
    text = "  = =\n\n===\n\n-\n\n*\n\n(1)\n"
    doc = parse(text)
    words = " ".join(t or "" for _, _, t in flat(doc))
    for token in ["=", "-", "*", "(1)"]:
        assert token in words
