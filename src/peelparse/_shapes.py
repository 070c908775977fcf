"""Line shapes: a kind's table of what its lines look like, compiled once into a classifier.

A plugin describes each shape its lines take as data: the grammar's terminal, a regular
expression, and where it may stand (indented or at the margin, after a blank line or
straight under the line before). The core compiles a kind's table once; for each unit of
text (a line, or the lines a paragraph wraps over) the classifier gives every terminal whose
shape fits, most specific first. Which of them the unit is, the grammar decides: the lexer
hands the parser the first one the parser can take at that point (see ``_line_lexer``).

Each expression is tried only on units that hold a word it cannot match without and that
start with a character it can start with; the core reads both from the expression
(``_needs``), so no plugin writes a guard by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from peelparse._needs import first_character, holds_any, needed_words
from peelparse._text import join_lines

if TYPE_CHECKING:
    from peelparse._handed import Before

Mode = Literal["match", "fullmatch", "search"]


@attrs.frozen
class LineShape:
    """One shape a unit of text can take, as the terminal ``name`` of a grammar."""

    name: str
    """The terminal the grammar knows it by (declared with ``%declare``)."""
    pattern: str = ""
    """A regular expression tried on the unit's text (see ``mode``). Without one, every text
    fits, and only where the unit stands or ``test`` tells the shape."""
    flags: int = 0
    """Its flags (``re.IGNORECASE`` ...)."""
    mode: Mode = "match"
    """How the expression is tried: at the start (``match``), on the whole text
    (``fullmatch``) or anywhere (``search``)."""
    indented: bool | None = None
    """``True``: only an indented unit; ``False``: only one at the margin; ``None``: either."""
    after_blank: bool | None = None
    """``True``: only a unit after a blank line (or at the start); ``False``: only one straight
    under the line before (no blank line and no page furniture between, unless
    ``past_furniture``); ``None``: either."""
    past_furniture: bool = False
    """With ``after_blank=False``: the unit may also stand under the line before with only
    page furniture between them, no blank line (a line a paragraph wraps onto over a page
    break)."""
    after_furniture: bool | None = None
    """``True``: only a unit with page furniture between it and the line before; ``False``:
    only one without; ``None``: either."""
    region: str | tuple[str, ...] | None = None
    """Only a unit in this region (or one of these) of the document, as the table's
    ``regions`` marks them; ``None``: anywhere."""
    test: Callable[[str], bool] | None = None
    """A further test of the text, for what an expression cannot say (a count of words, a
    force's name): tried last, only when everything else fits."""
    parts: bool = False
    """Whether the unit is several tokens: the expression's groups named in capitals are
    terminals, and the unit becomes one token for each of them that took part in the match
    ("...safe?Good": a question and its grade glued on one line)."""
    needs: tuple[str, ...] | None = attrs.field(default=None)
    """Lower-case words one of which the unit must hold. Read from the expression when not
    given; give your own only to narrow it further (each must be necessary for a match), or
    ``()`` for none."""
    before: str | tuple[str, ...] | None = None
    """Another shape's name (or several): only a unit straight before one that fits that
    shape (or one of them): "a line ending in a colon, before a list item"."""
    after: str | None = None
    """Another shape's name: only a unit straight after one that fits that shape."""
    last: bool | None = None
    """``True``: only the text's last unit; ``False``: any unit but the last; ``None``: either."""
    unless: tuple[str, ...] = ()
    """Other shapes' names: only a unit that fits none of them ("a heading that is not the
    first line of a wrapped paragraph")."""
    follows: Callable[[Before, str], bool] | None = None
    """A test of what came before, given the tokens the lexer has handed over so far
    (``Before``) and the unit's text: for what the grammar's place cannot say, such as how the
    paragraph before reads or the number of the last finding. Tried by the lexer last, only
    where the parser can take the shape and the unit fits it otherwise."""
    onto: tuple[str, ...] | None = None
    """With ``joins``: the terminals of the tokens the unit may go on with (``None``: any).
    ``follows`` is then a test of that token, which is ``Before.previous``."""
    aside: str | None = None
    """A reason: where the grammar accepts this shape, the lexer sets the unit aside as
    unclassified text with this reason and the parser never sees it (a link on a web page),
    so the units on either side of it stand next to each other in the grammar."""
    joins: bool = False
    """Whether the unit goes on with the token before it rather than being a token of its own
    (a line a paragraph wraps onto, when only a reading of the whole text tells so): the
    lexer adds it to the end of that token, whose text then runs from its first unit to this
    one as written, any page furniture between them kept. The parser never sees it, so the
    grammar need not declare it. A unit with nothing before it to join, or after a unit set
    aside or cut into parts, is typed as any other."""

    def __attrs_post_init__(self) -> None:
        if not _TERMINAL.fullmatch(self.name):
            raise ValueError(f"a line shape's name is a terminal in capitals, not {self.name!r}")
        if self.parts and not _terminal_groups(re.compile(self.pattern, self.flags)):
            raise ValueError(f"line shape {self.name}: parts need groups named as terminals")
        if self.onto is not None and not self.joins:
            raise ValueError(f"line shape {self.name}: only a shape that joins has 'onto'")
        if self.needs is None:
            object.__setattr__(self, "needs", needed_words(self.pattern, self.flags))

    @property
    def neighbours(self) -> bool:
        """Whether the shape depends on the units around it, or on other shapes."""
        return (
            self.before is not None
            or self.after is not None
            or self.last is not None
            or bool(self.unless)
        )

    @property
    def before_any(self) -> tuple[str, ...]:
        """The shapes one of which the unit after it must fit (none: no such rule)."""
        return (self.before,) if isinstance(self.before, str) else self.before or ()


def _regions(region: str | tuple[str, ...] | None) -> frozenset[str] | None:
    if region is None:
        return None
    return frozenset((region,) if isinstance(region, str) else region)


def _terminal_groups(regex: re.Pattern[str]) -> list[str]:
    return [name for name in regex.groupindex if _TERMINAL.fullmatch(name)]


_TERMINAL = re.compile(r"[A-Z][A-Z0-9_]*")


@attrs.frozen
class Unit:
    """A line, or the lines one paragraph or list item wraps over, as the classifier sees it."""

    start: int
    """Where its first character is in the text."""
    end: int
    """Where its text ends (its last line without trailing white space)."""
    line_end: int
    """Where its last line ends, trailing white space included (not the line break)."""
    line: int
    """Its first line's number, from 1."""
    end_line: int
    """Its last line's number."""
    column: int
    """Its first character's column, from 1."""
    text: str
    """Its lines joined by single spaces, without white space at either end."""
    indent: int
    """Leading white space of its first line, in characters."""
    blank_before: bool
    """Whether a blank line (or the start of the text) comes before it."""
    next_to: bool
    """Whether it stands straight under the line before it, with no blank line and no page
    furniture between."""
    after_furniture: bool = False
    """Whether a line of page furniture stands between it and the line before it."""
    region: str = ""
    """The part of the document it stands in, as the table's ``regions`` marked it ("" when
    the table marks none)."""

    def in_region(self, region: str) -> Unit:
        """The unit marked as standing in ``region``: ``attrs.evolve`` of ``region`` alone,
        without its cost, as a kind marks every line of a text this way."""
        return Unit(
            self.start,
            self.end,
            self.line_end,
            self.line,
            self.end_line,
            self.column,
            self.text,
            self.indent,
            self.blank_before,
            self.next_to,
            self.after_furniture,
            region,
        )


Where = tuple[bool, bool, bool, bool, str]
"""What the shapes read of where a unit stands: indented, after a blank line, straight under
the line before, after page furniture, its region."""


@attrs.frozen
class _Compiled:
    """A shape ready to try: what the classifier reads, copied out of the shape once, as it
    reads them for every unit it is asked about."""

    name: str
    regex: re.Pattern[str]
    indented: bool | None
    after_blank: bool | None
    past_furniture: bool
    after_furniture: bool | None
    regions: frozenset[str] | None
    test: Callable[[str], bool] | None
    needs: tuple[str, ...] | None
    shape: LineShape
    neighbours: bool
    """Whether the shape depends on the units around it."""
    tried: Callable[[str], object] | None
    """The expression's method for ``mode``; ``None`` for an empty one tried at the start or
    anywhere, which every text passes (a shape only its ``test`` tells)."""
    bit: int
    """The shape's bit in the table's masks (its place in the table)."""
    matcher: int
    """Shapes with one expression, mode and set of words share this number, so a unit is
    tried once for all of them."""
    starts: Callable[[str], object] | None
    """Matches every character a text the expression matches can start with; ``None`` when
    any can (an expression tried anywhere, or whose start cannot be read)."""

    def stands(self, place: Where) -> bool:
        """Whether a unit standing at ``place`` may take this shape."""
        indented, blank_before, next_to, after_furniture, region = place
        if self.indented is not None and indented != self.indented:
            return False
        if self.after_blank is not None and not (
            blank_before
            if self.after_blank
            else (not blank_before if self.past_furniture else next_to)
        ):
            return False
        if self.after_furniture is not None and after_furniture != self.after_furniture:
            return False
        return self.regions is None or region in self.regions


class ShapeTable:
    """A kind's line shapes, compiled once: ``classify`` gives the terminals a unit fits."""

    def __init__(
        self,
        shapes: Sequence[LineShape],
        *,
        fallback: str,
        join: Callable[[list[Unit]], list[Unit]] | None = None,
        ends: Literal["line", "text"] = "line",
        regions: Callable[[list[Unit]], list[Unit]] | None = None,
    ) -> None:
        """``shapes`` in order of preference; ``fallback`` is the terminal of a unit no shape
        fits (a paragraph). ``join`` groups the text's lines into units (a paragraph wrapped
        over lines becomes one, see ``joined``); without it each line is its own unit.
        ``ends`` says where a unit's token ends: at the end of its last line, trailing white
        space included (``"line"``), or at its last character that is not white space
        (``"text"``). ``regions`` marks, once the units are made, the part of the document
        each stands in (``Unit.region``: a letter's head, its sign-off), for what only the whole
        text shows; shapes then name the regions they may stand in."""
        names = [shape.name for shape in shapes]
        if len(set(names)) != len(names):
            raise ValueError("two line shapes share a name: " + ", ".join(sorted(names)))
        by_name = {shape.name: shape for shape in shapes}
        for shape in shapes:
            # A neighbour is read by its own shape alone, and a shape ruled out by its own
            # and its neighbours': no question about a unit leads round to itself.
            for other in (*shape.before_any, shape.after):
                if other is not None and (other not in by_name or by_name[other].neighbours):
                    raise ValueError(
                        f"line shape {shape.name}: its neighbour {other} must be a shape of "
                        "the table that does not itself depend on other units or shapes"
                    )
            for other in shape.unless:
                if other not in by_name or by_name[other].unless:
                    raise ValueError(
                        f"line shape {shape.name}: {other}, which it rules out, must be a shape "
                        "of the table that rules out none itself"
                    )
        self.shapes = tuple(shapes)
        self.fallback = fallback
        self.join = join
        self.ends = ends
        self.regions = regions
        self._compiled: dict[str, _Compiled] | None = None
        self.split = frozenset(shape.name for shape in shapes if shape.parts)
        """The shapes whose units are several tokens."""
        self.aside = {shape.name: shape.aside for shape in shapes if shape.aside is not None}
        """The shapes whose units are set aside, with the reason for each."""
        self.joining = tuple(shape for shape in shapes if shape.joins)
        """The shapes whose units go on with the token before them."""
        self._onto: dict[str, tuple[LineShape, ...]] = {}
        self.follows = {shape.name: shape.follows for shape in shapes if shape.follows}
        """The tests of what came before, by shape."""
        self.names = (*names, fallback)
        """Every terminal the table can give, the fallback last."""
        self._allowed: dict[tuple[bool, bool, bool, bool, str, str], int] = {}
        self._words: list[tuple[tuple[str, ...], int]] | None = None

    def joining_onto(self, kind: str) -> tuple[LineShape, ...]:
        """The joining shapes whose units may go on with a token of type ``kind``."""
        found = self._onto.get(kind)
        if found is None:
            found = self._onto[kind] = tuple(
                shape for shape in self.joining if shape.onto is None or kind in shape.onto
            )
        return found

    def _compile(self) -> dict[str, _Compiled]:
        """The shapes ready to try, by name, in the table's order."""
        if self._compiled is None:
            matchers: dict[tuple[object, ...], int] = {}
            compiled = {}
            for index, shape in enumerate(self.shapes):
                key = (shape.pattern, shape.flags, shape.mode, shape.needs)
                matcher = matchers.setdefault(key, len(matchers))
                compiled[shape.name] = _compiled(shape, 1 << index, matcher)
            self._compiled = compiled
        return self._compiled

    @property
    def fallback_bit(self) -> int:
        """The fallback's bit in the table's masks (after every shape's)."""
        return 1 << len(self.shapes)

    def allowed(self, units: Sequence[Unit], texts: Sequence[str]) -> list[int]:
        """For each unit (``texts``: their texts as the shapes try them), the mask of the
        shapes it may fit by where it stands and the character it starts with."""
        known = self._allowed
        masks = []
        for unit, text in zip(units, texts, strict=True):
            # Where the unit stands (``Where``) and its first character.
            key = (
                unit.indent > 0,
                unit.blank_before,
                unit.next_to,
                unit.after_furniture,
                unit.region,
                text[:1],
            )
            mask = known.get(key)
            if mask is None:
                mask = known[key] = self.placed(key[:5]) & self.starting(key[5])
            masks.append(mask)
        return masks

    def placed(self, place: Where) -> int:
        """The mask of the shapes a unit may take where it stands (the fallback's bit set)."""
        mask = self.fallback_bit
        for shape in self._compile().values():
            if shape.stands(place):
                mask |= shape.bit
        return mask

    def starting(self, first: str) -> int:
        """The mask of the shapes a unit whose text (as the shapes try it) starts with
        ``first`` may fit (the fallback's bit set)."""
        mask = self.fallback_bit
        for shape in self._compile().values():
            if shape.starts is None or shape.starts(first[:1]) is not None:
                mask |= shape.bit
        return mask

    def present(self, lowered: str) -> int:
        """The mask of the shapes whose words the text ``lowered`` holds (the fallback's and
        those of shapes without words set): no unit of that text fits another."""
        if self._words is None:
            needing: dict[tuple[str, ...], int] = {}
            for shape in self._compile().values():
                needing[shape.needs or ()] = needing.get(shape.needs or (), 0) | shape.bit
            self._words = list(needing.items())
        mask = self.fallback_bit
        for words, bits in self._words:
            if holds_any(lowered, words):
                mask |= bits
        return mask

    def parts(self, name: str, unit: Unit) -> list[tuple[str, int, int]] | None:
        """For a shape with ``parts``: each part of ``unit`` as (terminal, start, end) in the
        unit's text; ``None`` for any other shape."""
        shape = self._compile().get(name)
        if shape is None or not shape.shape.parts:
            return None
        found = shape.regex.match(unit.text)
        if found is None:
            return None
        spans = [(group, *found.span(group)) for group in _terminal_groups(shape.regex)]
        return sorted((part for part in spans if part[1] >= 0), key=lambda part: part[1])

    def classifier(self, units: Sequence[Unit], lowered: str, limit: int) -> Classifier:
        """The classifier of one text's ``units`` (``lowered``: the text in lower case)."""
        return Classifier(self, units, lowered, limit)

    def classify_all(
        self, units: Sequence[Unit], lowered: str, limit: int
    ) -> list[tuple[str, ...]]:
        """The terminals each of ``units`` (a text's units in order; ``lowered``: the text in
        lower case) fits, in the table's order, the fallback last."""
        classifier = self.classifier(units, lowered, limit)
        return [classifier.candidates(index) for index in range(len(units))]

    def classify(self, unit: Unit, limit: int = 1_000_000) -> tuple[str, ...]:
        """The terminals ``unit`` fits, in the table's order, the fallback last (as the only
        unit of its text)."""
        return self.classify_all([unit], unit.text.lower(), limit)[0]


class Classifier:
    """Which shapes a text's units fit, each answer worked out when first asked: the lexer
    asks only about the shapes the parser can take at a unit, so most are never tried.
    Shapes whose words the text lacks, and those that cannot stand where a unit stands, are
    never tried on it (``possible``); an expression several shapes share is tried once."""

    def __init__(self, table: ShapeTable, units: Sequence[Unit], lowered: str, limit: int) -> None:
        self._compiled = table._compile()
        self.names = table.names
        self.fallback = table.fallback
        present = table.present(lowered)
        self._units = units
        # The shapes try a unit's text cut at the limit of a line's length.
        self._texts = [u.text if len(u.text) <= limit else u.text[:limit] for u in units]
        # Units alike share one mask: a mask is an integer object of its own, as large as a
        # short line.
        shared: dict[int, int] = {}
        self.possible = [
            shared.setdefault(mask, mask & present) for mask in table.allowed(units, self._texts)
        ]
        """For each unit, the mask of the shapes it may fit (``ShapeTable``'s bits): those
        that can stand where it stands, of words the text holds, that can start as it does."""
        self._lowered: list[str | None] = [None] * len(units)
        self._known: list[dict[str | int | tuple[str, ...], bool] | None] = [None] * len(units)
        """For each unit, what is known, once it is asked about: whether it fits a shape (by
        name), whether an expression matches it (by matcher) and whether it holds one of
        some words (by the words)."""

    def fits(self, index: int, name: str) -> bool:
        """Whether unit ``index`` fits the shape ``name`` (the fallback fits every unit)."""
        known = self._known[index]
        found = None if known is None else known.get(name)
        return self.decide(index, name) if found is None else found

    def forget(self, index: int) -> None:
        """Let go of what is kept about unit ``index``: a reader that has gone past it frees
        the memory, which on a text of many short lines is many times the text's own. Asked
        again, the answers are worked out again."""
        self._known[index] = None
        self._lowered[index] = None

    def decide(self, index: int, name: str) -> bool:
        """``fits``, worked out afresh (and kept for ``fits``): for a caller that asks about
        each unit and shape once, as the lexer does. One method, not several: it runs for
        most shapes tried on most units."""
        known = self._known[index]
        if known is None:
            known = self._known[index] = {}
        compiled = self._compiled.get(name)
        if compiled is None or not self.possible[index] & compiled.bit:
            found = name == self.fallback  # the fallback is no shape, and fits every unit
        elif compiled.neighbours and not self._among(index, compiled.shape):
            found = False
        else:
            matched = known.get(compiled.matcher)
            if matched is None:
                needs, tried = compiled.needs, compiled.tried
                held = True  # no words (None or empty) hold always
                if needs:
                    # The shapes of grade lines share their words, and a long paragraph costs
                    # a search for each: it is searched for them once.
                    words = known.get(needs)
                    if words is None:
                        lowered = self._lowered[index]
                        if lowered is None:
                            lowered = self._lowered[index] = self._units[index].text.lower()
                        words = known[needs] = holds_any(lowered, needs)
                    held = words
                matched = held and (tried is None or tried(self._texts[index]) is not None)
                known[compiled.matcher] = matched
            found = (
                matched
                and (compiled.test is None or compiled.test(self._texts[index]))
                and not any(self.fits(index, other) for other in compiled.shape.unless)
            )
        known[name] = found
        return found

    def _among(self, index: int, shape: LineShape) -> bool:
        """Whether unit ``index`` stands where ``shape`` wants it among the others."""
        count = len(self._units)
        if shape.last is not None and (index == count - 1) != shape.last:
            return False
        before = shape.before_any
        if before and (
            index + 1 == count or not any(self.fits(index + 1, other) for other in before)
        ):
            return False
        return shape.after is None or (index > 0 and self.fits(index - 1, shape.after))

    def candidates(self, index: int) -> tuple[str, ...]:
        """Every terminal unit ``index`` fits, in the table's order, the fallback last."""
        return tuple(name for name in self.names if self.fits(index, name))

    def first(self, index: int) -> str:
        """The first terminal unit ``index`` fits (the fallback if no other)."""
        return next(name for name in self.names if self.fits(index, name))


def _compiled(shape: LineShape, bit: int, matcher: int) -> _Compiled:
    regex = re.compile(shape.pattern, shape.flags)
    tried: Callable[[str], object] | None
    starts: Callable[[str], object] | None = None
    if shape.pattern == "" and shape.mode != "fullmatch":
        tried = None
    else:
        tried = {"match": regex.match, "fullmatch": regex.fullmatch, "search": regex.search}[
            shape.mode
        ]
    if tried is not None and shape.mode != "search":
        first = first_character(shape.pattern, shape.flags)
        starts = first.match if first is not None else None
    return _Compiled(
        shape.name,
        regex,
        shape.indented,
        shape.after_blank,
        shape.past_furniture,
        shape.after_furniture,
        _regions(shape.region),
        shape.test,
        shape.needs,
        shape,
        shape.before is not None or shape.after is not None or shape.last is not None,
        tried,
        bit,
        matcher,
        starts,
    )


def joined(block: Unit, line: Unit) -> Unit:
    """``block`` with ``line`` added to its end: one unit of both, its texts joined."""
    return attrs.evolve(
        block,
        end=line.end,
        line_end=line.line_end,
        end_line=line.end_line,
        text=join_lines(f"{block.text}\n{line.text}"),
    )


def units_of(
    text: str, skip: frozenset[int], join: Callable[[list[Unit]], list[Unit]] | None = None
) -> list[Unit]:
    """The units of ``text``: its non-blank lines that are not in ``skip`` (page furniture,
    by line number), each its own unit, or grouped by ``join``."""
    units: list[Unit] = []
    offset = 0
    blank = True
    furniture = False
    previous_number = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        body = line.strip()
        if not body:
            blank = True
            continue
        if number in skip:
            furniture = True
            continue
        indent = len(line) - len(line.lstrip())
        first = start + indent
        # By position (start, end, line_end, line, end_line, column, text, indent,
        # blank_before, next_to, after_furniture): one call for every line of every text.
        unit = Unit(
            first,
            first + len(body),
            start + len(line),
            number,
            number,
            indent + 1,
            body,
            indent,
            blank,
            not blank and number == previous_number + 1,
            furniture,
        )
        blank = furniture = False
        previous_number = number
        units.append(unit)
    return units if join is None else join(units)
