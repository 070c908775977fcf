"""The shapes a report's lines take, in order of preference: the terminals of ``report.lark``.

Each shape names a layout, not a wording. Where several fit one line, the grammar takes the
first it can use where it stands: an indented line under a bullet continues it, a bullet
after "Areas for improvement" is one of its items, a grade line straight under a question is
that question's grade.
"""

from __future__ import annotations

import re

from peelparse.grammar import LineShape, ShapeTable
from peelparse.text import (
    AREA_GRADE,
    GRADE_LINE,
    GRADE_PATTERN,
    HEADLINE_QUESTION,
    LazyPattern,
    first_force_in,
)

BULLET = r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013]|\d{1,2}[.)])[ \t\u00a0]+\S"
"""A bulleted or numbered list item ("- ", "• ", "– ", "1. ")."""

QUESTION = LazyPattern(r"[A-Z\"'‘“][^\n]{8,300}\?[\"'’”]?\s*$")
"""A line that asks a question."""

DATED = LazyPattern(
    r"(?:Last\s+updated|Updated|Published(?:\s+on)?):?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})\s*$",
    re.IGNORECASE,
)
"""A "Last updated dd/mm/yyyy" line."""

HEADING = r"(?![^\n]{112})[^\s•\-*a-z][^\n]{0,110}(?<![.,;:!\"”’])\s*$"
"""A short line without closing punctuation: a title or a sub-heading. (The look-ahead
turns a long line away at once, where the expression would try every shorter length.)"""

TITLE_HINT = LazyPattern(r"\bPEEL\b|\b20\d\d\b|\binspection\b|\breport\b", re.IGNORECASE)
"""What makes the first heading of a page its title."""

_GLUED = rf"(?P<{{}}>.*\?)[ \t]*(?P<GRADE>{GRADE_PATTERN})[ \t]*$"
"""A question with its grade glued on ("...reducing crime?Good"); the question's terminal
goes in the braces."""

_NOT_BULLET = rf"(?!{BULLET})"

_AREA_GRADE = rf"(?=[^:\u2013\u2014-]*+[:\u2013\u2014-])(?:{AREA_GRADE.pattern})"
"""``AREA_GRADE``, tried only on a line holding a colon or a dash, as each of its matches
does: most paragraphs hold none, and the look-ahead turns them away in one pass, where the
expression would try every length of an area before failing."""


def _glued_question(headline: bool) -> LineShape:
    """The shape of a question (or a pillar's headline question) with its grade glued on."""
    name = "HEADLINE" if headline else "QUESTION"
    pattern = re.compile(_GLUED.format(name), re.IGNORECASE)

    def asks(text: str) -> bool:
        found = pattern.match(text)
        question = found.group(name) if found else ""
        return (
            bool(QUESTION.match(question)) and bool(HEADLINE_QUESTION.match(question)) is headline
        )

    return LineShape(f"GLUED_{name}", pattern.pattern, re.IGNORECASE, test=asks, parts=True)


def _finding_heading(name: str, words: str) -> LineShape:
    """A heading that opens a list of findings ("Areas for improvement", "Recommendations:")."""
    return LineShape(name, rf"{words}\s*:*", re.IGNORECASE, mode="fullmatch")


def _asks(text: str) -> bool:
    return QUESTION.match(text) is not None


def _asks_headline(text: str) -> bool:
    return HEADLINE_QUESTION.match(text) is not None


def _titles(text: str) -> bool:
    return TITLE_HINT.search(text) is not None or first_force_in(text) is not None


SHAPES = ShapeTable(
    [
        # A line straight under a bullet, indented or starting in lower case, continues it.
        LineShape("CONT", _NOT_BULLET, indented=True, after_blank=False),
        LineShape("CONT_LOWER", _NOT_BULLET, after_blank=False, test=lambda t: t[:1].islower()),
        # An area and its grade ("Investigating crime: Adequate", "• Good – at ..."), unless
        # the line asks a question.
        LineShape("AREA_GRADE", _AREA_GRADE, AREA_GRADE.flags, test=lambda t: not _asks(t)),
        LineShape("ITEM", BULLET),
        LineShape("BULLET", BULLET),
        _glued_question(headline=True),
        _glued_question(headline=False),
        LineShape("HEADLINE", QUESTION.pattern, test=_asks_headline),
        LineShape("QUESTION", QUESTION.pattern),
        LineShape("UPDATED", DATED.pattern, DATED.flags),
        LineShape("DATED", DATED.pattern, DATED.flags),
        LineShape("GRADE", GRADE_LINE.pattern, GRADE_LINE.flags),
        LineShape("GRADE_ALONE", GRADE_LINE.pattern, GRADE_LINE.flags),
        LineShape("NUMBER", r"\d{1,2}\.?\s*$"),
        _finding_heading("AFI_HEADING", r"areas?\s+for\s+improvement"),
        _finding_heading("COC_HEADING", r"causes?\s+of\s+concern"),
        _finding_heading("REC_HEADING", r"recommendations?"),
        LineShape("QUESTIONS_FOR", r"Questions\s+for\s+\w+\s*$", re.IGNORECASE),
        LineShape(
            "PILLAR", r"(?:Effectiveness|Efficiency|Legitimacy|Leadership)\s*$", re.IGNORECASE
        ),
        LineShape("TITLE", HEADING, test=_titles),
        LineShape("SUBTITLE", HEADING),
        LineShape("HEADING", HEADING),
        # A finding given as a paragraph ("The force should ...") under a findings heading.
        LineShape("SHOULD_ITEM", r"\bshould\b|\bmust\b", re.IGNORECASE, mode="search"),
        # A paragraph that speaks of areas for improvement leads into the bullets after it.
        LineShape("AFI_LEAD", r"\bareas? for improvement\b", re.IGNORECASE, mode="search"),
    ],
    fallback="PARA",
)
"""Every shape of a report's lines, most specific first."""
