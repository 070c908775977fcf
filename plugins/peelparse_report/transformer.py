"""Building report records from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Finding, Grade, Heading, Judgement, Paragraph, Pillar, Span
from peelparse.grammar import span_of, token_span
from peelparse.text import HEADLINE_QUESTION, ProseJudgement, judgements_in, strip_marks
from peelparse_report.records import Dated, Question, Section
from peelparse_report.shapes import DATED


@attrs.define
class Block:
    """A part of the body between the grammar and the records: what and where."""

    what: str
    """"paragraph", "bullet", "heading", "findings", "grade", "questions_for"."""
    span: Span
    text: str = ""
    label: str = ""
    items: list[Finding] = attrs.field(factory=list)
    head: Span | None = None
    """Where the heading of a findings list is."""
    lead: Paragraph | None = None
    """The paragraph that introduces a findings list that has no heading."""


@attrs.define
class Part:
    """A question (headline or core) with everything under it."""

    question: Token
    number: Token | None
    headline: bool
    updated: Dated | None
    grade: Token | None
    blocks: list[Block]
    span: Span
    text: str
    """The question as record text, worked out once for the several records that hold it."""


@attrs.define
class Header:
    title: Token
    pillar: Token | None
    subtitles: list[Token]
    span: Span


@attrs.define
class Parsed:
    """Everything the grammar found, in document order, for ``build.py`` to assemble."""

    header: Header | None
    preamble: list[Block]
    parts: list[Part]


class ReportTransformer(Transformer[Token, Any]):
    """One method per rule of ``report.lark``."""

    def start(self, children: list[Any]) -> Parsed:
        header = children[0] if children and isinstance(children[0], Header) else None
        rest = children[1:] if header is not None else children
        preamble = [c for c in rest if isinstance(c, Block | Token)]
        return Parsed(
            header, [_block(c) for c in preamble], [c for c in rest if isinstance(c, Part)]
        )

    def header(self, children: list[Token]) -> Header:
        # The first pillar line names the pillar; any further line under the title
        # (a repeated pillar name, "Other inspections") is a subtitle.
        pillar = next((c for c in children if c.type == "PILLAR"), None)
        rest = [c for c in children[1:] if c is not pillar]
        return Header(children[0], pillar, rest, span_of(children))

    def pillar_part(self, children: list[Any]) -> Part:
        return _part(children, headline=True)

    def question(self, children: list[Any]) -> Part:
        return _part(children, headline=False)

    def updated(self, children: list[Token]) -> Dated:
        return dated(children[0])

    def grade(self, children: list[Token]) -> Token:
        return children[0]

    def paragraph(self, children: list[Token]) -> Block:
        return Block("paragraph", token_span(children[0]), strip_marks(children[0]))

    def bullet(self, children: list[Token]) -> Block:
        span = span_of(children)
        return Block("bullet", span, _lines_text(children))

    def heading(self, children: list[Token]) -> Block:
        return Block("heading", token_span(children[0]), strip_marks(children[0]))

    def area_grade(self, children: list[Token]) -> Block:
        return Block("area_grade", token_span(children[0]), strip_marks(children[0]))

    def stray_grade(self, children: list[Token]) -> Block:
        return Block("grade", token_span(children[0]), strip_marks(children[0]))

    def finding(self, children: list[Token]) -> Finding:
        return Finding("?", None, _lines_text(children), span_of(children))

    def areas_for_improvement(self, children: list[Any]) -> Block:
        return _findings("area_for_improvement", children)

    def causes_of_concern(self, children: list[Any]) -> Block:
        return _findings("cause_of_concern", children)

    def recommendations(self, children: list[Any]) -> Block:
        return _findings("recommendation", children)

    def led_areas_for_improvement(self, children: list[Any]) -> Block:
        lead, items = children[0], children[1:]
        return Block(
            "findings",
            span_of(children),
            "",
            "area_for_improvement",
            _nest("area_for_improvement", items),
            lead=Paragraph(strip_marks(lead), token_span(lead)),
        )


def _lines_text(tokens: Sequence[Token]) -> str:
    return strip_marks("\n".join(str(t) for t in tokens))


def _findings(label: str, children: list[Any]) -> Block:
    heading, items = children[0], children[1:]
    return Block(
        "findings",
        span_of(children),
        strip_marks(heading),
        label,
        _nest(label, items),
        token_span(heading),
    )


def _nest(label: str, items: list[Finding]) -> list[Finding]:
    """The items as findings of ``label``, with lower-case items that follow one ending in a
    colon folded into it (flattened sub-lists)."""
    nested: list[Finding] = []
    for item in items:
        parent = nested[-1] if nested else None
        if parent is not None and parent.text.endswith(":") and item.text[:1].islower():
            nested[-1] = Finding(
                label,
                parent.number,
                parent.text,
                parent.span,
                (*parent.items, Paragraph(item.text, item.span)),
                parent.section,
            )
        else:
            nested.append(
                Finding(label, item.number, item.text, item.span, item.items, item.section)
            )
    return nested


def _block(item: Block | Token) -> Block:
    if isinstance(item, Block):
        return item
    return Block(item.type.lower(), token_span(item), strip_marks(item))


def _part(children: list[Any], *, headline: bool) -> Part:
    number = (
        children[0] if isinstance(children[0], Token) and children[0].type == "NUMBER" else None
    )
    rest = children[1:] if number is not None else children
    question, rest = rest[0], rest[1:]
    updated = rest[0] if rest and isinstance(rest[0], Dated) else None
    rest = rest[1:] if updated is not None else rest
    grade = rest[0] if rest and isinstance(rest[0], Token) and rest[0].type == "GRADE" else None
    rest = rest[1:] if grade is not None else rest
    return Part(
        question,
        number,
        headline,
        updated,
        grade,
        [_block(b) for b in rest],
        span_of(children),
        strip_marks(question),
    )


def dated(token: Token) -> Dated:
    """A "Last updated dd/mm/yyyy" line as a record with its ISO date."""
    text = strip_marks(token)
    match = DATED.match(text)
    iso = None
    if match:
        day, month, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
    return Dated(text, iso, token_span(token))


def headline_pillar(text: str) -> Pillar | None:
    """The pillar a headline question asks about."""
    match = HEADLINE_QUESTION.match(text)
    return Pillar.from_word(match.group("adj")) if match else None


def grade_of(token: Token) -> Grade:
    return Grade.from_text(str(token))


def prose_judgements(
    blocks: Iterable[Block], source_text: str
) -> list[tuple[Judgement, ProseJudgement]]:
    """Judgments stated in paragraphs, each with how it was stated."""
    found: list[tuple[Judgement, ProseJudgement]] = []
    for block in blocks:
        if block.what != "paragraph":
            continue
        raw = block.span.slice(source_text)
        offset = block.span.start + len(raw) - len(raw.lstrip())
        line = raw.strip()
        for j in judgements_in(line):
            span = Span(offset + j.start, offset + j.end, block.span.line, block.span.line)
            found.append((Judgement(j.subject, j.pillar, j.grade, j.text, span), j))
    return found


def paragraphs(blocks: Iterable[Block], what: str = "paragraph") -> tuple[Paragraph, ...]:
    """The blocks of one kind as paragraphs (with the paragraphs that lead into findings)."""
    found: list[Paragraph] = []
    for block in blocks:
        if block.what == what:
            found.append(Paragraph(block.text, block.span))
        elif what == "paragraph" and block.lead is not None:
            found.append(block.lead)
    return tuple(found)


def headings(blocks: Iterable[Block]) -> list[Heading]:
    """Lines that label parts: sub-headings, "Questions for ...", findings headings."""
    found: list[Heading] = []
    for block in blocks:
        if block.what in ("heading", "questions_for"):
            found.append(Heading(block.text, block.span))
        elif block.head is not None:
            found.append(Heading(block.text, block.head))
    return found


def sections(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[Heading, list[Block]]]]:
    """Split a question's blocks at its sub-headings: the part before the first heading, and
    each heading with what follows it."""
    before: list[Block] = []
    parts: list[tuple[Heading, list[Block]]] = []
    for block in blocks:
        if block.what == "heading":
            parts.append((Heading(block.text, block.span), []))
        elif parts:
            parts[-1][1].append(block)
        else:
            before.append(block)
    return before, parts


def build_sections(parts: list[tuple[Heading, list[Block]]]) -> tuple[Section, ...]:
    return tuple(
        Section(heading, paragraphs(blocks), Span.cover([heading.span, *(b.span for b in blocks)]))
        for heading, blocks in parts
    )


def question_record(part: Part, grade: Grade | None, pillar: Pillar | None) -> Question:
    before, parts = sections(part.blocks)
    findings: dict[str, list[Finding]] = {
        label: [] for label in ("area_for_improvement", "cause_of_concern", "recommendation")
    }
    for section, blocks in [(None, before), *((h.text, b) for h, b in parts)]:
        for block in blocks:
            if block.what == "findings":
                findings[block.label].extend(
                    [
                        Finding(f.label, f.number, f.text, f.span, f.items, section)
                        for f in block.items
                    ]
                )
    return Question(
        number=strip_marks(part.number) if part.number is not None else None,
        number_span=token_span(part.number) if part.number is not None else None,
        text=part.text,
        text_span=token_span(part.question),
        headline=part.headline,
        pillar=pillar,
        grade=grade,
        updated=part.updated,
        paragraphs=paragraphs(before),
        areas_for_improvement=tuple(findings["area_for_improvement"]),
        causes_of_concern=tuple(findings["cause_of_concern"]),
        recommendations=tuple(findings["recommendation"]),
        bullets=paragraphs(before, "bullet")
        + tuple(p for _, blocks in parts for p in paragraphs(blocks, "bullet")),
        sections=build_sections(parts),
        span=part.span,
    )
