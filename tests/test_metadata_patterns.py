"""Metadata expressions open with a test of their first letter, for speed: they must find
exactly what the alternatives as written find, at the same places, with the same groups."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._lazy import LazyPattern
from peelparse._metadata import (
    _NATIONAL,
    _PEEL_YEAR,
    _PEEL_YEAR_WRITTEN,
    _PILLAR_NAMED,
    _PILLAR_NAMED_WRITTEN,
    _PILLAR_YEAR,
    _PILLAR_YEAR_WRITTEN,
)
from peelparse.testing import assert_guard_holds

_PAIRS = [
    (_PEEL_YEAR, _PEEL_YEAR_WRITTEN),
    (_PILLAR_NAMED, _PILLAR_NAMED_WRITTEN),
    (_PILLAR_YEAR, _PILLAR_YEAR_WRITTEN),
]
_LETTERS = "PEL2019/ peolicyfetvnsQuisrhk\n:ſıİK–,toLegitimacyRepor"


def _found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("fast", "written"), _PAIRS, ids=["cycle", "pillar", "pillar-year"])
def test_the_fast_form_finds_what_the_written_one_does(fast: LazyPattern, written: str) -> None:
    as_written = re.compile(written, fast.flags)

    @settings(max_examples=200, deadline=None)
    @given(st.from_regex(as_written) | st.text(alphabet=_LETTERS, max_size=80))
    def check(text: str) -> None:
        assert _found(fast.compiled, text) == _found(as_written, text)

    check()


def test_the_fast_forms_read_real_wording() -> None:
    assert _PEEL_YEAR.search("Kent PEEL 2021/22 report") is not None
    assert _PILLAR_NAMED.search("PEEL: Police legitimacy 2015") is not None


def test_the_words_a_page_about_forces_in_general_needs() -> None:
    assert_guard_holds(
        _NATIONAL, lambda text: "force" in text.lower() or "nat" in text.lower(), examples=150
    )
