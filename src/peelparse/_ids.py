"""Stable identifiers for documents and the items in them, and the items themselves.

A document's ID is ``<force>/<year or "undated">/<pillar or "all">/<kind>``, where ``<force>``
is the force slug, ``national`` or ``unknown-force`` (see ``peelparse._scope``),
for example ``leicestershire/2017/legitimacy/report``. It is read from what the text says,
never from the file's name or folder, so re-parsing or moving a file keeps it. When two
documents of a corpus would get the same ID, each gets ``-`` and the first 8 hex digits of
its text's SHA-256 (``kent/2017/legitimacy/report-1f0c9a2b``).

Items get the document's ID, ``#`` and a name numbered 1, 2, ... in document order:
``#afi-1``, ``#coc-1``, ``#rec-1`` for findings (a report's, or those a PCC response quotes),
``#judgement-1`` and ``#quote-1``.

The items are found by their type, not by which plugin made them or what its fields are
called: a ``Finding`` is a finding wherever it stands, a ``QuotedFinding`` a finding quoted
with its answer and a ``Quote`` a quote (subclasses included). A kind's name in IDs is its
record class's ``id_name``, else its tag.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import cast

import attrs

from peelparse._quotes import Quote
from peelparse._records import (
    Document,
    Finding,
    Judgement,
    Paragraph,
    QuotedFinding,
    Unclassified,
)
from peelparse._scope import force_key
from peelparse._span import Span

LABEL_NAMES: dict[str, str] = {
    "area_for_improvement": "afi",
    "cause_of_concern": "coc",
    "recommendation": "rec",
}
"""Short names of finding labels in IDs; any other label is named by itself."""

_NOT_CONTENT = frozenset({"diagnostics", "unclassified", "source", "detection"})
"""Document fields that say how the text was read, not what it says."""


def document_key(document: Document) -> str:
    """The ID ``document`` gets when no other document of its corpus would share it."""
    force = force_key(document)
    year = str(document.year) if document.year is not None else "undated"
    pillar = str(document.pillar) if document.pillar is not None else "all"
    kind = document.id_name or document.kind
    return f"{force}/{year}/{pillar}/{kind}"


def digest(document: Document) -> str:
    """SHA-256 of the document's text (hex); for a document made in code without a source,
    of its fields."""
    if document.source is not None:
        return document.source.sha256
    return hashlib.sha256(repr(document).encode("utf-8", "surrogatepass")).hexdigest()


def document_ids(documents: Sequence[Document]) -> list[str]:
    """The IDs of ``documents``, in the same order: each is its key, or its key and the start
    of its digest when another document has the same key."""
    keys = [document_key(document) for document in documents]
    shared = Counter(keys)
    return [
        key if shared[key] == 1 else f"{key}-{digest(document)[:8]}"
        for key, document in zip(keys, documents, strict=True)
    ]


@attrs.frozen(kw_only=True)
class FindingItem:
    """A finding of a report, with its ID."""

    id: str
    """``<document ID>#afi-N`` (or ``coc``, ``rec``)."""
    document_id: str
    """The document it is in."""
    ordinal: int
    """N: its place among the document's findings with the same label, from 1."""
    finding: Finding
    """The finding."""
    question: str | None
    """The question it stands under, as written; ``None`` for a finding outside questions."""

    @property
    def full_text(self) -> str:
        """The finding's text and its sub-items, joined by one space."""
        return " ".join([self.finding.text, *(item.text for item in self.finding.items)])


@attrs.frozen(kw_only=True)
class AnswerItem:
    """A finding that a response quotes, with what the response says about it."""

    id: str
    """``<document ID>#rec-N`` (or ``afi``, ``coc``)."""
    document_id: str
    """The document it is in."""
    ordinal: int
    """N: its place among the document's findings with the same label, from 1."""
    label: str
    """"recommendation", "area_for_improvement" or "cause_of_concern"."""
    number: str | None
    """Its number as the response gives it, if any."""
    marker: str | None
    """The words that introduce it, as written, if any."""
    text: str
    """The finding as the response quotes it."""
    text_span: Span
    """Where ``text`` is."""
    response: tuple[Paragraph, ...]
    """What the response says about it."""
    span: Span
    """From its marker to the end of its answer."""


@attrs.frozen(kw_only=True)
class JudgementItem:
    """A graded judgment, with its ID."""

    id: str
    """``<document ID>#judgement-N``."""
    document_id: str
    """The document it is in."""
    ordinal: int
    """N: its place among the document's judgements, from 1."""
    judgement: Judgement
    """The judgment."""


@attrs.frozen(kw_only=True)
class QuoteItem:
    """What someone is quoted as saying, with its ID."""

    id: str
    """``<document ID>#quote-N``."""
    document_id: str
    """The document it is in."""
    ordinal: int
    """N: its place among the document's quotes, from 1."""
    speaker: str | None
    """Who speaks, as written, when the text says."""
    role: str | None
    """The speaker's role, as written, when the text says."""
    text: str
    """The quoted words."""
    span: Span
    """Where the quote is."""


@attrs.frozen(kw_only=True)
class DocumentItems:
    """Everything in a document that has an ID of its own."""

    findings: tuple[FindingItem, ...] = ()
    """The report's findings, in document order."""
    answers: tuple[AnswerItem, ...] = ()
    """Findings the document quotes with an answer, in document order."""
    judgements: tuple[JudgementItem, ...] = ()
    """Graded judgments, in the order the document lists them."""
    quotes: tuple[QuoteItem, ...] = ()
    """Quotes, in document order."""
    prose: tuple[Paragraph, ...] = ()
    """Paragraphs of prose (not findings, not answers), in document order."""


_Make = Callable[[str, str, int], "FindingItem | AnswerItem"]
"""Makes a numbered item once its ID and number are known."""


def items_of(document: Document, document_id: str) -> DocumentItems:
    """Find and number the items of ``document``."""
    pending: list[tuple[int, str, _Make]] = []
    quotes: list[Quote] = []
    prose: list[Paragraph] = []
    for record, context, in_item in _walk(document):
        if isinstance(record, Finding):
            pending.append((record.span.start, record.label, _finding_maker(record, context)))
        elif isinstance(record, QuotedFinding):
            pending.append((record.text_span.start, record.label, _answer_maker(record)))
        elif isinstance(record, Quote):
            quotes.append(record)
        elif isinstance(record, Paragraph) and not in_item:
            prose.append(record)
    # Sorting is stable, so a report's finding and a quoted one at the same place keep
    # the order the walk found them in.
    pending.sort(key=lambda row: row[0])
    numbers: Counter[str] = Counter()
    findings: list[FindingItem] = []
    answers: list[AnswerItem] = []
    for _, label, make in pending:
        numbers[label] += 1
        item = make(
            f"{document_id}#{LABEL_NAMES.get(label, label)}-{numbers[label]}",
            document_id,
            numbers[label],
        )
        if isinstance(item, FindingItem):
            findings.append(item)
        else:
            answers.append(item)
    quotes.sort(key=lambda quote: quote.span.start)
    return DocumentItems(
        findings=tuple(findings),
        answers=tuple(answers),
        judgements=tuple(
            JudgementItem(
                id=f"{document_id}#judgement-{n}", document_id=document_id, ordinal=n, judgement=j
            )
            for n, j in enumerate(document.judgements, start=1)
        ),
        quotes=tuple(
            _quote_item(quote, f"{document_id}#quote-{n}", document_id, n)
            for n, quote in enumerate(quotes, start=1)
        ),
        prose=tuple(prose),
    )


def _finding_maker(finding: Finding, question: str | None) -> _Make:
    def make(item_id: str, document_id: str, ordinal: int) -> FindingItem:
        return FindingItem(
            id=item_id,
            document_id=document_id,
            ordinal=ordinal,
            finding=finding,
            question=question,
        )

    return make


def _answer_maker(record: QuotedFinding) -> _Make:
    def make(item_id: str, document_id: str, ordinal: int) -> AnswerItem:
        return AnswerItem(
            id=item_id,
            document_id=document_id,
            ordinal=ordinal,
            label=record.label,
            number=record.number,
            marker=record.marker,
            text=record.text,
            text_span=record.text_span,
            response=record.response,
            span=record.span,
        )

    return make


def texts_of(document: Document) -> Iterator[str]:
    """Every piece of text the document's records hold, with its title and the text no rule
    placed (web-page furniture left out)."""
    if document.title:
        yield document.title
    for record, _, _ in _walk(document):
        text = getattr(record, "text", None)
        if isinstance(text, str):
            yield text
    for left in document.unclassified:
        if not left.reason.startswith("furniture"):
            yield left.text


def _walk(document: Document) -> Iterator[tuple[object, str | None, bool]]:
    """Every attrs record inside ``document`` in field order, with the text of the nearest
    record around it that has one (a finding's question) and whether it stands inside a
    finding or an answer."""
    for field in attrs.fields(type(document)):
        if field.name in _NOT_CONTENT:
            continue
        yield from _records(getattr(document, field.name), None, in_item=False)


def _records(
    value: object, context: str | None, *, in_item: bool
) -> Iterator[tuple[object, str | None, bool]]:
    if isinstance(value, tuple):
        for element in value:
            yield from _records(element, context, in_item=in_item)
        return
    if isinstance(value, Span | Unclassified) or not attrs.has(type(value)):
        return
    yield value, context, in_item
    text = getattr(value, "text", None)
    inner = text if isinstance(text, str) else context
    inside = in_item or isinstance(value, Finding | QuotedFinding)
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
        yield from _records(getattr(value, field.name), inner, in_item=inside)


def _quote_item(record: Quote, item_id: str, document_id: str, ordinal: int) -> QuoteItem:
    return QuoteItem(
        id=item_id,
        document_id=document_id,
        ordinal=ordinal,
        speaker=record.speaker,
        role=record.role,
        text=record.text,
        span=record.span,
    )
