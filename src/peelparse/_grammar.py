"""What every line grammar shares: its ``.lark`` file, the state of one parse, and turning
errors into diagnostics.

Each kind's lines reach its LALR grammar through the line lexer (``_line_lexer``); rules are
built into records by a transformer run inside the parser, so no parse tree is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from lark import Token
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken

from peelparse._metadata import about
from peelparse._records import Diagnostic, Document, Unclassified
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._text import join_lines
from peelparse._vocab import Severity

MAX_RECOVERIES = 200
"""After this many unexpected lines a grammar gives up and keeps the rest unclassified."""


@attrs.define
class GrammarRun:
    """The state of one parse: what was set aside and what went wrong."""

    source: SourceText
    unclassified: list[Unclassified] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)

    def set_aside(self, token: Token, reason: str, code: str, message: str) -> None:
        """Keep a line no rule took, with a diagnostic saying why."""
        span = token_span(token)
        self.unclassified.append(Unclassified(join_lines(str(token)), reason, span))
        self.diagnostics.append(Diagnostic(code, Severity.WARNING, message, span))

    def recover(self, error: UnexpectedInput) -> bool:
        """Lark's ``on_error``: set the unexpected line aside and go on."""
        if not isinstance(error, UnexpectedToken) or error.token.type == "$END":
            return False
        if len(self.unclassified) >= MAX_RECOVERIES:
            return False
        self.set_aside(
            error.token,
            "unexpected",
            "PP201",
            f"a {_describe(error.token.type)} line was not expected here; kept as "
            "unclassified text",
        )
        return True


def _describe(token_type: str) -> str:
    return token_type.lower().replace("_", " ")


def token_span(token: Token) -> Span:
    """Where a line token is."""
    start = token.start_pos or 0
    end = token.end_pos if token.end_pos is not None else start + len(token)
    return Span(start, end, token.line or 1, token.end_line or token.line or 1)


def span_of(items: Sequence[Any]) -> Span:
    """The span covering tokens and records (anything with ``.span``) among ``items``."""
    spans = [
        token_span(i) if isinstance(i, Token) else i.span
        for i in items
        if isinstance(i, Token) or hasattr(i, "span")
    ]
    return Span.cover(spans)


@attrs.frozen
class GrammarFile:
    """A ``.lark`` file inside a package."""

    package: str
    """The package it is in, as imported (``__name__`` of the plugin module)."""
    filename: str
    """Its file name in that package."""


def layout_failure(source: SourceText, error: LarkError) -> Diagnostic:
    """The PP200 diagnostic of a grammar that could not go on: where it stopped."""
    at = getattr(error, "pos_in_stream", None) or 0
    return Diagnostic(
        "PP200",
        Severity.ERROR,
        f"the layout could not be parsed past this point ({type(error).__name__}); "
        "the text is kept as unclassified",
        source.span(at, min(len(source.text), at + 1)) if source.text else None,
    )


def unparsed(source: SourceText, start: int = 0, reason: str = "unparsed") -> list[Unclassified]:
    """Text from ``start`` on, as unclassified blocks (lines between blank lines); furniture
    lines are skipped, as the host keeps them already."""
    return blocks_of(source, text_lines(source, start), reason)


def text_lines(source: SourceText, start: int = 0) -> list[tuple[int, int, int]]:
    """Each line from ``start`` on that is neither blank nor furniture: its 1-based number,
    and where its text (from ``start`` on) starts and ends, white space left out."""
    lines: list[tuple[int, int, int]] = []
    text = source.text
    furniture = source.furniture
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_end = offset + len(line)
        if line_end > start and line.strip() and number not in furniture:
            first = max(offset, start)
            first += len(text[first:line_end]) - len(text[first:line_end].lstrip())
            lines.append((number, first, offset + len(line.rstrip())))
        offset = line_end + 1
    return lines


def blocks_of(
    source: SourceText, lines: list[tuple[int, int, int]], reason: str
) -> list[Unclassified]:
    """``lines`` (from ``text_lines``) as unclassified blocks: each run of lines with no
    blank or furniture line between them is one."""
    blocks: list[Unclassified] = []
    if not lines:
        return blocks
    _, block_start, block_end = lines[0]
    previous = lines[0][0]
    for number, first, last in lines[1:]:
        if number != previous + 1:
            blocks.append(source.unclassified(block_start, block_end, reason))
            block_start = first
        block_end, previous = last, number
    blocks.append(source.unclassified(block_start, block_end, reason))
    return blocks


DocumentT = TypeVar("DocumentT", bound=Document)


def fallback_document(record: type[DocumentT], run: GrammarRun, **fields: Any) -> DocumentT:
    """The record for a text its grammar could not parse: what the text states (force, cycle,
    pillar), the grammar's diagnostics, and all of the text in ``unclassified``."""
    source = run.source
    return record(
        **{**about(source.head).fields(), **fields},
        diagnostics=tuple(run.diagnostics),
        unclassified=tuple(run.unclassified + unparsed(source)),
        span=source.span(0, len(source.text)),
    )
