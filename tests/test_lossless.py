"""No text is lost and every record's text is what its span holds, on every real document."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, corpus_files
from peelparse import Parser
from peelparse.testing import assert_lossless, assert_round_trip

DOCUMENTS = SEEDS + corpus_files()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_character_is_kept(parser: Parser, path: Path) -> None:
    document = parser.parse(path)
    assert_lossless(document, parser.read(path).text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_json_round_trip(parser: Parser, path: Path) -> None:
    assert_round_trip(parser, parser.parse(path))


def test_lossless_check_catches_a_lost_line(parser: Parser) -> None:
    text = (
        "Kent PEEL 2016\nLegitimacy\nHow legitimate is the force at keeping people safe "
        "and reducing crime?\nA paragraph.\n"
    )
    document = parser.parse_text(text)
    with pytest.raises(AssertionError, match="no record"):
        assert_lossless(document, text + "A line the parser never saw.\n")
