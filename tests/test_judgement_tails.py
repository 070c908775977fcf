"""A shape's tail is a test run before the shape: it must find every sentence the shape does."""

from __future__ import annotations

import pytest

from peelparse._grade_context import mentions
from peelparse._judgements import _COUNTS, _LATER_SHAPES, _SHAPES, _ends, _Shape
from peelparse.testing import assert_guard_holds

_WITH_TAILS = [
    shape for group in (_SHAPES, _LATER_SHAPES, _COUNTS) for shape in group if shape.tail
]


def test_some_shape_has_a_tail() -> None:
    assert _WITH_TAILS


@pytest.mark.parametrize("shape", _WITH_TAILS, ids=lambda s: s.pattern.pattern[:40])
def test_a_shapes_tail_is_in_every_sentence_it_matches(shape: _Shape) -> None:
    assert shape.tail is not None
    tail = shape.tail
    assert_guard_holds(shape.pattern, lambda text: tail.search(text) is not None, examples=80)


def test_a_sentence_with_the_tail_still_needs_the_whole_shape() -> None:
    shape = _WITH_TAILS[0]
    sentence = "Overall effectiveness is good."
    assert shape.tail is not None and shape.tail.search(sentence)
    assert shape.search(sentence, sentence.lower()) is None
    whole = "Kent Police's effectiveness is good."
    found = shape.search(whole, whole.lower())
    assert found is not None and found.group("grade") == "good"


_WITH_AFTER = [shape for shape in _SHAPES if shape.after]


def test_some_shape_says_what_follows_its_grade() -> None:
    assert _WITH_AFTER


@pytest.mark.parametrize("shape", _WITH_AFTER, ids=lambda s: s.pattern.pattern[:40])
def test_what_follows_a_shapes_grade_follows_a_grade_word_of_every_sentence_it_matches(
    shape: _Shape,
) -> None:
    def guard(text: str) -> bool:
        lower = text.lower()
        return shape.may_match(text, lower, _ends(text, lower, mentions(text, lower)))

    assert_guard_holds(shape.pattern, guard, examples=200)


def test_a_grade_word_followed_otherwise_spares_the_shape() -> None:
    shape = _WITH_AFTER[0]
    sentence = "The force is good practice in places."
    lower = sentence.lower()
    assert not shape.may_match(sentence, lower, _ends(sentence, lower, mentions(sentence, lower)))
    sentence = "The force is good at reducing crime."
    lower = sentence.lower()
    found = shape.search(sentence, lower, _ends(sentence, lower, mentions(sentence, lower)))
    assert found is not None and found.group("grade") == "good"
