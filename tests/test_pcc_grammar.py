"""The PCC-response grammar, rule by rule, on small texts shaped like real letters and pages."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token

from conftest import SEEDS, corpus_files
from peelparse import Grade, InputError, Parser, Pillar, Span
from peelparse._source import from_text
from peelparse.grammar import LineLexer, Unit, shaped_tree, units_of
from peelparse.testing import assert_lossless, assert_round_trip
from peelparse.text import iso_date
from peelparse_pcc import GRAMMAR, PCCResponse
from peelparse_pcc.regions import mark_regions
from peelparse_pcc.shapes import SHAPES
from peelparse_pcc.transformer import Block, Layout


def response(parser: Parser, text: str) -> PCCResponse:
    document = parser.parse_text(text, kind="pcc_response")
    assert isinstance(document, PCCResponse)
    assert_lossless(document, text.replace("\r\n", "\n"))
    return document


def guesses(document: PCCResponse) -> list[str]:
    return [d.message for d in document.diagnostics if d.code == "PP230"]


def test_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce conflict and on colliding terminals
    Lark.open_from_package(
        GRAMMAR.package, GRAMMAR.filename, ("",), parser="lalr", lexer=LineLexer, strict=True
    )


LETTER = """\
Office of the Police and Crime Commissioner
1 High Street, Kent

Our ref: KP/123/19
Your ref:
Date: 3rd May 2019

The Rt Hon Sajid Javid MP
Home Secretary
Home Office

Dear Home Secretary,

Re: PEEL Police Effectiveness 2018/19

I welcome the report on Kent Police.

Yours sincerely

Matthew Scott
Police and Crime Commissioner for Kent
"""


def test_letterhead_fields_and_address(parser: Parser) -> None:
    doc = response(parser, LETTER)
    assert [p.text for p in doc.letterhead] == [
        "Office of the Police and Crime Commissioner",
        "1 High Street, Kent",
    ]
    assert (doc.reference, doc.addressee_reference, doc.date, doc.date_text) == (
        "KP/123/19",
        None,
        "2019-05-03",
        "3rd May 2019",
    )
    assert [h.text for h in doc.headings] == ["Our ref:", "Your ref:", "Date:", "Re:"]
    assert doc.addressee is not None
    assert (doc.addressee.name, doc.addressee.role) == ("Sajid Javid", "Home Secretary")
    assert [line.text for line in doc.addressee.lines] == [
        "The Rt Hon Sajid Javid MP",
        "Home Secretary",
        "Home Office",
    ]


def test_labels_with_their_values_on_the_next_line(parser: Parser) -> None:
    doc = response(
        parser,
        "Our ref:\n\nOPCC/1/18\n\nYour ref:\nHO/9\n\nDate:\n\n09 April 2018\n\n"
        "Dear Home Secretary\n\nText of the letter.\n",
    )
    assert (doc.reference, doc.addressee_reference, doc.date) == ("OPCC/1/18", "HO/9", "2018-04-09")
    assert doc.reference_span is not None and doc.reference_span.line == 3


def test_a_long_letterhead_line_stays_in_the_head(parser: Parser) -> None:
    doc = response(
        parser,
        "Office of the Police and Crime Commissioner for Kent, Sessions House, County Road, "
        "Maidstone, Kent ME14 1XQ Telephone 01622 677055\n\nOur ref: AB/1\n\nDear Sir\n\nText.\n",
    )
    assert doc.reference == "AB/1"
    assert len(doc.letterhead) == 1


def test_an_address_block_alone_above_the_date(parser: Parser) -> None:
    doc = response(
        parser,
        "The Rt Hon Amber Rudd MP\nHome Secretary\n\n9 April 2018\n\n"
        "Dear Home Secretary\n\nText.\n",
    )
    assert (doc.letterhead, doc.date) == ((), "2018-04-09")
    assert doc.addressee is not None
    assert (doc.addressee.name, doc.addressee.role) == ("Amber Rudd", "Home Secretary")


def test_a_label_without_a_value_takes_no_other_field(parser: Parser) -> None:
    doc = response(parser, "Your ref:\nDate: 1 June 2020\n\nDear Sir\n\nText.\n")
    assert (doc.addressee_reference, doc.date) == (None, "2020-06-01")


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("09 April 2018", "2018-04-09"),
        ("22nd March 2018", "2018-03-22"),
        ("Monday 9th of April, 2018", "2018-04-09"),
        ("April 9, 2018", "2018-04-09"),
        ("9/4/2018", "2018-04-09"),
        ("Date: 1 Sept 2019", "2019-09-01"),
        ("31 February 2018", None),
    ],
)
def test_dates(written: str, iso: str | None) -> None:
    assert iso_date(written) == iso


def test_subject_line_is_the_title_and_gives_cycle_and_pillar(parser: Parser) -> None:
    doc = response(
        parser,
        "Our ref: X\n\nDear Home Secretary\n\n## Re: PEEL: Police efficiency 2016\n\nText.\n",
    )
    assert (doc.title, doc.subject) == (
        "Re: PEEL: Police efficiency 2016",
        "PEEL: Police efficiency 2016",
    )
    assert (doc.year, doc.pillar) == (2016, Pillar.EFFICIENCY)


def test_thematic_subject_has_no_pillar_or_cycle(parser: Parser) -> None:
    doc = response(
        parser,
        "Reports 2019\n\nHMICFRS Report\n\nFraud: Time to Choose\n\nDear Home Secretary,\n\n"
        "I write about the report on effectiveness in PEEL 2017.\n",
    )
    assert doc.subject == "Fraud: Time to Choose"
    assert (doc.pillar, doc.year) == (None, None)
    assert "HMICFRS Report" in [h.text for h in doc.headings]
    assert doc.addressee is not None and doc.addressee.role == "Home Secretary"


def test_numbered_findings_under_a_heading_with_their_answers(parser: Parser) -> None:
    doc = response(
        parser,
        "Dear Home Secretary\n\n## Areas for improvement:\n\n"
        "1 The force should do one thing.\n\nIn response, it did.\n\nIt did more.\n\n"
        "2 The force should do\n  another thing.\n\nIn response, that too.\n",
    )
    got = [
        (f.label, f.number, f.marker, f.text, [r.text for r in f.response])
        for f in doc.recommendations
    ]
    assert got == [
        (
            "area_for_improvement",
            "1",
            "1",
            "The force should do one thing.",
            ["In response, it did.", "It did more."],
        ),
        (
            "area_for_improvement",
            "2",
            "2",
            "The force should do another thing.",
            ["In response, that too."],
        ),
    ]


def test_named_markers_and_a_marker_alone_on_its_line(parser: Parser) -> None:
    doc = response(
        parser,
        "Recommendation 1:\nThe force should act.\n\nDone.\n\n"
        "AFI 7 – the Force should ensure scrutiny.\n\n"
        "Cause of concern 2: The force must improve.\n\nIt has.\n",
    )
    got = [(f.label, f.number, f.marker, f.text) for f in doc.recommendations]
    assert got == [
        ("recommendation", "1", "Recommendation 1:", "The force should act."),
        ("area_for_improvement", "7", "AFI 7 –", "the Force should ensure scrutiny."),
        ("cause_of_concern", "2", "Cause of concern 2:", "The force must improve."),
    ]
    assert [r.text for r in doc.recommendations[0].response] == ["Done."]


def test_minutes_answer_in_bullets_and_prose_after_them_is_not_the_answer(parser: Parser) -> None:
    doc = response(
        parser,
        "Members considered the report.\n"
        "AFI 11 – the Force should ensure capacity.\n"
        "· Two posts were funded.\n· Recruitment is under way.\n"
        "RESOLVED, that the report be received.\n",
    )
    (finding,) = doc.recommendations
    assert [r.text for r in finding.response] == [
        "Two posts were funded.",
        "Recruitment is under way.",
    ]
    assert [p.text for p in doc.paragraphs] == [
        "Members considered the report.",
        "RESOLVED, that the report be received.",
    ]


BULLETED = """\
OFFICE FOR POLICING AND CRIME

Rt Hon Priti Patel MP
Home Secretary

12 March 2021

Dear Home Secretary,

**PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Metropolitan Police Service**

Areas for improvement

• The force should improve how it records crime.

Response:

A new team checks every
record.

• The force should ensure it understands demand.

Force response

Work is under way.

Yours sincerely,

Sophie Linden
Deputy Mayor for Policing and Crime

cc: Chief Constable
"""


def test_bulleted_findings_with_labelled_answers(parser: Parser) -> None:
    doc = response(parser, BULLETED)
    got = [
        (f.label, f.number, f.marker, f.text, [r.text for r in f.response])
        for f in doc.recommendations
    ]
    assert got == [
        (
            "area_for_improvement",
            None,
            None,
            "The force should improve how it records crime.",
            ["A new team checks every record."],
        ),
        (
            "area_for_improvement",
            None,
            None,
            "The force should ensure it understands demand.",
            ["Work is under way."],
        ),
    ]
    assert [h.text for h in doc.headings] == [
        "Areas for improvement",
        "Response:",
        "Force response",
    ]


def test_address_above_the_date_and_a_title_under_the_salutation(parser: Parser) -> None:
    doc = response(parser, BULLETED)
    assert [p.text for p in doc.letterhead] == ["OFFICE FOR POLICING AND CRIME"]
    assert doc.addressee is not None
    assert (doc.addressee.name, doc.addressee.role) == ("Priti Patel", "Home Secretary")
    assert doc.subject == doc.title
    assert doc.subject is not None and doc.subject.startswith("PEEL: Police effectiveness")
    # an integrated report is about every pillar
    assert (doc.year, doc.pillar) == (2018, None)
    assert doc.force is not None and doc.force.slug == "metropolitan"


def test_copies_under_the_signature_are_not_part_of_it(parser: Parser) -> None:
    doc = response(parser, BULLETED)
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Sophie Linden",
        "Deputy Mayor for Policing and Crime",
    )
    assert [line.text for line in doc.sender.lines] == [
        "Sophie Linden",
        "Deputy Mayor for Policing and Crime",
    ]
    assert doc.paragraphs[-1].text == "cc: Chief Constable"


def test_subject_above_the_salutation_and_a_signature_with_a_style(parser: Parser) -> None:
    doc = response(
        parser,
        "Our ref: PCC/45\n\nThe Rt Hon Amber Rudd MP\nHome Secretary\n\n"
        "**PEEL: Police legitimacy 2017 – Kent Police**\n\nDear Home Secretary\n\n"
        "I welcome the report.\n\nArea for Improvement (AFI) 1\nThe force should improve.\n\n"
        "Response\nThe force has improved.\n\nKind regards\n\nRt Hon Lord Bach\n"
        "Police and Crime Commissioner for Kent\n",
    )
    assert doc.subject == "PEEL: Police legitimacy 2017 – Kent Police"
    assert (doc.year, doc.pillar) == (2017, Pillar.LEGITIMACY)
    assert doc.addressee is not None and doc.addressee.lines[-1].text == "Home Secretary"
    (finding,) = doc.recommendations
    assert (finding.marker, finding.text) == (
        "Area for Improvement (AFI) 1",
        "The force should improve.",
    )
    assert [r.text for r in finding.response] == ["The force has improved."]
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Lord Bach",
        "Police and Crime Commissioner for Kent",
    )


def test_a_number_in_prose_is_not_a_finding(parser: Parser) -> None:
    doc = response(
        parser, "## Recommendations\n\n1 The force should act.\n\n12 officers were trained.\n"
    )
    assert [f.number for f in doc.recommendations] == ["1"]
    assert [r.text for r in doc.recommendations[0].response] == ["12 officers were trained."]


def test_highlights_follow_their_lead_in_and_end_the_answer(parser: Parser) -> None:
    doc = response(
        parser,
        "1 The force should act.\n\nIn response, it acted. Highlights include:\n\n"
        '- "Leaders are fair"\n- The force is making "good progress" and\n  wraps here.\n\n'
        "I trust this is helpful.\n",
    )
    assert [h.text for h in doc.highlights] == [
        '"Leaders are fair"',
        'The force is making "good progress" and wraps here.',
    ]
    assert [r.text for r in doc.recommendations[0].response] == [
        "In response, it acted. Highlights include:"
    ]
    assert [p.text for p in doc.paragraphs] == ["I trust this is helpful."]


def test_other_bullets_and_their_wrapped_lines(parser: Parser) -> None:
    doc = response(
        parser,
        "The inspection asked three questions:\n\n- Is it fair?\n- Is it lawful?\n   And;\n",
    )
    assert [b.text for b in doc.bullets] == ["Is it fair?", "Is it lawful? And;"]
    assert doc.highlights == ()


def test_hard_wrapped_paragraph_is_one_paragraph(parser: Parser) -> None:
    doc = response(
        parser,
        "Dear Sir\n\nI welcome the report on how well the force protects\npeople from harm.\n",
    )
    assert [p.text for p in doc.paragraphs] == [
        "I welcome the report on how well the force protects people from harm."
    ]
    assert doc.headings == ()


def test_bold_signature_and_a_close_recognised_by_its_place(parser: Parser) -> None:
    doc = response(
        parser,
        "Dear Home Secretary\n\nText of the letter.\n\nYour Gre, Wills Box's\n\n"
        "**Lord Someone Else** \n\n**Police and Crime Commissioner**",
    )
    assert doc.closing == "Your Gre, Wills Box's"
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Lord Someone Else",
        "Police and Crime Commissioner",
    )
    (guess,) = guesses(doc)
    assert "complimentary close" in guess and "by its place" in guess


def test_close_in_its_usual_words_needs_no_guess(parser: Parser) -> None:
    doc = response(parser, LETTER)
    assert doc.closing == "Yours sincerely"
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Matthew Scott",
        "Police and Crime Commissioner for Kent",
    )
    assert guesses(doc) == []


def test_garbled_salutations_are_kept_with_a_note(parser: Parser) -> None:
    words = response(parser, "Our ref: X\n\nDear Home Sevetars\n\nText.\n")
    assert words.salutation == "Dear Home Sevetars"
    assert "'Home Secretary'" in guesses(words)[0]
    place = response(parser, "Our ref: X\n9 March 2020\n\nDcar Home Secretary\n\nText.\n")
    assert place.salutation == "Dcar Home Secretary"
    assert "by its place" in guesses(place)[0] and "'Dear'" in guesses(place)[0]


def test_a_labelled_date_on_a_web_page(parser: Parser) -> None:
    doc = response(parser, "Kent PCC comments on report\n\nPublished on: 1 May 2019\n\nText.\n")
    assert (doc.date, doc.date_text) == ("2019-05-01", "1 May 2019")
    assert [h.text for h in doc.headings] == ["Published on:"]


def test_web_statement_title_date_and_speaker(parser: Parser) -> None:
    doc = response(
        parser,
        "Kent PCC Welcomes Latest HMICFRS Report\n\n22nd March 2018\n\n"
        "The Police and Crime Commissioner for Kent, Jane Smith, today welcomed the report.\n\n"
        "Chief Constable Alan Jones said: “We are pleased.”\n",
    )
    assert (doc.title, doc.date, doc.force and doc.force.slug) == (
        "Kent PCC Welcomes Latest HMICFRS Report",
        "2018-03-22",
        "kent",
    )
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Jane Smith",
        "Police and Crime Commissioner for Kent",
    )
    assert doc.sender.lines == ()


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Statement from Dr Ann Lee, Kent Police and Crime Commissioner:",
            "Dr Ann Lee",
            "Kent Police and Crime Commissioner",
        ),
        (
            "Response by Roger Hirst, Police, Fire and Crime Commissioner:",
            "Roger Hirst",
            "Police, Fire and Crime Commissioner",
        ),
        (
            "In response Ann Lee, Police and Crime Commissioner for Kent, said: “Yes.",
            "Ann Lee",
            "Police and Crime Commissioner for Kent",
        ),
        ("Kent’s Police Commissioner Ann Lee said: “Yes.", "Ann Lee", "Kent’s Police Commissioner"),
        ("Reacting to the report, Ann Lee said: “Yes.”", "Ann Lee", None),
        (
            "The Police, Fire and Crime Commissioner for Kent has received the report.",
            None,
            "Police, Fire and Crime Commissioner for Kent",
        ),
    ],
)
def test_speakers(parser: Parser, sentence: str, name: str | None, role: str | None) -> None:
    doc = response(parser, f"{sentence}\n")
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (name, role)


def test_a_speaker_takes_the_role_a_clause_of_its_own_gives(parser: Parser) -> None:
    doc = response(
        parser,
        "Commissioner responds\n\nThe Police and Crime Commissioner for Kent has welcomed the "
        "report.\n\nSpeaking about it, Ann Lee said: “It is fair.”\n",
    )
    assert doc.sender is not None and doc.sender.name_span and doc.sender.role_span
    assert (doc.sender.name, doc.sender.role) == (
        "Ann Lee",
        "Police and Crime Commissioner for Kent",
    )
    assert (doc.sender.role_span.line, doc.sender.name_span.line) == (3, 5)


def test_a_quoted_chief_constable_is_not_the_sender(parser: Parser) -> None:
    doc = response(parser, "Chief Constable Alan Jones said: “We are pleased.”\n")
    assert doc.sender is None


def test_the_inspectorates_own_letters_are_not_responses(parser: Parser) -> None:
    text = (
        "Andy Cooke QPM DL\nHM Chief Inspector of Constabulary\n\nDear Chief Constable\n\n"
        "We inspected your force in September.\n\nYours sincerely\n\nAndy Cooke\n"
        "HM Chief Inspector of Constabulary\n"
    )
    assert parser.detect(text.encode("utf-8")).kind != "pcc_response"


def test_judgements_in_sentences_and_grade_lists(parser: Parser) -> None:
    doc = response(
        parser,
        "## Re: PEEL Police Legitimacy 2017\n\nThe force has an overall rating of 'Good'.\n\n"
        "The gradings awarded are:\n\n  • Investigating crime: Adequate\n"
        "  • Good – in use of resources\n",
    )
    got = [(j.subject, j.pillar, j.grade) for j in doc.judgements]
    assert got == [
        ("", Pillar.LEGITIMACY, Grade.GOOD),
        ("Investigating crime", None, Grade.ADEQUATE),
        ("use of resources", None, Grade.GOOD),
    ]


def test_a_policing_body_not_named_after_its_force(parser: Parser) -> None:
    doc = response(
        parser, "Members of the Police Authority Board considered AFI 7 – the Force should act.\n"
    )
    assert doc.force is not None and doc.force.slug == "city-of-london"


def test_a_letter_without_a_salutation_is_known_by_its_addressee(parser: Parser) -> None:
    text = (
        "The Rt Hon Jane Doe MP\nHome Secretary\n2 Marsham Street\nLondon SW1P 4DF\n"
        "12 March 2024\nPEEL thematic report: Answering calls for service\n"
        "I write about this report, which draws on the PEEL 2021/22 inspections of Kent Police "
        "and others.\n"
        "Recommendation 3: By June 2024, forces should check their call handling\n"
        "The force has begun that review and will report to me.\n"
    )
    doc = response(parser, text)
    assert doc.addressee is not None
    assert (doc.addressee.name, doc.addressee.role) == ("Jane Doe", "Home Secretary")
    assert doc.date == "2024-03-12"
    assert doc.subject == "PEEL thematic report: Answering calls for service"
    # the year of the date line above a title opening with PEEL is not the report's cycle
    assert (doc.year, doc.period) == (2021, "2021/22")
    assert doc.force is not None and doc.force.slug == "kent"
    assert [(f.number, len(f.response)) for f in doc.recommendations] == [("3", 1)]


def test_a_national_reports_response_speaks_for_its_own_force(parser: Parser) -> None:
    doc = response(
        parser,
        "Re: PEEL spotlight report on all forces\n\nDear Home Secretary\n\n"
        "Essex Police has acted on each finding, and Essex Police will keep me informed.\n",
    )
    assert doc.force is not None and doc.force.slug == "essex"


def test_a_statement_saying_the_commissioner_has_written_is_a_response(parser: Parser) -> None:
    text = (
        "PEEL: Police Legitimacy 2017 - the commissioner replies\n\n"
        "Sam Roe, the Police and Crime Commissioner for Dorset, has written to the Home Office, "
        "responding to the PEEL report.\n\nHe stated: “The grade is fair.”\n"
    )
    assert parser.detect(text.encode("utf-8")).kind == "pcc_response"


def test_fields_given_twice_keep_the_first(parser: Parser) -> None:
    doc = response(parser, "Ref: A/1\nRef: B/2\n\nDear Sir\n\nText.\n")
    assert doc.reference == "A/1"
    assert "B/2" in [p.text for p in doc.paragraphs]


def test_a_block_wrapped_over_lines_reaches_the_grammar_as_one_token() -> None:
    text = (
        "Dear Sir\n\nThe force has made\nprogress since then.\n\n"
        "Recommendation 1:\nThe force should act\n  within a year.\n\n- A point that\n  wraps.\n"
    )
    tree = shaped_tree(GRAMMAR, SHAPES, from_text(text))
    tokens = [(t.type, str(t)) for t in tree.scan_values(_is_token)]
    assert tokens == [
        ("SALUTATION", "Dear Sir"),
        ("PARA", "The force has made\nprogress since then."),
        ("ITEM_ALONE", "Recommendation 1:"),
        ("ITEM_TEXT", "The force should act\n  within a year."),
        ("RBULLET", "- A point that\n  wraps."),
    ]


def test_a_letters_head_reaches_the_grammar_by_its_regions_and_its_fields_shapes() -> None:
    text = (
        "Office of the Commissioner\n\nOur ref:\nOPCC/7298/17\nYour ref: HO/1\nDate:\n"
        "9 April 2018\n\nHome Secretary\n\nDear Home Secretary\n\nThe force has acted.\n\n"
        "Yours sincerely\nJane Doe\n"
    )
    tree = shaped_tree(GRAMMAR, SHAPES, from_text(text))
    tokens = [t.type for t in tree.scan_values(_is_token)]
    assert tokens == [
        "LETTERHEAD",
        "OUR_REF_LABEL",
        "REF_VALUE",
        "YOUR_REF",
        "DATE_LABEL",
        "DATE_VALUE",
        "ADDRESS",
        "SALUTATION",
        "PARA",
        "CLOSING",
        "SIGN",
    ]


def _is_token(value: object) -> bool:
    return isinstance(value, Token)


def test_a_finding_under_a_marker_alone_has_the_spans_of_its_parts(parser: Parser) -> None:
    text = "Recommendation 3:\n\nThe force should\nact.\n\nIt has acted.\n"
    doc = response(parser, text)
    (finding,) = doc.recommendations
    assert finding.marker_span is not None
    assert finding.marker_span.slice(text) == "Recommendation 3:"
    assert finding.text_span.slice(text) == "The force should\nact."
    assert (finding.text_span.line, finding.text_span.end_line) == (3, 4)
    assert finding.span.slice(text) == text.rstrip()


def test_a_finding_on_one_line_ends_where_its_words_do(parser: Parser) -> None:
    text = "AFI 2 - The force should act.   \n\nDone.\n"
    (finding,) = response(parser, text).recommendations
    assert finding.text_span.slice(text) == "The force should act."
    assert finding.marker == "AFI 2 -"


def test_findings_take_the_label_of_the_last_findings_heading(parser: Parser) -> None:
    doc = response(
        parser,
        "Dear Sir\n\nCauses of concern\n\n1 The force should stop.\n\nIt has.\n\n"
        "Recommendations\n\n1 The force must start.\n\nIt will.\n\n"
        "AFI 4: The force should look.\n\nIt looks.\n",
    )
    got = [(f.label, f.number, [r.text for r in f.response]) for f in doc.recommendations]
    assert got == [
        ("cause_of_concern", "1", ["It has."]),
        ("recommendation", "1", ["It will."]),
        ("area_for_improvement", "4", ["It looks."]),
    ]
    assert [h.text for h in doc.headings] == ["Causes of concern", "Recommendations"]


def test_labels_over_an_answer_are_headings_of_the_response(parser: Parser) -> None:
    doc = response(
        parser,
        "Recommendation 1: The force should act.\n\nProgress update\n\nIt has acted.\n",
    )
    (finding,) = doc.recommendations
    assert [r.text for r in finding.response] == ["It has acted."]
    assert [h.text for h in doc.headings] == ["Progress update"]
    assert finding.span.end == len(
        "Recommendation 1: The force should act.\n\nProgress update\n\nIt has acted."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Our ref:\n",
        "Recommendation 2:\n",
        "Yours sincerely\n",
        "**Name**\n",
        "- \n",
        "Dear\n",
        "1 The force should\n",
    ],
)
def test_odd_fragments_parse(parser: Parser, text: str) -> None:
    response(parser, text)


FUZZ_PARSER = Parser(autoload=False)
_LINES = sorted(
    {
        line
        for path in [SEEDS[3], *corpus_files("pcc")]
        for line in path.read_text("utf-8").split("\n")
    }
)
_SHAPES = [
    "Our ref:",
    "Your ref:",
    "Ref: X/1",
    "Date:",
    "Date: 3rd May 2019",
    "09 April 2018",
    "Dear Home Secretary",
    "Dcar Sir",
    "## Re: PEEL Police Legitimacy 2017",
    "HMICFRS Report",
    "## Recommendations:",
    "1 The force should act.",
    "Recommendation 2:",
    "AFI 7 – the Force should ensure",
    "· In response, it did.",
    "In response, we acted.",
    "highlights include:",
    '- "Quoted"',
    "   wrapped",
    "Yours sincerely",
    "Your Gre, Wills Box's",
    "**Lord Someone**",
    "**Police and Crime Commissioner**",
    "",
]


@settings(max_examples=400)
@given(
    st.lists(
        st.one_of(st.sampled_from(_LINES), st.sampled_from(_SHAPES), st.text(max_size=40)),
        max_size=30,
    )
)
def test_any_letter_like_text_parses_losslessly_as_a_response(lines: list[str]) -> None:
    # The kind is forced, so a failure here cannot hide behind another plugin's detection;
    # a plugin failure is a PluginError, which is not suppressed.
    data = "\n".join(lines).encode("utf-8")
    with contextlib.suppress(InputError):
        source = FUZZ_PARSER.read(data)
        document = FUZZ_PARSER.parse(data, kind="pcc_response")
        # the table offers every body line a terminal the grammar accepts wherever it stands
        assert not [d for d in document.diagnostics if d.code in ("PP200", "PP201")]
        assert_lossless(document, source.text)
        assert_round_trip(FUZZ_PARSER, document)


def _regions_of(text: str) -> list[tuple[str, str]]:
    units = mark_regions(units_of(text, frozenset()))
    return [(unit.text, unit.region) for unit in units]


def test_a_letters_regions_are_its_head_its_body_and_its_signoff() -> None:
    assert _regions_of(LETTER) == [
        ("Office of the Police and Crime Commissioner", "letterhead"),
        ("1 High Street, Kent", "letterhead"),
        ("Our ref: KP/123/19", "fields"),
        ("Your ref:", "fields"),
        ("Date: 3rd May 2019", "fields"),
        ("The Rt Hon Sajid Javid MP", "address"),
        ("Home Secretary", "address"),
        ("Home Office", "address"),
        ("Dear Home Secretary,", "letter"),
        ("Re: PEEL Police Effectiveness 2018/19", "letter"),
        ("I welcome the report on Kent Police.", "letter"),
        ("Yours sincerely", "closing"),
        ("Matthew Scott", "signature"),
        ("Police and Crime Commissioner for Kent", "signature"),
    ]


def test_a_page_without_fields_is_all_body_up_to_a_signature_guessed_from_its_end() -> None:
    text = (
        "Inspection report welcomed\n\n22 March 2018\n\nThe Commissioner said the report "
        "was welcome and showed real progress.\n\nBest\n**Jane Smith**\n**Commissioner**\n"
    )
    assert [region for _, region in _regions_of(text)] == [
        "page",
        "page",
        "page",
        "closing",
        "signature",
        "signature",
    ]


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Dear Home Secretary,", "SALUTATION"),
        ("Recommendations", "FINDINGS_HEADING"),
        ("Re: PEEL Police Effectiveness 2018/19", "SUBJECT"),
        ("Recommendation 2: The force should act.", "ITEM"),
        ("1 The force should act.", "ITEM_SHOULD"),
        ("- The force should act.", "ITEM_BULLET"),
        ("Response:", "RESPONSE_LABEL"),
        ("22 March 2018", "DATELINE"),
        ("I trust this answers the report.", "CLOSING_REMARKS"),
    ],
)
def test_a_body_line_fits_the_shape_its_wording_gives(line: str, shape: str) -> None:
    (unit,) = mark_regions(units_of(f"Text.\n\n{line}\n\nMore text.\n", frozenset()))[1:2]
    assert shape in SHAPES.classify(unit)


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Dcar Home Secretary,", "SALUTATION"),
        ("Recommendations were made last year.", "FINDINGS_HEADING"),
        ("Regarding the report, we agree.", "SUBJECT"),
        ("Recommendations 2 and 3 are met.", "ITEM"),
        ("1 April is the date.", "ITEM_SHOULD"),
        ("- The force has acted.", "ITEM_BULLET"),
        ("Our response was sent in May.", "RESPONSE_LABEL"),
        ("The report of 22 March 2018 was welcome.", "DATELINE"),
        ("We trust the force.", "CLOSING_REMARKS"),
    ],
)
def test_a_body_line_does_not_fit_a_shape_its_wording_lacks(line: str, shape: str) -> None:
    (unit,) = mark_regions(units_of(f"Text.\n\n{line}\n\nMore text.\n", frozenset()))[1:2]
    assert shape not in SHAPES.classify(unit)


def _body_unit(text: str, line: str) -> Unit:
    """``line`` as the regions read it in the body of ``text`` (its first line that is it)."""
    units = mark_regions(units_of(text.replace("{line}", line), frozenset()))
    return next(unit for unit in units if unit.text == line)


_LETTER_HEAD = (
    "Our ref: AB/1\n\n{line}\n\nThe force has made progress since the report was published.\n"
)
_PAGE_HEAD = "Inspection report welcomed\n\n{line}\n\nThe force has made progress since then.\n"


def _typed_as(text: str, line: str) -> str:
    """The terminal the grammar is handed for ``line`` in ``text``."""
    tree = shaped_tree(GRAMMAR, SHAPES, from_text(text.replace("{line}", line)))
    return next(t.type for t in tree.scan_values(_is_token) if str(t) == line)


@pytest.mark.parametrize("line", ["Dcar Home Secretary,", "Daer Sir", "Deat Commissioner"])
def test_a_misread_salutation_is_one_in_a_letter_only(line: str) -> None:
    in_letter = _body_unit(_LETTER_HEAD, line)
    on_page = _body_unit(_PAGE_HEAD, line)
    assert (in_letter.region, on_page.region) == ("letter", "page")
    assert "SALUTATION_MISREAD" in SHAPES.classify(in_letter)
    assert _typed_as(_LETTER_HEAD, line) == "SALUTATION_MISREAD"
    assert _typed_as(_PAGE_HEAD, line) not in ("SALUTATION", "SALUTATION_MISREAD")


def test_the_block_above_a_letters_fields_is_its_address_when_it_names_someone() -> None:
    text = (
        "Office of the Commissioner\n\nThe Rt Hon Amber Rudd MP\nHome Secretary\n\n"
        "Our ref: AB/1\n\nDear Home Secretary\n\nText.\n"
    )
    regions = [unit.region for unit in mark_regions(units_of(text, frozenset()))]
    assert regions[:4] == ["letterhead", "address", "address", "fields"]


_HEADING = "Kent PCC Welcomes Latest Report"
_OTHER = "Our Response To The Inspection"


def _token_types(text: str) -> list[str]:
    tree = shaped_tree(GRAMMAR, SHAPES, from_text(text))
    return [t.type for t in tree.scan_values(_is_token)]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the first heading of a page is its title, once
        (
            f"{_HEADING}\n\n{_OTHER}\n\nThe force has made progress.\n\n{_OTHER}\n\nMore.\n",
            ["TITLE", "HEADING", "PARA", "HEADING", "PARA"],
        ),
        # no title after prose
        (f"The force has made progress.\n\n{_HEADING}\n\nMore.\n", ["PARA", "HEADING", "PARA"]),
        # a finding answered in prose is prose
        (
            f"Areas for improvement\n\n1 The force should act now.\n\nWe agree with this.\n\n"
            f"{_HEADING}\n\nMore.\n",
            ["FINDINGS_HEADING", "ITEM_SHOULD", "RESPONSE", "HEADING", "PARA"],
        ),
        # a finding answered in bullets is not
        (
            f"Areas for improvement\n\n1 The force should act now.\n\n- We agree.\n\n"
            f"{_HEADING}\n\nMore.\n",
            ["FINDINGS_HEADING", "ITEM_SHOULD", "RBULLET", "TITLE", "PARA"],
        ),
        # a letter has no title
        (
            f"Our ref: AB/1\nDate: 1 May 2019\n\nDear Sir\n\n- A point.\n\n{_HEADING}\n\nMore.\n",
            ["OUR_REF", "DATE", "SALUTATION", "BULLET", "HEADING", "PARA"],
        ),
    ],
)
def test_a_pages_title_is_its_first_heading_before_any_prose(text: str, types: list[str]) -> None:
    assert _token_types(text) == types


def test_a_line_running_on_past_page_furniture_joins_its_block(parser: Parser) -> None:
    text = "Dear Sir\n\nThe force has made\nPage 2 of 3\nprogress since then.\n\nMore.\n"
    doc = response(parser, text)
    # one paragraph, its text as written: the furniture between its lines kept
    assert [p.text for p in doc.paragraphs] == [
        "The force has made Page 2 of 3 progress since then.",
        "More.",
    ]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a body has one salutation and one subject; a second is prose
        (
            "Our ref: AB/1\n\nDear Sir\n\nRe: PEEL 2017\n\nDear Madam,\n\nRe: Another report.\n",
            ["OUR_REF", "SALUTATION", "SUBJECT", "PARA", "PARA"],
        ),
        # the body after a sign-off begins again
        (
            "Our ref: AB/1\n\nDear Sir\n\nThe force has acted.\n\nYours sincerely\nJane Doe\n\n"
            "This letter is copied to the force.\n\nDear Colleague,\n",
            ["OUR_REF", "SALUTATION", "PARA", "CLOSING", "SIGN", "PARA", "SALUTATION"],
        ),
        # a page's date stands before its prose
        (
            "22 March 2018\n\nThe force has acted.\n\n24 March 2018\n",
            ["DATELINE", "PARA", "HEADING"],
        ),
        # a bare number is a finding when it is the next under a findings heading; a new
        # heading counts again
        (
            "Recommendations\n\n1 Improve training.\n\nWe have.\n\n2 Improve data.\n\n"
            "4 Other matters.\n\nAreas for improvement\n\n1 Check records.\n",
            [
                "FINDINGS_HEADING",
                "ITEM_NEXT",
                "RESPONSE",
                "ITEM_NEXT",
                "RESPONSE",
                "FINDINGS_HEADING",
                "ITEM_NEXT",
            ],
        ),
        # a bullet goes on with a finding's answer after a paragraph ending in a colon only
        (
            "Recommendation 1: The force should act.\n\nWe have:\n\n- trained staff\n\n"
            "Recommendation 2: The force should act.\n\nWe have acted.\n\n- A point.\n",
            ["ITEM", "RESPONSE", "RBULLET", "ITEM", "RESPONSE", "BULLET"],
        ),
        # a bullet worded as a finding is one after a lead-in to findings, not among
        # highlights (here led in by the finding's answer)
        (
            "The report made these recommendations:\n\n- The force should act.\n\n"
            "The report highlights:\n\n- Good work.\n\n- The force should act.\n",
            ["PARA", "ITEM_BULLET", "RESPONSE", "HIGHLIGHT", "HIGHLIGHT"],
        ),
    ],
)
def test_what_a_line_is_may_depend_on_the_lines_before_it(text: str, types: list[str]) -> None:
    assert _token_types(text) == types


def test_a_block_that_stands_alone_goes_where_its_type_says() -> None:
    layout = Layout()
    lines = [
        ("TITLE", "PEEL response"),
        ("SALUTATION_MISREAD", "Dcar Home Secretary,"),
        ("TITLE", "A second title"),
        ("SALUTATION", "Dear Minister,"),
        ("FINDINGS_HEADING", "Areas for improvement"),
        ("ADDRESS", "Home Office"),
    ]
    for number, (kind, text) in enumerate(lines, start=1):
        layout.place(
            kind, Block(text, Span(number * 100, number * 100 + len(text), number, number))
        )
    assert layout.title is not None and layout.title.text == "PEEL response"
    assert layout.salutation is not None and layout.salutation.text == "Dcar Home Secretary,"
    # a second title or salutation is prose
    assert [p.text for p in layout.paragraphs] == ["A second title", "Dear Minister,"]
    assert [h.text for h in layout.headings] == ["Areas for improvement"]
    assert layout.label == "area_for_improvement"
    assert [b.text for b in layout.address] == ["Home Office"]
    with pytest.raises(ValueError, match="no place"):
        layout.place("SIGN", Block("Jane Doe", Span(0, 8, 1, 1)))
