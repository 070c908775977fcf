"""The cheap tests that spare the response plugin's expressions must never hide a match.

Each guard names what every text an expression matches holds (a word, a colon, a stem);
these tests draw texts from the expressions themselves and check the guard lets them
through, so an expression edited without its guard fails here rather than silently finding
less. The shortcuts around ``difflib`` are checked against what they stand for.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse.testing import assert_guard_holds
from peelparse.text import LazyPattern
from peelparse_pcc.build import (
    _PILLAR_NAMED,
    may_name_pillar,
)
from peelparse_pcc.patterns import (
    COMMISSIONER_ROLE,
    COMMISSIONER_WORDS,
    FUZZY,
    HEADING,
    KNOWN_ADDRESSES,
    ROLE_ACTS,
    ROLE_ACTS_VERBS,
    alike,
    may_be_heading,
    more_words,
    shared_letters,
    words,
)

_SPEAKER_GUARDS = [
    (COMMISSIONER_ROLE, COMMISSIONER_WORDS),
    (ROLE_ACTS, COMMISSIONER_WORDS),
    (ROLE_ACTS, ROLE_ACTS_VERBS),
]


@pytest.mark.parametrize(
    ("pattern", "needed"), _SPEAKER_GUARDS, ids=["role-words", "acts-words", "acts-verbs"]
)
def test_a_speaker_patterns_words_are_in_every_text_it_matches(
    pattern: LazyPattern, needed: tuple[str, ...]
) -> None:
    assert_guard_holds(pattern, lambda text: any(word in text for word in needed), examples=60)


_GUARDS = [(_PILLAR_NAMED, False, may_name_pillar)]


@pytest.mark.parametrize(("pattern", "whole", "guard"), _GUARDS, ids=["pillar"])
def test_a_build_guard_holds_for_every_text_its_expression_matches(
    pattern: re.Pattern[str], whole: bool, guard: Callable[[str], bool]
) -> None:
    assert_guard_holds(pattern, guard, how="fullmatch" if whole else "search", examples=80)


def test_the_guards_turn_away_text_without_their_words() -> None:
    assert not may_name_pillar("The Commissioner welcomes the report.")


def test_the_length_guard_holds_for_every_heading() -> None:
    assert_guard_holds(HEADING, may_be_heading, how="match", examples=150)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\n\u00a0\u2003", max_size=40), st.integers(0, 9))
def test_more_words_counts_as_words_does(text: str, limit: int) -> None:
    assert more_words(text, limit) == (words(text) > limit)


_SHORT = st.text(alphabet="dearyoursinctlfhwkbg ,.", max_size=18)


@settings(max_examples=300, deadline=None)
@given(_SHORT, _SHORT)
def test_alike_agrees_with_difflibs_ratio(a: str, b: str) -> None:
    assert alike(a, b) == (difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY)


@settings(max_examples=300, deadline=None)
@given(_SHORT, _SHORT)
def test_shared_letters_is_the_count_of_quick_ratio(a: str, b: str) -> None:
    total = len(a) + len(b)
    if total:
        quick = difflib.SequenceMatcher(None, a, b).quick_ratio()
        assert 2.0 * shared_letters(a, b) / total == quick


@pytest.mark.parametrize("address", KNOWN_ADDRESSES)
def test_a_known_address_is_its_own_closest_match(address: str) -> None:
    assert difflib.get_close_matches(address, KNOWN_ADDRESSES, n=1, cutoff=FUZZY) == [address]
