"""Rules of the host that once cost more than linear time on hostile input."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from growth import assert_linear
from peelparse import Parser
from peelparse._parser import _TITLE_LIKE, _ends_cleanly, _truncation

# The shape as it was: every split of a run of capitals into "words" was tried.
_TITLE_LIKE_AS_WRITTEN = re.compile(
    r"(?:(?:[A-Z0-9][\w’'&.,()-]*|and|of|for|the|in|on|to|at|&)\s*){1,12}"
)


def test_a_last_line_of_capitals_that_is_no_title_parses_at_once() -> None:
    code = (
        "import peelparse; peelparse.Parser(autoload=False).parse_text("
        + repr("Report\n" + "A" * 52 + " ~")
        + ")"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@given(st.text(alphabet="Aa1 &.ndofthe~\u2019", max_size=14))
def test_title_like_matches_what_it_matched_before(line: str) -> None:
    before = _TITLE_LIKE_AS_WRITTEN.fullmatch(line) is not None
    assert (_TITLE_LIKE.fullmatch(line) is not None) == before


# The test of a clean last line as an expression, searched at every place of a long line.
_ENDS_CLEANLY_AS_WRITTEN = re.compile(r"[.!?:;\"'”’)\]*|]\s*$|^\s*\S{0,40}\s*$")


@given(st.text(alphabet="ab .!?:;\"'”’)]*|(\t\u00a0\u2003\x0b\x85", max_size=48))
@example("x" * 40)
@example(" " + "x" * 41)
def test_ends_cleanly_says_what_the_expression_said(line: str) -> None:
    before = _ENDS_CLEANLY_AS_WRITTEN.search(line) is not None
    assert _ends_cleanly(line) == before


def test_trailing_furniture_costs_linear_time(parser: Parser) -> None:
    def make(lines: int) -> str:
        return "Kent PEEL 2016\nThe force is good.\n" + "Page 1 of 2\n" * lines

    sources = {}

    def run(text: str) -> object:
        source = sources.get(text) or sources.setdefault(text, parser.read(text))
        return _truncation(source)

    assert len(parser.read(make(10)).furniture) == 10
    assert_linear(run, make, 5_000, 40_000)
