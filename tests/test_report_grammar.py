"""The report grammar, rule by rule, on small texts shaped like real pages."""

from __future__ import annotations

from typing import Any

import pytest
from lark import Lark, Token

from peelparse import Grade, Parser, Pillar
from peelparse._source import from_text
from peelparse.grammar import LineLexer, shaped_tree
from peelparse.testing import assert_lossless
from peelparse_report import GRAMMAR, InspectionReport
from peelparse_report.shapes import SHAPES


def report(parser: Parser, text: str) -> InspectionReport:
    document = parser.parse_text(text, kind="inspection_report")
    assert isinstance(document, InspectionReport)
    return document


def test_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce conflict
    Lark.open_from_package(
        GRAMMAR.package, GRAMMAR.filename, ("",), parser="lalr", lexer=LineLexer, strict=True
    )


HEADLINE = "How legitimate is the force at keeping people safe and reducing crime?"
CORE = "To what extent does the force treat all of the people it serves with fairness and respect?"


def test_header_title_and_pillar_line(parser: Parser) -> None:
    doc = report(parser, f"Kent PEEL 2016\nLegitimacy\n{HEADLINE}\nSome text.\n")
    assert (doc.title, doc.pillar, doc.year, doc.period) == (
        "Kent PEEL 2016",
        "legitimacy",
        2016,
        "2016",
    )
    assert [h.text for h in doc.headings] == ["Legitimacy"]


def test_grade_line_after_last_updated(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2016\n\n{HEADLINE}\n\nLast updated 08/12/2016\n"
        "Outstanding\n\nKent Police is fair.\n",
    )
    assert doc.grade is Grade.OUTSTANDING
    assert doc.updated is not None and doc.updated.date == "2016-12-08"
    assert [p.text for p in doc.summary] == ["Kent Police is fair."]


def test_grade_glued_to_the_question(parser: Parser) -> None:
    doc = report(parser, f"Kent PEEL 2016\n{HEADLINE}\n{CORE}Good\nText.\n")
    (question,) = doc.questions
    assert question.text == CORE and question.grade is Grade.GOOD


def test_a_commissioners_page_showing_grades_is_not_a_report(parser: Parser) -> None:
    text = (
        "Inspection reports\n\nWe list each report with the response from the PCC.\n\n"
        "How effectively does the force reduce crime and keep people safe?Good\n"
    )
    assert parser.detect(text.encode("utf-8")).kind != "inspection_report"


def test_numbered_question_after_a_bare_number(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2018\n{HEADLINE}\nQuestions for Legitimacy\n\n1\n\n{CORE}"
        "\n\nRequires improvement\n",
    )
    (question,) = doc.questions
    assert (question.number, question.grade) == ("1", Grade.REQUIRES_IMPROVEMENT)


def test_a_number_before_prose_is_prose(parser: Parser) -> None:
    doc = report(parser, f"Kent PEEL 2018\n{HEADLINE}\n42\nText.\n")
    assert [p.text for p in doc.summary] == ["42", "Text."]


def test_findings_as_bullets_and_as_should_paragraphs(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2016\n{HEADLINE}\n{CORE}\nProse.\nAreas for improvement\n"
        "  • The force should do one thing.\n"
        "The force should do another thing.\n"
        "This paragraph is not a finding.\n",
    )
    (question,) = doc.questions
    assert [f.text for f in question.areas_for_improvement] == [
        "The force should do one thing.",
        "The force should do another thing.",
    ]
    assert [p.text for p in question.paragraphs] == ["Prose.", "This paragraph is not a finding."]


def test_flattened_sub_bullets_fold_into_their_finding(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2018\n{HEADLINE}\n{CORE}\nAreas for improvement\n"
        "- The force should ensure its counter corruption unit:\n"
        "- has enough capacity; and\n- can monitor its systems.\n",
    )
    (finding,) = doc.questions[0].areas_for_improvement
    assert finding.text == "The force should ensure its counter corruption unit:"
    assert [i.text for i in finding.items] == [
        "has enough capacity; and",
        "can monitor its systems.",
    ]


def test_hard_wrapped_bullet_continues(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2016\n{HEADLINE}\n{CORE}\n- The force found that\n  things were wrapped\n",
    )
    assert [b.text for b in doc.questions[0].bullets] == [
        "The force found that things were wrapped"
    ]


def test_sub_heading_starts_a_section(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2016\n{HEADLINE}\n{CORE}\nIntro.\n"
        "Abuse of position assessment – Kent Police\nAreas for improvement\n"
        "- The force should act.\n",
    )
    (question,) = doc.questions
    assert [s.heading.text for s in question.sections] == [
        "Abuse of position assessment – Kent Police"
    ]
    assert question.areas_for_improvement[0].section == question.sections[0].heading.text


def test_overview_with_a_part_per_pillar(parser: Parser) -> None:
    doc = report(
        parser,
        "Kent 2016\n"
        "The extent to which the force is effective at keeping people safe and reducing "
        "crime: not yet graded.\n"
        "How effective is the force at keeping people safe and reducing crime?\n"
        "To be graded\nLater.\n"
        "How efficient is the force at keeping people safe and reducing crime?\n"
        "Last updated 03/11/2016\nRequires improvement\nText.\n",
    )
    assert doc.pillar is None and doc.headline_question is None
    got: list[Any] = [(q.headline, q.pillar, q.grade) for q in doc.questions]
    assert got == [
        (True, Pillar.EFFECTIVENESS, Grade.NOT_GRADED),
        (True, Pillar.EFFICIENCY, Grade.REQUIRES_IMPROVEMENT),
    ]


def test_question_graded_in_the_summary_prose(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2017\n{HEADLINE}\nKent Police is judged to be good at how "
        "legitimately it keeps people safe and reduces crime. The force is "
        "judged to be outstanding at treating the people it serves with "
        f"fairness and respect.\n{CORE}\nText.\n",
    )
    assert doc.grade is Grade.GOOD
    assert doc.questions[0].grade is Grade.OUTSTANDING


def test_no_grade_is_invented(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2015\n{HEADLINE}\nLast updated 11/02/2016\n"
        "The force has established the Code of Ethics.\n",
    )
    assert doc.grade is None and doc.judgements == ()


def test_stray_grade_line_is_a_judgement(parser: Parser) -> None:
    doc = report(parser, "Kent PEEL 2016\nLegitimacy\nGood\nText.\n")
    assert [(j.grade, j.text) for j in doc.judgements] == [(Grade.GOOD, "Good")]


def test_furniture_is_set_aside(parser: Parser) -> None:
    doc = report(parser, f"Skip to content\nKent PEEL 2016\n{HEADLINE}\nText.\n")
    assert doc.title == "Kent PEEL 2016"
    assert [(u.text, u.reason) for u in doc.unclassified] == [
        ("Skip to content", "furniture: navigation")
    ]


@pytest.mark.parametrize(
    "text",
    ["Areas for improvement\n", "Good\n", "1\n", "- bullet\n", "  continuation\n", HEADLINE + "\n"],
)
def test_odd_fragments_parse(parser: Parser, text: str) -> None:
    report(parser, text)


def test_bullets_after_a_paragraph_about_areas_for_improvement(parser: Parser) -> None:
    doc = report(
        parser,
        f"Kent PEEL 2018\n{HEADLINE}\n{CORE}\n"
        "One area for improvement remained from that inspection.\n"
        "  • The force should evaluate its practice.\n"
        "Since then it has improved.\n",
    )
    (question,) = doc.questions
    assert [f.text for f in question.areas_for_improvement] == [
        "The force should evaluate its practice."
    ]
    assert [p.text for p in question.paragraphs] == [
        "One area for improvement remained from that inspection.",
        "Since then it has improved.",
    ]


def test_areas_with_their_grades(parser: Parser) -> None:
    doc = report(
        parser,
        "Kent PEEL 2021/22\nOverall summary\nInvestigating crime: Adequate\n"
        "Protecting vulnerable people – Requires improvement\n"
        "  • Good – at preventing crime and antisocial behaviour\n"
        "The extent to which the force is legitimate at keeping people safe and "
        "reducing crime is: good.\n",
    )
    got = [(j.subject, j.grade) for j in doc.judgements]
    assert got[:3] == [
        ("Investigating crime", Grade.ADEQUATE),
        ("Protecting vulnerable people", Grade.REQUIRES_IMPROVEMENT),
        ("preventing crime and antisocial behaviour", Grade.GOOD),
    ]
    # a sentence with a colon before its grade is prose, judged as a pillar's headline
    assert got[3][1] is Grade.GOOD and doc.judgements[3].pillar is Pillar.LEGITIMACY
    assert [p.text for p in doc.summary][-1].startswith("The extent to which")


def test_a_line_after_page_furniture_does_not_continue_the_bullet_above(parser: Parser) -> None:
    text = "Kent PEEL 2016\n\n- The force acts\nSkip to content\n  •\n"
    doc = report(parser, text)
    assert_lossless(doc, text)
    reasons = [u.reason for u in doc.unclassified]
    assert any(reason.startswith("furniture") for reason in reasons)
    for paragraph in doc.summary_bullets:
        assert "Skip to content" not in text[paragraph.span.start : paragraph.span.end]


# -- the grammar's choices among the shapes a line fits ------------------------------------


def line_types(text: str) -> list[str]:
    tree = shaped_tree(GRAMMAR, SHAPES, from_text(text))
    tokens = sorted(tree.scan_values(lambda v: isinstance(v, Token)), key=lambda t: t.start_pos)
    return [t.type for t in tokens]


@pytest.mark.parametrize(
    ("text", "continues"),
    [
        ("- The force found that\n  things were wrapped\n", True),
        ("- The force found that\nthings were wrapped\n", True),
        ("Areas for improvement\n- The force should act\n  now and later\n", True),
        ("Areas for improvement\nThe force should act on this,\nnow and later.\n", True),
        ("- One\n  two\n  three\n", True),
        ("- The force found that\n\n  things were apart\n", False),
        ("- The force found that\nThings were capitalised\n", False),
        ("- The force found that\n  - another bullet\n", False),
        ("Some prose here.\n  indented prose\n", False),
        ("The force should act\nnow and later.\n", False),
    ],
)
def test_a_line_straight_under_a_bullet_or_finding_continues_it(text: str, continues: bool) -> None:
    assert (line_types(text)[-1] in ("CONT", "CONT_LOWER")) is continues


@pytest.mark.parametrize("mark", ["-", "*", "\u2022", "\u2013", "\u25aa", "1.", "2)"])
def test_every_bullet_mark_opens_a_bullet_or_a_finding(mark: str) -> None:
    assert line_types(f"Prose.\n{mark} The force acts.\n") == ["PARA", "BULLET"]
    assert line_types(f"Areas for improvement\n{mark} The force acts.\n") == [
        "AFI_HEADING",
        "ITEM",
    ]


def test_a_bullet_after_a_bullets_continuation_is_no_finding() -> None:
    text = "Prose.\n\n- One\n  more\n- Two\n"
    assert line_types(text) == ["PARA", "BULLET", "CONT", "BULLET"]


@pytest.mark.parametrize(
    ("line", "terminal"),
    [
        ("Areas for improvement", "AFI_HEADING"),
        ("Area for improvement:", "AFI_HEADING"),
        ("CAUSES OF CONCERN", "COC_HEADING"),
        ("Cause  of concern", "COC_HEADING"),
        ("Recommendations :", "REC_HEADING"),
        ("Areas for improvement in Kent", "HEADING"),
        ("Our recommendations", "HEADING"),
        ("Recommendations: :", "PARA"),
        ("Areas of improvement", "HEADING"),
        ("Cause for concern", "HEADING"),
    ],
)
def test_a_findings_heading_is_the_heading_alone(line: str, terminal: str) -> None:
    assert line_types(f"Some prose.\n\n{line}\n")[-1] == terminal


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (f"1\n{CORE}\n", "1"),
        (f"Prose.\n\n2.\n\n{CORE}\n", "2."),
        (f"{CORE}\nProse.\n3\n{CORE}\n", "3"),
        (f"{CORE}\n- A bullet\n4\n{CORE}\n", "4"),
        (f"{CORE}\nSub-heading\n12\n{CORE}\n", "12"),
        (f"1\n{HEADLINE}\n", None),
        (f"1\nProse.\n{CORE}\n", None),
        (f"{CORE}\n7\n", None),
        ("1\n\n2\n\nProse.\n", None),
        (f"123\n{CORE}\n", None),
    ],
)
def test_a_bare_number_is_the_number_of_the_core_question_after_it(
    parser: Parser, text: str, number: str | None
) -> None:
    doc = report(parser, f"Kent PEEL 2018\n{text}")
    numbers = [q.number for q in doc.questions if q.number is not None]
    assert numbers == ([number] if number else [])
    assert not doc.diagnostics
    assert_lossless(doc, f"Kent PEEL 2018\n{text}")


def test_a_number_before_a_headline_question_is_prose_and_nothing_is_set_aside(
    parser: Parser,
) -> None:
    doc = report(parser, f"Kent PEEL 2018\n1\n{HEADLINE}\nGood\n{CORE}\nText.\n")
    assert doc.headline_question == HEADLINE and doc.grade is Grade.GOOD
    assert [p.text for p in doc.summary] == ["1"] and doc.unclassified == ()


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (f"{CORE}\nLast updated 08/12/2016\n", "UPDATED"),
        (f"{HEADLINE}\nUpdated: 1/2/2019\n", "UPDATED"),
        (f"{CORE}\nPublished on 08/12/2016\n", "UPDATED"),
        (f"{CORE}\nGood\n", "GRADE"),
        (f"{HEADLINE}\nLast updated 08/12/2016\nRequires improvement\n", "GRADE"),
        (f"{CORE}\nGood\nLast updated 08/12/2016\n", "DATED"),
        (f"{CORE}\nProse.\nLast updated 08/12/2016\n", "DATED"),
        (f"{CORE}\nLast updated 08/12/2016\nLast updated 09/12/2016\n", "DATED"),
        (f"{CORE}\nGood\nGood\n", "GRADE_ALONE"),
        (f"{CORE}\nProse.\nOutstanding\n", "GRADE_ALONE"),
    ],
)
def test_a_date_or_grade_line_belongs_to_the_question_straight_above(text: str, last: str) -> None:
    assert line_types(f"Kent PEEL 2016\n{text}")[-1] == last


@pytest.mark.parametrize(
    ("text", "led"),
    [
        ("One area for improvement remained.\n- The force should act.\n", True),
        ("The areas for improvement were these:\n  • Act.\n  • Act again.\n", True),
        ("We found two areas for improvement.\n1. Do this.\n", True),
        ("Areas for improvement remain, namely:\n* this one\n", True),
        ("It has one area for improvement left:\n- review its data\n", True),
        ("One area for improvement remained.\nThe force should act.\n", False),
        ("One area for improvement remained.\n\nProse after it.\n", False),
        ("One area of improvement remained.\n- The force should act.\n", False),
        ("The improvements were these:\n- Act.\n", False),
        ("One area for improvement remained.\nInvestigating crime: Good\n", False),
    ],
)
def test_a_paragraph_about_areas_for_improvement_leads_the_bullets_after_it(
    parser: Parser, text: str, led: bool
) -> None:
    doc = report(parser, f"Kent PEEL 2018\n{HEADLINE}\n{CORE}\n{text}")
    (question,) = doc.questions
    assert bool(question.areas_for_improvement) is led
    assert question.paragraphs[0].text == text.split("\n")[0]
