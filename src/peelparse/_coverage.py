"""Whether a plugin's records cover the text they came from: the host checks every parse, so
that a plugin that drops text or points past it is reported, never trusted in silence."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs

from peelparse._records import Diagnostic, Document, Unclassified
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._vocab import Severity

Piece = tuple[str, Span, object]
"""A piece of text a record holds, with its span and the record."""


class Survey(NamedTuple):
    """What one walk over a document's records finds, for the coverage check and the record
    budget alike."""

    pieces: list[Piece]
    """Every piece of text the records hold, as ``text_records`` gives them."""
    starts: list[int]
    """Where each record that a record's tuples hold starts, nested ones included (in no
    particular order): what the record budget counts."""


def text_records(document: Document) -> Iterator[Piece]:
    """Every piece of text a record holds, with its span and the record.

    A string field ``x`` is paired with a ``x_span`` field when the record has one, and
    a ``text`` field with ``span`` otherwise. The document's own ``span`` covers the whole
    text and is not a piece of text.
    """
    return iter(survey(document).pieces)


def survey(document: Document) -> Survey:
    """The pieces of text ``document``'s records hold and where its counted records start.

    The two are found in one walk: both checks run on every parse, over every record. The
    coverage check reads the fields of every record it reaches, lists included; the budget
    counts the records in tuples (``is_record``) and walks into every record it counts or
    a field holds. A record reached by both is read once.
    """
    pieces: list[Piece] = []
    starts: list[int] = []
    # Records only the budget walks into: where they are read does not matter.
    counted_only: list[object] = []
    # A stack, not recursion, and one loop, not a call per record: it runs on every parse.
    # Each entry is a record the coverage check reads, and whether the budget walks into it.
    stack: list[tuple[object, bool]] = []
    plans, leaves, counted_types = _PLANS, _LEAVES, _COUNTED
    value: object = document
    counts = True
    plan = _top_plan(type(document))
    while True:
        if plan is not None:
            texts, others, single = plan
            for pair in texts:
                text, span = pair(value)
                if isinstance(text, str):
                    if isinstance(span, Span):
                        pieces.append((text, span, value))
                elif counts and text is not None:  # most absent titles: nothing to count
                    _count_field(text, starts, counted_only)
            values = others(value)
            for field_value in (values,) if single else values:
                if type(field_value) in leaves:
                    continue
                if isinstance(field_value, tuple):
                    for item in reversed(field_value):
                        kind = type(item)
                        counted = counts and (
                            counted_types[kind] if kind in counted_types else is_record(item)
                        )
                        if counted:
                            span = getattr(item, "span", None)
                            # Most records have a span of their own.
                            if type(span) is Span:
                                starts.append(span.start)
                            else:
                                _note_start(item, starts)
                        stack.append((item, counted))
                else:
                    _read_field(field_value, counts, stack, counted_only)
        if not stack:
            break
        value, counts = stack.pop()
        kind = type(value)
        plan = plans[kind] if kind in plans else _plan(kind)
    while counted_only:
        _count(counted_only.pop(), starts, counted_only)
    return Survey(pieces, starts)


def _read_field(
    value: object, counts: bool, stack: list[tuple[object, bool]], counted_only: list[object]
) -> None:
    """Walk into a field that holds neither a tuple nor a plain value."""
    kind = type(value)
    if kind not in _BRANCHES:
        if not (issubclass(kind, tuple | list) or attrs.has(kind)) or issubclass(kind, Span):
            # Neither walk looks into a value of this type (an enum, a date): the next one
            # is passed over at once.
            _LEAVES.add(kind)
            return
        _BRANCHES.add(kind)
    if isinstance(value, list):
        stack.extend([(item, False) for item in reversed(value)])
        return
    counted = counts and is_record(value)
    if value is not None and not isinstance(value, _PLAIN):
        stack.append((value, counted))
    elif counted:
        counted_only.append(value)


_Plan = tuple[tuple[Callable[[Any], tuple[Any, Any]], ...], Callable[[Any], Any], bool]
"""How the walk reads a record class: what reads each text field with its span's field; what
reads its other fields (last first, as they go onto the stack); and whether that is one
field, read as itself rather than in a tuple."""
_PLANS: dict[type, _Plan | None] = {}
"""Each class's plan as a record inside a document; ``None`` for a type that is no record."""
_TOP_PLANS: dict[type, _Plan | None] = {}
"""Each class's plan as the document itself, whose own ``span`` is no piece of text."""
_COUNTED: dict[type, bool] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES: set[type] = {str, int, float, bool, type(None), Span}
"""Types whose values hold no record: neither walk looks into them."""
_BRANCHES: set[type] = set()
"""Types found to be records or lists: the walks look into them."""
_PLAIN = (str, int, float, Span)


def _count(record: object, starts: list[int], into: list[object]) -> None:
    """What the budget counts in one record the coverage check does not read."""
    for name in _field_names(type(record)):
        _count_field(getattr(record, name), starts, into)


def _count_field(value: object, starts: list[int], into: list[object]) -> None:
    """The start of each record a tuple holds; the records the budget walks into, onto
    ``into``."""
    if isinstance(value, tuple):
        for item in value:
            if is_record(item):
                _note_start(item, starts)
                into.append(item)
    elif is_record(value):
        into.append(value)


def _note_start(record: object, starts: list[int]) -> None:
    start = record_start(record)
    if start is not None:
        starts.append(start)


def record_start(record: Any) -> int | None:
    """Where a record starts: its span's start, or the first of the spans it holds."""
    span = getattr(record, "span", None)
    if isinstance(span, Span):
        return span.start
    starts = [
        value.start if isinstance(value, Span) else value.span.start
        for name in _field_names(type(record))
        if isinstance(value := getattr(record, name), Span)
        or isinstance(getattr(value, "span", None), Span)
    ]
    return min(starts, default=None)


def is_record(value: object) -> bool:
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


def _nothing(value: object) -> tuple[()]:
    return ()


def _plan(record: type) -> _Plan | None:
    """A record class's text fields (with the name of each one's span) and its other fields;
    ``None`` for a type that is no record."""
    plan = _PLANS[record] = _plan_of(record, top=False)
    return plan


def _top_plan(record: type) -> _Plan | None:
    if record not in _TOP_PLANS:
        _TOP_PLANS[record] = _plan_of(record, top=True)
    return _TOP_PLANS[record]


def _plan_of(record: type, *, top: bool) -> _Plan | None:
    if not attrs.has(record):
        return None
    names = _field_names(record)
    texts: list[Callable[[Any], tuple[Any, Any]]] = []
    others: list[str] = []
    for name in names:
        if f"{name}_span" in names:
            texts.append(operator.attrgetter(name, f"{name}_span"))
        elif name == "text" and not top and "span" in names:
            texts.append(operator.attrgetter(name, "span"))
        else:
            others.append(name)
    # One call reads all the other fields: most records have several.
    read = operator.attrgetter(*reversed(others)) if others else _nothing
    return tuple(texts), read, len(others) == 1


def _coverage(
    pieces: list[Piece], source: SourceText
) -> tuple[list[tuple[int, int]], list[tuple[Span, object]]]:
    """Where furniture and records are in the text, sorted, and the records whose span lies
    outside the text, with that span."""
    size = len(source.text)
    # Sorting a page's few hundred spans is cheaper than marking every character each one
    # covers: the text between them is in none.
    spans = [(f.span.start, f.span.end) for f in source.furniture_records]
    outside: list[tuple[Span, object]] = []
    for _, span, record in pieces:
        start, end = span.start, span.end
        if 0 <= start <= end <= size:
            spans.append((start, end))
        else:
            outside.append((span, record))
    spans.sort()
    return spans, outside


def _gaps(source: SourceText, spans: list[tuple[int, int]], reason: str) -> list[Unclassified]:
    """Each stretch of text between ``spans`` (sorted), less white space at its ends, as
    unclassified."""
    text = source.text
    kept: list[Unclassified] = []
    reached = 0
    # The end of the text closes the last stretch.
    for start, end in itertools.chain(spans, ((len(text), len(text)),)):
        if start > reached:
            raw = text[reached:start]
            if not raw.isspace():
                first = reached + len(raw) - len(raw.lstrip())
                last = reached + len(raw.rstrip())
                kept.append(source.unclassified(first, last, reason))
        if end > reached:
            reached = end
    return kept


def left_out(document: Document, source: SourceText, reason: str) -> list[Unclassified]:
    """The text of ``source`` no record of ``document`` (nor furniture) holds, as
    unclassified records with ``reason``."""
    return _gaps(source, _coverage(survey(document).pieces, source)[0], reason)


def uncovered(
    pieces: list[Piece], source: SourceText, plugin: str
) -> tuple[list[Diagnostic], list[Unclassified]]:
    """A PP308 diagnostic for each span past the end of the text and for text in no record
    (furniture aside), and that text as unclassified records, so that it is kept all the
    same. ``pieces`` are a document's, from ``survey``."""
    spans, outside = _coverage(pieces, source)
    diagnostics = [
        Diagnostic(
            "PP308",
            Severity.WARNING,
            f"plugin {plugin!r}: a {type(record).__name__} points at {span.start}-"
            f"{span.end}, outside the text of {len(source.text)} characters",
            None,
        )
        for span, record in outside
    ]
    kept = _gaps(source, spans, "in no record")
    if kept:
        diagnostics.append(
            Diagnostic(
                "PP308",
                Severity.WARNING,
                f"plugin {plugin!r} left {len(kept)} part(s) of the text out of its records; "
                "they are kept as unclassified text",
                kept[0].span,
            )
        )
    return diagnostics, kept
