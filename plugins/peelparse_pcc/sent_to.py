"""The addressee a response form names only by where the response goes: "Responses to be
sent to section55@homeoffice.gov.uk & pcc@hmic.gov.uk"."""

from __future__ import annotations

from collections.abc import Sequence

from peelparse import Heading, Paragraph
from peelparse.text import LazyPattern
from peelparse_pcc.patterns import piece
from peelparse_pcc.records import Party

_ADDRESS = r"[\w+-][\w.+-]*+@[\w-]++(?:[.,][\w-]++)+(?![\w@-])"
"""An e-mail address as written, a comma typed for a dot included ("homeoffice,gsi.gov.uk");
a comma and a space part two addresses."""
SENT_TO = LazyPattern(
    r"\b(?:[Rr]espon[cs]es?|[Rr]epl(?:y|ies)|[Ll]etters?|[Ee]-?mails?|[Cc]op(?:y|ies))\s++"
    r"(?:(?:is|are|was|were|has\s++been|have\s++been|(?:to|should|must|will)\s++be)\s++)?"
    r"(?:sent|e-?mailed|returned|addressed)\s++to(?:\s*+:)?\s++"
    rf"(?P<to>{_ADDRESS}(?:\s*+(?:&|and|,|;|/)\s*+{_ADDRESS})*+)"
)
"""Where a response is sent, as e-mail addresses: "(Responses to be sent to a@b.gov.uk &
c@d.gov.uk)", "Replies should be e-mailed to: a@b.gov.uk", "E-mail sent to a@b.gov.uk"."""


def sent_to(paragraphs: Sequence[Paragraph | Heading], text: str) -> Party | None:
    """The addressee a paragraph or a form's label line names by the addresses a response
    is sent to, as written."""
    for paragraph in paragraphs:
        raw = paragraph.span.slice(text)
        if "@" not in raw:
            continue
        match = SENT_TO.search(raw)
        if match is None:
            continue
        to, span = piece(paragraph.span, raw, *match.span("to"))
        return Party(span=span, text=to, text_span=span)
    return None
