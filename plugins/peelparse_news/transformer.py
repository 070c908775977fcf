"""Building the parts of a news page from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Heading, Paragraph, Span, Unclassified
from peelparse.grammar import token_span
from peelparse.text import DateLine, join_lines, read_date_line, strip_marks
from peelparse_news.shapes import BYLINE


@attrs.frozen
class Headline:
    """The headline of the page, or of a further story on it."""

    text: str
    """As written, less layout marks."""
    span: Span
    """Where it is."""


@attrs.frozen
class Byline:
    """A byline ("By Jane Example, Crime reporter") and the name in it."""

    text: str
    """As written, less layout marks."""
    span: Span
    """Where it is."""
    author: str
    """The name: "Jane Example"."""
    author_span: Span
    """Where the name is."""


@attrs.frozen
class Dated:
    """A line that is only a date ("Thursday, 22nd March 2018, 6:39 am")."""

    text: str
    """As written, less layout marks."""
    span: Span
    """Where it is."""
    date: DateLine | None
    """The date it states, and whether it says "Updated"."""


@attrs.frozen
class Quoted:
    """A quotation: the line that introduces it, if any, and its paragraphs."""

    said: Paragraph | None
    """ "X said:", when a line introduces it."""
    paragraphs: tuple[Paragraph, ...]
    """What is quoted, line by line."""

    @property
    def span(self) -> Span:
        said = (self.said,) if self.said is not None else ()
        return Span.cover([p.span for p in (*said, *self.paragraphs)])


Part = Paragraph | Heading | Headline | Byline | Dated | Quoted
"""One line, or one quotation, of a story."""


@attrs.frozen
class Page:
    """What the grammar found on a news page."""

    stories: tuple[tuple[Part, ...], ...]
    """The page's story, and after it each further story from its headline on, in order."""
    aside: tuple[Unclassified, ...]
    """Page furniture, in order."""


@attrs.frozen
class _Grouped:
    """A rule's parts with the furniture that stands among them."""

    parts: tuple[Part, ...]
    aside: tuple[Unclassified, ...]
    story: bool = False
    """Whether the parts start a further story."""


def _grouped(children: Sequence[Any], *, story: bool = False) -> _Grouped:
    aside = tuple(c for c in children if isinstance(c, Unclassified))
    parts = tuple(c for c in children if not isinstance(c, Unclassified))
    return _Grouped(parts, aside, story)


class NewsTransformer(Transformer[Token, Any]):
    """One method per rule of ``news.lark``."""

    def start(self, children: list[Any]) -> Page:
        stories: list[list[Part]] = [[]]
        aside: list[Unclassified] = []
        for child in children:
            if isinstance(child, Unclassified):
                aside.append(child)
                continue
            if isinstance(child, _Grouped):
                if child.story:
                    stories.append([])
                stories[-1] += child.parts
                aside += child.aside
            else:
                stories[-1].append(child)
        return Page(tuple(tuple(story) for story in stories), tuple(aside))

    def furniture(self, children: list[Token]) -> Unclassified:
        (token,) = children
        return Unclassified(join_lines(str(token)), "furniture", token_span(token))

    def headline(self, children: list[Token]) -> Headline:
        (token,) = children
        return Headline(strip_marks(str(token)), token_span(token))

    def byline(self, children: list[Token]) -> Byline:
        (token,) = children
        raw = str(token)
        # The shape matched the line without its white space; a token starts at its text.
        name = BYLINE.fullmatch(raw.strip())
        start, end = name.span("name") if name is not None else (0, 0)
        at = token.start_pos or 0
        line = token.line or 1
        return Byline(
            strip_marks(raw),
            token_span(token),
            raw[start:end],
            Span(at + start, at + end, line, line),
        )

    def dated(self, children: list[Token]) -> Dated:
        (token,) = children
        return Dated(strip_marks(str(token)), token_span(token), read_date_line(str(token)))

    def heading(self, children: list[Token]) -> Heading:
        (token,) = children
        return Heading(strip_marks(str(token)), token_span(token))

    def paragraph(self, children: list[Token]) -> Paragraph:
        return _paragraph(children[0])

    bullet = title = said = paragraph

    def story(self, children: list[Any]) -> _Grouped:
        head: Heading | Paragraph = children[0]
        return _grouped([Headline(head.text, head.span), *children[1:]], story=True)

    def quote(self, children: list[Any]) -> _Grouped:
        said = children[0] if isinstance(children[0], Paragraph) else None
        lines = tuple(_paragraph(c) for c in children if isinstance(c, Token))
        return _grouped(
            [Quoted(said, lines), *(c for c in children if isinstance(c, Unclassified))]
        )


def _paragraph(token: Token) -> Paragraph:
    return Paragraph(strip_marks(str(token)), token_span(token))
