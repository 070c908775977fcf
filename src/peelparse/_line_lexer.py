"""Feeding a kind's line shapes to its LALR grammar: one token per unit, typed once.

The classifier gives each unit every terminal its shape fits (``_shapes``); this lexer hands
the parser the first of them the parser can take where it stands, as Lark's contextual
lexer does with characters. So the grammar, not code, says that the paragraph after "X
said:" is a quote, that a grade line after a question is that question's grade, and that a
bullet after "Areas for improvement" is a finding.

The parse's state is the input Lark is given (a ``ShapedText``), not a global: it holds the
units and a cursor. The cursor moves past a unit before its token is handed over, so after
error recovery sets one unit aside, Lark's next call to ``lex`` goes on from the unit after
it: no line is lost.
"""

from __future__ import annotations

import functools
import pkgutil
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer, LexerState
from lark.parsers.lalr_analysis import Shift

from peelparse._grammar import GrammarFile, GrammarRun, layout_failure
from peelparse._grammar_cache import cached_lark, grammar_key
from peelparse._handed import Before
from peelparse._limits import current_limits
from peelparse._shapes import Classifier, ShapeTable, Unit, units_of
from peelparse._source import SourceText


@attrs.define
class ShapedText:
    """One parse's input to a shaped grammar: the units, their terminals, and how far the
    parser has read."""

    source: SourceText
    units: list[Unit]
    classifier: Classifier
    """Which terminals each unit fits."""
    run: GrammarRun
    """What the parse set aside and what went wrong."""
    table: ShapeTable
    before: Before
    """The tokens handed over so far, for shapes that ask (``LineShape.follows``)."""
    cursor: int = 0
    """The next unit to hand over."""

    def tokens(self, unit: Unit, kind: str, takes: Callable[[str], bool]) -> list[Token] | None:
        """The tokens of a unit whose shape has parts, when the parser ``takes`` the first."""
        parts = self.table.parts(kind, unit)
        if not parts or not takes(parts[0][0]):
            return None
        # A unit with parts is one line (its text is the line stripped): offsets carry over.
        return [
            Token(
                name,
                unit.text[start:end],
                unit.start + start,
                unit.line,
                unit.column + start,
                unit.line,
                unit.column + end,
                unit.start + end,
            )
            for name, start, end in parts
        ]

    def set_aside(self, unit: Unit, reason: str) -> None:
        """Keep ``unit`` as unclassified text, unseen by the parser."""
        self.run.unclassified.append(self.source.unclassified(unit.start, unit.end, reason))

    def token(self, unit: Unit, kind: str, last: Unit | None = None) -> Token:
        """``unit`` as a token of type ``kind``: its text as written, with its place; with
        ``last``, its text runs on to the end of that later unit."""
        last = unit if last is None else last
        end = last.line_end if self.table.ends == "line" else last.end
        return Token(
            kind,
            self.source.text[unit.start : end],
            unit.start,
            unit.line,
            unit.column,
            last.end_line,
            None,
            end,
        )

    def joined_to(self, index: int, kind: str) -> Unit:
        """The last unit of the token of type ``kind`` that unit ``index`` opens: the units
        after it that fit a joining shape (``LineShape.joins``) that may go on with it go on
        with it, and the cursor moves past them."""
        last = index
        units, before, fits = self.units, self.before, self.classifier.fits
        joining = self.table.joining_onto(kind)
        while last + 1 < len(units) and any(
            fits(last + 1, shape.name)
            and (shape.follows is None or shape.follows(before, units[last + 1].text))
            for shape in joining
        ):
            last += 1
            before.run_on(last)
        self.cursor = last + 1
        return units[last]


def takes(states: Any, stack: list[int], name: str) -> bool:
    """Whether the LALR parser, its states stacked as ``stack``, can shift a ``name`` token.

    A state's table lists a terminal when any rule it may close can be followed by it; after
    closing, the state it returns to may still refuse it (LALR merges the lookaheads of alike
    states). So the closings are played through on a copy of the stack of states, as
    Lark's parser would make them, until a shift (taken) or a state without the terminal.
    """
    action = states[stack[-1]].get(name)
    if action is None:
        return False
    if action[0] is Shift:
        return True
    stack = list(stack)
    while action is not None and action[0] is not Shift:
        rule = action[1]
        if rule.expansion:
            del stack[-len(rule.expansion) :]
        stack.append(states[stack[-1]][rule.origin.name][1])
        action = states[stack[-1]].get(name)
    return action is not None


_MOST_STACKS = 4096
"""The most answers of ``takes`` kept for one parse table."""

Follows = Callable[[Before, str], bool] | None
Order = tuple[tuple[str, bool, str | None, Follows], ...]
"""The shapes to try on a unit, in the table's order: each name, whether its unit is several
tokens, the reason it is set aside (``None``: it is handed over) and its test of what came
before (``LineShape.follows``)."""


class _Orders:
    """For one parse table and one table of shapes, the shapes to try at each parser state
    on a unit that may fit the shapes of a mask: those the state accepts (or may accept,
    for shapes with parts, by their first part) and the unit may fit. Worked out once for
    each pair that occurs, so most shapes are rejected without a call."""

    def __init__(self, states: Any, table: ShapeTable) -> None:
        self._states = states
        self._table = table
        self._known: dict[tuple[Any, int], Order] = {}
        self._taken: dict[tuple[tuple[Any, ...], str], bool] = {}

    def takes(self, stack: list[Any], name: str) -> bool:
        """``takes`` for this parse table, kept for each stack of states: the same few
        stacks come back at every paragraph of every text."""
        key = (tuple(stack), name)
        found = self._taken.get(key)
        if found is None:
            if len(self._taken) >= _MOST_STACKS:
                self._taken.clear()  # a bound on memory, should a grammar nest deeply
            found = self._taken[key] = takes(self._states, stack, name)
        return found

    def at(self, state: Any, mask: int) -> Order:
        """The shapes to try at ``state`` on a unit that may fit those of ``mask``."""
        order = self._known.get((state, mask))
        if order is None:
            order = self._known[(state, mask)] = self._order(state, mask)
        return order

    def _order(self, state: Any, mask: int) -> Order:
        accepted = self._states[state]
        split, aside, follows = self._table.split, self._table.aside, self._table.follows
        return tuple(
            (name, name in split, aside.get(name), follows.get(name))
            for index, name in enumerate(self._table.names)
            if mask >> index & 1 and (name in split or name in accepted)
        )


_ORDERS: weakref.WeakKeyDictionary[Any, dict[int, _Orders]] = weakref.WeakKeyDictionary()
"""The orders of each parse table (kept while its parser lives), by table of shapes."""


def _orders(parse_table: Any, table: ShapeTable) -> _Orders:
    by_table = _ORDERS.setdefault(parse_table, {})
    # By the table's id: an entry keeps its table alive, so no other table takes that id.
    found = by_table.get(id(table))
    if found is None:
        found = by_table[id(table)] = _Orders(parse_table.states, table)
    return found


class LineLexer(Lexer):
    """Lark's lexer for shaped grammars: each unit's first terminal the parser accepts."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        shaped: ShapedText = lexer_state.text  # type: ignore[assignment]
        parse_table = parser_state.parse_conf.parse_table
        states = parse_table.states
        orders = _orders(parse_table, shaped.table)
        units, classifier, before = shaped.units, shaped.classifier, shaped.before
        # Each unit is asked about each shape once here: no need to look for a kept answer.
        fits, possible = classifier.decide, classifier.possible
        # The fallback, last of every order, fits every unit: it is not asked about (unless
        # a shape of the table is named so).
        fallback = None if classifier.fallback in shaped.table.names[:-1] else classifier.fallback
        # Most tables have no joining shape: their tokens are their units alone.
        joined = shaped.joined_to if shaped.table.joining else None
        kept_from = 0  # what is kept about the units before this one is let go
        while shaped.cursor < len(units):
            index = shaped.cursor
            shaped.cursor += 1
            # Shapes look at most one unit back (``after``); joined units are passed over.
            while kept_from < index - 1:
                classifier.forget(kept_from)
                kept_from += 1
            unit = units[index]
            stack = parser_state.state_stack
            accepted = states[stack[-1]]
            # The table's order is the order of preference: the first shape the parser can
            # take here and the unit fits. A shape the parser cannot take is never tried.
            for name, split, aside, follows in orders.at(stack[-1], possible[index]):
                if split:
                    parts = (
                        shaped.tokens(unit, name, functools.partial(orders.takes, stack))
                        if fits(index, name) and (follows is None or follows(before, unit.text))
                        else None
                    )
                    if parts is not None:
                        for part in parts:
                            before.hand(part.type, index)
                        yield from parts
                        break
                elif (
                    (name is fallback or fits(index, name))
                    and (accepted[name][0] is Shift or orders.takes(stack, name))
                    and (follows is None or follows(before, unit.text))
                ):
                    if aside is not None:
                        shaped.set_aside(unit, aside)
                    else:
                        before.hand(name, index)
                        yield shaped.token(unit, name, joined and joined(index, name))
                    break
            else:
                name = classifier.first(index)
                before.hand(name, index)
                yield shaped.token(unit, name, joined and joined(index, name))


def _open(grammar: GrammarFile, **options: Any) -> Lark:
    return Lark.open_from_package(
        grammar.package,
        grammar.filename,
        ("",),
        parser="lalr",
        lexer=LineLexer,
        maybe_placeholders=False,
        **options,
    )


@functools.cache
def load_shaped(
    grammar: GrammarFile, transformer: Callable[[], Transformer[Token, Any]] | None = None
) -> Lark:
    """Build (once per process, its tables cached on disk) the LALR parser of ``grammar``,
    fed by the line lexer, with ``transformer`` run inside it when given."""
    text = (pkgutil.get_data(grammar.package, grammar.filename) or b"").decode("utf-8")
    live: dict[str, Any] = {"lexer": LineLexer}
    if transformer is not None:
        live["transformer"] = transformer()
    options = {"parser": "lalr", "lexer": "line", "maybe_placeholders": False}
    return cached_lark(
        f"{grammar.package}.{grammar.filename}",
        grammar_key(grammar.package, grammar.filename, text, options),
        lambda: _open(grammar, **{k: v for k, v in live.items() if k != "lexer"}),
        **live,
    )


def shape_text(
    source: SourceText, table: ShapeTable, run: GrammarRun, units: list[Unit] | None = None
) -> ShapedText:
    """The units of ``source`` (furniture lines left out) with the terminals each fits;
    ``units``: those the kind has already cut the text into, with ``units_of``."""
    if units is None:
        units = units_of(source.text, frozenset(source.furniture), table.join)
    if table.regions is not None:
        units = table.regions(units)
    limit = current_limits().line_chars
    classifier = table.classifier(units, source.text.lower(), limit)
    return ShapedText(source, units, classifier, run, table, Before(units))


@functools.cache
def _tree_parser(grammar: GrammarFile) -> Lark:
    return _open(grammar)


def shaped_tree(grammar: GrammarFile, table: ShapeTable, source: SourceText) -> Any:
    """The bare Lark tree of ``source`` under a shaped grammar (no records, no recovery): for
    looking at what a grammar sees."""
    return _tree_parser(grammar).parse(shape_text(source, table, GrammarRun(source)))


def run_shaped(
    parser: Lark, table: ShapeTable, source: SourceText, units: list[Unit] | None = None
) -> tuple[Any | None, GrammarRun]:
    """Parse ``source`` with a shaped grammar; an unexpected unit is set aside (PP201) and
    the parse goes on after it; a grammar failure gives ``None`` and a diagnostic.
    ``units``: the units of ``source`` when the kind has cut them already (to choose its
    table by what the whole page shows)."""
    run = GrammarRun(source)
    shaped = shape_text(source, table, run, units)

    def recover(error: UnexpectedInput) -> bool:
        if isinstance(error, UnexpectedToken) and error.token.type != "$END":
            return run.recover(error)
        return False

    try:
        return parser.parse(shaped, on_error=recover), run
    except LarkError as exc:
        run.diagnostics.append(layout_failure(source, exc))
        return None, run
