"""Page furniture: patterns with needed words, and the one expression made of them all."""

from __future__ import annotations

import re

import pytest

from peelparse import Furniture
from peelparse._furniture import FurnitureMatcher
from peelparse._source import from_text
from peelparse.testing import assert_guard_holds
from peelparse_web import FURNITURE as WEB_FURNITURE

_NEEDY = [item for item in WEB_FURNITURE if item.needs]


def test_the_web_patterns_that_scan_whole_lines_name_their_words() -> None:
    assert {item.reason for item in _NEEDY} == {"site header", "image alt text"}


@pytest.mark.parametrize("item", _NEEDY, ids=lambda item: "|".join(item.needs))
def test_a_furniture_patterns_words_are_in_every_line_it_matches(item: Furniture) -> None:
    assert_guard_holds(
        re.compile(item.pattern, re.IGNORECASE),
        lambda line: any(word in line.lower() for word in item.needs),
        how="fullmatch",
        examples=80,
    )


def _marks(items: list[Furniture], text: str) -> dict[int, str]:
    return FurnitureMatcher(items).mark(from_text(text))[0]


def test_the_first_pattern_a_line_matches_gives_the_reason_with_or_without_words() -> None:
    items = [
        Furniture(r"the \w+ logo", "image alt text", needs=("logo",)),
        Furniture(r"the \w+ \w+", "three words"),
        Furniture(r"ADVERT:.*", "advert"),
    ]
    text = "The HMICFRS logo\nthe long road\n  advert: buy now  \nA paragraph of prose.\n"
    assert _marks(items, text) == {1: "image alt text", 2: "three words", 3: "advert"}


def test_a_line_without_the_needed_word_is_not_tried_on_the_pattern_that_needs_it() -> None:
    # The pattern would match, but its author said it needs "logo": the word is the promise.
    items = [Furniture(r"the \w+ \w+", "needy", needs=("logo",))]
    assert _marks(items, "the long road\nthe logo road\n") == {2: "needy"}


def test_needed_words_must_be_lower_case_words_in_a_tuple() -> None:
    with pytest.raises(ValueError, match="lower-case words"):
        Furniture(r"Logo", "image", needs=("Logo",))
    with pytest.raises(ValueError, match="lower-case words"):
        Furniture(r"logo", "image", needs=("",))
    with pytest.raises(TypeError, match="tuple of words"):
        Furniture(r"logo", "image", needs="logo")  # type: ignore[arg-type]


def test_no_furniture_at_all_marks_nothing() -> None:
    assert _marks([], "Skip to content\n") == {}
