"""Anything in gives records or a PeelParseError, and never loses text.

Examples per run come from the hypothesis profile: "ci" (the default, about 12,000 examples
in all) or "nightly" (ten times more): ``HYPOTHESIS_PROFILE=nightly python -m pytest
tests/test_fuzz.py``.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, corpus_files
from peelparse import Parser, PeelParseError
from peelparse.testing import assert_lossless, assert_round_trip

PARSER = Parser(autoload=False)


def _lines(paths: list[Path]) -> list[str]:
    return sorted({line for p in paths for line in p.read_text("utf-8").split("\n")})


REPORT_LINES = _lines([*SEEDS[0:1], SEEDS[2], SEEDS[4], *corpus_files("report")])
PRESS_LINES = _lines([SEEDS[1], *corpus_files("press")])
LETTER_LINES = _lines([SEEDS[3], *corpus_files("pcc")])
SHAPES = [
    "Areas for improvement",
    "Causes of concern",
    "Cause of concern",
    "Recommendations",
    "Good",
    "Inadequate",
    "Requires improvement",
    "Adequate",
    "To be graded",
    "Last updated 12/12/2017",
    "1",
    "2.",
    "Questions for Legitimacy",
    "Legitimacy",
    "",
    "- ",
    "  • ",
    "•",
    "  - a wrapped",
    "   continuation",
    "Kent PEEL 2016",
    "Skip to content",
    "How effective is the force at keeping people safe and reducing crime?",
    "To what extent does the force treat its workforce with fairness and respect?Good",
    "HMIC found that Kent Police:",
    "HM Inspector of Constabulary Zoë Billingham said:",
    "“Quoted words.",
    '"More words," said Wendy Williams.',
    "Notes to editors",
    "Dear Home Secretary",
    "Our ref:",
    "OPCC/1/17",
    "Date:",
    "09 April 2018",
    "## Re: PEEL Police Legitimacy 2017",
    "## Recommendations:",
    "1 The force should act.",
    "In response, we acted.",
    "**Lord Someone**",
    "**Police and Crime Commissioner**",
    "Yours sincerely",
    "AFI 7 – the Force should ensure",
    "Recommendation 2:",
]


def _document(lines: list[str]) -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(lines), st.sampled_from(SHAPES), st.text(max_size=60))
    body = st.lists(line, max_size=30).map("\n".join)
    # pages captured as excerpts stop anywhere, mid-word included
    return st.tuples(body, st.floats(0.2, 1.0)).map(lambda t: t[0][: max(1, int(len(t[0]) * t[1]))])


reports = _document(REPORT_LINES)
press = _document(PRESS_LINES)
letters = _document(LETTER_LINES)


def _check(data: bytes | str) -> None:
    with contextlib.suppress(PeelParseError):
        document = PARSER.parse_text(data) if isinstance(data, str) else PARSER.parse(data)
        # A str is text as it stands; only bytes are sniffed for HTML or PDF.
        text = PARSER.read(data).text
        assert_lossless(document, text)
        assert_round_trip(PARSER, document)


# Each example gets a deadline: a text that parses slowly fails instead of passing late.
@settings(deadline=timedelta(seconds=2))
@given(st.one_of(reports, press, letters))
def test_document_like_text(text: str) -> None:
    _check(text.encode("utf-8"))


@settings(deadline=timedelta(seconds=2))
@given(st.one_of(reports, press, letters))
def test_document_like_str(text: str) -> None:
    _check(text)


@settings(deadline=timedelta(seconds=2))
@given(st.one_of(reports, press, letters), st.binary(max_size=40), st.integers(0, 10_000))
def test_text_with_garbage_bytes(text: str, garbage: bytes, at: int) -> None:
    data = text.encode("utf-8")
    at = at % (len(data) + 1)
    _check(data[:at] + garbage + data[at:])


@settings(deadline=timedelta(seconds=2))
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@settings(deadline=timedelta(seconds=2))
@given(
    reports,
    st.sampled_from(["utf-8-sig", "utf-16", "cp1252"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_encodings_and_newlines(text: str, encoding: str, newline: str) -> None:
    data = text.replace("\n", newline).encode(encoding, errors="replace")
    _check(data)
