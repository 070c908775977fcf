"""A judgment's record text is added by building the record again: every field must carry
over, and the sentences of a paragraph must be read alike however they are split."""

from __future__ import annotations

import attrs

from peelparse._judgements import ProseJudgement, _with_text
from peelparse._vocab import Grade, Pillar
from peelparse.text import judgements_in


def test_adding_the_text_keeps_every_other_field() -> None:
    values = {
        "grade": Grade.GOOD,
        "subject": "keeping people safe",
        "pillar": Pillar.EFFECTIVENESS,
        "headline": True,
        "explicit": True,
        "start": 3,
        "end": 40,
        "count": 4,
        "counted": "area",
        "rest": True,
        "grade_start": 10,
        "grade_end": 14,
        "text": "",
    }
    assert set(values) == {field.name for field in attrs.fields(ProseJudgement)}
    judgement = ProseJudgement(**values)  # type: ignore[arg-type]
    assert _with_text(judgement, "The force is good.") == attrs.evolve(
        judgement, text="The force is good."
    )


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
