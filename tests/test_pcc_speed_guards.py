"""The response plugin's faster forms must find exactly what the forms they stand for find.

Expressions that open with a test of their first letter are compared with the expressions
as written, on texts drawn from them and on the corpus; the two shapes of a long cycle,
searched apart, with the single expression they were; the guards with the expressions
they spare.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from peelparse.testing import assert_guard_holds
from peelparse.text import LazyPattern
from peelparse_pcc.build import (
    _CYCLE_AFTER_PEEL,
    _PILLAR_NAMED,
    _PILLAR_NAMED_WRITTEN,
    _long_cycle,
    may_name_cycle_after_peel,
)
from peelparse_pcc.patterns import (
    ROLE_ACTS,
    ROLE_ACTS_WRITTEN,
)

_Found = list[tuple[tuple[int, int], dict[str, str | None] | tuple[str | None, ...]]]


def _found(pattern: re.Pattern[str], text: str) -> _Found:
    return [
        (m.span(), m.groupdict() if pattern.groupindex else m.groups())
        for m in pattern.finditer(text)
    ]


def _texts() -> list[str]:
    """The seed documents, and their paragraphs one by one (as the speakers are searched)."""
    documents = [Path(path).read_text("utf-8") for path in SEEDS]
    return documents + [part for text in documents for part in text.split("\n\n")]


_SPEAKERS = [
    (ROLE_ACTS, ROLE_ACTS_WRITTEN),
]
# Capitals that open names and roles, the words around them, and letters that test the
# word boundaries and case.
_LETTERS = "PCFMDJ ThePoliceandCrimeCommissionerforKentsaid,:.\n’'-ſıK"


@pytest.mark.parametrize(("fast", "written"), _SPEAKERS, ids=["acts"])
def test_a_speaker_pattern_finds_what_it_finds_as_written(fast: LazyPattern, written: str) -> None:
    as_written = re.compile(written, fast.flags)
    for text in _texts():
        assert _found(fast.compiled, text) == _found(as_written, text)

    @settings(max_examples=60, deadline=None)
    @given(st.from_regex(as_written) | st.text(alphabet=_LETTERS, max_size=80))
    def check(text: str) -> None:
        for before in ("", "x", "The ", "said: "):
            assert _found(fast.compiled, before + text) == _found(as_written, before + text)

    check()


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(re.compile(_PILLAR_NAMED_WRITTEN))
    | st.text(alphabet="EffectivnsLgimayPhowR()r. \n", max_size=80)
)
def test_the_pillar_expression_finds_what_it_finds_as_written(text: str) -> None:
    as_written = re.compile(_PILLAR_NAMED_WRITTEN)
    assert _found(_PILLAR_NAMED, text) == _found(as_written, text)
    assert _found(_PILLAR_NAMED, "x" + text) == _found(as_written, "x" + text)


# The single expression the two shapes of a long cycle were searched with.
_LONG_CYCLE = re.compile(
    r"(?<![\d/–-])(20[12]\d)(\s*[/–—-]\s*)(20[12]\d|\d\d)\b(?=\s+(?:Police\s+)?Effectiveness,?"
    r"\s+Efficiency)"
    r"|\bPEEL\b[^\n.?!]{0,160}?\bfor\s+(20[12]\d)(\s*[/–—-]\s*)(20[12]\d|\d\d)\b",
    re.IGNORECASE,
)


def _long_cycle_as_written(head: str) -> tuple[str, int, int] | None:
    long = _LONG_CYCLE.search(head)
    if long is None:
        return None
    first = 1 if long.group(1) else 4
    start, end = long.start(first), long.end(first + 2)
    return head[start:end], int(long.group(first)), start


def _as_tuple(head: str) -> tuple[str, int, int] | None:
    cycle = _long_cycle(head)
    return None if cycle is None else (cycle.period, cycle.year, cycle.start)


_CYCLE_PARTS = st.sampled_from(
    [
        "2021-22",
        "2023–25",
        "2016/17",
        " 2019 ",
        "PEEL",
        "peel",
        "PEEL assessment of Kent",
        " for ",
        "FOR ",
        " Police Effectiveness, Efficiency",
        " effectiveness efficiency",
        "İ",
        "ſ",
        ".",
        "\n",
        "/",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CYCLE_PARTS, max_size=12).map("".join))
def test_the_two_shapes_of_a_long_cycle_find_what_one_expression_found(head: str) -> None:
    assert _as_tuple(head) == _long_cycle_as_written(head)


def test_the_two_shapes_of_a_long_cycle_read_real_wording() -> None:
    for head in _texts():
        assert _as_tuple(head) == _long_cycle_as_written(head)
    before = "2021-22 Police Effectiveness, Efficiency and Legitimacy: PEEL of X for 2023-25"
    assert _as_tuple(before) == ("2021-22", 2021, 0)
    after = "PEEL assessment of Kent for 2023-25. Then 2021-22 Police Effectiveness Efficiency"
    assert _as_tuple(after) == ("2023-25", 2023, 28)


def test_the_guard_of_a_cycle_after_peel_holds_for_every_text_it_matches() -> None:
    assert_guard_holds(
        _CYCLE_AFTER_PEEL, lambda text: may_name_cycle_after_peel(text.lower()), examples=150
    )
    assert not may_name_cycle_after_peel("peel 2021 for the force")
    assert may_name_cycle_after_peel("peel assessment for 2023-25")
