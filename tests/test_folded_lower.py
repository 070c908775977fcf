"""A text's folded lower case holds an ASCII word exactly where a case-blind search finds it."""

from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._text import cases, folded_lower, offsets, unfolded_letters

_EVERY_CHARACTER = "".join(
    chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point <= 0xDFFF
)


def test_each_character_folds_to_the_ascii_character_it_matches_case_blind() -> None:
    matched: dict[str, str] = {}
    for ascii in _EVERY_CHARACTER[:128]:
        for character in re.findall(re.escape(ascii), _EVERY_CHARACTER, re.IGNORECASE):
            matched[character] = ascii.lower()
    for character in _EVERY_CHARACTER:
        folded = folded_lower(character)
        if folded is None:  # lower-casing gives more than one character
            assert len(character.lower()) > 1
        elif folded.isascii() or character in matched:
            assert folded == matched.get(character), character


def test_the_letters_of_cases_that_lower_case_to_themselves_are_folded() -> None:
    for letter in string.ascii_lowercase:
        for character in cases(letter):
            assert folded_lower(character) in (letter, None), character


_TRICKY = ["İ", "ı", "ſ", "K", "ß", "Σ", "\n", " ", "is", "IS", "Kiss", "sit", "ﬀ"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(max_size=3)), max_size=8).map("".join),
    st.text(alphabet="iskaIS -", min_size=1, max_size=4),
)
def test_a_word_is_in_the_folded_lower_case_where_a_case_blind_search_finds_it(
    text: str, word: str
) -> None:
    folded = folded_lower(text)
    lower = text.lower()
    if len(lower) != len(text):
        assert folded is None
        return
    assert folded is not None
    assert folded_lower(text, lower) == folded
    found = [m.start() for m in re.finditer(f"(?=(?i:{re.escape(word)}))", text)]
    assert offsets(folded, word.lower()) == found


@given(st.text(alphabet="aiIsSıſİ", max_size=8))
def test_unfolded_letters_are_those_written_as_dotless_i_or_long_s(text: str) -> None:
    letters = unfolded_letters(text)
    assert sorted(letters) == sorted({"ı": "i", "ſ": "s"}[c] for c in set(text) if c in "ıſ")
    folded = folded_lower(text)
    if folded is not None:
        assert (folded == text.lower()) == (not letters)
