"""Inputs built to be slow: a whole parse of each must cost time in proportion to its size.

Each family (``benchmarks/adversarial.py``, which prints the full table) is parsed at two
sizes; the time per MB may not grow past ``GROWTH_LIMIT`` from the smaller to the larger.
A rule that backtracks or re-reads what it has read fails here instead of hanging a batch.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from growth import assert_linear
from peelparse import Parser, PeelParseError

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "adversarial.py"
_SPEC = importlib.util.spec_from_file_location("adversarial", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
adversarial = importlib.util.module_from_spec(_SPEC)
sys.modules["adversarial"] = adversarial
_SPEC.loader.exec_module(adversarial)

SMALL, LARGE = 10_000, 80_000


def _parse(parser: Parser, data: str | bytes) -> None:
    try:
        document = parser.parse(data)
    except PeelParseError:
        return
    assert document.span.end == len(parser.read(data).text)


@pytest.mark.parametrize("family", sorted(adversarial.FAMILIES))
def test_hostile_input_costs_linear_time(parser: Parser, family: str) -> None:
    assert_linear(lambda data: _parse(parser, data), adversarial.FAMILIES[family], SMALL, LARGE)
