"""The grades table: one row per document, force and subject, whatever the wording.

A report states one judgement several times (a grade line under the headline question, "The
extent to which the force is legitimate ... is good", "is judged to be good at how
legitimately ..."); a page of several forces' press releases states each force's. Here every
statement of a document is given its force (``peelparse._releases``) and a subject: the
pillar for a headline judgement, else the question or (from 2021) the area as written.
Statements of one document with the same force, subject and grade are one row that keeps
every statement's span and words.

A row is superseded by a later document of the same kind, force, cycle and subject: the final
assessment of a cycle over its interim one (the interim leaves a judgement "not graded" that
the other grades), or a document dated later (updated or published) over an earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from peelparse._ids import JudgementItem
from peelparse._links import words
from peelparse._records import Document, Force
from peelparse._releases import judgement_forces
from peelparse._span import Span
from peelparse._vocab import Grade, Pillar

AREAS_FROM = 2021
"""The first cycle graded on areas (2021/22) rather than pillars and questions."""

LEVELS = ("pillar", "question", "area")
"""What a row grades: a pillar as a whole, one of its questions, or a 2021+ area."""


@attrs.frozen(kw_only=True)
class GradeRow:
    """One graded judgment of one document about one force, however often it is stated."""

    id: str
    """``<document ID>#grade-N``, numbered in the order the document first states them."""
    document_id: str
    """The document that states it."""
    kind: str
    """The document's kind ("inspection_report", "press_release", "pcc_response", ...)."""
    force: Force | None
    """The force graded; ``None`` when the document does not say which."""
    year: int | None
    """First year of the document's PEEL cycle."""
    period: str | None
    """The cycle as the document writes it."""
    pillar: Pillar | None
    """The pillar graded or the pillar of the question, when the text makes it clear."""
    level: str
    """"pillar" (a headline judgement), "question" or "area" (2021 on)."""
    subject: str
    """The pillar's name for a headline judgement, else the question or area as first
    written."""
    grade: Grade
    """The grade."""
    judgement_ids: tuple[str, ...]
    """The IDs of the statements (``…#judgement-N``), in document order."""
    spans: tuple[Span, ...]
    """Where each statement is."""
    evidence: tuple[str, ...]
    """The words of each statement: a grade line or the sentence."""
    superseded_by: str | None = None
    """The ID of a later document of the same kind, force and cycle that grades the same
    subject (final over interim, updated over original); ``None`` when none does."""

    @property
    def span(self) -> Span:
        """Where the first statement is."""
        return self.spans[0]

    @property
    def sentence(self) -> str:
        """The statement that says most: the longest (a sentence rather than a grade line)."""
        return max(self.evidence, key=len)


@attrs.frozen
class _Statement:
    item: JudgementItem
    force: Force | None
    level: str
    key: tuple[Any, ...]


def document_grades(
    document: Document, document_id: str, judgements: Sequence[JudgementItem]
) -> list[GradeRow]:
    """The grade rows of one document, in the order it first states each (not yet marked
    as superseded)."""
    forces = judgement_forces(document)
    groups: dict[tuple[Any, ...], list[_Statement]] = {}
    for item in sorted(judgements, key=lambda i: i.judgement.span.start):
        statement = _statement(document, item, forces.get(item.judgement.span, document.force))
        groups.setdefault(statement.key, []).append(statement)
    rows = []
    for n, statements in enumerate(groups.values(), start=1):
        first = statements[0]
        j = first.item.judgement
        rows.append(
            GradeRow(
                id=f"{document_id}#grade-{n}",
                document_id=document_id,
                kind=document.kind,
                force=first.force,
                year=document.year,
                period=document.period,
                pillar=j.pillar,
                level=first.level,
                subject=str(j.pillar) if first.level == "pillar" and j.pillar else j.subject,
                grade=j.grade,
                judgement_ids=tuple(s.item.id for s in statements),
                spans=tuple(s.item.judgement.span for s in statements),
                evidence=tuple(s.item.judgement.text for s in statements),
            )
        )
    return rows


def _statement(document: Document, item: JudgementItem, force: Force | None) -> _Statement:
    j = item.judgement
    if j.headline and j.pillar is not None:
        level = "pillar"
        subject: Any = j.pillar
    else:
        areas = document.year is not None and document.year >= AREAS_FROM
        level = "area" if areas else "question"
        subject = subject_key(j.subject)
    slug = force.slug if force is not None else None
    return _Statement(item, force, level, (slug, level, j.pillar, subject, j.grade))


def subject_key(subject: str) -> str:
    """What two wordings of one question or area share: their content words, sorted."""
    return " ".join(sorted(words(subject)))


def supersede(rows: Iterable[GradeRow], dates: dict[str, str | None]) -> Iterator[GradeRow]:
    """``rows`` with ``superseded_by`` set; ``dates`` gives each document's date (ISO), if
    any."""
    listed = list(rows)
    by_topic: dict[tuple[Any, ...], list[GradeRow]] = defaultdict(list)
    for row in listed:
        topic = _topic(row)
        if topic is not None:
            by_topic[topic].append(row)
    interim = _interim_of(by_topic)
    for row in listed:
        topic = _topic(row)
        others = {o.document_id for o in by_topic[topic]} if topic is not None else set()
        newer = sorted(
            (
                doc
                for doc in others - {row.document_id}
                if _later(doc, row.document_id, dates, interim)
                and not _later(row.document_id, doc, dates, interim)
            ),
            key=lambda doc: (dates.get(doc) or "", doc),
        )
        yield attrs.evolve(row, superseded_by=newer[-1]) if newer else row


def _topic(row: GradeRow) -> tuple[Any, ...] | None:
    if row.force is None or row.year is None:
        return None
    subject = row.pillar if row.level == "pillar" else subject_key(row.subject)
    return (row.kind, row.force.slug, row.year, row.level, row.pillar, subject)


def _interim_of(by_topic: dict[tuple[Any, ...], list[GradeRow]]) -> set[tuple[str, str]]:
    """Pairs (interim, final): the first leaves a subject not graded that the second grades."""
    pairs: set[tuple[str, str]] = set()
    for rows in by_topic.values():
        for row in rows:
            if row.grade != Grade.NOT_GRADED:
                continue
            pairs.update(
                (row.document_id, other.document_id)
                for other in rows
                if other.grade != Grade.NOT_GRADED and other.document_id != row.document_id
            )
    return pairs


def _later(
    document: str, than: str, dates: dict[str, str | None], interim: set[tuple[str, str]]
) -> bool:
    if (than, document) in interim:
        return True
    mine, theirs = dates.get(document), dates.get(than)
    return mine is not None and theirs is not None and mine > theirs


def document_date(document: Document) -> str | None:
    """The latest date (ISO) the document gives for itself: its "Last updated" line, the date
    it was published or the date it is dated (a letter's)."""
    dated = getattr(document, "date", None)
    found = [d for d in (updated_of(document), published_of(document), dated) if isinstance(d, str)]
    return max(found) if found else None


def published_of(document: Document) -> str | None:
    """The date (ISO) the document says it was published, if it says."""
    value = getattr(document, "published", None)
    return value if isinstance(value, str) else None


def updated_of(document: Document) -> str | None:
    """The date (ISO) of the document's "Last updated" line, if it has one."""
    value = getattr(getattr(document, "updated", None), "date", None)
    return value if isinstance(value, str) else None


def corpus_grades(entries: Iterable[Any]) -> tuple[GradeRow, ...]:
    """The grade rows of a corpus's entries (``CorpusEntry``), in document ID order."""
    rows: list[GradeRow] = []
    dates: dict[str, str | None] = {}
    for entry in entries:
        dates[entry.id] = document_date(entry.document)
        rows += document_grades(entry.document, entry.id, entry.items.judgements)
    return tuple(supersede(rows, dates))


GRADE_COLUMNS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("id", "TEXT", None, True),
    ("document_id", "TEXT", "documents", True),
    ("kind", "TEXT", None, True),
    ("force", "TEXT", None, False),
    ("force_name", "TEXT", None, False),
    ("year", "INTEGER", None, False),
    ("period", "TEXT", None, False),
    ("pillar", "TEXT", None, False),
    ("level", "TEXT", None, True),
    ("subject", "TEXT", None, True),
    ("grade", "TEXT", None, True),
    ("statements", "INTEGER", None, True),
    ("judgement_ids", "TEXT", None, True),
    ("spans", "TEXT", None, True),
    ("evidence", "TEXT", None, True),
    ("superseded_by", "TEXT", "documents", False),
    ("span_start", "INTEGER", None, False),
    ("span_end", "INTEGER", None, False),
    ("line", "INTEGER", None, False),
    ("end_line", "INTEGER", None, False),
)
"""The exported grades table's columns: name, SQLite type, the table an ID refers to, and
whether every row has a value. ``judgement_ids`` are separated by spaces, ``spans`` are
``start-end`` offsets separated by spaces, ``evidence`` has one statement a line; the span
columns give the first statement's place."""


def grade_values(row: GradeRow) -> tuple[Any, ...]:
    """A row's values in ``GRADE_COLUMNS`` order."""
    first = row.span
    return (
        row.id,
        row.document_id,
        row.kind,
        row.force.slug if row.force else None,
        row.force.name if row.force else None,
        row.year,
        row.period,
        None if row.pillar is None else str(row.pillar),
        row.level,
        row.subject,
        str(row.grade),
        len(row.spans),
        " ".join(row.judgement_ids),
        " ".join(f"{s.start}-{s.end}" for s in row.spans),
        "\n".join(row.evidence),
        row.superseded_by,
        first.start,
        first.end,
        first.line,
        first.end_line,
    )


def grade_dict(row: GradeRow) -> dict[str, Any]:
    """A row as JSON-ready data: the table's columns, with lists for the statements."""
    data = dict(zip((c[0] for c in GRADE_COLUMNS), grade_values(row), strict=True))
    data["judgement_ids"] = list(row.judgement_ids)
    data["spans"] = [
        {"start": s.start, "end": s.end, "line": s.line, "end_line": s.end_line} for s in row.spans
    ]
    data["evidence"] = list(row.evidence)
    for name in ("span_start", "span_end", "line", "end_line"):
        del data[name]
    return data
