"""A shape that opens with a few words is written to open with their first letters: it must
find what ``\\b(?:words)`` with case ignored finds, in the same places."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._text import cases, word_branches, word_opening

WORDS = [
    ("is", "was", "are", "were", r"has\s+been", r"have\s+been"),
    ("judged", "assessed", "graded", "rated"),
    ("find", "finds", "found", "rate", "rates", "judge", "judges"),
    ("legitima", "effective", "efficien"),
    ("the",),
    ("that",),
]
TEXTS = [
    "The force IS judged; it wAs rated, it has  been graded and Has\tbeen found.",
    "this was\u0131s \u0130s \u0131s is. Judges judged; prejudged, underrated, RATES",
    "Legitimacy, effectiveness and efficiency; ineffective, ıneffective.",
    "theme the The THE other_the x-the 1the",
    "that, That; thatch what that",
    "",
]


def _plain(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(words)})\w*", re.IGNORECASE)


def _opened(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"{word_opening(words)}(?i:\w*)")


@pytest.mark.parametrize("words", WORDS, ids=lambda w: w[0])
def test_an_opening_finds_what_the_words_find(words: tuple[str, ...]) -> None:
    for text in TEXTS:
        plain = [m.span() for m in _plain(words).finditer(text)]
        assert [m.span() for m in _opened(words).finditer(text)] == plain, text


@pytest.mark.parametrize("words", WORDS, ids=lambda w: w[0])
def test_an_opening_finds_what_the_words_find_in_drawn_texts(words: tuple[str, ...]) -> None:
    plain, opened = _plain(words), _opened(words)

    @settings(max_examples=60, deadline=None)
    @given(st.from_regex(plain) | st.text(alphabet="tThHaAsSiIıİſwW ,-_1", max_size=20))
    def check(text: str) -> None:
        assert [m.span() for m in opened.finditer(text)] == [m.span() for m in plain.finditer(text)]

    check()


def test_the_branches_join_others_that_open_with_a_character() -> None:
    pattern = re.compile(rf"(?:,|{word_branches(('that',))})\s")
    assert [m.group() for m in pattern.finditer("so that it, That\tthatch")] == [
        "that ",
        ", ",
        "That\t",
    ]


def test_the_ways_a_letter_may_be_written_are_those_the_engine_matches() -> None:
    every = "".join(map(chr, range(0x10000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert sorted(re.findall(letter, every, re.IGNORECASE)) == sorted(cases(letter)), letter
