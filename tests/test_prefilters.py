"""The cheap word tests that spare regular expressions must never hide a match.

Each shape names words one of which a matching sentence must hold; these tests draw texts
from the shapes' own expressions and check the words are there, so a shape edited without
its words fails here rather than silently finding less.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from peelparse._judgements import _COUNTS, _LATER_SHAPES, _SHAPES, _Shape
from peelparse.testing import assert_guard_holds
from peelparse.text import (
    AREA_GRADE,
    GLUED_GRADE,
    GRADE_LINE,
    GRADE_PATTERN,
    GRADE_WORDS,
    LazyPattern,
    end_before_bold,
    may_name_grade,
    may_pair_area,
)

_WITH_WORDS = [
    shape for group in (_SHAPES, _LATER_SHAPES, _COUNTS) for shape in group if shape.needs
]


@pytest.mark.parametrize("shape", _WITH_WORDS, ids=lambda s: "|".join(s.needs))
def test_a_shapes_words_are_in_every_text_it_matches(shape: _Shape) -> None:
    assert_guard_holds(
        shape.pattern, lambda text: any(word in text.lower() for word in shape.needs), examples=60
    )


def test_every_wording_of_a_grade_may_be_a_judgement() -> None:
    assert_guard_holds(
        re.compile(GRADE_PATTERN, re.IGNORECASE),
        lambda text: may_name_grade(text.lower()),
        examples=150,
    )


def test_a_sentence_without_a_grade_word_is_not_searched() -> None:
    assert not may_name_grade("the force keeps people safe.")


_LINE_GUARDS = [
    (AREA_GRADE, lambda text: may_name_grade(text.lower())),
    (GLUED_GRADE, lambda text: may_name_grade(text.lower()) and "?" in text),
    (GRADE_LINE, lambda text: may_name_grade(text.lower())),
]


@pytest.mark.parametrize(("shape", "guard"), _LINE_GUARDS, ids=lambda g: getattr(g, "pattern", ""))
def test_a_grade_lines_guard_holds_for_every_line_of_its_shape(
    shape: LazyPattern, guard: Callable[[str], bool]
) -> None:
    assert_guard_holds(shape, guard, how="line", examples=60)


def test_a_lazy_pattern_compiles_on_first_use_and_then_answers_directly() -> None:
    pattern = LazyPattern(r"(?P<word>good)", re.IGNORECASE)
    assert pattern._compiled is None
    found = pattern.search("It is GOOD.")
    assert found is not None and found.group("word") == "GOOD"
    assert pattern._compiled is not None
    assert pattern.search == pattern.compiled.search  # no wrapper once compiled
    assert [m.start() for m in pattern.finditer("good, good")] == [0, 6]
    assert pattern.sub("fine", "good day") == "fine day"
    assert pattern.groupindex == {"word": 1}


def test_a_lazy_pattern_reports_a_bad_expression_when_used() -> None:
    pattern = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("text")


def test_the_grade_test_looks_for_each_grade_word() -> None:
    for word in GRADE_WORDS:
        assert may_name_grade(f"the force was {word} here")


@pytest.mark.parametrize("shape", [AREA_GRADE], ids=lambda g: getattr(g, "pattern", ""))
def test_the_area_guard_holds_for_every_line_of_its_shape(shape: LazyPattern) -> None:
    assert_guard_holds(shape, lambda text: may_pair_area(text.lower()), how="line", examples=200)


@pytest.mark.parametrize(
    "grade",
    [
        "Outstanding",
        "GOOD",
        "adequate",
        "\u0130nadequate",
        "\u0131nadequate",
        "Requires  improvement",
        "Not yet graded",
        "Ungraded",
    ],
)
def test_an_area_and_its_grade_pass_the_area_guard_either_way_round(grade: str) -> None:
    for line in (
        f"Investigating crime: '{grade}'.",
        f"\u2022 \u201c{grade}\u201d \u2013 at investigating crime",
    ):
        assert AREA_GRADE.match(line), line
        assert may_pair_area(line.lower()), line


def test_a_guard_that_turns_away_a_match_fails() -> None:
    with pytest.raises(AssertionError, match="turns away"):
        assert_guard_holds(LazyPattern(r"good|fine"), lambda text: "good" in text, examples=200)


def test_a_line_guard_is_given_the_stripped_line() -> None:
    assert_guard_holds(
        LazyPattern(r"[ \t]*- \S+"), lambda line: line.startswith("- "), how="line", examples=50
    )


@pytest.mark.parametrize(
    ("text", "end"), [("**Title**", 7), ("Title **", 8), ("**", 2), ("a***", 2), ("word", 4)]
)
def test_closing_bold_marks_count_only_after_a_word(text: str, end: int) -> None:
    assert end_before_bold(text, len(text)) == end


@pytest.mark.parametrize("text", ["**Title**", "Title **", "**", "a***", "word", "x**"])
def test_closing_bold_marks_are_read_alike_inside_a_longer_text(text: str) -> None:
    longer = f"Before. {text} After."
    start = longer.index(text)
    end = start + len(text)
    assert end_before_bold(longer, end, start) == start + end_before_bold(text, len(text))
