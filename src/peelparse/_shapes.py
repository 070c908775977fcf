"""Line shapes: a kind's table of what its lines look like, compiled once into a classifier.

A plugin describes each shape its lines take as data: the grammar's terminal, a regular
expression, and where it may stand (indented or at the margin, after a blank line or
straight under the line before). The core compiles a kind's table once; for each unit of
text (a line, or the lines a paragraph wraps over) the classifier gives every terminal whose
shape fits, most specific first. Which of them the unit is, the grammar decides: the lexer
hands the parser the first one the parser can take at that point (see ``_line_lexer``).

Each expression is tried only on units that hold a word it cannot match without; the core
reads those words from the expression (``_needs``), so no plugin writes a guard by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from peelparse._needs import holds_any, needed_words
from peelparse._text import join_lines

Mode = Literal["match", "fullmatch", "search"]


@attrs.frozen
class LineShape:
    """One shape a unit of text can take, as the terminal ``name`` of a grammar."""

    name: str
    """The terminal the grammar knows it by (declared with ``%declare``)."""
    pattern: str = r"[\s\S]*"
    """A regular expression tried on the unit's text (see ``mode``)."""
    flags: int = 0
    """Its flags (``re.IGNORECASE`` ...)."""
    mode: Mode = "match"
    """How the expression is tried: at the start (``match``), on the whole text
    (``fullmatch``) or anywhere (``search``)."""
    indented: bool | None = None
    """``True``: only an indented unit; ``False``: only one at the margin; ``None``: either."""
    after_blank: bool | None = None
    """``True``: only a unit after a blank line (or at the start); ``False``: only one straight
    under the line before (no blank line and no page furniture between); ``None``: either."""
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

    def __attrs_post_init__(self) -> None:
        if not _TERMINAL.fullmatch(self.name):
            raise ValueError(f"a line shape's name is a terminal in capitals, not {self.name!r}")
        if self.parts and not _terminal_groups(re.compile(self.pattern, self.flags)):
            raise ValueError(f"line shape {self.name}: parts need groups named as terminals")
        if self.needs is None:
            object.__setattr__(self, "needs", needed_words(self.pattern, self.flags))


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


@attrs.frozen
class _Compiled:
    name: str
    regex: re.Pattern[str]
    mode: Mode
    indented: bool | None
    after_blank: bool | None
    after_furniture: bool | None
    regions: frozenset[str] | None
    test: Callable[[str], bool] | None
    needs: tuple[str, ...] | None
    parts: bool

    def fits(self, unit: Unit, lowered: str, limit: int) -> bool:
        if self.indented is not None and (unit.indent > 0) != self.indented:
            return False
        if self.after_blank is not None and not (
            unit.blank_before if self.after_blank else unit.next_to
        ):
            return False
        if self.after_furniture is not None and unit.after_furniture != self.after_furniture:
            return False
        if self.regions is not None and unit.region not in self.regions:
            return False
        if not holds_any(lowered, self.needs):
            return False
        text = unit.text if len(unit.text) <= limit else unit.text[:limit]
        if self.mode == "match":
            found = self.regex.match(text)
        elif self.mode == "fullmatch":
            found = self.regex.fullmatch(text)
        else:
            found = self.regex.search(text)
        return found is not None and (self.test is None or self.test(text))


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
        self.shapes = tuple(shapes)
        self.fallback = fallback
        self.join = join
        self.ends = ends
        self.regions = regions
        self._compiled: tuple[_Compiled, ...] | None = None
        self.split = frozenset(shape.name for shape in shapes if shape.parts)
        """The shapes whose units are several tokens."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every terminal the table can give, the fallback last."""
        return (*(shape.name for shape in self.shapes), self.fallback)

    def _compile(self) -> tuple[_Compiled, ...]:
        if self._compiled is None:
            self._compiled = tuple(
                _Compiled(
                    shape.name,
                    re.compile(shape.pattern, shape.flags),
                    shape.mode,
                    shape.indented,
                    shape.after_blank,
                    shape.after_furniture,
                    _regions(shape.region),
                    shape.test,
                    shape.needs,
                    shape.parts,
                )
                for shape in self.shapes
            )
        return self._compiled

    def parts(self, name: str, unit: Unit) -> list[tuple[str, int, int]] | None:
        """For a shape with ``parts``: each part of ``unit`` as (terminal, start, end) in the
        unit's text; ``None`` for any other shape."""
        shape = next((c for c in self._compile() if c.name == name), None)
        if shape is None or not shape.parts:
            return None
        found = shape.regex.match(unit.text)
        if found is None:
            return None
        spans = [(group, *found.span(group)) for group in _terminal_groups(shape.regex)]
        return sorted((part for part in spans if part[1] >= 0), key=lambda part: part[1])

    def for_text(self, lowered: str) -> Callable[[Unit, int], tuple[str, ...]]:
        """The classifier for one document (``lowered``: its text in lower case): shapes
        whose words the document lacks are never tried on its units."""
        present = tuple(shape for shape in self._compile() if holds_any(lowered, shape.needs))
        fallback = (self.fallback,)

        def classify(unit: Unit, limit: int) -> tuple[str, ...]:
            lowered_unit = unit.text.lower()
            found = tuple(shape.name for shape in present if shape.fits(unit, lowered_unit, limit))
            return found + fallback if self.fallback not in found else found

        return classify

    def classify(self, unit: Unit, limit: int = 1_000_000) -> tuple[str, ...]:
        """The terminals ``unit`` fits, in the table's order, the fallback last."""
        return self.for_text(unit.text.lower())(unit, limit)


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
        unit = Unit(
            start=first,
            end=first + len(body),
            line_end=start + len(line),
            line=number,
            end_line=number,
            column=indent + 1,
            text=body,
            indent=indent,
            blank_before=blank,
            next_to=not blank and number == previous_number + 1,
            after_furniture=furniture,
        )
        blank = furniture = False
        previous_number = number
        units.append(unit)
    return units if join is None else join(units)
