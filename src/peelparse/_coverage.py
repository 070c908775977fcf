"""Whether a plugin's records cover the text they came from: the host checks every parse, so
that a plugin that drops text or points past it is reported, never trusted in silence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from peelparse._records import Diagnostic, Document, Unclassified
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._vocab import Severity


def text_records(document: Document) -> Iterator[tuple[str, Span, object]]:
    """Every piece of text a record holds, with its span and the record.

    A string field ``x`` is paired with a ``x_span`` field when the record has one, and
    a ``text`` field with ``span`` otherwise. The document's own ``span`` covers the whole
    text and is not a piece of text.
    """
    # A stack, not recursion: the check runs on every parse, over every record.
    stack: list[Any] = [(document, True)]
    plans = _PLANS
    while stack:
        value, top = stack.pop()
        key = (type(value), top)
        plan = plans[key] if key in plans else _plan(*key)
        if plan is None:
            continue
        texts, others = plan
        for name, span_name in texts:
            text, span = getattr(value, name), getattr(value, span_name)
            if isinstance(text, str) and isinstance(span, Span):
                yield text, span, value
        for name in reversed(others):
            field_value = getattr(value, name)
            if isinstance(field_value, _SEQUENCES):
                stack.extend([(item, False) for item in reversed(field_value)])
            elif field_value is not None and not isinstance(field_value, _PLAIN):
                stack.append((field_value, False))


_SEQUENCES = (tuple, list)
_PLAIN = (str, int, float, Span)
_Plan = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]
_PLANS: dict[tuple[type, bool], _Plan | None] = {}


def _plan(record: type, top: bool) -> _Plan | None:
    """A record class's text fields (with the name of each one's span) and its other fields;
    ``None`` for a type that is no record."""
    if (record, top) in _PLANS:
        return _PLANS[record, top]
    if not attrs.has(record):
        _PLANS[record, top] = None
        return None
    names = [f.name for f in attrs.fields(record)]
    texts: list[tuple[str, str]] = []
    others: list[str] = []
    for name in names:
        if f"{name}_span" in names:
            texts.append((name, f"{name}_span"))
        elif name == "text" and not top and "span" in names:
            texts.append((name, "span"))
        else:
            others.append(name)
    plan = _PLANS[record, top] = tuple(texts), tuple(others)
    return plan


def _coverage(
    document: Document, source: SourceText
) -> tuple[list[tuple[int, int]], list[tuple[Span, object]]]:
    """Where furniture and records are in the text, sorted, and the records whose span lies
    outside the text, with that span."""
    text = source.text
    # Sorting a page's few hundred spans is cheaper than marking every character each one
    # covers: the text between them is in none.
    spans = [(f.span.start, f.span.end) for f in source.furniture_records]
    outside: list[tuple[Span, object]] = []
    for _, span, record in text_records(document):
        if not 0 <= span.start <= span.end <= len(text):
            outside.append((span, record))
            continue
        spans.append((span.start, span.end))
    spans.sort()
    return spans, outside


def _gaps(source: SourceText, spans: list[tuple[int, int]], reason: str) -> list[Unclassified]:
    """Each stretch of text between ``spans`` (sorted), less white space at its ends, as
    unclassified."""
    text = source.text
    kept: list[Unclassified] = []
    reached = 0
    for start, end in [*spans, (len(text), len(text))]:
        if start > reached:
            raw = text[reached:start]
            if not raw.isspace():
                first = reached + len(raw) - len(raw.lstrip())
                last = reached + len(raw.rstrip())
                kept.append(source.unclassified(first, last, reason))
        reached = max(reached, end)
    return kept


def left_out(document: Document, source: SourceText, reason: str) -> list[Unclassified]:
    """The text of ``source`` no record of ``document`` (nor furniture) holds, as
    unclassified records with ``reason``."""
    return _gaps(source, _coverage(document, source)[0], reason)


def uncovered(
    document: Document, source: SourceText, plugin: str
) -> tuple[list[Diagnostic], list[Unclassified]]:
    """A PP308 diagnostic for each span past the end of the text and for text in no record
    (furniture aside), and that text as unclassified records, so that it is kept all the
    same."""
    spans, outside = _coverage(document, source)
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
