"""The parts of a document that speak for one force each, and which force a judgement is of.

A page of several forces' press releases is about no one force (its ``force`` is ``None``),
but each release on it is. Such parts are found by what records are, not by which plugin made
them: a record inside a document with a ``force`` (a ``Force`` or ``None``) and a
``judgements`` tuple is one force's part, and its judgements are that force's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from peelparse._forces import force_named
from peelparse._records import Document, Force, Judgement
from peelparse._span import Span


@attrs.frozen(kw_only=True)
class ReleaseItem:
    """One force's part of a document of several forces, with its ID."""

    id: str
    """``<document ID>#release-N``."""
    document_id: str
    """The document it is in."""
    ordinal: int
    """N: its place among the document's parts, from 1."""
    force: Force | None
    """The force it is about, when it names one."""
    headline: str | None
    """Its headline as written, if it has one."""
    report_title: str | None
    """The title of the report it is about, when it gives one."""
    judgements: tuple[Judgement, ...]
    """The graded judgments it states."""
    span: Span
    """Where it is."""


def releases_of(document: Document, document_id: str) -> tuple[ReleaseItem, ...]:
    """The parts of ``document`` that speak for one force each, in document order."""
    parts = sorted(_parts(document), key=lambda part: part.span.start)
    return tuple(
        ReleaseItem(
            id=f"{document_id}#release-{n}",
            document_id=document_id,
            ordinal=n,
            force=part.force,
            headline=_text(part, "headline"),
            report_title=_text(part, "report_title"),
            judgements=tuple(part.judgements),
            span=part.span,
        )
        for n, part in enumerate(parts, start=1)
    )


def judgement_forces(document: Document) -> dict[Span, Force | None]:
    """The force each judgement of ``document`` is of, by the judgement's span: the force of
    the part that states it; else, for a document about no one force, the force a judgement
    names as its whole subject ("graded 1 force (Durham Constabulary) as outstanding"); else
    the document's force."""
    forces: dict[Span, Force | None] = {}
    for part in _parts(document):
        for judgement in part.judgements:
            forces[judgement.span] = part.force
    for judgement in document.judgements:
        if judgement.span in forces:
            continue
        named = force_named(judgement.subject) if document.force is None else None
        forces[judgement.span] = named or document.force
    return forces


def _parts(document: Document) -> Iterator[Any]:
    for field in attrs.fields(type(document)):
        value = getattr(document, field.name)
        if not isinstance(value, tuple):
            continue
        for record in value:
            if _is_part(record):
                yield record


def _is_part(record: object) -> bool:
    if not attrs.has(type(record)):
        return False
    shaped: Any = record
    return (
        isinstance(getattr(shaped, "judgements", None), tuple)
        and hasattr(shaped, "force")
        and (shaped.force is None or isinstance(shaped.force, Force))
        and isinstance(getattr(shaped, "span", None), Span)
    )


def _text(record: object, name: str) -> str | None:
    value = getattr(record, name, None)
    return value if isinstance(value, str) else None


RELEASE_COLUMNS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("id", "TEXT", None, True),
    ("document_id", "TEXT", "documents", True),
    ("ordinal", "INTEGER", None, True),
    ("force", "TEXT", None, False),
    ("force_name", "TEXT", None, False),
    ("headline", "TEXT", None, False),
    ("report_title", "TEXT", None, False),
    ("judgements", "INTEGER", None, True),
    ("span_start", "INTEGER", None, False),
    ("span_end", "INTEGER", None, False),
    ("line", "INTEGER", None, False),
    ("end_line", "INTEGER", None, False),
)
"""The exported releases table's columns: name, SQLite type, the table an ID refers to, and
whether every row has a value."""


def release_values(item: ReleaseItem) -> tuple[Any, ...]:
    """An item's values in ``RELEASE_COLUMNS`` order."""
    return (
        item.id,
        item.document_id,
        item.ordinal,
        item.force.slug if item.force else None,
        item.force.name if item.force else None,
        item.headline,
        item.report_title,
        len(item.judgements),
        item.span.start,
        item.span.end,
        item.span.line,
        item.span.end_line,
    )
