"""The cheap tests that spare the press-release shapes' regular expressions must never hide
a match.

Each guard states what every text a shape matches holds (a closing colon, a final digit, a
quotation mark, a few letters); these tests draw texts from the shapes' own expressions and
check the guard lets them through, so a shape edited without its guard fails here rather
than silently finding less.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse.testing import assert_guard_holds
from peelparse.text import (
    BULLET,
    SAID,
    SAID_AFTER,
    SAID_BEFORE,
    LazyPattern,
    is_bullet,
    may_attribute_after,
    may_introduce,
    may_quote_after,
)
from peelparse_press.shapes import (
    _MARKUP_START,
    DATE_LINE,
    HEADING,
    HMICFRS_NAME,
    META,
    MULTI_TITLE,
    may_be_date,
    may_be_heading,
    may_be_meta,
    may_name_several,
    names_hmicfrs,
    unmarked,
)

_WHOLE_TEXT_GUARDS: list[tuple[LazyPattern, Callable[[str], bool]]] = [
    (HEADING, may_be_heading),
    (SAID, may_introduce),
    (DATE_LINE, may_be_date),
    (META, may_be_meta),
]
"""Shapes the rules match against a whole text (``fullmatch``), with their guards."""

_SEARCH_GUARDS: list[tuple[LazyPattern, Callable[[str], bool]]] = [
    (SAID_BEFORE, may_quote_after),
    (SAID_AFTER, may_attribute_after),
    (MULTI_TITLE, may_name_several),
    (HMICFRS_NAME, names_hmicfrs),
]
"""Shapes the rules search for (or match at the start, which a search also finds)."""


@pytest.mark.parametrize(
    ("pattern", "guard"), _WHOLE_TEXT_GUARDS, ids=[g.__name__ for _, g in _WHOLE_TEXT_GUARDS]
)
def test_a_guard_passes_every_text_its_shape_matches_whole(
    pattern: LazyPattern, guard: Callable[[str], bool]
) -> None:
    assert_guard_holds(pattern, guard, how="fullmatch", examples=150)


@pytest.mark.parametrize(
    ("pattern", "guard"), _SEARCH_GUARDS, ids=[g.__name__ for _, g in _SEARCH_GUARDS]
)
def test_a_guard_passes_every_text_its_shape_is_found_in(
    pattern: LazyPattern, guard: Callable[[str], bool]
) -> None:
    assert_guard_holds(pattern, guard, examples=150)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(BULLET.compiled, fullmatch=True) | st.from_regex(BULLET.compiled) | st.text())
def test_a_list_item_is_told_as_its_shape_tells_it(text: str) -> None:
    assert is_bullet(text) == (BULLET.match(text) is not None)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(_MARKUP_START.compiled) | st.text())
def test_marks_are_cut_where_their_shape_says(text: str) -> None:
    found = _MARKUP_START.match(text)
    assert unmarked(text)[0] == (found.end() if found else 0)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_publisher_is_named_exactly_when_its_shape_says_so(text: str) -> None:
    assert names_hmicfrs(text) == (HMICFRS_NAME.search(text) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "Published by HMICFRS today.",
        "HM Inspectorate of Constabulary and Fire & Rescue Services said",
        "INSPECTORATE OF CONSTABULARY\nAND\tFIRE",
        # Letters that match "s", "i" and "k" when case is ignored, which lowering keeps.
        "HMICFR\u017f",
        "Inspectorate of Con\u017ftabulary and F\u0130re",
        "\u0131nspectorate of Constabulary and F\u0131re",
    ],
)
def test_the_publisher_is_named(text: str) -> None:
    assert HMICFRS_NAME.search(text) is not None
    assert names_hmicfrs(text)


@pytest.mark.parametrize(
    "text",
    ["HM Inspectorate of Constabulary", "HMIC found", "HMICFRSX", "constabulary and police"],
)
def test_the_publisher_is_not_named(text: str) -> None:
    assert not names_hmicfrs(text)


@pytest.mark.parametrize(
    ("pattern", "guard", "text"),
    [
        (HEADING, may_be_heading, "Police force is good at keeping people safe  "),
        (HEADING, may_be_heading, "Short title. \t"),
        (SAID, may_introduce, "Zoë Billingham said: "),
        (DATE_LINE, may_be_date, "Published on: 2 March 2017 "),
        (DATE_LINE, may_be_date, "02/03/2017"),
    ],
)
def test_a_guard_passes_a_text_its_shape_matches(
    pattern: LazyPattern, guard: Callable[[str], bool], text: str
) -> None:
    assert pattern.fullmatch(text) is not None
    assert guard(text)


@pytest.mark.parametrize(
    ("guard", "text"),
    [
        (may_be_heading, "The force is good at keeping people safe."),
        (may_be_heading, "A" * 300),
        (may_be_heading, ""),
        (may_introduce, "She said the force was good"),
        (may_be_date, "Published in March"),
        (may_quote_after, "She said the force was good"),
        (may_attribute_after, "She said the force was good"),
        (may_name_several, "Kent Police is good"),
    ],
)
def test_a_guard_turns_away_a_text_its_shape_cannot_match(
    guard: Callable[[str], bool], text: str
) -> None:
    assert not guard(text)
