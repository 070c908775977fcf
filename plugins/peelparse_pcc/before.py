"""What a line of a response's body may be by what came before it, where ``pcc.lark`` cannot
say: how the paragraph before reads, and what the body has had since it began.

The grammar knows the token straight before a line by where the parse stands, and places
the findings, their answers and the sign-off. These are the tests its states cannot hold
(``LineShape.follows``): whether a paragraph is a lead-in (it ends in a colon and names the
report's good points, or its findings), whether a bare number is the next finding under a
findings heading, and the parts a body has once (its salutation, its subject, a page's
date). The body begins again after a sign-off, as a copy list or a note may follow it.
"""

from __future__ import annotations

from collections.abc import Callable

from peelparse.grammar import Before, Handed
from peelparse.text import LazyPattern
from peelparse_pcc.patterns import (
    BODY,
    ENDS_SENTENCE,
    FINDINGS_LEAD,
    HIGHLIGHT_LEAD,
    ITEM_MARKER,
    ITEM_NUMBER,
    is_lead_in,
)

SIGNOFF = ("CLOSING", "SIGN")
"""The tokens of a sign-off, after which a body begins again."""
PROSE = ("PARA", "RESPONSE")
"""The tokens of running text, which a lead-in is."""
NUMBERED = ("ITEM", "ITEM_ALONE", "ITEM_SHOULD", "ITEM_NEXT")
"""The tokens of a finding given a number."""
ASKED = (*NUMBERED, "ITEM_BULLET", "ITEM_TEXT")
"""The tokens of a finding's own words, before its answer."""
SALUTED = ("SALUTATION", "SALUTATION_MISREAD")
SUBJECTS = ("SUBJECT", "SUBJECT_SET_APART", "SUBJECT_ABOVE", "SUBJECT_REPORT", "SUBJECT_LABEL")

Follows = Callable[[Before, str], bool]
"""A test of what came before a line (``LineShape.follows``)."""


def first_in_body(kinds: tuple[str, ...]) -> Follows:
    """Only where the body has had no token of ``kinds`` yet: its salutation, its subject."""

    def test(before: Before, text: str) -> bool:
        found = before.last(*kinds, *SIGNOFF)
        return found is None or found.kind in SIGNOFF

    return test


def opens_body(before: Before, text: str) -> bool:
    """The first line of a body."""
    return before.previous is None or before.previous.region not in BODY


def before_prose(before: Before, text: str) -> bool:
    """Before any running text, and any other date, in a body: a page's dateline."""
    found = before.last("DATELINE", *PROSE, *SIGNOFF)
    return found is None or found.kind in SIGNOFF


def not_after_asked(before: Before, text: str) -> bool:
    """Not straight after a finding's own words, whose answer the line then opens."""
    return before.previous is None or before.previous.kind not in ASKED


def _lead_in(before: Before, words: LazyPattern) -> bool:
    previous = before.previous
    return previous is not None and previous.kind in PROSE and is_lead_in(words, previous.text)


def in_highlights(before: Before, text: str) -> bool:
    """A bullet among the report's good points: after a lead-in naming them, or after
    another."""
    previous = before.previous
    return previous is not None and (
        previous.kind == "HIGHLIGHT" or _lead_in(before, HIGHLIGHT_LEAD)
    )


def _in_findings(before: Before) -> Handed | None:
    """The findings heading the body stands under, if no other heading came after it."""
    found = before.last("FINDINGS_HEADING", "HEADING", "TITLE", *SIGNOFF)
    return found if found is not None and found.kind == "FINDINGS_HEADING" else None


def under_findings(before: Before, text: str) -> bool:
    """A bullet worded like a finding that is one: under a findings heading, straight
    after a finding or a lead-in to findings; never among highlights."""
    previous = before.previous
    if previous is not None and previous.kind == "HIGHLIGHT":
        return False
    return (
        _in_findings(before) is not None
        or (previous is not None and previous.kind in ASKED)
        or _lead_in(before, FINDINGS_LEAD)
    )


def next_number(before: Before, text: str) -> bool:
    """A bare number that is the next finding's under a findings heading."""
    if _in_findings(before) is None:
        return False
    numbered = before.last("FINDINGS_HEADING", *NUMBERED)
    last = 0
    if numbered is not None and numbered.kind != "FINDINGS_HEADING":
        found = ITEM_MARKER.match(numbered.text) or ITEM_NUMBER.match(numbered.text)
        last = int(found.group("number")) if found is not None else 0
    bare = ITEM_NUMBER.match(text)
    return bare is not None and int(bare.group("number")) == last + 1


def answer_goes_on(before: Before, text: str) -> bool:
    """A bullet that goes on with a finding's answer: not after a paragraph of it unless
    that paragraph ends in a colon."""
    previous = before.previous
    return previous is None or previous.kind != "RESPONSE" or previous.tail.endswith(":")


def sentence_open(before: Before, text: str) -> bool:
    """Straight after running text whose last sentence has not ended."""
    previous = before.previous
    return previous is not None and not previous.tail.endswith(ENDS_SENTENCE)
