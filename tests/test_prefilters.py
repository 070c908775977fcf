"""The cheap word tests that spare regular expressions must never hide a match.

Each shape names words one of which a matching sentence must hold; these tests draw texts
from the shapes' own expressions and check the words are there, so a shape edited without
its words fails here rather than silently finding less.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._judgements import _COUNTS, _LATER_SHAPES, _SHAPES, _may_judge, _Shape
from peelparse._vocab import GRADE_PATTERN

_WITH_WORDS = [
    shape for group in (_SHAPES, _LATER_SHAPES, _COUNTS) for shape in group if shape.needs
]


@pytest.mark.parametrize("shape", _WITH_WORDS, ids=lambda s: "|".join(s.needs))
def test_a_shapes_words_are_in_every_text_it_matches(shape: _Shape) -> None:
    @settings(max_examples=60, deadline=None)
    @given(st.from_regex(shape.pattern))
    def check(text: str) -> None:
        assert any(word in text.lower() for word in shape.needs)

    check()


@settings(max_examples=150, deadline=None)
@given(st.from_regex(re.compile(GRADE_PATTERN, re.IGNORECASE)))
def test_every_wording_of_a_grade_may_be_a_judgement(text: str) -> None:
    assert _may_judge(text.lower())


def test_a_sentence_without_a_grade_word_is_not_searched() -> None:
    assert not _may_judge("the force keeps people safe.")
