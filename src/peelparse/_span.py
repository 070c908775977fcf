"""Where a record came from in the source text."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Span:
    """A stretch of the decoded, newline-normalised source text."""

    start: int
    """Offset of the first character (0-based, in characters)."""
    end: int
    """Offset just past the last character."""
    line: int
    """Line of the first character (1-based)."""
    end_line: int
    """Line of the last character (1-based)."""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end or not 1 <= self.line <= self.end_line:
            raise ValueError(f"not a span: {self!r}")

    @classmethod
    def cover(cls, spans: Iterable[Span]) -> Span:
        """The smallest span holding all of ``spans`` (which must not be empty)."""
        items = list(spans)
        first = min(items, key=lambda s: s.start)
        last = max(items, key=lambda s: s.end)
        return cls(first.start, last.end, first.line, last.end_line)

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]
