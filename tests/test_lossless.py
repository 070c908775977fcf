"""No text is lost and every record's text is what its span holds, on every real document."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, corpus_files
from peelparse import Parser, PeelParseError
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


# Layout marks as pages carry them, doubled and odd ones included: a record strips one
# leading mark, so what it strips must be the same whether the text or its span is read.
_MARKS = (
    "",
    "# ",
    "## ",
    "## ## ",
    "# # ",
    "###### ",
    "####### ",
    "#",
    "**",
    "****",
    "** ",
    "**## ",
    "## **",
    "- ## ",
    "- - ",
    "* ",
)
_ENDS = ("", "**", " **", "****", " ##", "**.")
_SENTENCES = (
    "Kent PEEL 2016",
    "Legitimacy",
    "How effective is the force at keeping people safe and reducing crime?",
    "Good",
    "Areas for improvement",
    "The force should act on what it learns.",
    "Kent Police is judged to be good at how legitimately it keeps people safe.",
    "The extent to which the force is legitimate at keeping people safe is good.",
    "The force was graded as requires improvement in respect of its efficiency.",
    "HM Inspector of Constabulary Zoë Billingham said:",
    "“The force is good at it.”",
    "Dear Home Secretary",
    "Re: PEEL Police Legitimacy 2017",
    "Yours sincerely",
    "",
)
_MARKED_LINE = st.tuples(
    st.sampled_from(_MARKS), st.sampled_from(_SENTENCES), st.sampled_from(_ENDS)
).map("".join)
_MARKED_TEXT = st.lists(_MARKED_LINE, min_size=1, max_size=12).map("\n".join)
_PARSER = Parser(autoload=False)


@settings(max_examples=400, deadline=timedelta(seconds=2))
@given(_MARKED_TEXT)
def test_doubled_and_odd_marks_lose_nothing(text: str) -> None:
    with contextlib.suppress(PeelParseError):
        assert_lossless(_PARSER.parse_text(text), text)


@pytest.mark.parametrize("mark", ["## ## ", "**", "## **", "# # "])
@pytest.mark.parametrize(
    "sentence",
    [
        "Kent Police is judged to be good at how legitimately it keeps people safe.",
        "The extent to which the force is effective at keeping people safe is good.",
    ],
)
def test_a_judgement_under_marks_holds_its_span_less_one_mark(
    parser: Parser, mark: str, sentence: str
) -> None:
    text = f"Kent PEEL 2016\nLegitimacy\n\n{mark}{sentence}\n"
    document = parser.parse_text(text)
    assert document.judgements, "the sentence states a grade"
    assert_lossless(document, text)
