"""Setting aside page furniture: the lines every plugin agrees are not the document."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from peelparse._kinds import Furniture
from peelparse._lazy import LazyPattern
from peelparse._records import Unclassified
from peelparse._source import SourceText

MAX_FURNITURE_LINE = 300
"""Longer lines are never furniture (menus and banners are short), so they are not tested."""


class FurnitureMatcher:
    """All plugins' furniture patterns as one expression.

    Patterns that need a word are left out of a second, lean expression, which is tried on
    the lines holding none of those words. Both keep the patterns in their order, so a line
    gets the reason of the first pattern it matches either way.
    """

    def __init__(self, items: Sequence[Furniture]) -> None:
        self._reasons = [item.reason for item in items]
        # Made once: every record of one reason holds the same string, not a copy each.
        self._labels = [furniture_reason(reason) for reason in self._reasons]
        self._needed = tuple(sorted({word for item in items for word in item.needs}))
        self._full = _combined(items, range(len(items)))
        lean = [i for i, item in enumerate(items) if not item.needs]
        self._lean = _combined(items, lean) if self._needed else self._full

    def mark(self, source: SourceText) -> tuple[dict[int, str], list[Unclassified]]:
        """Furniture lines of ``source`` (1-based line number to reason) and their records."""
        marks: dict[int, str] = {}
        records: list[Unclassified] = []
        if self._full is None:
            return marks, records
        needed = self._needed
        lean = self._lean.fullmatch if self._lean is not None else None
        for number, line in enumerate(source.text.split("\n"), start=1):
            stripped = line.strip()
            if stripped and len(stripped) <= MAX_FURNITURE_LINE:
                fullmatch = lean
                if needed:
                    lower = stripped.lower()
                    for word in needed:  # a plain loop: any() over a generator costs more
                        if word in lower:
                            fullmatch = self._full.fullmatch
                            break
                match = fullmatch(stripped) if fullmatch is not None else None
                if match is not None and match.lastgroup is not None:
                    item = int(match.lastgroup[1:])
                    marks[number] = self._reasons[item]
                    # Where the line starts is asked of the text only for the few lines
                    # that are furniture, not counted along every line.
                    start = source.line_start(number) + line.index(stripped[0])
                    records.append(
                        Unclassified(
                            stripped, self._labels[item], source.span(start, start + len(stripped))
                        )
                    )
        return marks, records


@functools.lru_cache(maxsize=256)
def furniture_reason(reason: str) -> str:
    """The ``Unclassified.reason`` of a furniture line set aside for ``reason``."""
    return f"furniture: {reason}"


def _combined(items: Sequence[Furniture], chosen: Sequence[int]) -> LazyPattern | None:
    """The chosen patterns as one case-insensitive expression, compiled when first used (the
    full one may never be); group ``f<i>`` is item i."""
    if not chosen:
        return None
    alternatives = "|".join(f"(?P<f{i}>{items[i].pattern})" for i in chosen)
    return LazyPattern(alternatives, re.IGNORECASE)


def add_lines(
    source: SourceText,
    marks: dict[int, str],
    records: list[Unclassified],
    lines: dict[int, str],
) -> tuple[dict[int, str], list[Unclassified]]:
    """``marks`` and ``records`` with the furniture ``lines`` a reader named (1-based line
    number to reason) added, in text order; a line a pattern marked keeps its reason."""
    added = dict(marks)
    found = list(records)
    offset = 0
    for number, line in enumerate(source.text.split("\n"), start=1):
        reason = lines.get(number)
        stripped = line.strip() if reason is not None and number not in added else ""
        if stripped and reason is not None:
            at = offset + line.index(stripped[0])
            added[number] = reason
            found.append(
                Unclassified(
                    stripped, furniture_reason(reason), source.span(at, at + len(stripped))
                )
            )
        offset += len(line) + 1
    found.sort(key=lambda record: record.span.start)
    return added, found
