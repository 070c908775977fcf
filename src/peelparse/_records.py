"""Records every document kind shares. Plugins build their own records from these."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peelparse._span import Span
from peelparse._vocab import Grade, Pillar, Severity

SCHEMA_VERSION = "1.0"
"""Version of the JSON layout. The major part changes when old JSON can no longer be read."""


@attrs.frozen
class Force:
    """One of the 43 territorial police forces of England and Wales."""

    name: str
    """Its full name, e.g. "Leicestershire Police"."""
    slug: str
    """Its stable key, e.g. "leicestershire", "avon-and-somerset", "metropolitan"."""


@attrs.frozen
class Diagnostic:
    """Something a person should know about how a document was read."""

    code: str
    """Stable code, e.g. "PP201" (see docs/diagnostics.md)."""
    severity: Severity
    """error, warning or info."""
    message: str
    """What happened, in words a person understands."""
    span: Span | None
    """Where in the text; ``None`` when it concerns the whole document."""


@attrs.frozen
class Unclassified:
    """Text no rule claimed (or claimed only to set aside, such as web-page furniture)."""

    text: str
    """The text as written, each line stripped and lines joined by one space."""
    reason: str
    """Why it was set aside: "furniture", "unexpected", "unparsed"."""
    span: Span
    """Where it is."""


@attrs.frozen
class Judgement:
    """A graded judgment the text states, on a grade line or in a sentence."""

    subject: str
    """What was judged: a pillar question, a core question or an area, as the text puts it."""
    pillar: Pillar | None
    """The pillar the subject belongs to, when the text makes it clear."""
    grade: Grade
    """The grade given."""
    text: str
    """The words that state the judgment: the grade line or the sentence."""
    span: Span
    """Where ``text`` is."""
    headline: bool = False
    """Whether it judges a pillar as a whole (its headline question), not one question or
    area of it."""


@attrs.frozen
class Paragraph:
    """A paragraph of prose."""

    text: str
    """The paragraph, each line stripped and lines joined by one space."""
    span: Span
    """Where it is."""


@attrs.frozen
class Heading:
    """A line that labels what follows it (not a question)."""

    text: str
    """The heading as written, without markdown marks."""
    span: Span
    """Where it is."""


@attrs.frozen
class Finding:
    """An item the inspectorate asks of a force: area for improvement, cause of concern or
    recommendation."""

    label: str
    """"area_for_improvement", "cause_of_concern" or "recommendation"."""
    number: str | None
    """Its number where the text numbers it ("1", "7"), else ``None``."""
    text: str
    """The finding as written, without its bullet or number."""
    span: Span
    """Where ``text`` is, bullet or number included (not its sub-items)."""
    items: tuple[Paragraph, ...] = ()
    """Sub-items of a finding that ends in a colon, when the page flattened them into bullets."""
    section: str | None = None
    """The sub-heading the finding stands under, if any."""


@attrs.frozen(kw_only=True)
class QuotedFinding:
    """A finding a document quotes (a recommendation, area for improvement or cause of
    concern of a report), with what the document says about it: a response's answer."""

    label: str
    """"recommendation", "area_for_improvement" or "cause_of_concern": what the response
    calls it (a numbered item under no heading counts as a recommendation)."""
    number: str | None = None
    """Its number where the response numbers it ("1", "7"), else ``None``."""
    marker: str | None = None
    """The words that introduce it, as written: "1", "Recommendation 2:", "AFI 7 –"."""
    marker_span: Span | None = None
    """Where the marker is."""
    text: str
    """The finding as the response quotes it, without its marker."""
    text_span: Span
    """Where ``text`` is."""
    response: tuple[Paragraph, ...] = ()
    """What the response says about it: the paragraphs (or bulleted points) that follow it."""
    span: Span
    """From the marker to the end of the response."""


class Role(enum.StrEnum):
    """What documents of a kind are to the other documents of a corpus: how they are linked."""

    REPORT = "report"
    """An inspection report: the other roles are about it, its findings are answered, and
    each is followed into the next cycle's report."""
    ANNOUNCEMENT = "announcement"
    """Announces the report it is about (a press release)."""
    RESPONSE = "response"
    """Responds to the report it is about (a local policing body's response)."""
    COVERAGE = "coverage"
    """Covers the report it is about and its announcement (a news story)."""


@attrs.frozen
class Source:
    """How the document's text was obtained."""

    name: str | None
    """File name (no directories) or ``None`` for text given directly."""
    encoding: str
    """How the bytes were decoded ("utf-8", "utf-8-sig", "cp1252", ...); "str" for text."""
    chars: int
    """Length of the decoded, newline-normalised text."""
    sha256: str
    """SHA-256 of the decoded text, hex: a stable identity for the document."""
    format: str = "text"
    """What the input was: "text", or the format a reader turned into text ("html", "pdf")."""


@attrs.frozen
class DetectionInfo:
    """Why the document was given its kind."""

    confidence: float
    """0 to 1; the highest of all plugins' answers."""
    evidence: str
    """What the winning plugin saw."""


@attrs.frozen(kw_only=True)
class Document:
    """Fields every document kind has. Subclass it (kw_only) and set ``kind``."""

    kind: ClassVar[str] = "document"
    role: ClassVar[Role | None] = None
    """What documents of this kind are to the others of a corpus, which decides how they are
    linked; ``None`` for a kind no link rule concerns. A subclass keeps its parent's."""
    id_name: ClassVar[str | None] = None
    """The kind's name in corpus IDs ("report" in "kent/2017/legitimacy/report"); ``None``:
    the kind's tag. A subclass keeps its parent's."""
    label: ClassVar[str | None] = None
    """The kind's name as a person reads it ("PCC response"); ``None``: the kind's tag with
    spaces for underscores, capitalised ("press_release" reads "Press release")."""

    title: str | None = None
    """The document's title as written, or ``None`` when none was found."""
    title_span: Span | None = None
    """Where the title is."""
    force: Force | None = None
    """The force the document is about; ``None`` for national or multi-force documents."""
    year: int | None = None
    """First year of the PEEL cycle: 2018/19 gives 2018."""
    period: str | None = None
    """The cycle as written: "2016", "2018/19", "2021/22", "2023–25"."""
    year_inferred: bool = False
    """Whether ``year`` was not written but follows from the dates of the text, all of
    which fall in that one cycle ("published today, Friday 11 November 2022" gives 2021)."""
    pillar: Pillar | None = None
    """The pillar a single-pillar document is about, else ``None``."""
    judgements: tuple[Judgement, ...] = ()
    """Every graded judgment the text states."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What the reader should know about how the text was read."""
    unclassified: tuple[Unclassified, ...] = ()
    """Text no record holds."""
    source: Source | None = None
    """How the text was obtained."""
    detection: DetectionInfo | None = None
    """Why this kind was chosen."""
    span: Span = attrs.field(repr=False)
    """The whole text."""
