"""The report grammar, rule by rule, on small texts shaped like real pages."""

from __future__ import annotations

from typing import Any

import pytest
from lark import Lark

from peelparse import Grade, Parser, Pillar
from peelparse.testing import assert_lossless
from peelparse_report import GRAMMAR, InspectionReport


def report(parser: Parser, text: str) -> InspectionReport:
    document = parser.parse_text(text, kind="inspection_report")
    assert isinstance(document, InspectionReport)
    return document


def test_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce conflict and on colliding terminals
    Lark.open_from_package(
        GRAMMAR.package, GRAMMAR.filename, ("",), parser="lalr", lexer="contextual", strict=True
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
