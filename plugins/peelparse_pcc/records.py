"""Records of a local policing body's response to an inspection report."""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import Document, Heading, Paragraph, Quote, QuotedFinding, Role, Span


@attrs.frozen(kw_only=True)
class Party:
    """Someone a response is from or to, as the text names them."""

    name: str | None = None
    """The person's name without courtesy styles or post-nominals ("Amber Rudd" from "Rt Hon
    Amber Rudd MP"); peerage titles stay ("Lord Willy Bach"). ``None`` when not given."""
    name_span: Span | None = None
    """Where the name is."""
    role: str | None = None
    """The role as written ("Home Secretary", "Police and Crime Commissioner for Gwent")."""
    role_span: Span | None = None
    """Where the role is."""
    lines: tuple[Paragraph, ...] = ()
    """The lines of an address or signature block as written (name, title, department,
    address); empty when the party is named in running text."""
    span: Span
    """From the first to the last place the party is named."""
    text: str | None = attrs.field(default=attrs.Factory(lambda party: party.name, takes_self=True))
    """Whom the text names: the person's name; for an addressee with none, the form of
    address or the body the letter is written to ("Home Secretary", "Home Office and
    HMIC"). ``None`` for a sender named only by the office."""
    text_span: Span | None = attrs.field(
        default=attrs.Factory(lambda party: party.name_span, takes_self=True)
    )
    """Where ``text`` is."""


@attrs.frozen(kw_only=True)
class AnsweredFinding(QuotedFinding):
    """A recommendation, area for improvement or cause of concern the response quotes, with
    what the response says about it."""


@attrs.frozen(kw_only=True)
class PCCResponse(Document):
    """A local policing body's published comments on an inspection report: a section 55
    letter to the Home Secretary, a statement on the commissioner's website, or minutes
    recording the force's answers to the report's findings."""

    kind: ClassVar[str] = "pcc_response"
    role: ClassVar[Role | None] = Role.RESPONSE
    id_name: ClassVar[str | None] = "pcc"
    label: ClassVar[str | None] = "PCC response"

    letterhead: tuple[Paragraph, ...] = ()
    """Lines above the letter's first field: the office's name, motto or address."""
    reference: str | None = None
    """The sender's reference as written ("OPCC/7298/17"), from "Our ref"."""
    reference_span: Span | None = None
    """Where the reference is."""
    addressee_reference: str | None = None
    """The addressee's reference as written, from "Your ref"."""
    addressee_reference_span: Span | None = None
    """Where it is."""
    date: str | None = None
    """The date the response is dated, in ISO form (2018-04-09), when it is a real date."""
    date_text: str | None = None
    """The date as written ("09 April 2018")."""
    date_text_span: Span | None = None
    """Where it is."""
    addressee: Party | None = None
    """Who the letter is addressed to."""
    sender: Party | None = None
    """Who the response is from: the signatory of a letter, or the commissioner a statement
    quotes or names."""
    subject: str | None = None
    """The report the response is about, as the "Re:" line or a report-title line gives it
    ("PEEL Police Legitimacy (including leadership) 2017")."""
    subject_span: Span | None = None
    """Where it is."""
    salutation: str | None = None
    """The salutation as written, OCR noise included ("Dear Home Sevetars")."""
    salutation_span: Span | None = None
    """Where it is."""
    headings: tuple[Heading, ...] = ()
    """Lines that label what follows: field labels ("Our ref:", "Date:", "Re:"), headings
    such as "Recommendations:" and sub-headings of a web page."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The body's prose, outside the answers to findings."""
    bullets: tuple[Paragraph, ...] = ()
    """Bulleted items that are neither highlights nor part of an answer."""
    recommendations: tuple[AnsweredFinding, ...] = ()
    """The report's findings the response quotes, each with its answer, in order."""
    highlights: tuple[Paragraph, ...] = ()
    """Passages of the report the response singles out, given as bullets after a lead-in
    such as "highlights include:"."""
    quotes: tuple[Quote, ...] = ()
    """Who is quoted and what they said, as a statement or a news item of the office
    gives it."""
    closing: str | None = None
    """The complimentary close as written, OCR noise included ("Yours sincerely")."""
    closing_span: Span | None = None
    """Where it is."""
