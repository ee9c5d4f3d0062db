"""Unit tests for the structure rules: headings, sections, paragraphs."""

from pipeline.build.structure import Section, parse


def flat(doc):
    """(kind, level, text) for every section and paragraph, depth first."""
    out = []

    def walk(section):
        out.append(("div", section.level, section.head.text if section.head else None))
        for item in section.items:
            if isinstance(item, Section):
                walk(item)
            else:
                out.append(("p", None, getattr(item, "text", type(item).__name__)))

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
    doc = parse("Things to bring along on the way there.\n- water\n- bread and cheese\n")
    paras = [t for k, _, t in flat(doc) if k == "p"]
    assert paras == ["Things to bring along on the way there.", "- water", "- bread and cheese"]


def test_text_before_any_heading_gets_an_untitled_div():
    doc = parse("Just a paragraph of text that is long enough to be prose, really.\n")
    assert flat(doc)[0] == ("div", 1, None)


def test_nothing_is_dropped_from_odd_layouts():
    text = "  = =\n\n===\n\n-\n\n*\n\n(1)\n"
    doc = parse(text)
    words = " ".join(t or "" for _, _, t in flat(doc))
    for token in ["=", "-", "*", "(1)"]:
        assert token in words


# --- Finer structure (footnotes, furniture, letters, lists) -----------------

from pipeline.build.structure.model import BiblList, Facts  # noqa: E402


def paras_of(doc):
    out = []

    def walk(section):
        for item in section.items:
            if isinstance(item, Section):
                walk(item)
            else:
                out.append(item)

    for s in doc.sections:
        walk(s)
    return out


def notes_in(para):
    return [(s.start, s.node.n, s.node.paras) for s in para.spans if s.tag == "note"]


def test_numbered_footnote_moves_to_its_mark_and_rejoins_the_paragraph():
    doc = parse("Title Here\n\nThe dockers of the port met in secret in the spring (1) and "
                "then they chose a\n\n(1) In a bakery.\n\nleader of their own.\n")
    [para] = paras_of(doc)
    assert para.text == ("The dockers of the port met in secret in the spring and then they "
                         "chose a leader of their own.")
    assert notes_in(para) == [(len("The dockers of the port met in secret in the spring"), "1",
                               ["In a bakery."])]


def test_glued_digit_is_a_note_mark():
    doc = parse("Title Here\n\nThe remote prospect5. Then more.\n\n(5) A rumour of the time.\n")
    [para] = paras_of(doc)
    assert para.text == "The remote prospect. Then more."
    assert notes_in(para) == [(len("The remote prospect"), "5", ["A rumour of the time."])]


def test_starred_notes_find_their_marks():
    doc = parse("Title Here\n\nThe joint committee was nothing but a «compromise». * It failed "
                "soon after.\n\nThe rank and file called for unity in «the war of liberation.»**"
                "\n\n* Resolution, 1941.\n\n** Report, 1948.\n")
    first, second = paras_of(doc)
    assert notes_in(first)[0][1:] == ("*", ["Resolution, 1941."])
    assert notes_in(second)[0][1:] == ("**", ["Report, 1948."])
    assert "*" not in first.text and "*" not in second.text


def test_note_without_a_mark_stays_a_paragraph():
    doc = parse("Title Here\n\nNothing is marked here.\n\n(1) Not a note after all.\n")
    assert [p.text for p in paras_of(doc)] == ["Nothing is marked here.",
                                               "(1) Not a note after all."]


def test_note_overflow_paragraphs_stay_with_the_note():
    text = ("Title Here\n\nOur plans were made for the war4; now more.\n\n"
            "The councils must be organs of the (4) The call was answered by few.\n\n"
            "Most were sent to camps.\n\npeople's power. So it went.\n")
    doc = parse(text)
    first, second = paras_of(doc)
    assert second.text == "The councils must be organs of the people's power. So it went."
    assert notes_in(first)[0][1:] == ("4", ["The call was answered by few.",
                                            "Most were sent to camps."])


def test_running_head_inside_a_sentence_becomes_fw():
    first = "In the capital they proclaimed a union with Italy and created a puppet government"
    doc = parse(f"Title Here\n\n{first}\n\nThe Occupation Regime\n\nheaded by a landlord.\n")
    [para] = paras_of(doc)
    assert para.text == first + " headed by a landlord."
    [span] = para.spans
    assert (span.tag, span.start, span.node.text, span.node.type) == (
        "fw", len(first), "The Occupation Regime", "header")


def test_page_break_inside_a_sentence_is_joined():
    doc = parse("Title Here\n\nThe differentiation went on, and not to our advantage, but with "
                "reaction\n\ngaining strength.\n")
    assert [p.text for p in paras_of(doc)] == [
        "The differentiation went on, and not to our advantage, but with reaction gaining "
        "strength."]


def test_citation_marks_are_spans_not_words():
    doc = parse("Title Here\n\nIt was founded in 1943.[27][page needed] Later it grew.[5]\n")
    [para] = paras_of(doc)
    spans = sorted((para.text[s.start:s.end], s.tag, s.attrs.get("type")) for s in para.spans)
    assert spans == [("[27]", "ref", "citation"), ("[5]", "ref", "citation"),
                     ("[page needed]", "note", "editorial")]


def test_fact_box_with_nested_items():
    doc = parse("= Guild =\n\nGuild of Berat\n- Founded: 1890\n- Events: Fair, *Flood, *Strike (1923)\n")
    [facts] = paras_of(doc)
    assert isinstance(facts, Facts) and facts.head == "Guild of Berat"
    assert facts.rows == [("Founded", "1890", []), ("Events", "Fair", ["Flood", "Strike (1923)"])]


def test_fact_box_with_a_stray_line_stays_paragraphs():
    doc = parse("= Guild =\n\n- Founded: 1890\n- a line without a key\n")
    assert not any(isinstance(p, Facts) for p in paras_of(doc))


def test_copied_info_box_with_labels_glued_to_values():
    doc = parse("= Siege =\n\nDateMay 3, 1940\nLocationThe valley\nOther namesThe long week\n")
    [facts] = paras_of(doc)
    assert isinstance(facts, Facts) and facts.head is None
    assert facts.rows == [("Date", "May 3, 1940", []), ("Location", "The valley", []),
                          ("Other names", "The long week", [])]


def test_copied_info_box_with_tabs():
    doc = parse("= Siege =\n\nDate\t3 May 1940\nPlace\tThe valley\n")
    [facts] = paras_of(doc)
    assert facts.rows == [("Date", "3 May 1940", []), ("Place", "The valley", [])]


def test_lines_that_open_with_a_capital_inside_a_name_stay_prose():
    # A glued label has four letters or more: "MacLeod" and "McNeil" are names.
    doc = parse("= X =\n\nMacLeod wrote to the council that spring\nMcNeil answered it.\n")
    assert not any(isinstance(p, Facts) for p in paras_of(doc))
    doc = parse("= X =\n\nDateMay 3, 1940\nand the valley beyond it\n")
    assert not any(isinstance(p, Facts) for p in paras_of(doc))


def test_sources_become_a_list_of_bibls():
    doc = parse('= X =\n\n==Sources==\n- Dema, Ilir. "Boatmen"\n- Hasa, Sokol. "Rivers"\n')
    assert any(isinstance(p, BiblList) and len(p.entries) == 2 for p in paras_of(doc))


def test_letter_needs_a_closing():
    doc = parse("Title Here\n\nDear friends,\n\nWe are well.\n\nMore news soon.\n")
    assert not any(s.type == "letter" for s in doc.sections)


def test_letter_parts():
    doc = parse("Title Here\n\nSome words first.\n\nMay 1, 1944\n\nDear friends,\n\nWe are well.\n\n"
                "Yours sincerely\n\nAnna Kosta\n\nP.S. Write soon.\n\n"
                "First published in “Letters”, Tirana 1965\n")
    [letter] = [s for s in doc.sections if s.type == "letter"]
    assert [(p.kind, p.text) for p in letter.opener] == [("dateline", "May 1, 1944"),
                                                          ("salute", "Dear friends,")]
    assert [(p.kind, p.text) for p in letter.closer] == [("closer-salute", "Yours sincerely"),
                                                          ("signed", "Anna Kosta")]
    assert letter.postscript.text == "P.S. Write soon."
    assert [p.text for p in letter.trailer] == ["First published in “Letters”, Tirana 1965"]
    assert doc.origins == ["First published in “Letters”, Tirana 1965"]


def test_site_name_and_menus_are_furniture():
    doc = parse("Riverside Wiki\n\nSkip to main content\n\nThe town lies on a river.\n\n"
                "Countries and Issues\n\nView: countries | Issues\n")
    assert [f.text for f in doc.front] == ["Riverside Wiki", "Skip to main content"]
    assert [f.text for f in doc.back] == ["Countries and Issues", "View: countries | Issues"]
    assert doc.publisher == "Riverside Wiki"


def test_date_first_line_is_the_document_date():
    doc = parse("April 7, 2014\n\nThe Occupation\n\nIt began at dawn. Troops landed.\n")
    assert (doc.pub_date, doc.front[0].kind) == ("2014-04-07", "docdate")
    assert doc.title == "The Occupation"


def test_repeated_line_is_a_caption_not_a_heading():
    doc = parse("Title Here\n\nThe valley suffered badly during the war, with many losses.\n\n"
                "The valley suffered badly during the war\n\nLater it recovered.\n")
    kinds = [getattr(p, "kind", None) for p in paras_of(doc)]
    assert kinds == ["p", "caption", "p"]


def test_diary_entries():
    doc = parse("Diary\n\n7 April 1939\n\n\"There was some resistance.\"\n\n"
                "8 April 1939\n\"Money for the poor.\"\n")
    entries = [s for s in doc.sections[0].items if isinstance(s, Section)]
    assert [(e.type, e.head.when, e.items[0].kind) for e in entries] == [
        ("entry", "1939-04-07", "quote"), ("entry", "1939-04-08", "quote")]


def test_recurring_lines_without_pagination_are_no_page_furniture():
    years = parse("Chronology\n\n1939\n\nItaly invaded.\n\n1943\n\nItaly fell.\n\n1944\n\n"
                  "The war ended.\n")
    assert [getattr(p, "text", None) for p in paras_of(years)][:2] == ["1939", "Italy invaded."]
    assert not any(type(p).__name__ == "Fw" for p in paras_of(years))
    letters = parse("Letters\n\nDear comrades,\n\nWe met.\n\nDear comrades,\n\nWe left.\n")
    assert "Dear comrades," in [p.text for p in paras_of(letters)] + [
        getattr(x, "text", "") for s in letters.sections for x in s.items]


def test_running_heads_with_page_numbers_become_page_breaks():
    doc = parse("Title Here\n\nThe men of the tribe came down from the hills to the houses "
                "of the valley at\n\n12  A Journey in the Hills.\n\n"
                "dusk, and ate with us by the fire until late in the night, telling of the "
                "wars of their fathers.\n\nA Journey in the Hills.  13\n\nThey slept.\n")
    [first, second] = [p for p in paras_of(doc) if type(p).__name__ == "Para"]
    assert "of the valley at dusk, and ate" in first.text
    [span] = [s for s in first.spans if s.tag == "pb"]
    assert (span.node.page, span.node.number, span.node.text) == ("12", "12",
                                                                   "A Journey in the Hills.")
