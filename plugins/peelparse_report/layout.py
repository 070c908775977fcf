"""What the report grammar finds, in document order: the page's layout before it is read as
an ``InspectionReport`` (which grades which question is worked out from the whole page)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from peelparse import Finding, Grade, Heading, Judgement, Paragraph, Pillar, Span
from peelparse_report.records import Dated


@attrs.frozen
class Bullet:
    """A bulleted item that is not a finding."""

    paragraph: Paragraph

    @property
    def span(self) -> Span:
        return self.paragraph.span


@attrs.frozen
class Numeral:
    """A bare number on a line of its own: a paragraph, unless a question follows it."""

    paragraph: Paragraph

    @property
    def span(self) -> Span:
        return self.paragraph.span


@attrs.frozen
class Label:
    """A line that labels what follows without opening a section ("Questions for ...")."""

    heading: Heading

    @property
    def span(self) -> Span:
        return self.heading.span


@attrs.frozen
class ShownGrade:
    """A grade the layout shows on a line of its own, perhaps with the area it grades."""

    subject: str
    grade: Grade
    text: str
    span: Span

    def judgement(self, pillar: Pillar | None, *, headline: bool = False) -> Judgement:
        return Judgement(self.subject, pillar, self.grade, self.text, self.span, headline)


@attrs.frozen
class Listed:
    """A list of findings, under its heading or after the paragraph that leads into it."""

    label: str
    items: tuple[Finding, ...]
    span: Span
    heading: Heading | None = None
    lead: Paragraph | None = None


Block = Paragraph | Numeral | Bullet | Label | ShownGrade | Listed


@attrs.frozen
class Under:
    """A sub-heading and the blocks under it."""

    heading: Heading
    blocks: tuple[Block, ...]

    @property
    def span(self) -> Span:
        return Span.cover([self.heading.span, *(block.span for block in self.blocks)])


@attrs.frozen
class Body:
    """The text under a question (or before the first): blocks, then sub-headed sections."""

    blocks: tuple[Block, ...] = ()
    sections: tuple[Under, ...] = ()

    def items(self) -> Iterator[Block | Heading]:
        """Everything in document order, sub-headings included."""
        yield from self.blocks
        for section in self.sections:
            yield section.heading
            yield from section.blocks

    def spans(self) -> Iterator[Span]:
        yield from (block.span for block in self.blocks)
        yield from (section.span for section in self.sections)

    def last(self) -> Block | None:
        """The body's last block, unless it ends with a sub-heading."""
        blocks = self.sections[-1].blocks if self.sections else self.blocks
        return blocks[-1] if blocks else None

    def without_last(self) -> Body:
        """The body without its last block."""
        if not self.sections:
            return Body(self.blocks[:-1])
        last = self.sections[-1]
        return Body(self.blocks, (*self.sections[:-1], Under(last.heading, last.blocks[:-1])))


@attrs.frozen
class Part:
    """A question (a pillar's headline question or a core one) with everything under it."""

    text: str
    """The question as record text."""
    text_span: Span
    headline: bool
    updated: Dated | None
    grade: ShownGrade | None
    body: Body
    head: Span
    """From the question line to its grade line."""
    number: Paragraph | None = None

    @property
    def span(self) -> Span:
        number = (self.number.span,) if self.number else ()
        return Span.cover([*number, self.head, *self.body.spans()])


@attrs.frozen
class Header:
    """The page's title and the lines under it."""

    title: str
    title_span: Span
    pillar: Pillar | None
    headings: tuple[Heading, ...]
    """The pillar line and any other line under the title."""


@attrs.frozen
class Layout:
    """The page: its header, what comes before the first question, and the questions."""

    header: Header | None
    preamble: Body
    parts: tuple[Part, ...]


def paragraphs(items: Iterable[Block | Heading]) -> tuple[Paragraph, ...]:
    """The prose among ``items``, with the paragraphs that lead into lists of findings."""
    found: list[Paragraph] = []
    for item in items:
        if isinstance(item, Paragraph):
            found.append(item)
        elif isinstance(item, Numeral):
            found.append(item.paragraph)
        elif isinstance(item, Listed) and item.lead is not None:
            found.append(item.lead)
    return tuple(found)


def bullets(items: Iterable[Block | Heading]) -> tuple[Paragraph, ...]:
    return tuple(item.paragraph for item in items if isinstance(item, Bullet))


def headings(items: Iterable[Block | Heading]) -> list[Heading]:
    """Lines that label parts: sub-headings, "Questions for ...", findings headings."""
    found: list[Heading] = []
    for item in items:
        if isinstance(item, Heading):
            found.append(item)
        elif isinstance(item, Label | Listed) and item.heading is not None:
            found.append(item.heading)
    return found


def listed(items: Iterable[Block | Heading]) -> Iterator[Listed]:
    return (item for item in items if isinstance(item, Listed))


def shown_grades(items: Iterable[Block | Heading]) -> Iterator[ShownGrade]:
    return (item for item in items if isinstance(item, ShownGrade))
