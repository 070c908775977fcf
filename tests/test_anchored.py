"""Patterns tried only where their matches can start find what they find tried everywhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._metadata import _PILLAR_NAMED, _PILLAR_NAMED_AT
from peelparse._text import line_starts, offsets

# Letters whose case-insensitive matches lower-case differently, and words the patterns open
# with, to mix into texts.
_TRICKY = ["İ", "ı", "ſ", "K", "ß", "\n", " ", "PEEL", "Peel", "police", "POLICE", "Questions"]


def _same(anchored: AnchoredPattern, text: str) -> None:
    expected = [m.span() for m in anchored.pattern.finditer(text)]
    assert [m.span() for m in anchored.finditer(text)] == expected
    assert [m.span() for m in anchored.finditer(text, text.lower())] == expected
    first = anchored.search(text)
    assert (first.span() if first else None) == (expected[0] if expected else None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.from_regex(_PILLAR_NAMED.compiled), st.sampled_from(_TRICKY), st.text()),
        max_size=6,
    ).map("".join)
)
def test_pillar_names_are_found_where_they_are_found_everywhere(text: str) -> None:
    _same(_PILLAR_NAMED_AT, text)


_WORDS_AND_LINES = AnchoredPattern(
    LazyPattern(r"^[ \t]*Note\b.*|\bcheck\w*|ABC", re.MULTILINE | re.IGNORECASE),
    ("check", "abc"),
    lines=True,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Note", " note ", "CHECK", "checks", "abc", "aBc", "x", "\n", "İ", "ı"]),
        max_size=10,
    ).map("".join)
)
def test_a_pattern_opening_with_lines_and_words(text: str) -> None:
    _same(_WORDS_AND_LINES, text)


def test_matches_do_not_overlap_as_with_finditer() -> None:
    anchored = AnchoredPattern(LazyPattern(r"abab|ab", re.IGNORECASE), ("ab",))
    assert [m.group(0) for m in anchored.finditer("ababab AB")] == ["abab", "ab", "AB"]


@pytest.mark.parametrize("word", ["Peel", "", "péel", "Σ", "ß", "ı", "K"])
def test_anchor_words_are_lower_case_ascii_or_without_case(word: str) -> None:
    with pytest.raises(ValueError, match="anchor word"):
        AnchoredPattern(LazyPattern("x"), (word,))


@pytest.mark.parametrize("word", ["this", "is", "a b", "(c)", "©", "no. 1"])
def test_anchor_words_may_hold_i_s_marks_and_caseless_signs(word: str) -> None:
    assert AnchoredPattern(LazyPattern("x"), (word,)).words == (word,)


# 'i' and 's' are matched, case ignored, by 'ı' and 'ſ', which lower-case to themselves.
_WITH_I_AND_S = AnchoredPattern(
    LazyPattern(r"\bsaid\b|(?:©|\(c\))\s*\w+|\binside", re.IGNORECASE),
    ("said", "©", "(c)", "inside"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "ſaid", "SAİD", "saıd", "ınside", "İnside", "©", "(C)", "(c)", "x", " ", "K"]
        ),
        max_size=10,
    ).map("".join)
)
def test_words_with_i_s_and_signs_find_what_the_pattern_finds(text: str) -> None:
    _same(_WITH_I_AND_S, text)


def test_offsets_and_line_starts() -> None:
    assert offsets("aaa ba", "aa") == [0, 1]
    assert offsets("abc", "x") == []
    assert line_starts("one\n\ntwo\n") == [0, 4, 5, 9]
    assert line_starts("") == [0]
