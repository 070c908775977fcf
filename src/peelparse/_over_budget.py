"""Budgets the host applies to what a plugin's parse gives back: how many records a
document holds (its furniture lines included), and a note of lines that shapes examined only
in part."""

from __future__ import annotations

from typing import Any, TypeVar, cast

import attrs
from attrs import AttrsInstance

from peelparse._coverage import left_out
from peelparse._limits import current_limits, long_lines
from peelparse._records import Diagnostic, Document
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._vocab import Severity

DocumentT = TypeVar("DocumentT", bound=Document)
RecordT = TypeVar("RecordT", bound=AttrsInstance)


def within_records(
    document: DocumentT, source: SourceText, most: int
) -> tuple[DocumentT, SourceText, list[Diagnostic]]:
    """``document`` and ``source`` holding at most ``most`` records between them (its
    furniture lines are records too): the first ones in reading order, and the text of the
    rest as unclassified, with a PP123 diagnostic. Both as they were when they hold no more.
    """
    starts = sorted((*_record_starts(document), *(r.span.start for r in source.furniture_records)))
    if len(starts) <= most:
        return document, source, []
    cut = starts[most]
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


def _start(record: Any) -> int | None:
    """Where a record starts: its span's start, or the first of the spans it holds."""
    span = getattr(record, "span", None)
    if isinstance(span, Span):
        return span.start
    starts = [
        value.start if isinstance(value, Span) else value.span.start
        for field in attrs.fields(type(record))
        if isinstance(value := getattr(record, field.name), Span)
        or isinstance(getattr(value, "span", None), Span)
    ]
    return min(starts, default=None)


_COUNTED: dict[type, bool] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _is_record(value: object) -> bool:
    """Whether ``value`` is a record the budget counts: diagnostics say what went wrong and
    are all kept."""
    kind = type(value)
    counted = _COUNTED.get(kind)
    if counted is None:
        counted = _COUNTED[kind] = attrs.has(kind) and not issubclass(kind, Span | Diagnostic)
    return counted


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(field.name for field in attrs.fields(kind))
    return names


def _record_starts(document: Document) -> list[int]:
    """Where each record that a document's tuples hold starts, nested ones included."""
    # A stack, not recursion, and a list, not a generator: it runs on every parse.
    starts: list[int] = []
    stack: list[Any] = [document]
    while stack:
        record = stack.pop()
        for name in _field_names(type(record)):
            value = getattr(record, name)
            if isinstance(value, tuple):
                for item in value:
                    if _is_record(item):
                        start = _start(item)
                        if start is not None:
                            starts.append(start)
                        stack.append(item)
            elif _is_record(value):
                stack.append(value)
    return starts


def _before(record: RecordT, cut: int) -> RecordT:
    """``record`` without the records its tuples hold that start at ``cut`` or later."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, tuple) and any(_is_record(item) for item in value):
            kept = tuple(
                _before(item, cut) if _is_record(item) else item
                for item in value
                if not _is_record(item) or (_start(item) or 0) < cut
            )
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=True)):
                changes[field.alias] = kept
        elif _is_record(value):
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
