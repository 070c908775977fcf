"""Records of the inspectorate's press releases."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peelparse import Document, Force, Grade, Heading, Judgement, Paragraph, Quote, Role, Span


class Inspectorate(enum.StrEnum):
    """Who published a release: HMIC until July 2017, then HMICFRS (fire and rescue added)."""

    HMIC = "HMIC"
    HMICFRS = "HMICFRS"


@attrs.frozen(kw_only=True)
class PressDate:
    """A line that dates the page: "Published on: 2 March 2017", "22nd March 2018"."""

    text: str
    """The line as written."""
    date: str | None
    """The date in ISO form (2017-03-02) when the line gives day, month and year."""
    span: Span
    """Where the line is."""


@attrs.frozen(kw_only=True)
class PressMeta:
    """A labelled line of page metadata: "Publication types: Press releases"."""

    label: str
    """The label, without its colon: "Publication types"."""
    value: str
    """What follows the colon: "Press releases"."""
    text: str
    """The line as written."""
    span: Span
    """Where the line is."""


@attrs.frozen(kw_only=True)
class PressFinding:
    """One thing the release says the inspectorate found: an item of a list introduced by
    "HMIC found that Leicestershire Police:", or a paragraph reporting findings
    ("HMICFRS said the force has a good approach to ...")."""

    text: str
    """The finding as written, without its bullet."""
    span: Span
    """Where it is, bullet included."""
    bullet: bool
    """Whether it is a list item; otherwise a paragraph."""
    lead_in: Paragraph | None = None
    """The line that introduces the list, which each item completes ("HMIC found that
    Leicestershire Police:"); ``None`` for paragraphs and for lists the page gives without
    one."""


@attrs.frozen(kw_only=True)
class GradeCount:
    """How many areas (or forces) a sentence says were given one grade: "found the force was
    'good' in one area", "24 forces as good"."""

    grade: Grade
    """The grade counted."""
    count: int | None
    """How many were given it ("none was 'inadequate'" gives no grade, so no count); ``None``
    when the sentence
    gives it to all the others without a number ("All other forces were judged as
    'good'")."""
    counted: str | None
    """What was counted, in the singular: "area", "force" or "question"."""
    forces: tuple[Force, ...] = ()
    """Forces the sentence names as given this grade ("1 force (Durham Constabulary)")."""
    text: str
    """The sentence that states it."""
    span: Span
    """Where the sentence is."""


@attrs.frozen(kw_only=True)
class ForceRelease:
    """One force's release on a page of several ("... force press releases")."""

    force: Force | None
    """The force its headline names, or for a release without a headline, the force its
    findings' lead-in names ("HMICFRS judged that Kent Police:")."""
    headline: str | None
    """The release's headline as written, less a "- HMIC" sign-off; ``None`` for a release
    that opens with its findings."""
    headline_span: Span | None
    """Where it is."""
    sign_off: str | None = None
    """The inspectorate's name signing the headline ("... reduces crime - HMIC"), if it is."""
    sign_off_span: Span | None = None
    """Where it is, with its dash."""
    report_title: str | None = None
    """The title of the report the release is about, when the page gives it ("PEEL: police
    effectiveness 2016 – Avon and Somerset Constabulary")."""
    report_title_span: Span | None = None
    """Where it is."""
    judgements: tuple[Judgement, ...] = ()
    """The graded judgments the release states, in its headline, findings and prose (not
    in quotes)."""
    grade_counts: tuple[GradeCount, ...] = ()
    """Grades stated as counts."""
    findings: tuple[PressFinding, ...] = ()
    """What the release says the inspectorate found."""
    quotes: tuple[Quote, ...] = ()
    """Who is quoted and what they said."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The release's other prose."""
    bullets: tuple[Paragraph, ...] = ()
    """List items that are not findings (with their lead-in among ``paragraphs``)."""
    headings: tuple[Heading, ...] = ()
    """Other short lines that label things: a headline repeated, link titles."""
    span: Span
    """From the headline (or the findings' lead-in) to the release's end."""


@attrs.frozen(kw_only=True)
class PressRelease(Document):
    """A press release of the inspectorate about a PEEL inspection: one force's, a national
    one, or a page of several forces' releases (then ``force`` is ``None`` and each force's
    release is in ``releases``)."""

    kind: ClassVar[str] = "press_release"
    role: ClassVar[Role | None] = Role.ANNOUNCEMENT
    id_name: ClassVar[str | None] = "press"

    headline: str | None = None
    """The headline as written, less a trailing "- HMIC" sign-off (``title`` keeps the whole
    line). On a page of several forces' releases, the page's own title."""
    headline_span: Span | None = None
    """Where it is."""
    inspectorate: Inspectorate | None = None
    """The publisher: the name the text uses, else HMIC before July 2017 and HMICFRS after,
    from the publication date or the PEEL cycle."""
    published: str | None = None
    """The publication date in ISO form, when the page gives one."""
    dates: tuple[PressDate, ...] = ()
    """Lines that date the page (on a page of several releases, theirs too)."""
    metadata: tuple[PressMeta, ...] = ()
    """Labelled metadata lines ("Publication types: Press releases"), wherever they stand."""
    report_title: str | None = None
    """The title of the report the release is about, when the page gives it ("PEEL 2021/22
    – An inspection of Cleveland Police")."""
    report_title_span: Span | None = None
    """Where it is."""
    grade_counts: tuple[GradeCount, ...] = ()
    """Grades stated as counts ("'good' in one area, 'adequate' in four areas"); on a page of
    several releases, every release's."""
    findings: tuple[PressFinding, ...] = ()
    """What the release says the inspectorate found; on a page of several releases, only
    what stands outside them."""
    quotes: tuple[Quote, ...] = ()
    """Who is quoted and what they said; on a page of several releases, only quotes
    outside them."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Other prose (outside the releases of a multi-force page)."""
    bullets: tuple[Paragraph, ...] = ()
    """List items that are not findings (with their lead-in among ``paragraphs``)."""
    headings: tuple[Heading, ...] = ()
    """Other short lines that label things: link titles such as the national release's
    headline, "Notes to editors"."""
    notes_to_editors: tuple[Paragraph, ...] = ()
    """The items under "Notes to editors"."""
    contact: tuple[Paragraph, ...] = ()
    """The press office's contact block at the end."""
    releases: tuple[ForceRelease, ...] = ()
    """On a page of several forces' releases, each force's release in page order (the page
    may be cut off after the first); empty for a single release. ``judgements`` and
    ``grade_counts`` above hold every release's too."""
