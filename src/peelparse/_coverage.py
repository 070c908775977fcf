"""Whether a plugin's records cover the text they came from: the host checks every parse, so
that a plugin that drops text or points past it is reported, never trusted in silence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from peelparse._records import Diagnostic, Document, Unclassified
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._text import join_lines
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


def uncovered(
    document: Document, source: SourceText, plugin: str
) -> tuple[list[Diagnostic], list[Unclassified]]:
    """A PP308 diagnostic for each span past the end of the text and for text in no record
    (furniture aside), and that text as unclassified records, so that it is kept all the
    same."""
    text = source.text
    # Where records are, sorted: the text between them is in none. Sorting a page's few
    # hundred spans is cheaper than marking every character each one covers.
    spans = [(f.span.start, f.span.end) for f in source.furniture_records]
    diagnostics: list[Diagnostic] = []
    for _, span, record in text_records(document):
        if not 0 <= span.start <= span.end <= len(text):
            diagnostics.append(
                Diagnostic(
                    "PP308",
                    Severity.WARNING,
                    f"plugin {plugin!r}: a {type(record).__name__} points at {span.start}-"
                    f"{span.end}, outside the text of {len(text)} characters",
                    None,
                )
            )
            continue
        spans.append((span.start, span.end))
    spans.sort()
    kept: list[Unclassified] = []
    reached = 0
    for start, end in [*spans, (len(text), len(text))]:
        if start > reached:
            kept += _unclassified(source, reached, start)
        reached = max(reached, end)
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


def _unclassified(source: SourceText, start: int, end: int) -> list[Unclassified]:
    """The text from ``start`` to ``end``, in no record, as an unclassified record without
    its white space around it (none when it is only white space)."""
    raw = source.text[start:end]
    if raw.isspace():
        return []
    lead = len(raw) - len(raw.lstrip())
    span = source.span(start + lead, start + len(raw.rstrip()))
    return [Unclassified(join_lines(raw.strip()), "in no record", span)]
