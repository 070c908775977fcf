"""Setting aside page furniture: the lines every plugin agrees are not the document."""

from __future__ import annotations

import re
from collections.abc import Sequence

from peelparse._kinds import Furniture
from peelparse._records import Unclassified
from peelparse._source import SourceText

MAX_FURNITURE_LINE = 300
"""Longer lines are never furniture (menus and banners are short), so they are not tested."""


class FurnitureMatcher:
    """All plugins' furniture patterns, compiled into one expression."""

    def __init__(self, items: Sequence[Furniture]) -> None:
        self._reasons = [item.reason for item in items]
        if items:
            alternatives = "|".join(f"(?P<f{i}>{item.pattern})" for i, item in enumerate(items))
            self._pattern: re.Pattern[str] | None = re.compile(alternatives, re.IGNORECASE)
        else:
            self._pattern = None

    def mark(self, source: SourceText) -> tuple[dict[int, str], list[Unclassified]]:
        """Furniture lines of ``source`` (1-based line number to reason) and their records."""
        marks: dict[int, str] = {}
        records: list[Unclassified] = []
        if self._pattern is None:
            return marks, records
        fullmatch = self._pattern.fullmatch
        offset = 0
        for number, line in enumerate(source.text.split("\n"), start=1):
            stripped = line.strip()
            if stripped and len(stripped) <= MAX_FURNITURE_LINE:
                match = fullmatch(stripped)
                if match is not None and match.lastgroup is not None:
                    reason = self._reasons[int(match.lastgroup[1:])]
                    marks[number] = reason
                    start = offset + line.index(stripped[0])
                    records.append(
                        Unclassified(
                            stripped,
                            f"furniture: {reason}",
                            source.span(start, start + len(stripped)),
                        )
                    )
            offset += len(line) + 1
        return marks, records
