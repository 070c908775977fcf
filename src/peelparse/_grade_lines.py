"""Grades given by layout rather than by a sentence: a line that is only a grade, a question
with its grade glued on, an area and its grade on one line ("Investigating crime: Adequate",
"Good – in responding to the public"), and list items that complete a lead-in ("is 'good' at
..."). Pages flatten the tables of 2021 and later reports into such lines."""

from __future__ import annotations

import re

from peelparse._lazy import LazyPattern
from peelparse._vocab import GRADE_PATTERN, Grade

_OPEN = "['‘\"“]?"
_CLOSE = "['’\"”]?"
_MARK = r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013]\s++)?"

GRADE_LINE = LazyPattern(rf"{_OPEN}{GRADE_PATTERN}{_CLOSE}\.?\s*$", re.IGNORECASE)
"""A line that is only a grade."""

GLUED_GRADE = LazyPattern(rf"(.*\?)[ \t]*({GRADE_PATTERN})[ \t]*$", re.IGNORECASE)
"""A question with its grade glued on: "...reducing crime?Good"."""

AREA_GRADE = LazyPattern(
    # an area is a name, not a sentence: "... reducing crime is: good." is prose
    rf"{_MARK}(?![^\n]*\b(?:is|was|are|were)\s*:)(?P<area>[A-Z][^:\n–—]{{2,120}}?)\s*"
    rf"(?::|\s[–—-])\s*{_OPEN}(?P<grade>{GRADE_PATTERN}){_CLOSE}\.?\s*$"
    rf"|{_MARK}{_OPEN}(?P<grade_first>{GRADE_PATTERN}){_CLOSE}\s*(?::|[–—-])\s*"
    r"(?:(?:at|in|for)\s+)?(?!(?:news|practice|progress|work|example)\b)"
    r"(?P<area_after>[a-z][^\n]{2,160}?)\s*[.;]?\s*$",
    re.IGNORECASE,
)
"""A graded area on a line of its own: "Investigating crime: Adequate", "• Good – at
preventing crime"."""

BULLET_GRADE = LazyPattern(
    r"(?:^|,?(?<!\s)\s++(?:but|and|while|whereas)\s+)(?:(?:it\s+)?(?:is|was|are|were|has\s+been|"
    r"remains)\s+)?(?:also\s+)?(?:(?:judged|graded|rated|assessed)\s+(?:to\s+be\s+|as\s+)?)?"
    rf"['‘’\"“”]?(?P<grade>{GRADE_PATTERN})['‘’\"“”]?\s+(?:in\s+respect\s+of|at|in|for|on|with)\s+",
    re.IGNORECASE,
)
"""A list item that completes "HMIC judged that X:" with a grade: "is 'good' at ..."."""


def area_grade(text: str) -> tuple[str, Grade] | None:
    """The area and grade of an "Area: Grade" or "Grade – area" line, else ``None``."""
    shape = AREA_GRADE.match(text)
    if shape is None:
        return None
    area = shape.group("area") or shape.group("area_after")
    grade = shape.group("grade") or shape.group("grade_first")
    return " ".join(area.split()), Grade.from_text(grade)


# Grades as ``AREA_GRADE`` spells them, by the letters they end and start with in lower
# case. The fragments leave out "i", "s" and "k", which match other letters when case is
# ignored, save for the dotted and dotless capital i that "Inadequate" may start with.
_GRADE_TAILS = ("nding", "good", "quate", "ement", "graded")
_GRADE_HEADS = (
    "out",
    "good",
    "adeq",
    "requ",
    "not",
    "to",
    "ung",
    "inad",
    "\u0131nad",
    "i\u0307nad",
)
_MARKS = "-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013"
_CLOSE_QUOTES = frozenset("'\u2019\"\u201d")
_OPEN_QUOTES = "'\u2018\"\u201c"


def may_pair_area(lower: str) -> bool:
    """Whether a line (stripped, in lower case) can be an ``AREA_GRADE`` line: an area and
    its grade are parted by a colon or a dash, and the line ends with the grade (less a
    quote and a full stop) or starts with it (less a bullet and a quote)."""
    if not (":" in lower or "-" in lower or "\u2013" in lower or "\u2014" in lower):
        return False
    end = lower[:-1] if lower.endswith(".") else lower
    if end[-1:] in _CLOSE_QUOTES:
        end = end[:-1]
    return end.endswith(_GRADE_TAILS) or lower.lstrip(_MARKS).lstrip().lstrip(
        _OPEN_QUOTES
    ).startswith(_GRADE_HEADS)
