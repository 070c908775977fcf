"""Spans of a text say the lines they cover, the text is read with its newlines normalised,
and white space alone is no text."""

from __future__ import annotations

from bisect import bisect_right

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelparse import InputError, Parser
from peelparse._records import Diagnostic
from peelparse._source import SourceText, from_text
from peelparse._span import Span
from peelparse._vocab import Severity


def _lines_counted(text: str, start: int, end: int) -> tuple[int, int]:
    """The first and last line of ``text[start:end]``, counted out one by one."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return bisect_right(starts, start), bisect_right(starts, max(start, end - 1))


@given(st.text(alphabet="ab\n", max_size=30), st.data())
def test_a_span_has_the_lines_of_its_first_and_last_character(
    text: str, data: st.DataObject
) -> None:
    source = from_text(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 2))
    span = source.span(start, end)
    assert (span.start, span.end) == (start, end)
    assert (span.line, span.end_line) == _lines_counted(text, start, end)


def test_a_span_that_ends_at_a_line_break_is_one_line() -> None:
    source = from_text("ab\ncd\n")
    assert source.span(0, 3) == Span(0, 3, 1, 1)
    assert source.span(0, 4) == Span(0, 4, 1, 2)
    assert source.span(3, 3) == Span(3, 3, 2, 2)
    assert source.span(6, 6) == Span(6, 6, 3, 3)


def test_a_span_backwards_is_refused() -> None:
    with pytest.raises(ValueError, match="not a span"):
        from_text("ab\ncd").span(4, 1)


def test_carriage_returns_become_newlines() -> None:
    assert from_text("a\r\nb\rc\n").text == "a\nb\nc\n"
    text = "no returns\nhere"
    assert from_text(text).text == text


@pytest.mark.parametrize("text", ["", " ", "\n\t \u00a0\u2003"])
def test_white_space_alone_is_no_text(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        Parser(autoload=False).parse_text(text)


def test_marking_furniture_keeps_every_other_field() -> None:
    source = SourceText(
        "Skip to content\nText.",
        name="page.html",
        encoding="cp1252",
        format="html",
        diagnostics=(Diagnostic("PP104", Severity.WARNING, "cp1252", None),),
    )
    marked = source.with_furniture({1: "navigation"}, ())
    for field in attrs.fields(SourceText):
        if field.init and field.name not in ("furniture", "furniture_records"):
            assert getattr(marked, field.name) == getattr(source, field.name), field.name
    assert marked.furniture == {1: "navigation"}


def test_line_start_is_where_each_line_begins() -> None:
    source = from_text("ab\n\ncd\n")
    assert [source.line_start(n) for n in (1, 2, 3, 4)] == [0, 3, 4, 7]


def test_furniture_records_point_at_their_lines() -> None:
    text = "Intro line\n   Skip to content  \nBody text.\n\tPrint\n"
    source = Parser(autoload=False).read(text)
    for record in source.furniture_records:
        assert record.span.slice(text) == record.text
        assert text.count("\n", 0, record.span.start) + 1 == record.span.line
    assert [r.text for r in source.furniture_records] == ["Skip to content", "Print"]
