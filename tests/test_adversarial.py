"""Inputs built to be slow: every regular expression and rule must stay linear on them.

Their speed is measured in the benchmark suite; here each only has to finish. A watchdog
turns catastrophic backtracking into a failure instead of a hung test run.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from peelparse import Parser

WATCHDOG_SECONDS = 120

CASES = {
    "one long word": "a" * 1_000_000,
    "one long line of words": "word " * 200_000,
    "a question that never ends": "How effective is the force " * 20_000 + "?",
    "a judgment that never ends": "The extent to which the force is effective at " * 20_000,
    "judged again and again": "It is judged to be good at " * 20_000 + ".",
    "100k bullets": "Kent PEEL 2016\nAreas for improvement\n"
    + "- The force should act.\n" * 100_000,
    "10k headings": "Kent PEEL 2016\n" + "".join(f"Heading {i}\n" for i in range(10_000)),
    "20k graded questions": "".join(
        f"To what extent does it do {i}?\nGood\n" for i in range(20_000)
    ),
    "opening quotes": "“" * 100_000,
    "white space": " \t" * 500_000 + "x",
    "furniture-like lines": "Skip to content " * 10 + "\n" + ("Contact Someone Else\n" * 50_000),
    "nested markup": "## " * 100_000,
}


def _expire(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"took over {WATCHDOG_SECONDS}s: a rule is not linear on this input")


@pytest.fixture
def watchdog() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(WATCHDOG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.usefixtures("watchdog")
def test_hostile_input_finishes(parser: Parser, name: str) -> None:
    document = parser.parse_text(CASES[name])
    assert document.span.end == len(CASES[name])
