"""Building the report's layout from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Finding, Grade, Heading, Paragraph, Pillar
from peelparse.grammar import span_of, token_span
from peelparse.text import area_grade, strip_marks
from peelparse_report.layout import (
    Block,
    Body,
    Bullet,
    Header,
    Label,
    Layout,
    Listed,
    Numeral,
    Part,
    ShownGrade,
    Under,
)
from peelparse_report.records import Dated
from peelparse_report.shapes import DATED


class ReportTransformer(Transformer[Token, Any]):
    """One method per rule of ``report.lark``."""

    def start(self, children: list[Any]) -> Layout:
        header = children[0] if children and isinstance(children[0], Header) else None
        rest = children[1:] if header is not None else children
        preamble = _body(c for c in rest if not isinstance(c, Part))
        return Layout(header, *_numbered(preamble, [c for c in rest if isinstance(c, Part)]))

    def header(self, children: list[Token]) -> Header:
        # The first pillar line names the pillar; every line under the title is a heading.
        pillar = next((c for c in children if c.type == "PILLAR"), None)
        return Header(
            strip_marks(children[0]),
            token_span(children[0]),
            Pillar.from_word(str(pillar)) if pillar is not None else None,
            tuple(_heading(c) for c in children[1:]),
        )

    def pillar_part(self, children: list[Any]) -> Part:
        return _part(children, headline=True)

    def question(self, children: list[Any]) -> Part:
        return _part(children, headline=False)

    def updated(self, children: list[Token]) -> Dated:
        return dated(children[0])

    def grade(self, children: list[Token]) -> Token:
        return children[0]

    def section(self, children: list[Any]) -> Under:
        return Under(_heading(children[0]), tuple(children[1:]))

    def paragraph(self, children: list[Token]) -> Paragraph:
        return Paragraph(strip_marks(children[0]), token_span(children[0]))

    def bullet(self, children: list[Token]) -> Bullet:
        return Bullet(Paragraph(_lines_text(children), span_of(children)))

    def number(self, children: list[Token]) -> Numeral:
        return Numeral(Paragraph(strip_marks(children[0]), token_span(children[0])))

    def questions_for(self, children: list[Token]) -> Label:
        return Label(_heading(children[0]))

    def shown_grade(self, children: list[Token]) -> ShownGrade:
        token = children[0]
        text = strip_marks(token)
        if token.type == "GRADE_ALONE":
            return ShownGrade("", Grade.from_text(text), text, token_span(token))
        shape = area_grade(text)
        if shape is None:  # the line's shape is this same expression
            raise ValueError(f"not an area and its grade: {text!r}")
        return ShownGrade(shape[0], shape[1], text, token_span(token))

    def listed(self, children: list[Token]) -> Finding:
        return Finding("?", None, _lines_text(children), span_of(children))

    argued = listed

    def areas_for_improvement(self, children: list[Any]) -> Listed:
        return _listed("area_for_improvement", children)

    def causes_of_concern(self, children: list[Any]) -> Listed:
        return _listed("cause_of_concern", children)

    def recommendations(self, children: list[Any]) -> Listed:
        return _listed("recommendation", children)

    def led_areas_for_improvement(self, children: list[Any]) -> Listed:
        lead, items = children[0], children[1:]
        return Listed(
            "area_for_improvement",
            _nest("area_for_improvement", items),
            span_of(children),
            lead=Paragraph(strip_marks(lead), token_span(lead)),
        )


def _heading(token: Token) -> Heading:
    return Heading(strip_marks(token), token_span(token))


def _lines_text(tokens: Sequence[Token]) -> str:
    return strip_marks("\n".join(str(t) for t in tokens))


def _listed(label: str, children: list[Any]) -> Listed:
    heading, items = children[0], children[1:]
    return Listed(label, _nest(label, items), span_of(children), _heading(heading))


def _nest(label: str, items: list[Finding]) -> tuple[Finding, ...]:
    """The items as findings of ``label``, with lower-case items that follow one ending in a
    colon folded into it (flattened sub-lists)."""
    nested: list[Finding] = []
    for item in items:
        parent = nested[-1] if nested else None
        if parent is not None and parent.text.endswith(":") and item.text[:1].islower():
            sub = Paragraph(item.text, item.span)
            nested[-1] = Finding(label, None, parent.text, parent.span, (*parent.items, sub))
        else:
            nested.append(Finding(label, None, item.text, item.span))
    return tuple(nested)


def _body(children: Any) -> Body:
    """Blocks and sections, as the grammar gives them, as one body."""
    items = list(children)
    blocks: tuple[Block, ...] = tuple(c for c in items if not isinstance(c, Under))
    return Body(blocks, tuple(c for c in items if isinstance(c, Under)))


def _numbered(preamble: Body, parts: list[Part]) -> tuple[Body, tuple[Part, ...]]:
    """The preamble and the parts, with a number block that ends the text before a core
    question moved to that question as its number."""
    bodies = [preamble, *(part.body for part in parts)]
    for index, part in enumerate(parts):
        last = bodies[index].last()
        if isinstance(last, Numeral) and not part.headline:
            bodies[index] = bodies[index].without_last()
            parts[index] = attrs.evolve(part, number=last.paragraph)
    # A part whose body kept its number block is kept as it is: most are.
    numbered = tuple(
        part if body is part.body else attrs.evolve(part, body=body)
        for part, body in zip(parts, bodies[1:], strict=True)
    )
    return bodies[0], numbered


def _part(children: list[Any], *, headline: bool) -> Part:
    question, rest = children[0], children[1:]
    updated = rest[0] if rest and isinstance(rest[0], Dated) else None
    rest = rest[1:] if updated is not None else rest
    grade = rest[0] if rest and isinstance(rest[0], Token) else None
    rest = rest[1:] if grade is not None else rest
    text = strip_marks(question)
    body = _body(rest)
    shown = (
        ShownGrade(text, Grade.from_text(str(grade)), strip_marks(grade), token_span(grade))
        if grade is not None
        else None
    )
    head = span_of(children[: len(children) - len(rest)])
    return Part(text, token_span(question), headline, updated, shown, body, head)


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
