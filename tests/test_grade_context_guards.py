"""The cheap tests the grade reader runs before its expressions never hide a match."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from peelparse._grade_context import (
    _CHANGED_TO,
    _EARLIER,
    _JUDGED,
    _LOWER_MENTION,
    _NEGATION,
    _OPINION,
    _lower_mentions,
    ends_with_to,
    may_be_earlier,
    may_give_opinion,
    may_judge,
    may_negate,
)
from peelparse._judgements import _HEADLINE_SUBJECT, _may_be_headline
from peelparse.testing import assert_guard_holds
from peelparse.text import LazyPattern

GUARDS = [
    (_EARLIER, may_be_earlier),
    (_OPINION, may_give_opinion),
    (_JUDGED, may_judge),
    (_NEGATION, may_negate),
    (_CHANGED_TO, ends_with_to),
]


@pytest.mark.parametrize(
    ("pattern", "guard"), GUARDS, ids=["earlier", "opinion", "judged", "negation", "changed to"]
)
def test_a_guard_holds_for_every_text_its_expression_finds(
    pattern: LazyPattern, guard: Callable[[str], bool]
) -> None:
    assert_guard_holds(pattern, guard, examples=80)


def test_the_guards_turn_plain_text_away() -> None:
    plain = "the force keeps people safe and reduces crime"
    assert not any(guard(plain) for _, guard in GUARDS)


def test_the_headline_guard_holds_for_every_subject_the_expression_finds() -> None:
    assert_guard_holds(_HEADLINE_SUBJECT, _may_be_headline, examples=80)
    assert not _may_be_headline("its use of resources")


@pytest.mark.parametrize(
    "text",
    [
        "the force is good at reducing crime, and outstanding at treating the public fairly.",
        "it was inadequate; xinadequate and -good and good-will are not grades.",
        "it requires  improvement, requirement and required improvement alike.",
        "the force was not yet graded, and ungraded or to be graded areas stay so.",
        "outstandingood goodgood adequate",
        "it was ınadequate, requıres improvement and ſo good.",
        "no grade here",
    ],
)
def test_grade_words_are_found_from_their_openings_as_the_expression_finds_them(text: str) -> None:
    found = [(m.span(), m.group()) for m in _lower_mentions(text)]
    assert found == [(m.span(), m.group()) for m in _LOWER_MENTION.finditer(text)]
