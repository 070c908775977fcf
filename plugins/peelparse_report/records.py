"""Records of a PEEL inspection report."""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import Document, Finding, Grade, Heading, Paragraph, Pillar, Role, Span


@attrs.frozen
class Dated:
    """A dated line such as "Last updated 12/12/2017"."""

    text: str
    """The line as written."""
    date: str | None
    """The date in ISO form (2017-12-12), when it is a real date."""
    span: Span
    """Where the line is."""


@attrs.frozen
class Section:
    """Paragraphs under an inline sub-heading inside a question."""

    heading: Heading
    """The sub-heading."""
    paragraphs: tuple[Paragraph, ...]
    """Its paragraphs (findings under it are in the question's lists, with ``section`` set)."""
    span: Span
    """From the heading to the end of the section."""


@attrs.frozen(kw_only=True)
class Question:
    """A question of the report: a pillar's headline question or one of its core questions."""

    number: str | None = None
    """The number shown before the question ("1"), if any."""
    number_span: Span | None = None
    """Where the number is."""
    text: str
    """The question as written."""
    text_span: Span
    """Where the question line is."""
    headline: bool = False
    """Whether this is a pillar's headline question ("How legitimate is the force at ...?")."""
    pillar: Pillar | None = None
    """The pillar the question belongs to, when known."""
    grade: Grade | None = None
    """Its grade: from a grade line, or from a sentence that judges it; ``None`` when the
    text does not give one (for instance, when the page showed it as an image)."""
    updated: Dated | None = None
    """The "Last updated" line under it, if any."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Its prose, outside sub-headed sections."""
    areas_for_improvement: tuple[Finding, ...] = ()
    """Areas for improvement listed under it."""
    causes_of_concern: tuple[Finding, ...] = ()
    """Causes of concern listed under it."""
    recommendations: tuple[Finding, ...] = ()
    """Recommendations listed under it."""
    bullets: tuple[Paragraph, ...] = ()
    """Bulleted items that are not findings (lists inside the prose)."""
    sections: tuple[Section, ...] = ()
    """Sub-headed parts of the question."""
    span: Span
    """From the question line to the end of its text."""


@attrs.frozen(kw_only=True)
class InspectionReport(Document):
    """A PEEL inspection report page: one pillar of one force, or a force overview."""

    kind: ClassVar[str] = "inspection_report"
    role: ClassVar[Role | None] = Role.REPORT
    id_name: ClassVar[str | None] = "report"

    headline_question: str | None = None
    """The pillar's headline question when the report has one pillar."""
    headline_question_span: Span | None = None
    """Where it is."""
    grade: Grade | None = None
    """The headline grade when the report has one pillar and the text gives it."""
    updated: Dated | None = None
    """The report's "Last updated" line."""
    headings: tuple[Heading, ...] = ()
    """Lines that label the report's parts: the pillar line, "Questions for ...", headings
    outside any question."""
    summary: tuple[Paragraph, ...] = ()
    """Paragraphs before the first core question: the page's introduction and, for a
    one-pillar report, the summary under its headline question."""
    summary_findings: tuple[Finding, ...] = ()
    """Findings listed before the first question."""
    summary_bullets: tuple[Paragraph, ...] = ()
    """Bulleted items before the first question that are not findings."""
    questions: tuple[Question, ...] = ()
    """Core questions in order; on an overview page with several pillars, the pillars'
    headline questions too (``headline`` is true)."""
