"""Building the parts of a response from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Heading, Paragraph, Span
from peelparse.grammar import current_run, span_of
from peelparse.text import LazyPattern, strip_marks
from peelparse_pcc.shapes import (
    DATE_LINE,
    ITEM_MARKER,
    ITEM_NUMBER,
    OUR_REF,
    SUBJECT,
    YOUR_REF,
    label_of,
)


@attrs.define
class Block:
    """A part of the text between the grammar and the records: what, where, and its text."""

    what: str
    """The rule that found it: "title", "paragraph", "bullet", "heading", "address" ..."""
    text: str
    span: Span

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, self.span)

    def heading(self) -> Heading:
        return Heading(self.text, self.span)


@attrs.define
class Field:
    """A labelled field: "Our ref:" and its value, "Date:" and a date, "Re:" and a title."""

    what: str
    label: Block | None
    value: Block | None
    line: Block
    """The whole of the field's lines."""


@attrs.define
class Item:
    """A finding the response quotes, with its answer."""

    label: str | None
    """The label its marker names, or ``None`` for a bare number."""
    number: str | None
    marker: Block | None
    text: Block
    response: list[Paragraph]
    labels: list[Block]
    """Labels over the answer ("Response:")."""
    span: Span


@attrs.define
class Signoff:
    closing: Block | None
    signature: list[Block]


@attrs.define
class Parsed:
    """Everything the grammar found, in document order, for ``build.py`` to assemble."""

    letterhead: list[Block]
    parts: list[Block | Field | Item]
    signoff: Signoff | None


def block(what: str, tokens: Sequence[Token]) -> Block:
    """The tokens' lines as one block; its text is what its span holds, marks removed."""
    span = lines_span(tokens)
    return Block(what, strip_marks(current_run().source.text[span.start : span.end]), span)


def lines_span(tokens: Sequence[Token]) -> Span:
    """The span of line tokens in the order of the text (as a rule's children are): the
    first one's start to the last one's end, as ``span_of`` gives it, without comparing
    every token's span."""
    first, last = tokens[0], tokens[-1]
    start = first.start_pos or 0
    last_start = last.start_pos or 0
    end = last.end_pos if last.end_pos is not None else last_start + len(last)
    return Span(start, end, first.line or 1, last.end_line or last.line or 1)


def _piece(what: str, token: Token, start: int, end: int) -> Block:
    """Part of a line token, from ``start`` to ``end`` within it."""
    base = token.start_pos or 0
    line = token.line or 1
    span = Span(base + start, base + end, line, line)
    return Block(what, strip_marks(str(token)[start:end]), span)


def _split(what: str, token: Token, pattern: LazyPattern) -> Field:
    """A label and its value on one line; the value runs to the end of the line."""
    raw = str(token).rstrip()
    match = pattern.match(raw)
    whole = block(what, [token])
    if match is None:
        return Field(what, None, whole, whole)
    label = _piece(what, token, 0, match.end("label")) if match.group("label") else None
    value = _piece(what, token, match.start("value"), len(raw)) if match.group("value") else None
    return Field(what, label, value, whole)


class PCCTransformer(Transformer[Token, Any]):
    """One method per rule of ``pcc.lark``."""

    def start(self, children: list[Any]) -> Parsed:
        letterhead: list[Block] = []
        parts: list[Block | Field | Item] = []
        signoff: Signoff | None = None
        for child in children:
            if isinstance(child, list):
                letterhead = child
            elif isinstance(child, Signoff):
                signoff = child
            else:
                parts.append(child)
        return Parsed(letterhead, parts, signoff)

    def letterhead(self, children: list[Token]) -> list[Block]:
        return [block("letterhead", [c]) for c in children]

    def reference(self, children: list[Token]) -> Field:
        return _field("reference", children, OUR_REF)

    def addressee_reference(self, children: list[Token]) -> Field:
        return _field("addressee_reference", children, YOUR_REF)

    def date(self, children: list[Token]) -> Field:
        return _field("date", children, DATE_LINE)

    def subject(self, children: list[Token]) -> Field:
        return _field("subject", children, SUBJECT)

    def address(self, children: list[Token]) -> Block:
        return block("address", children)

    def title(self, children: list[Token]) -> Block:
        return block("title", children)

    def dateline(self, children: list[Token]) -> Field:
        return _field("date", children, DATE_LINE)

    def salutation(self, children: list[Token]) -> Block:
        return block("salutation", children)

    def paragraph(self, children: list[Token]) -> Block:
        return block("paragraph", children)

    def bullet(self, children: list[Token]) -> Block:
        return block("bullet", children)

    def highlight(self, children: list[Token]) -> Block:
        return block("highlight", children)

    def heading(self, children: list[Token]) -> Block:
        return block("heading", children)

    def findings_heading(self, children: list[Token]) -> Block:
        return block("findings_heading", children)

    def response(self, children: list[Token]) -> Paragraph:
        return block("response", children).paragraph()

    def response_label(self, children: list[Token]) -> Block:
        return block("response_label", children)

    def finding(self, children: list[Any]) -> Item:
        item: Token = children[0]
        lines = [c for c in children[1:] if isinstance(c, Token)]
        response = [c for c in children if isinstance(c, Paragraph)]
        labels = [c for c in children if isinstance(c, Block)]
        raw = str(item).rstrip()
        named = ITEM_MARKER.match(raw)
        match = named or ITEM_NUMBER.match(raw)
        marker = None
        text_start = 0
        if match is not None:
            marker = _piece("marker", item, 0, match.end("marker"))
            text_start = match.end()
        source = current_run().source.text
        base = item.start_pos or 0
        if text_start < len(raw):
            start = base + text_start
        elif lines:
            start = lines[0].start_pos or 0
        else:
            start = base + len(raw)
        end = (lines[-1].end_pos if lines else None) or base + len(raw)
        text_span = current_run().source.span(start, end)
        text = Block("text", strip_marks(source[start:end]), text_span)
        return Item(
            label_of(named.group("what")) if named is not None else None,
            match.group("number") if match is not None else None,
            marker,
            text,
            response,
            labels,
            span_of([item, *lines, *response, *labels]),
        )

    def signoff(self, children: list[Token]) -> Signoff:
        closing = next((c for c in children if c.type == "CLOSING"), None)
        return Signoff(
            block("closing", [closing]) if closing is not None else None,
            [block("signature", [c]) for c in children if c.type == "SIGN"],
        )


def _field(what: str, children: list[Token], pattern: LazyPattern) -> Field:
    first = children[0]
    if len(children) == 1 and not first.type.endswith("_LABEL"):
        return _split(what, first, pattern)
    label = block(what, [first])
    value = block(what, children[1:]) if len(children) > 1 else None
    return Field(what, label, value, block(what, children))
