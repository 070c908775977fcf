"""Records of a police and crime panel's minutes on an agenda item about inspections."""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import Document, Heading, Paragraph, Span


@attrs.frozen(kw_only=True)
class ResolutionItem:
    """One numbered part of a resolution: "(ii) that all HMICFRS inspections were postponed"."""

    label: str
    """The item's numeral as written: "(i)", "(b)", "3."."""
    label_span: Span
    """Where the numeral is."""
    number: int | None
    """What the numeral counts to: (i) and (a) are 1, (iv) and (d) are 4; ``None`` when it
    cannot be read as a number."""
    text: str
    """The item's words, without the numeral; "" when the line holds the numeral alone."""
    text_span: Span | None
    """Where the words are."""
    span: Span
    """From the numeral to the end of the item."""


@attrs.frozen(kw_only=True)
class Resolution:
    """What the meeting resolved: the "Resolved:" words and the numbered items under them."""

    text: str
    """The opening words as written: "Resolved: That the Police and Crime Panel notes"."""
    text_span: Span
    """Where the opening words are."""
    items: tuple[ResolutionItem, ...] = ()
    """The numbered items, in order; none when the resolution is one sentence ("RESOLVED,
    that the report be received.")."""
    span: Span
    """From "Resolved" to the end of the last item."""


@attrs.frozen(kw_only=True)
class ConsideredReport:
    """A report the meeting considered, as the minutes name it: "a report of the Police and
    Crime Commissioner which outlined the findings of the recent inspections"."""

    text: str
    """The sentence (or the item's title) that names the report."""
    span: Span
    """Where that sentence is."""
    author: str | None = None
    """Who the report is by, as written: "the Acting Police, Crime and Victims’ Commissioner’s
    Office"."""
    author_span: Span | None = None
    """Where the author is named."""
    about: str | None = None
    """What the report is about, as written, when the words say so."""
    about_span: Span | None = None
    """Where that is."""
    inspection: bool = False
    """Whether the words tie the report to an inspection (HMIC, HMICFRS, PEEL, inspectorate)."""


@attrs.frozen(kw_only=True)
class PanelMinutes(Document):
    """The minutes of one agenda item of a police and crime panel (or a police authority)
    on inspection reports: the item's title, the reports considered, what was said and what
    was resolved. ``title`` is the agenda item's title."""

    kind: ClassVar[str] = "panel_minutes"

    item_number: str | None = None
    """The agenda item's number when its title starts with one ("7" in "7. HMICFRS PEEL
    inspection")."""
    item_number_span: Span | None = None
    """Where the number is."""
    panel: str | None = None
    """The body that met, as the minutes name it: "Police and Crime Panel", "Police Authority
    Board"; ``None`` when they only say "the Panel" or "Members"."""
    panel_span: Span | None = None
    """Where it is named first."""
    headings: tuple[Heading, ...] = ()
    """Lines that label the page's parts: "Agenda item", "Minutes:", "Supporting documents:"."""
    reports: tuple[ConsideredReport, ...] = ()
    """The reports the meeting considered, from sentences such as "The Panel considered a
    report of ..."; when no sentence names one, the report the title names ("... - Report of
    the Commissioner")."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The minute's prose, outside the resolutions."""
    resolutions: tuple[Resolution, ...] = ()
    """What was resolved, in order."""
    supporting_documents: tuple[Paragraph, ...] = ()
    """The documents listed under "Supporting documents:" (empty when the page kept only the
    label)."""
