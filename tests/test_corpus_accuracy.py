"""The parser against values a person read in every corpus document (tests/corpus/)."""

from __future__ import annotations

import pytest

from corpus.accuracy import Check, run, share_right
from peelparse import Parser

FLOOR = 0.95
"""Share of report files whose field must be right (the same parser is later measured on
pages nobody here has read, so the corpus is a floor, not a target)."""


@pytest.fixture(scope="module")
def checks(parser: Parser) -> list[Check]:
    return [c for c in run(parser=parser) if not c.key.startswith("seeds/")]


@pytest.mark.parametrize("field", ["kind", "force", "year", "pillar", "grade"])
def test_report_fields(checks: list[Check], field: str) -> None:
    assert share_right(checks, field, "inspection_report") >= FLOOR


def test_every_area_for_improvement_is_found(checks: list[Check]) -> None:
    reports = [c for c in checks if c.expected["kind"] == "inspection_report"]
    assert [c.got["afis"] for c in reports] == [c.expected["afis"] for c in reports]


def test_other_pages_are_not_reports(checks: list[Check]) -> None:
    called = {c.key for c in checks if c.got["kind"] == "inspection_report"}
    read = {c.key for c in checks if c.expected["kind"] == "inspection_report"}
    assert called == read


def test_the_accuracy_page_is_current(checks: list[Check]) -> None:
    from pathlib import Path

    from corpus.accuracy import markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "corpus-accuracy.md"
    assert page.read_text("utf-8") == markdown(checks), (
        "docs/corpus-accuracy.md is out of date: run "
        "python tests/corpus/accuracy.py --write docs/corpus-accuracy.md"
    )
