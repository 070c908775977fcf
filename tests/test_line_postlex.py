"""What ``LinePostLex`` hands a line typer: each line with its indent and the blank before it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from lark import Lark, Token

from peelparse._grammar import _RUN, GrammarRun, Line, LinePostLex, run_grammar
from peelparse._source import from_text

_RULES = "start: PARA*\n%declare PARA\nLINE: /\\S[^\\n]*/\n"
IGNORING = _RULES + "%ignore /\\s+/\n"
DECLARING = _RULES + "_NL: /\\s+/\n"
"""The layout grammars had before white space was ignored; plugins may still have it."""


class _Recorder(LinePostLex):
    seen: list[tuple[str, bool, int]]

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        self.seen = [(line.text, line.blank_before, line.indent) for line in lines]
        for line in lines:
            yield line.typed("PARA")


def _lines(grammar: str, text: str, furniture: dict[int, str] | None = None) -> list[Any]:
    recorder = _Recorder()
    parser = Lark(grammar, parser="lalr", lexer="contextual", postlex=recorder)
    source = from_text(text).with_furniture(furniture or {}, ())
    reset = _RUN.set(GrammarRun(source))
    try:
        parser.parse(source.text)
    finally:
        _RUN.reset(reset)
    return recorder.seen


TEXT = "Title\n\n  First line\nsecond line\n \t \nThird\n\n\n\nFourth  \n"


@pytest.mark.parametrize("grammar", [IGNORING, DECLARING], ids=["ignoring", "declaring"])
def test_blank_lines_and_indents_are_read_from_the_text(grammar: str) -> None:
    assert _lines(grammar, TEXT) == [
        ("Title", True, 0),
        ("First line", True, 2),
        ("second line", False, 0),
        ("Third", True, 0),
        ("Fourth", True, 0),
    ]


@pytest.mark.parametrize("grammar", [IGNORING, DECLARING], ids=["ignoring", "declaring"])
def test_a_furniture_line_is_dropped_without_making_a_blank(grammar: str) -> None:
    text = "One\nSkip to content\nTwo\n\nMenu\nThree\n"
    assert _lines(grammar, text, {2: "navigation", 5: "navigation"}) == [
        ("One", True, 0),
        ("Two", False, 0),
        ("Three", True, 0),
    ]


class _Typer(LinePostLex):
    """Lines starting "#" are titles, "!" a line no rule takes, the rest paragraphs."""

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        for line in lines:
            kind = {"#": "TITLE", "!": "STRAY"}.get(line.text[:1], "PARA")
            yield line.typed(kind)


THREE_RULES = (
    "start: title para*\ntitle: TITLE\npara: PARA\n"
    "%declare TITLE PARA STRAY\nLINE: /\\S[^\\n]*/\n%ignore /\\s+/\n"
)


def test_no_line_is_lost_after_one_is_set_aside() -> None:
    parser = Lark(THREE_RULES, parser="lalr", lexer="contextual", postlex=_Typer())
    source = from_text("# Title\nOne\n! stray\nTwo\nThree\n")
    tree, run = run_grammar(parser, source)
    assert [u.text for u in run.unclassified] == ["! stray"]
    assert [d.code for d in run.diagnostics] == ["PP201"]
    assert tree is not None
    paragraphs = [str(p.children[0]) for p in tree.find_data("para")]
    assert paragraphs == ["One", "Two", "Three"]
