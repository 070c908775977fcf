"""Turning the grammar's rules into plain parts, inside the LALR parser."""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Heading, Paragraph
from peelparse.grammar import token_span
from peelparse.text import strip_marks


@attrs.frozen
class Marked:
    """A line whose rule says what it is: "byline", "dated" or "headline"."""

    role: str
    token: Token


@attrs.frozen
class Quoted:
    """A quotation: the line that introduces it, if any, and its paragraphs."""

    said: Paragraph | None
    paragraphs: tuple[Paragraph, ...]


@attrs.frozen
class Story:
    """A further story on the page, from its headline on."""

    headline: Token
    items: tuple[Any, ...]


Part = Paragraph | Heading | Marked | Quoted


class NewsTransformer(Transformer[Token, Any]):
    """One method per rule of ``news.lark``."""

    def start(self, children: list[Any]) -> list[Any]:
        return children

    def story(self, children: list[Any]) -> Story:
        return Story(children[0], tuple(children[1:]))

    def headline(self, children: list[Token]) -> Marked:
        return Marked("headline", children[0])

    def byline(self, children: list[Token]) -> Marked:
        return Marked("byline", children[0])

    def dated(self, children: list[Token]) -> Marked:
        return Marked("dated", children[0])

    def paragraph(self, children: list[Token]) -> Paragraph:
        return _paragraph(children[0])

    def bullet(self, children: list[Token]) -> Paragraph:
        return _paragraph(children[0])

    def heading(self, children: list[Token]) -> Heading:
        return Heading(strip_marks(str(children[0])), token_span(children[0]))

    def quote(self, children: list[Token]) -> Quoted:
        said = _paragraph(children[0]) if children[0].type == "SAID" else None
        rest = children[1:] if said is not None else children
        return Quoted(said, tuple(_paragraph(t) for t in rest))


def _paragraph(token: Token) -> Paragraph:
    return Paragraph(strip_marks(str(token)), token_span(token))
