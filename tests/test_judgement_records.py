"""A judgment's record text is added by building the record again: every field must carry
over, and the sentences of a paragraph must be read alike however they are split."""

from __future__ import annotations

import attrs
import pytest

from peelparse._judgements import _ANY_GRADE, ProseJudgement, _holds_grade, _prose
from peelparse._vocab import Grade
from peelparse.text import judgements_in


def test_a_judgments_fields_are_in_the_order_its_record_takes_them() -> None:
    fields = _prose(
        Grade.GOOD,
        "keeping people safe",
        3,
        40,
        explicit=True,
        at=(10, 14),
        count=4,
        counted="area",
        rest=True,
    )
    judgement = ProseJudgement(*fields, "The force is good.")
    assert attrs.asdict(judgement, recurse=False) == {
        "grade": Grade.GOOD,
        "subject": "keeping people safe",
        "pillar": None,
        "headline": True,
        "explicit": True,
        "start": 3,
        "end": 40,
        "count": 4,
        "counted": "area",
        "rest": True,
        "grade_start": 10,
        "grade_end": 14,
        "text": "The force is good.",
    }


def test_a_paragraph_reads_as_its_sentences_do() -> None:
    first = "The force is judged to be good at keeping people safe."
    second = "Kent Police was rated 'outstanding' for its efficiency."
    paragraph = f"{first} {second}"
    together = [(j.grade, j.subject, j.text) for j in judgements_in(paragraph)]
    apart = [(j.grade, j.subject, j.text) for s in (first, second) for j in judgements_in(s)]
    assert together == apart
    assert [j.start for j in judgements_in(paragraph)] == [0, len(first) + 1]


def test_a_paragraph_whose_lower_case_is_longer_keeps_its_offsets() -> None:
    # "İ" lower-cases to two characters: the sentences are then lower-cased one by one
    paragraph = "İstanbul was mentioned. The force is judged to be good at reducing crime."
    found = list(judgements_in(paragraph))
    assert [j.grade for j in found] == [Grade.GOOD]
    assert paragraph[found[0].grade_start : found[0].grade_end] == "good"


@pytest.mark.parametrize(
    "sentence",
    [
        "The force is good at reducing crime.",
        "Its goods are stored well.",  # a grade's words inside another word
        "We make a narrative judgment, not a graded one.",
        "The force REQUIRES   IMPROVEMENT.",
        "The force ıs outſtanding.",  # lower case keeps letters that only match case-free
        "İt was outſtanding.",  # lower case is longer
        "It is NOT YET graded.",
        "Its requirement is met.",
    ],
)
def test_the_lower_case_says_whether_a_sentence_holds_a_grade_as_the_sentence_does(
    sentence: str,
) -> None:
    assert _holds_grade(sentence, sentence.lower()) == (_ANY_GRADE.search(sentence) is not None)


def test_a_sentence_with_no_grade_words_still_says_it_is_not_graded() -> None:
    found = list(judgements_in("We don't make a graded judgment for this area."))
    assert [j.grade for j in found] == [Grade.NOT_GRADED]
