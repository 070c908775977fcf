"""Shapes seen on real pages beyond the corpus the parser was first built on."""

from __future__ import annotations

import pytest

from peelparse import Grade, Parser, Pillar
from peelparse.text import judgements_in
from peelparse_report import InspectionReport


def report(parser: Parser, text: str) -> InspectionReport:
    document = parser.parse_text(text, kind="inspection_report")
    assert isinstance(document, InspectionReport)
    return document


@pytest.mark.parametrize(
    ("sentence", "grade", "pillar"),
    [
        (
            "the extent to which the force operates efficiently and sustainably is good.",
            Grade.GOOD,
            Pillar.EFFICIENCY,
        ),
        (
            "The extent to which the constabulary treats the public and its workforce "
            "legitimately is requires improvement.",
            Grade.REQUIRES_IMPROVEMENT,
            Pillar.LEGITIMACY,
        ),
        (
            "the extent to which the force is effective at reducing crime and keeping "
            "people safe is outstanding.",
            Grade.OUTSTANDING,
            Pillar.EFFECTIVENESS,
        ),
    ],
)
def test_integrated_overview_sentences_grade_each_pillar(
    sentence: str, grade: Grade, pillar: Pillar
) -> None:
    (found,) = judgements_in(sentence)
    assert (found.grade, found.pillar, found.headline, found.explicit) == (
        grade,
        pillar,
        True,
        True,
    )


def test_an_extent_sentence_naming_no_pillar_grades_nothing() -> None:
    assert list(judgements_in("The extent to which the force listens to staff is good.")) == []


INTEGRATED_OVERVIEW = """\
Skip to content

Lancashire 2018/19

This is HMICFRS's fifth PEEL (police effectiveness, efficiency and legitimacy) assessment \
of Lancashire Constabulary.

Lancashire Constabulary was inspected in tranche two and we found:

the extent to which the force is effective at reducing crime and keeping people safe is good.

the extent to which the force operates efficiently and sustainably is outstanding.

the extent to which the force treats the public and its workforce legitimately is good.

HMI's observations

The constabulary plans well for the future.

How effectively does the force reduce crime and keep people safe?

Last updated 01/05/2019

Lancashire Constabulary is good at reducing crime and keeping people safe.
"""


def test_integrated_overview_cut_off_after_one_pillar_is_about_all_three(
    parser: Parser,
) -> None:
    doc = report(parser, INTEGRATED_OVERVIEW)
    assert (doc.force and doc.force.slug, doc.year, doc.pillar, doc.grade) == (
        "lancashire",
        2018,
        None,
        None,
    )
    headline = {j.pillar: j.grade for j in doc.judgements if j.headline and j.pillar}
    assert headline == {
        Pillar.EFFECTIVENESS: Grade.GOOD,
        Pillar.EFFICIENCY: Grade.OUTSTANDING,
        Pillar.LEGITIMACY: Grade.GOOD,
    }


OLDER_OVERVIEW = """\
Dorset 2017

This is HMICFRS' fourth PEEL (police effectiveness, efficiency and legitimacy) assessment \
of Dorset Police.

The extent to which the force is effective at keeping people safe and reducing crime is good.

The extent to which the force is efficient at keeping people safe and reducing crime is \
requires improvement.

The extent to which the force is legitimate at keeping people safe and reducing crime is good.

How effective is the force at keeping people safe and reducing crime?

Last updated 22/03/2018

Overall, Dorset Police remains good at keeping people safe.
"""


def test_overview_with_one_pillar_section_keeps_no_single_pillar(parser: Parser) -> None:
    doc = report(parser, OLDER_OVERVIEW)
    assert (doc.pillar, doc.grade, doc.headline_question) == (None, None, None)
    headline = {j.pillar: j.grade for j in doc.judgements if j.headline and j.pillar}
    assert headline[Pillar.EFFICIENCY] == Grade.REQUIRES_IMPROVEMENT


def test_a_pillar_page_stating_only_its_own_grade_keeps_its_pillar(parser: Parser) -> None:
    doc = report(
        parser,
        "Dorset PEEL 2018\n\n"
        "How legitimately does the force treat the public and its workforce?\n\n"
        "Last updated 02/05/2019\n\n"
        "Dorset Police is good in how legitimately it keeps people safe and reduces crime.\n",
    )
    assert (doc.pillar, doc.grade) == (Pillar.LEGITIMACY, Grade.GOOD)
