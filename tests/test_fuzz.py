"""Arbitrary input gives records or a PeelParseError, and never loses text."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from peelparse import Parser, PeelParseError
from peelparse.testing import assert_lossless

PARSER = Parser(autoload=False)
SEED_LINES = sorted({line for seed in SEEDS for line in seed.read_text("utf-8").split("\n")})
SHAPES = [
    "Areas for improvement",
    "Causes of concern",
    "Recommendations",
    "Good",
    "Inadequate",
    "Requires improvement",
    "Last updated 12/12/2017",
    "1",
    "Questions for Legitimacy",
    "- ",
    "  • ",
    "Legitimacy",
    "Kent PEEL 2016",
    "Skip to content",
    "",
    "How effective is the force at keeping people safe and reducing crime?",
    "To what extent does the force treat its workforce with fairness and respect?Good",
]
lines = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(SHAPES), st.text(max_size=80))
documents = st.lists(lines, max_size=40).map("\n".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents)
def test_report_like_text(text: str) -> None:
    with contextlib.suppress(PeelParseError):
        document = PARSER.parse_text(text)
        assert_lossless(document, PARSER.read(text.encode("utf-8")).text if text.strip() else "")


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    with contextlib.suppress(PeelParseError):
        document = PARSER.parse(data)
        assert_lossless(document, PARSER.read(data).text)
