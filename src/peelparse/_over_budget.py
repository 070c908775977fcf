"""Budgets the host applies to what a plugin's parse gives back: how many records a
document holds (its furniture lines included), and a note of lines that shapes examined only
in part."""

from __future__ import annotations

from typing import Any, TypeVar, cast

import attrs
from attrs import AttrsInstance

from peelparse._coverage import is_record, left_out, record_start
from peelparse._limits import current_limits, long_lines
from peelparse._records import Diagnostic, Document
from peelparse._source import SourceText
from peelparse._vocab import Severity

DocumentT = TypeVar("DocumentT", bound=Document)
RecordT = TypeVar("RecordT", bound=AttrsInstance)


def within_records(
    document: DocumentT, source: SourceText, most: int, starts: list[int]
) -> tuple[DocumentT, SourceText, list[Diagnostic]]:
    """``document`` and ``source`` holding at most ``most`` records between them (its
    furniture lines are records too): the first ones in reading order, and the text of the
    rest as unclassified, with a PP123 diagnostic. Both as they were when they hold no more.
    ``starts`` are where the document's records start, from ``survey``.
    """
    if len(starts) + len(source.furniture_records) <= most:
        return document, source, []
    cut = sorted((*starts, *(r.span.start for r in source.furniture_records)))[most]
    kept = _before(document, cut)
    source = attrs.evolve(
        source,
        furniture_records=tuple(r for r in source.furniture_records if r.span.start < cut),
    )
    rest = left_out(kept, source, "past the record budget")
    kept = attrs.evolve(kept, unclassified=(*kept.unclassified, *rest))
    return (
        kept,
        source,
        [
            Diagnostic(
                "PP123",
                Severity.WARNING,
                f"the document has more than {most} records (Limits.max_records); the text "
                "of the records after them is kept as unclassified text",
                rest[0].span if rest else source.span(cut, cut),
            )
        ],
    )


def _before(record: RecordT, cut: int) -> RecordT:
    """``record`` without the records its tuples hold that start at ``cut`` or later."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, tuple) and any(is_record(item) for item in value):
            kept = tuple(
                _before(item, cut) if is_record(item) else item
                for item in value
                if not is_record(item) or (record_start(item) or 0) < cut
            )
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=True)):
                changes[field.alias] = kept
        elif is_record(value):
            inner = _before(value, cut)
            if inner is not value:
                changes[field.alias] = inner
    if not changes:
        return record
    # Any record class: the attrs plugin of mypy checks evolve on known classes only.
    return cast(RecordT, attrs.evolve(cast(Any, record), **changes))


def long_line_note(source: SourceText) -> Diagnostic:
    """The PP124 note that shapes examined lines of ``source`` only in part."""
    most = current_limits().line_chars
    found = list(long_lines(source.text))
    start = found[0][0] if found else 0
    return Diagnostic(
        "PP124",
        Severity.INFO,
        f"{len(found)} line(s) are longer than {most} characters (Limits.line_chars); "
        "grades, quotes, dates and names were looked for only in the first "
        f"{most} characters of each",
        source.span(start + most, found[0][1]) if found else None,
    )
