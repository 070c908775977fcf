"""Running a line grammar: loading ``.lark`` files, typing lines, turning errors into diagnostics.

Every built-in grammar reads text the same way. Lark's contextual lexer cuts the text into
``LINE`` tokens only, ignoring the white space between them; a ``LinePostLex`` subclass,
which sees whole lines with what came before and after, gives each line its type
(``QUESTION``, ``BULLET``, ``PARA`` ...).
The grammar then says how typed lines nest. Rules are built into records by a transformer
run inside the LALR parser, so no parse tree is kept.
"""

from __future__ import annotations

import functools
import pkgutil
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any, TypeVar

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken
from lark.lark import PostLex

from peelparse._grammar_cache import cached_lark, grammar_key
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
    typed: Iterator[Token] | None = attrs.field(default=None, repr=False)
    """The typed lines not yet handed to the parser: after a line is set aside, Lark asks
    the postlexer for a new stream, which goes on from here (the lexer is spent by then)."""

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


_RUN: ContextVar[GrammarRun] = ContextVar("peelparse_grammar_run")


def current_run() -> GrammarRun:
    """The parse in progress (for postlexers and transformers)."""
    return _RUN.get()


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
class Line:
    """One non-blank line as the lexer cut it."""

    token: Token
    blank_before: bool
    """Whether a blank line (or the start of the text) comes before it."""
    indent: int
    """Leading white space, in characters."""

    @property
    def text(self) -> str:
        """The line as written, without white space at its end."""
        return str(self.token).rstrip()

    def typed(self, kind: str) -> Token:
        """This line as a token of type ``kind``."""
        return Token.new_borrow_pos(kind, self.token, self.token)


class LinePostLex(PostLex):
    """Collects the document's lines, drops furniture, and lets ``type_lines`` type them."""

    always_accept = ("LINE", "_NL")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Lark's postlexer entry: the lexer's ``LINE`` tokens in, typed line tokens out."""
        run = current_run()
        if run.typed is None:
            run.typed = self.type_lines(self._lines(run, stream))
        # The same iterator every time: resumed after an error, it yields the lines after it.
        # A loop, not "yield from": Lark drops the stream it was reading when a line is set
        # aside, and closing a "yield from" would close the typed lines with it.
        for token in run.typed:  # noqa: UP028
            yield token

    @staticmethod
    def _lines(run: GrammarRun, stream: Iterator[Token]) -> list[Line]:
        furniture = run.source.furniture
        text = run.source.text
        lines: list[Line] = []
        blank = True
        # Blank lines are read from the line numbers: a grammar that ignores the white space
        # between lines spares the lexer a token for it. Grammars that still declare "_NL"
        # tokens for it are read the same way.
        last = 0
        for token in stream:
            if token.type == "_NL":
                continue
            number = token.line or 0
            blank = blank or number - last > 1
            last = number
            if number in furniture:
                continue
            start = token.start_pos or 0
            line_start = text.rfind("\n", 0, start) + 1
            lines.append(Line(token, blank, start - line_start))
            blank = False
        return lines

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        """Yield one typed token per line (or fewer, setting lines aside)."""
        raise NotImplementedError


@attrs.frozen
class GrammarFile:
    """A ``.lark`` file inside a package."""

    package: str
    """The package it is in, as imported (``__name__`` of the plugin module)."""
    filename: str
    """Its file name in that package."""


def _open(grammar: GrammarFile, postlex: Callable[[], PostLex], **options: Any) -> Lark:
    """The LALR parser of ``grammar``, with the contextual lexer and a fresh postlexer."""
    return Lark.open_from_package(
        grammar.package,
        grammar.filename,
        ("",),
        parser="lalr",
        lexer="contextual",
        postlex=postlex(),
        **options,
    )


@functools.cache
def load_grammar(
    grammar: GrammarFile,
    postlex: Callable[[], PostLex],
    transformer: Callable[[], Transformer[Token, Any]],
) -> Lark:
    """Build (once per process, its tables cached on disk) the LALR parser of ``grammar``
    with its postlexer and inline transformer."""
    text = (pkgutil.get_data(grammar.package, grammar.filename) or b"").decode("utf-8")
    options: dict[str, Any] = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}
    return cached_lark(
        f"{grammar.package}.{grammar.filename}",
        grammar_key(grammar.package, grammar.filename, text, options),
        lambda: _open(grammar, postlex, transformer=transformer(), maybe_placeholders=False),
        transformer=transformer(),
        postlex=postlex(),
    )


@functools.cache
def _tree_parser(grammar: GrammarFile, postlex: Callable[[], PostLex]) -> Lark:
    return _open(grammar, postlex)


def parse_tree(grammar: GrammarFile, postlex: Callable[[], PostLex], source: SourceText) -> Any:
    """The bare Lark tree of ``source`` (no records): for looking at what a grammar sees."""
    reset = _RUN.set(GrammarRun(source))
    try:
        return _tree_parser(grammar, postlex).parse(source.text)
    finally:
        _RUN.reset(reset)


def run_grammar(parser: Lark, source: SourceText) -> tuple[Any | None, GrammarRun]:
    """Parse ``source``; a grammar failure gives ``None`` and a diagnostic, never an error."""
    run = GrammarRun(source)
    reset = _RUN.set(run)
    try:
        return parser.parse(source.text, on_error=run.recover), run
    except LarkError as exc:
        run.diagnostics.append(layout_failure(source, exc))
        return None, run
    finally:
        _RUN.reset(reset)


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
    blocks: list[Unclassified] = []
    text = source.text
    block_start: int | None = None
    block_end = 0
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_end = offset + len(line)
        keep = line_end > start and line.strip() and number not in source.furniture
        if keep:
            first = max(offset, start)
            first += len(text[first:line_end]) - len(text[first:line_end].lstrip())
            if block_start is None:
                block_start = first
            block_end = offset + len(line.rstrip())
        elif block_start is not None:
            blocks.append(source.unclassified(block_start, block_end, reason))
            block_start = None
        offset = line_end + 1
    if block_start is not None:
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
