"""What the line lexer has handed the parser so far, for the shapes that ask about it.

An LALR grammar knows the token straight before a unit by the state it stands in; what it
cannot say is how that token reads (a paragraph that ends in a colon and names the report's
good points), or what stood further back (the number of the last finding, whether a letter
has had its salutation). A shape with a ``follows`` test is given this record of the tokens
handed over, each with the units it covers; it is kept by the lexer for one parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from peelparse._shapes import Unit


class Handed:
    """One token the lexer has handed over: its terminal and the units it covers."""

    __slots__ = ("_units", "first", "kind", "last", "order")

    def __init__(self, units: Sequence[Unit], kind: str, index: int, order: int) -> None:
        self._units = units
        self.kind = kind
        """Its terminal."""
        self.first = index
        """Its first unit's place among the text's units."""
        self.last = index
        """Its last unit's place (a token that units join runs on past its first)."""
        self.order = order
        """How many tokens were handed over before it."""

    @property
    def text(self) -> str:
        """The texts of its units, joined by single spaces."""
        return " ".join(unit.text for unit in self._units[self.first : self.last + 1])

    @property
    def region(self) -> str:
        """The region of the document its first unit stands in (``Unit.region``)."""
        return self._units[self.first].region

    @property
    def tail(self) -> str:
        """The text of its last unit: how it ends, read without joining a long block's."""
        return self._units[self.last].text

    def __repr__(self) -> str:
        return f"Handed({self.kind!r}, {self.first}, {self.last})"


class Before:
    """The tokens handed to the parser so far in one parse: the last one, and the last of
    each terminal (all that ``follows`` tests ask about, so a long text costs no more)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self._units = units
        self._count = 0
        self._latest: dict[str, Handed] = {}
        self.previous: Handed | None = None
        """The token handed over last (``None`` before the first)."""

    def last(self, *kinds: str) -> Handed | None:
        """The latest token of any of ``kinds`` (``None`` if none has been handed over)."""
        found: Handed | None = None
        for kind in kinds:
            handed = self._latest.get(kind)
            if handed is not None and (found is None or handed.order > found.order):
                found = handed
        return found

    def hand(self, kind: str, index: int) -> None:
        """Note a token of ``kind`` made of unit ``index``."""
        self.previous = self._latest[kind] = Handed(self._units, kind, index, self._count)
        self._count += 1

    def run_on(self, index: int) -> None:
        """Note that unit ``index`` joined the token handed over last."""
        if self.previous is not None:
            self.previous.last = index
