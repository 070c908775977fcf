"""The shortcuts the host takes on every parse answer what the longer way answers."""

from __future__ import annotations

from peelparse import Limits, Parser
from peelparse._forces import forces_in, most_named
from peelparse._limits import current_limits, examined_text, limits_in_force, noting_cuts
from peelparse._metadata import find_cycle
from peelparse._source import from_text
from peelparse.grammar import blocks_of, text_lines, unparsed

TEXT = "Kent Police\n\n  first line  \nsecond line\n\nPage 2\nthird\n"


def test_text_lines_are_the_lines_unparsed_keeps(parser: Parser) -> None:
    source = parser.read(TEXT)
    assert source.furniture  # "Page 2" is furniture: no line of it is kept
    lines = text_lines(source)
    assert [source.text[first:last] for _, first, last in lines] == [
        "Kent Police",
        "first line",
        "second line",
        "third",
    ]
    assert [number for number, _, _ in lines] == [1, 3, 4, 7]
    for start in (0, 3, 13, len(TEXT)):
        blocks = blocks_of(source, text_lines(source, start), "why")
        assert blocks == unparsed(source, start, "why")
    assert [b.text for b in unparsed(source)] == ["Kent Police", "first line second line", "third"]


def test_a_parse_sets_the_limits_and_a_fresh_note_and_puts_them_back() -> None:
    limits = Limits(line_chars=10)
    before = current_limits()
    with limits_in_force(limits), noting_cuts() as examined:
        assert current_limits() is limits and not examined.cut
        assert examined_text("x" * 30) == "x" * 10 + " " * 20
        assert examined.cut
    assert current_limits() is before


def test_a_short_text_is_examined_as_it_is() -> None:
    text = "a line\nanother"
    with limits_in_force(Limits(line_chars=len(text))):
        assert examined_text(text) is text


def test_most_named_is_most_common() -> None:
    text = "Kent Police, Essex Police and Kent. Essex. Surrey Police. Sussex Police, Surrey."
    for most in (1, 2, 3, 10):
        assert most_named(text, most) == forces_in(text).most_common(most)
    assert most_named("no force", 2) == []


def test_a_cycle_needs_a_year_of_this_century() -> None:
    assert find_cycle("PEEL 2021/22") is not None
    assert find_cycle("PEEL inspection of Kent Police, 1999") is None


def test_a_text_without_furniture_is_read_as_it_is(parser: Parser) -> None:
    source = from_text("Hello.\n")
    assert parser._prepare(source) is source
    marked = parser.read("Hello.\nPage 2\n")
    assert marked.furniture == {2: "page number"}
    assert [r.text for r in marked.furniture_records] == ["Page 2"]
