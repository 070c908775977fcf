"""Typing the units of a response's body: what each line is, from its shape and its place.

The regions (``regions``) say which lines are the head of a letter and its sign-off, and
whether the text is a letter; the body between them holds the salutation, the subject,
prose, bullets and the findings with their answers, read here in order. The lines a block
wraps onto are typed "CONT" and the lexer joins them to the block's token, so it holds the
text as written (page furniture between its lines included). Whether a heading is a page's
title the grammar says (``pcc.lark``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import attrs

from peelparse.grammar import Unit
from peelparse_pcc.regions import mark_regions
from peelparse_pcc.shapes import (
    ENDS_SENTENCE,
    FINDINGS_LEAD,
    HIGHLIGHT_LEAD,
    ITEM_MARKER,
    ITEM_NUMBER,
    LETTER,
    PAGE,
    SHAPES,
    is_lead_in,
)

_IN_FINDING = ("ITEM", "ITEM_TEXT", "CONT", "RESPONSE", "RBULLET", "RESPONSE_LABEL")
"""What a finding holds; any other line ends it."""
_GOES_ON = ("CONT", "ITEM_TEXT")
"""Lines that go on with the block above them rather than open one."""
_LISTED = ("BULLET", "ITEM")
"""Shapes of a line that opens a list item or a finding: it never goes on with the block
above it."""
_NOT_ITEM_TEXT = (*_LISTED, "FINDINGS_HEADING", "MARKDOWN_HEADING")
"""Shapes of a line that is not the text of a finding whose marker stands alone above it."""
_SALUTATIONS = ("SALUTATION", "SALUTATION_MISREAD")


def typed_units(units: list[Unit]) -> list[Unit]:
    """The units of a response, each marked with its region, a unit of the body with its
    type instead: "CONT" for a line that goes on with the block above it, which the lexer
    joins to that block's token (``TYPED``)."""
    marked = mark_regions(units)
    regions = [unit.region for unit in marked]
    # The words each shape needs are looked for in the units' own text.
    lowered = "\n".join(unit.text for unit in units).lower()
    # No line is cut short for the shapes: the body's reading tests each line whole.
    classifier = SHAPES.classifier(marked, lowered, sys.maxsize)
    shapes = [_Shapes(classifier.fits, index) for index in range(len(units))]
    kinds = _Typer(units, shapes, regions).kinds()
    return [
        unit.in_region(kind) if kind else unit for unit, kind in zip(marked, kinds, strict=True)
    ]


class _Shapes:
    """The shapes one line fits, each asked of the table when first needed."""

    __slots__ = ("fits", "index")

    def __init__(self, fits: Callable[[int, str], bool], index: int) -> None:
        self.fits = fits
        self.index = index

    def __contains__(self, name: str) -> bool:
        return self.fits(self.index, name)

    def any_of(self, names: tuple[str, ...]) -> bool:
        return any(name in self for name in names)


@attrs.define
class _Typer:
    units: list[Unit]
    """The lines."""
    shapes: list[_Shapes]
    """The shapes each line fits (``SHAPES``)."""
    regions: list[str]
    """The region each line stands in."""
    out: list[str] = attrs.field(init=False)
    texts: list[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.out = [""] * len(self.units)
        self.texts = [unit.text for unit in self.units]

    def kinds(self) -> list[str]:
        """Each line's type in the body, read in order, once before the sign-off and once
        after it ("" for the lines of the head and the sign-off)."""
        start = 0
        for index in range(len(self.regions) + 1):
            if index == len(self.regions) or self.regions[index] not in (LETTER, PAGE):
                if start < index:
                    self._body(start, index, self.regions[start] == LETTER)
                start = index + 1
        return self.out

    # -- the body ---------------------------------------------------------------------------

    def _body(self, start: int, end: int, letter: bool) -> None:
        state = _Body(letter=letter)
        index = start
        while index < end:
            line = self.units[index]
            text = self.texts[index]
            kind = self._body_kind(index, line, text, state, end)
            self.out[index] = kind
            if kind == "SUBJECT_LABEL":
                index += 1
                self.out[index] = "SUBJECT_VALUE"
                state.block = "SUBJECT_VALUE"
            index += 1

    def _body_kind(self, index: int, line: Unit, text: str, state: _Body, end: int) -> str:
        shapes = self.shapes[index]
        kind = self._continues(line, text, state, shapes)
        if kind is None:
            kind = self._new_block(index, text, state, end, shapes)
        if kind not in _IN_FINDING:
            state.close_item()
        if kind not in ("HIGHLIGHT", "CONT"):
            state.highlights = False
        if kind not in _GOES_ON:
            state.block = kind
            if kind in ("PARA", "RESPONSE"):
                state.para_seen = True
        state.last_text = text if kind not in _GOES_ON else f"{state.last_text} {text}"
        return kind

    @staticmethod
    def _continues(line: Unit, text: str, state: _Body, shapes: _Shapes) -> str | None:
        """ "CONT" when the line goes on with the block above it (a hard-wrapped line)."""
        block = state.block
        listed = shapes.any_of(_LISTED)
        if state.pending_text:
            state.pending_text = False
            if not shapes.any_of(_NOT_ITEM_TEXT):
                return "ITEM_TEXT"
        if line.blank_before or listed:
            return None
        if block in ("BULLET", "HIGHLIGHT", "RBULLET", "ITEM") and (
            line.indent > 0 or text[:1].islower()
        ):
            return "CONT"
        if block in ("PARA", "RESPONSE") and (
            text[:1].islower() or not state.last_text.rstrip().endswith(ENDS_SENTENCE)
        ):
            return "CONT"
        return None

    def _new_block(
        self,
        index: int,
        text: str,
        state: _Body,
        end: int,
        shapes: _Shapes,
    ) -> str:
        if not state.saluted and shapes.any_of(_SALUTATIONS):
            state.saluted = True
            return "SALUTATION"
        if "FINDINGS_HEADING" in shapes:
            state.in_findings = True
            state.number = 0
            return "FINDINGS_HEADING"
        subject = None if state.subject else self._subject(index, state, end)
        if subject is not None:
            state.subject = True
            return subject
        marker = self._marker(text, state, shapes)
        if marker is not None:
            state.close_item()
            state.item = True
            state.number = int(marker.group("number"))
            state.pending_text = not text[marker.end() :].strip()
            return "ITEM"
        if "BULLET_FINDING" in shapes and self._under_findings(state):
            state.close_item()
            state.item = True
            return "ITEM"
        if "BULLET" in shapes:
            return self._bullet(state)
        if state.item and "RESPONSE_LABEL" in shapes:
            return "RESPONSE_LABEL"
        if not state.letter and not state.dated and not state.para_seen and "DATELINE" in shapes:
            state.dated = True
            return "DATELINE"
        if (
            "HEADING" in shapes
            and "WRAPS" not in shapes
            and not (state.item and state.block == "ITEM")
        ):
            state.in_findings = False
            return "HEADING"
        if state.item and not state.bullets_answer and "CLOSING_REMARKS" not in shapes:
            state.answered = True
            return "RESPONSE"
        return "PARA"

    def _subject(self, index: int, state: _Body, end: int) -> str | None:
        """ "SUBJECT" for "Re: ..." anywhere, a title set apart right under the salutation,
        or a report's title opening the body of a letter that has no salutation;
        "SUBJECT_LABEL" for a label with the report's title on the next line."""
        shapes = self.shapes[index]
        following = self.shapes[index + 1] if index + 1 < end else None
        # the first line of a letter's body, read with the line under it
        next_shapes = following if state.letter and state.block == "START" else None
        if (
            "SUBJECT" in shapes
            or (
                state.saluted
                and state.block == "SALUTATION"
                and shapes.any_of(("BOLD", "HEADING"))
                and "WRAPS" not in shapes
            )
            or (next_shapes is not None and "TITLED" in shapes and next_shapes.any_of(_SALUTATIONS))
            or (next_shapes is not None and "REPORT_LINE" in shapes and "PROSE" in next_shapes)
        ):
            return "SUBJECT"
        if (
            "SUBJECT_LABEL" in shapes
            and following is not None
            and not following.any_of(("PROSE", "BULLET"))
        ):
            return "SUBJECT_LABEL"
        return None

    @staticmethod
    def _marker(text: str, state: _Body, shapes: _Shapes) -> re.Match[str] | None:
        """A finding's marker: its name and number, or a bare number on a finding that reads
        like one or on the next of a list under a findings heading."""
        if "ITEM" in shapes:
            return ITEM_MARKER.match(text)
        if "ITEM_NUMBER" not in shapes:
            return None
        bare = ITEM_NUMBER.match(text)
        if bare is not None and (
            "ITEM_SHOULD" in shapes
            or (state.in_findings and int(bare.group("number")) == state.number + 1)
        ):
            return bare
        return None

    @staticmethod
    def _under_findings(state: _Body) -> bool:
        """Whether a bullet worded like a finding is one: under a findings heading, a
        finding or a lead-in to findings, and not among highlights."""
        lead = state.block in ("PARA", "RESPONSE") and is_lead_in(FINDINGS_LEAD, state.last_text)
        listed = state.in_findings or state.block == "ITEM" or bool(lead)
        return listed and not state.highlights

    def _bullet(self, state: _Body) -> str:
        if state.highlights:
            return "HIGHLIGHT"
        lead = state.last_text if state.block in ("PARA", "RESPONSE") else ""
        if lead and is_lead_in(HIGHLIGHT_LEAD, lead):
            state.highlights = True
            return "HIGHLIGHT"
        if state.item and (
            not state.answered or state.block == "RBULLET" or lead.rstrip().endswith(":")
        ):
            if not state.answered:
                state.bullets_answer = True
            state.answered = True
            return "RBULLET"
        return "BULLET"


@attrs.define
class _Body:
    letter: bool
    block: str = "START"
    """The type of the line that opened the current block (not a continuation)."""
    last_text: str = ""
    """The current block's text so far."""
    saluted: bool = False
    subject: bool = False
    dated: bool = False
    para_seen: bool = False
    in_findings: bool = False
    """After a findings heading: numbered lines are findings."""
    number: int = 0
    """The number of the last finding."""
    item: bool = False
    """Inside a finding: what follows answers it."""
    answered: bool = False
    bullets_answer: bool = False
    """The answer is a list of bullets (minutes), so prose after them is not part of it."""
    pending_text: bool = False
    """The finding's marker stood alone, so its text is on the next line."""
    highlights: bool = False

    def close_item(self) -> None:
        self.item = False
        self.answered = False
        self.bullets_answer = False
        self.pending_text = False
