"""The cheap tests added to spare more press-release shapes their regular expressions, and
the shortcuts that reuse an answer already found, must never change what is found."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse_press.detect import _above_headline
from peelparse_press.shapes import (
    DATE_LINE,
    META,
    SITE,
    may_be_meta,
)


@pytest.mark.parametrize(
    ("guard", "text"),
    [
        (may_be_meta, "Publication types: Press releases"),
    ],
)
def test_a_guard_passes_a_text_its_shape_matches(guard: Callable[[str], bool], text: str) -> None:
    assert guard(text)


@pytest.mark.parametrize(
    ("guard", "text"),
    [
        (may_be_meta, "Publication types Press releases"),
    ],
)
def test_a_guard_turns_away_a_text_its_shape_cannot_match(
    guard: Callable[[str], bool], text: str
) -> None:
    assert not guard(text)


_TOP_LINES = (
    st.from_regex(SITE.compiled, fullmatch=True)
    | st.from_regex(DATE_LINE.compiled, fullmatch=True)
    | st.from_regex(META.compiled, fullmatch=True)
    | st.text()
)


@settings(max_examples=300, deadline=None)
@given(_TOP_LINES)
def test_lines_above_a_headline_are_told_as_their_shapes_tell_them(line: str) -> None:
    expected = any(shape.fullmatch(line) for shape in (SITE, DATE_LINE, META))
    assert _above_headline(line) == expected
