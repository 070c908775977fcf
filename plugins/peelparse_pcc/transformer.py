"""Building the parts of a response from the grammar's rules, inside the LALR parser.

A block that stands alone (a paragraph, a heading, a line of the letterhead) reaches the
start rule as its token, which ``Layout.place`` puts where its type says; a field, a
finding and the sign-off are rules whose parts know where they go (``add_to``). The start
rule adds them up in document order. A block wrapped over several lines reaches the rules
as one token holding the text as written, so no rule needs the source.
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs
from lark import Token, Transformer

from peelparse import Heading, Paragraph, Span
from peelparse.grammar import span_of, token_span
from peelparse.text import LazyPattern, strip_marks
from peelparse_pcc.patterns import (
    DATE_LINE,
    FINDINGS_HEADING,
    ITEM_MARKER,
    ITEM_NUMBER,
    OUR_REF,
    SUBJECT,
    YOUR_REF,
    label_of,
    piece,
)
from peelparse_pcc.records import AnsweredFinding


@attrs.frozen
class Block:
    """A block of the text between the grammar and the records: its text and where it is."""

    text: str
    """What its span holds, marks removed."""
    span: Span

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, self.span)

    def heading(self) -> Heading:
        return Heading(self.text, self.span)


def block(token: Token) -> Block:
    """A token's text as one block."""
    return Block(strip_marks(str(token)), token_span(token))


def _piece(token: Token, start: int, end: int) -> Block:
    """Part of a token, from ``start`` to ``end`` within it."""
    return Block(*piece(token_span(token), str(token), start, end))


@attrs.define
class Layout:
    """The parts of a response the grammar found, each in its place."""

    letterhead: list[Paragraph] = attrs.field(factory=list)
    address: list[Block] = attrs.field(factory=list)
    fields: dict[str, Field] = attrs.field(factory=dict)
    """The first of each field with a value ("reference", "date", "subject" ...)."""
    title: Block | None = None
    salutation: Block | None = None
    headings: list[Heading] = attrs.field(factory=list)
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    bullets: list[Paragraph] = attrs.field(factory=list)
    highlights: list[Paragraph] = attrs.field(factory=list)
    findings: list[AnsweredFinding] = attrs.field(factory=list)
    label: str = "recommendation"
    """What a finding without a name of its own is: the last findings heading says."""
    closing: Block | None = None
    signature: list[Block] = attrs.field(factory=list)

    def place(self, kind: str, block: Block) -> None:
        """Put a block that stands alone where its type says. The first title and the first
        salutation are the response's own; a second of either is prose. A findings heading
        names what the findings under it are."""
        match kind:
            case "PARA":
                self.paragraphs.append(block.paragraph())
            case "BULLET":
                self.bullets.append(block.paragraph())
            case "HIGHLIGHT":
                self.highlights.append(block.paragraph())
            case "LETTERHEAD":
                self.letterhead.append(block.paragraph())
            case "ADDRESS":
                self.address.append(block)
            case "HEADING" | "FINDINGS_HEADING":
                self.headings.append(block.heading())
                found = FINDINGS_HEADING.match(block.text)
                if found is not None:
                    self.label = label_of(found.group("what"))
            case "TITLE" if self.title is None:
                self.title = block
            case "SALUTATION" | "SALUTATION_MISREAD" if self.salutation is None:
                self.salutation = block
            case "TITLE" | "SALUTATION" | "SALUTATION_MISREAD":
                self.paragraphs.append(block.paragraph())
            case _:
                raise ValueError(f"no place in a response for a {kind} block")


class Part(Protocol):
    def add_to(self, layout: Layout) -> None: ...


@attrs.frozen
class Field:
    """A labelled field: "Our ref:" and its value, "Date:" and a date, "Re:" and a title."""

    what: str
    """Which field: "reference", "addressee_reference", "date" or "subject"."""
    label: Block | None
    value: Block | None
    line: Block
    """The whole of the field's lines."""

    def add_to(self, layout: Layout) -> None:
        if self.label is not None:
            layout.headings.append(self.label.heading())
        if self.value is None:
            return
        if self.what not in layout.fields:
            layout.fields[self.what] = self
        else:
            # a field given twice: the first counts, the other is kept as written
            layout.paragraphs.append(self.value.paragraph())


@attrs.frozen
class Item:
    """A finding the response quotes, with its answer."""

    label: str | None
    """The label its marker names, or ``None`` for a bare number."""
    number: str | None
    marker: Block | None
    text: Block
    response: tuple[Paragraph, ...]
    labels: tuple[Block, ...]
    """Labels over the answer ("Response:")."""
    span: Span

    def add_to(self, layout: Layout) -> None:
        layout.findings.append(
            AnsweredFinding(
                label=self.label or layout.label,
                number=self.number,
                marker=self.marker.text if self.marker else None,
                marker_span=self.marker.span if self.marker else None,
                text=self.text.text,
                text_span=self.text.span,
                response=self.response,
                span=self.span,
            )
        )
        layout.headings.extend(label.heading() for label in self.labels)


@attrs.frozen
class Signoff:
    """The complimentary close and the signature block under it."""

    closing: Block | None
    signature: tuple[Block, ...]

    def add_to(self, layout: Layout) -> None:
        layout.closing = self.closing
        layout.signature = list(self.signature)


class PCCTransformer(Transformer[Token, Any]):
    """One method per rule of ``pcc.lark``."""

    def start(self, children: list[Token | Part]) -> Layout:
        layout = Layout()
        for child in children:
            if isinstance(child, Token):
                layout.place(child.type, block(child))
            else:
                child.add_to(layout)
        layout.headings.sort(key=lambda h: h.span.start)
        return layout

    def reference(self, children: list[Token]) -> Field:
        return _field("reference", children, OUR_REF)

    def addressee_reference(self, children: list[Token]) -> Field:
        return _field("addressee_reference", children, YOUR_REF)

    def date(self, children: list[Token]) -> Field:
        return _field("date", children, DATE_LINE)

    def subject(self, children: list[Token]) -> Field:
        return _field("subject", children, SUBJECT)

    dateline = date
    """A page's dateline is its date."""

    def finding(self, children: list[Token]) -> Item:
        item, *rest = children
        text_token = rest.pop(0) if rest and rest[0].type == "ITEM_TEXT" else None
        raw = str(item)
        first_line = raw.split("\n", 1)[0].rstrip()
        named = ITEM_MARKER.match(first_line)
        match = named or ITEM_NUMBER.match(first_line)
        marker = _piece(item, 0, match.end("marker")) if match is not None else None
        text = _item_text(item, first_line, match.end() if match is not None else 0, text_token)
        response = tuple(block(c).paragraph() for c in rest if c.type != "RESPONSE_LABEL")
        labels = tuple(block(c) for c in rest if c.type == "RESPONSE_LABEL")
        return Item(
            label_of(named.group("what")) if named is not None else None,
            match.group("number") if match is not None else None,
            marker,
            text,
            response,
            labels,
            span_of(children),
        )

    def signoff(self, children: list[Token]) -> Signoff:
        closing = next((c for c in children if c.type == "CLOSING"), None)
        return Signoff(
            block(closing) if closing is not None else None,
            tuple(block(c) for c in children if c.type == "SIGN"),
        )


def _item_text(item: Token, first_line: str, start: int, text: Token | None) -> Block:
    """A finding's words: after its marker, to the end of its wrapped lines; when the marker
    stands alone, the lines under it."""
    if text is not None:
        return block(text)
    raw = str(item)
    start = min(start, len(first_line))
    # A finding on one line ends where its words do; one wrapped over lines, where its
    # last line does.
    end = len(first_line) if "\n" not in raw else len(raw)
    return _piece(item, start, end)


def _split(what: str, token: Token, pattern: LazyPattern) -> Field:
    """A label and its value on one line; the value runs to the end of the line."""
    raw = str(token).rstrip()
    match = pattern.match(raw)
    whole = block(token)
    if match is None:
        return Field(what, None, whole, whole)
    label = _piece(token, 0, match.end("label")) if match.group("label") else None
    value = _piece(token, match.start("value"), len(raw)) if match.group("value") else None
    return Field(what, label, value, whole)


def _field(what: str, children: list[Token], pattern: LazyPattern) -> Field:
    first = children[0]
    if len(children) == 1 and not first.type.endswith("_LABEL"):
        return _split(what, first, pattern)
    label = block(first)
    value = block(children[1]) if len(children) > 1 else None
    whole = Block(strip_marks("\n".join(str(c) for c in children)), span_of(children))
    return Field(what, label, value, whole)
